package io.cessio.funding;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Rate;

/**
 * The reference rate of the financing charge (Euribor 3M), as values with the date they
 * take effect; the rate in force on a day is the latest value effective on or before it.
 * Administrators enter them.
 */
@Service
@Transactional
public class ReferenceRates {

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final Clock clock;

	ReferenceRates(JdbcClient jdbc, AuditTrail auditTrail, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** Records (or corrects) the value effective from a date. */
	@PreAuthorize("hasRole('ADMIN')")
	public void set(LocalDate effectiveFrom, Rate rate) {
		setAs(effectiveFrom, rate);
	}

	/** For start-up seeding, without a signed-in user. */
	void setAs(LocalDate effectiveFrom, Rate rate) {
		if (rate.value().abs().compareTo(new BigDecimal("0.1")) >= 0) {
			throw new IllegalArgumentException("A reference rate is between -10 % and 10 %");
		}
		jdbc.sql("""
				insert into reference_rate (effective_from, rate, recorded_at, recorded_by) values (?, ?, ?, ?)
				on conflict (effective_from) do update set rate = excluded.rate, recorded_at = excluded.recorded_at,
				  recorded_by = excluded.recorded_by""")
			.params(Date.valueOf(effectiveFrom), rate.value(), Timestamp.from(clock.instant()), currentUser.actorName())
			.update();
		auditTrail.record("REFERENCE_RATE_SET", "REFERENCE_RATE", effectiveFrom.toString(),
				"Euribor 3M " + rate.percent().stripTrailingZeros().toPlainString() + " % from " + effectiveFrom);
	}

	/** The value in force on the day, if any was entered. */
	@Transactional(readOnly = true)
	public Optional<Rate> inForceOn(LocalDate day) {
		return jdbc
			.sql("select rate from reference_rate where effective_from <= ? order by effective_from desc limit 1")
			.param(Date.valueOf(day))
			.query(BigDecimal.class)
			.optional()
			.map(Rate::new);
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<Entry> list() {
		return jdbc.sql(
				"select effective_from, rate, recorded_at, recorded_by from reference_rate order by effective_from desc")
			.query((rs, n) -> new Entry(rs.getDate("effective_from").toLocalDate(), new Rate(rs.getBigDecimal("rate")),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
			.list();
	}

	/** One value of the reference rate. */
	public record Entry(LocalDate effectiveFrom, Rate rate, java.time.Instant recordedAt, String recordedBy) {
	}

}
