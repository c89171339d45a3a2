package io.cessio.sweep;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.cessio.banking.AccountHoldingCollections;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;

/**
 * Runs a sweep over every dedicated account holding collections for the factor, in
 * batches of {@code cessio.sweep.batch-size} accounts (50) per transaction
 * ({@link SweepBatch}). A batch that fails is redone account by account, each in a
 * transaction of its own, so an account that fails is recorded as such with its error and
 * the others go on. Several instances may run at once; each account is swept once per
 * business date whoever gets there first, and a run cut short by a crash is simply run
 * again.
 */
@Component
class SweepRunner {

	static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

	/** A run still RUNNING after this long was cut short; the next run closes it. */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(SweepRunner.class);

	private final SweepBatch sweepBatch;

	private final DedicatedAccounts accounts;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int batchSize;

	SweepRunner(SweepBatch sweepBatch, DedicatedAccounts accounts, CurrentUser currentUser, JdbcClient jdbc,
			Clock clock, @Value("${cessio.sweep.batch-size:50}") int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("cessio.sweep.batch-size must be at least 1");
		}
		this.sweepBatch = sweepBatch;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	UUID run(LocalDate businessDate, SweepTrigger trigger) {
		UUID runId = started(businessDate, trigger);
		Tally tally = new Tally();
		try {
			List<AccountHoldingCollections> holding = accounts.accountsHoldingCollections();
			for (int from = 0; from < holding.size(); from += batchSize) {
				sweep(runId, holding.subList(from, Math.min(from + batchSize, holding.size())), businessDate, tally);
			}
			finished(runId, "DONE", tally, null);
		}
		catch (RuntimeException failure) {
			log.error("Sweep run {} failed", runId, failure);
			finished(runId, "FAILED", tally, failure.toString());
			throw failure;
		}
		return runId;
	}

	private void sweep(UUID runId, List<AccountHoldingCollections> batch, LocalDate businessDate, Tally tally) {
		if (batch.size() > 1) {
			try {
				tally.count(sweepBatch.sweep(runId, batch, businessDate));
				return;
			}
			catch (RuntimeException failure) {
				log.warn("Sweep of a batch of {} accounts on {} failed ({}); sweeping them one by one", batch.size(),
						businessDate, failure.toString());
			}
		}
		for (AccountHoldingCollections account : batch) {
			try {
				tally.count(sweepBatch.sweep(runId, List.of(account), businessDate));
			}
			catch (RuntimeException failure) {
				tally.failed++;
				log.error("Sweep of company {} on {} failed", account.companyId(), businessDate, failure);
				sweepBatch.recordFailure(runId, account, businessDate, failure.toString());
			}
		}
	}

	/** What the run did so far. */
	private static final class Tally {

		int swept;

		int failed;

		int skipped;

		Money total = Money.zero(Money.EUR);

		void count(List<AccountSweepOutcome> outcomes) {
			for (AccountSweepOutcome outcome : outcomes) {
				if (outcome instanceof AccountSweepOutcome.Swept done) {
					swept++;
					total = total.plus(done.amount());
				}
				else {
					skipped++;
				}
			}
		}

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

	private void finished(UUID runId, String status, Tally tally, @Nullable String detail) {
		jdbc.sql("""
				update sweep_run set status = ?, finished_at = ?, accounts_swept = ?, accounts_failed = ?,
				  accounts_skipped = ?, total_swept = ?, detail = ? where id = ?""")
			.params(status, Timestamp.from(clock.instant()), tally.swept, tally.failed, tally.skipped,
					tally.total.amount(),
					detail == null ? null : detail.length() > 1000 ? detail.substring(0, 999) : detail, runId)
			.update();
	}

}
