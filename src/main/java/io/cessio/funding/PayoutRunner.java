package io.cessio.funding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.audit.AuditTrail;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.OutgoingTransfer;
import io.cessio.shared.Money;

/**
 * The payout job: executes pending payouts, oldest first, each in a transaction of its
 * own that takes the payout row with {@code FOR UPDATE SKIP LOCKED}. So several instances
 * may run the job at once and each payout is taken by exactly one; the bank transfer, its
 * ledger entry and the payout's new status commit together, so a crash leaves a payout
 * either done or still pending, never half; the ledger's and the bank's idempotency keys
 * are a second guard. A payout the availability no longer covers is cancelled with the
 * reason.
 */
@Service
public class PayoutRunner {

	static final String JOB = "PAYOUTS";

	private static final Logger log = LoggerFactory.getLogger(PayoutRunner.class);

	private final PayoutRepository payouts;

	private final FundingManagement funding;

	private final DedicatedAccounts dedicatedAccounts;

	private final AuditTrail auditTrail;

	private final JobRuns jobRuns;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	PayoutRunner(PayoutRepository payouts, FundingManagement funding, DedicatedAccounts dedicatedAccounts,
			AuditTrail auditTrail, JobRuns jobRuns, JdbcClient jdbc, PlatformTransactionManager transactions,
			Clock clock) {
		this.payouts = payouts;
		this.funding = funding;
		this.dedicatedAccounts = dedicatedAccounts;
		this.auditTrail = auditTrail;
		this.jobRuns = jobRuns;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Executes every payout pending now; returns how many were executed. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public int runDuePayouts() {
		UUID run = jobRuns.started(JOB);
		int executed = 0;
		try {
			while (true) {
				Optional<Boolean> outcome = transaction.execute(status -> executeNext());
				if (outcome == null || outcome.isEmpty()) {
					break;
				}
				if (outcome.get()) {
					executed++;
				}
			}
			jobRuns.finished(run, executed, null);
			return executed;
		}
		catch (RuntimeException failure) {
			log.error("Payout job failed after {} payouts", executed, failure);
			jobRuns.finished(run, executed, failure.toString());
			throw failure;
		}
	}

	/**
	 * Takes the oldest pending payout no other instance holds: executed (true), cancelled
	 * (false), or nothing left (empty).
	 */
	private Optional<Boolean> executeNext() {
		Optional<UUID> next = jdbc.sql("""
				select id from payout where status = 'PENDING'
				order by requested_at, id limit 1 for update skip locked""").query(UUID.class).optional();
		if (next.isEmpty()) {
			return Optional.empty();
		}
		Payout payout = payouts.findById(next.get()).orElseThrow();
		funding.lockCompany(payout.companyId());
		Money available = funding.availability(payout.companyId()).availability();
		if (payout.amount().isGreaterThan(available)) {
			String reason = "availability fell to " + available + " before execution";
			payout.cancelled(reason);
			payouts.save(payout);
			auditTrail.record("PAYOUT_CANCELLED", FundingManagement.ENTITY, payout.id().toString(), reason);
			return Optional.of(false);
		}
		OutgoingTransfer transfer = dedicatedAccounts.fund(payout.companyId(), payout.amount(), "PAYOUT:" + payout.id(),
				remittanceInfo(payout), LocalDate.now(clock));
		payout.executed(clock.instant(), transfer.id(), transfer.endToEndId());
		payouts.save(payout);
		return Optional.of(true);
	}

	private static String remittanceInfo(Payout payout) {
		return switch (payout.kind()) {
			case AFTER_PURCHASE -> "FINANCEMENT CESSIO APRES ACHAT";
			case DRAW -> "FINANCEMENT CESSIO TIRAGE";
			case RESERVE_REFUND -> "REVERSEMENT RESERVE CESSIO";
		};
	}

}
