package io.cessio.sweep;

import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.banking.DedicatedAccountView;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.OutgoingTransfer;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.ContractTerms;
import io.cessio.payments.Collections;
import io.cessio.payments.SweptCollections;
import io.cessio.shared.Money;

/**
 * Sweeps one dedicated account, in a transaction of its own: under a lock on the account,
 * unless it was already swept that business date, the collections held for the factor are
 * transferred (pain.001 through the bank port, SWEEP ledger entry), the collections are
 * marked as swept, the line is recorded and {@link CollectionsSwept} is published — all
 * or nothing. The request key of the transfer is the account and the date, so that even a
 * replay after a crash transfers once.
 */
@Component
class AccountSweep {

	private final DedicatedAccounts accounts;

	private final Collections collections;

	private final CompanyManagement companies;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountSweep(DedicatedAccounts accounts, Collections collections, CompanyManagement companies,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.accounts = accounts;
		this.collections = collections;
		this.companies = companies;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	AccountSweepOutcome sweep(UUID runId, CompanyId companyId, LocalDate businessDate) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('SWEEP:' || ?))")
			.param(companyId.toString())
			.query()
			.listOfRows();
		DedicatedAccountView account = accounts.of(companyId);
		boolean alreadySwept = jdbc.sql("""
				select exists (select 1 from sweep_line
				               where dedicated_account_id = ? and business_date = ? and status = 'SWEPT')""")
			.params(account.id().value(), Date.valueOf(businessDate))
			.query(Boolean.class)
			.single();
		Money held = accounts.collectionsHeld(companyId);
		if (alreadySwept || !held.isPositive()) {
			return new AccountSweepOutcome.Skipped();
		}
		OutgoingTransfer transfer = accounts.sweep(companyId, held, "SWEEP:" + account.id() + ":" + businessDate,
				"NIVELLEMENT " + account.companyName() + " " + businessDate, businessDate);
		UUID lineId = UUID.randomUUID();
		SweptCollections swept = collections.markSwept(companyId, lineId);
		ContractTerms terms = companies.find(companyId).terms();
		Money reserveReleased = held.times(terms.advanceRate().complement(), RoundingMode.HALF_UP);
		jdbc.sql("""
				insert into sweep_line (id, run_id, dedicated_account_id, company_id, business_date, status, amount,
				  invoices_settled, reserve_released, transfer_id, recorded_at)
				values (?, ?, ?, ?, ?, 'SWEPT', ?, ?, ?, ?, ?)""")
			.params(lineId, runId, account.id().value(), companyId.value(), Date.valueOf(businessDate), held.amount(),
					swept.invoices(), reserveReleased.amount(), transfer.id(), Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new CollectionsSwept(lineId, companyId, businessDate, held));
		return new AccountSweepOutcome.Swept(held);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailure(UUID runId, CompanyId companyId, LocalDate businessDate, String error) {
		DedicatedAccountView account = accounts.of(companyId);
		jdbc.sql("""
				insert into sweep_line (id, run_id, dedicated_account_id, company_id, business_date, status, amount,
				  invoices_settled, reserve_released, error, recorded_at)
				values (?, ?, ?, ?, ?, 'FAILED', 0, 0, 0, ?, ?)""")
			.params(UUID.randomUUID(), runId, account.id().value(), companyId.value(), Date.valueOf(businessDate),
					error.length() > 1000 ? error.substring(0, 999) : error, Timestamp.from(clock.instant()))
			.update();
	}

}
