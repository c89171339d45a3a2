package io.cessio.sweep;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.cessio.banking.DedicatedAccounts;
import io.cessio.companies.CompanyId;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;

/**
 * Runs a sweep over every dedicated account holding collections for the factor, one
 * account per transaction ({@link AccountSweep}): an account that fails is recorded as
 * such and the others go on. Several instances may run at once; each account is swept
 * once per business date whoever gets there first, and a run cut short by a crash is
 * simply run again.
 */
@Component
class SweepRunner {

	static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

	/** A run still RUNNING after this long was cut short; the next run closes it. */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(SweepRunner.class);

	private final AccountSweep accountSweep;

	private final DedicatedAccounts accounts;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	SweepRunner(AccountSweep accountSweep, DedicatedAccounts accounts, CurrentUser currentUser, JdbcClient jdbc,
			Clock clock) {
		this.accountSweep = accountSweep;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	UUID run(LocalDate businessDate, SweepTrigger trigger) {
		UUID runId = started(businessDate, trigger);
		int swept = 0;
		int failed = 0;
		int skipped = 0;
		Money total = Money.zero(Money.EUR);
		try {
			List<CompanyId> companies = accounts.companiesHoldingCollections();
			for (CompanyId companyId : companies) {
				try {
					AccountSweepOutcome outcome = accountSweep.sweep(runId, companyId, businessDate);
					if (outcome instanceof AccountSweepOutcome.Swept done) {
						swept++;
						total = total.plus(done.amount());
					}
					else {
						skipped++;
					}
				}
				catch (RuntimeException failure) {
					failed++;
					log.error("Sweep of company {} on {} failed", companyId, businessDate, failure);
					accountSweep.recordFailure(runId, companyId, businessDate, failure.toString());
				}
			}
			finished(runId, "DONE", swept, failed, skipped, total, null);
		}
		catch (RuntimeException failure) {
			log.error("Sweep run {} failed", runId, failure);
			finished(runId, "FAILED", swept, failed, skipped, total, failure.toString());
			throw failure;
		}
		return runId;
	}

	private UUID started(LocalDate businessDate, SweepTrigger trigger) {
		jdbc.sql("""
				update sweep_run set status = 'FAILED', finished_at = ?,
				  detail = 'abandoned: its instance stopped during the run'
				where status = 'RUNNING' and started_at < ?""")
			.params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant().minus(ABANDONED_AFTER)))
			.update();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into sweep_run (id, business_date, trigger, started_at, started_by, instance, status)
				values (?, ?, ?, ?, ?, ?, 'RUNNING')""")
			.params(id, Date.valueOf(businessDate), trigger.name(), Timestamp.from(clock.instant()),
					currentUser.actorName(), INSTANCE)
			.update();
		return id;
	}

	private void finished(UUID runId, String status, int swept, int failed, int skipped, Money total, String detail) {
		jdbc.sql("""
				update sweep_run set status = ?, finished_at = ?, accounts_swept = ?, accounts_failed = ?,
				  accounts_skipped = ?, total_swept = ?, detail = ? where id = ?""")
			.params(status, Timestamp.from(clock.instant()), swept, failed, skipped, total.amount(),
					detail == null ? null : detail.length() > 1000 ? detail.substring(0, 999) : detail, runId)
			.update();
	}

}
