package io.cessio.sweep;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyView;
import io.cessio.payments.CollectedInvoice;
import io.cessio.payments.Collections;
import io.cessio.platform.security.CurrentUser;
import io.cessio.platform.time.BusinessCalendar;
import io.cessio.shared.Money;

/**
 * The sweep, for operations: run it now, and see every run with its lines per account and
 * the invoices each line settled.
 */
@Service
public class SweepManagement {

	private final SweepRunner runner;

	private final Collections collections;

	private final CompanyManagement companies;

	private final BusinessCalendar calendar;

	private final AuditTrail auditTrail;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CurrentUser currentUser;

	SweepManagement(SweepRunner runner, Collections collections, CompanyManagement companies, BusinessCalendar calendar,
			AuditTrail auditTrail, JdbcClient jdbc, Clock clock, CurrentUser currentUser) {
		this.currentUser = currentUser;
		this.runner = runner;
		this.collections = collections;
		this.companies = companies;
		this.calendar = calendar;
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Sweeps every account now, for today's business date (or the next business day's on
	 * a weekend or holiday: the bank executes it then).
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public UUID runNow() {
		LocalDate today = LocalDate.now(clock);
		LocalDate businessDate = calendar.isBusinessDay(today) ? today : calendar.nextBusinessDay(today);
		auditTrail.recordOnItsOwn(currentUser.actorName(), "SWEEP_REQUESTED", "SWEEP_RUN", businessDate.toString(),
				"run now for " + businessDate, null);
		return runner.run(businessDate, SweepTrigger.MANUAL);
	}

	/** The scheduled sweep of a business day. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public UUID runScheduled(LocalDate businessDate) {
		return runner.run(businessDate, SweepTrigger.SCHEDULE);
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public List<SweepRunView> recentRuns() {
		return jdbc.sql("select * from sweep_run order by started_at desc, id limit 50")
			.query((rs, n) -> run(rs))
			.list();
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public Optional<SweepRunView> findRun(UUID runId) {
		return jdbc.sql("select * from sweep_run where id = ?").param(runId).query((rs, n) -> run(rs)).optional();
	}

	/** The run's lines, one per account it swept or failed to sweep. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public List<SweepLineView> linesOf(UUID runId) {
		return jdbc.sql("select * from sweep_line where run_id = ? order by recorded_at, id")
			.param(runId)
			.query((rs, n) -> line(rs))
			.list();
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public Optional<SweepLineView> findLine(UUID lineId) {
		return jdbc.sql("select * from sweep_line where id = ?").param(lineId).query((rs, n) -> line(rs)).optional();
	}

	/** The invoices whose collections a line transferred. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public List<CollectedInvoice> invoicesOf(UUID lineId) {
		return collections.sweptBy(lineId);
	}

	private static SweepRunView run(ResultSet rs) throws SQLException {
		var finished = rs.getTimestamp("finished_at");
		return new SweepRunView(rs.getObject("id", UUID.class), rs.getDate("business_date").toLocalDate(),
				SweepTrigger.valueOf(rs.getString("trigger")), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant(), rs.getString("started_by"), rs.getString("instance"),
				rs.getString("status"), rs.getInt("accounts_swept"), rs.getInt("accounts_failed"),
				rs.getInt("accounts_skipped"), Money.eur(rs.getBigDecimal("total_swept")), rs.getString("detail"));
	}

	private SweepLineView line(ResultSet rs) throws SQLException {
		CompanyId companyId = new CompanyId(rs.getObject("company_id", UUID.class));
		CompanyView company = companies.find(companyId);
		return new SweepLineView(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class), companyId,
				company.legalName(), rs.getDate("business_date").toLocalDate(), rs.getString("status"),
				Money.eur(rs.getBigDecimal("amount")), rs.getInt("invoices_settled"),
				Money.eur(rs.getBigDecimal("reserve_released")), rs.getObject("transfer_id", UUID.class),
				rs.getString("error"), rs.getTimestamp("recorded_at").toInstant());
	}

}
