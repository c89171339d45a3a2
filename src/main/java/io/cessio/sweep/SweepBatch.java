package io.cessio.sweep;

import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.banking.AccountHoldingCollections;
import io.cessio.banking.DedicatedAccountId;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.OutgoingTransfer;
import io.cessio.banking.SweepInstruction;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyNotFound;
import io.cessio.companies.CompanyView;
import io.cessio.payments.Collections;
import io.cessio.payments.SweptCollections;
import io.cessio.shared.Money;

/**
 * Sweeps a batch of dedicated accounts in a transaction of its own: under an advisory
 * lock on each account, the accounts not swept yet that business date have the
 * collections they hold transferred to the factor (pain.001 through the bank port, SWEEP
 * ledger entry), their collections marked as swept, their lines recorded and
 * {@link CollectionsSwept} published — all or nothing for the batch. The request key of
 * each transfer is the account and the date, so that even a replay after a crash
 * transfers once. A batch of one account is how a failed batch is redone.
 */
@Component
class SweepBatch {

	private final DedicatedAccounts accounts;

	private final Collections collections;

	private final CompanyManagement companies;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	SweepBatch(DedicatedAccounts accounts, Collections collections, CompanyManagement companies,
			ApplicationEventPublisher events, JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
		this.accounts = accounts;
		this.collections = collections;
		this.companies = companies;
		this.events = events;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	/** What became of each account, in the batch's order. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	List<AccountSweepOutcome> sweep(UUID runId, List<AccountHoldingCollections> batch, LocalDate businessDate) {
		lockAgainstOtherSweeps(batch);
		Set<DedicatedAccountId> alreadySwept = sweptOn(batch, businessDate);
		List<AccountHoldingCollections> toSweep = batch.stream()
			.filter(account -> !alreadySwept.contains(account.account()))
			.toList();
		if (toSweep.isEmpty()) {
			return batch.stream().<AccountSweepOutcome>map(account -> new AccountSweepOutcome.Skipped()).toList();
		}
		Map<CompanyId, CompanyView> companiesById = companies
			.findAll(toSweep.stream().map(AccountHoldingCollections::companyId).toList());
		Map<DedicatedAccountId, OutgoingTransfer> transfers = accounts
			.sweepHeld(instructions(toSweep, companiesById, businessDate));
		Map<CompanyId, UUID> lineIds = new LinkedHashMap<>();
		toSweep.stream()
			.filter(account -> transfers.containsKey(account.account()))
			.forEach(account -> lineIds.put(account.companyId(), UUID.randomUUID()));
		if (!lineIds.isEmpty()) {
			recordLines(runId, toSweep, companiesById, transfers, lineIds, collections.markSwept(lineIds),
					businessDate);
		}
		return batch.stream().<AccountSweepOutcome>map(account -> {
			OutgoingTransfer transfer = transfers.get(account.account());
			return transfer == null ? new AccountSweepOutcome.Skipped()
					: new AccountSweepOutcome.Swept(transfer.amount());
		}).toList();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailure(UUID runId, AccountHoldingCollections account, LocalDate businessDate, String error) {
		jdbc.sql("""
				insert into sweep_line (id, run_id, dedicated_account_id, company_id, business_date, status, amount,
				  invoices_settled, reserve_released, error, recorded_at)
				values (?, ?, ?, ?, ?, 'FAILED', 0, 0, 0, ?, ?)""")
			.params(UUID.randomUUID(), runId, account.account().value(), account.companyId().value(),
					Date.valueOf(businessDate), error.length() > 1000 ? error.substring(0, 999) : error,
					Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * One advisory lock per account (keyed by company, as every sweep instance keys it),
	 * taken in one statement in key order, so that two instances' batches wait for each
	 * other instead of deadlocking; no row is locked before they are all held.
	 */
	private void lockAgainstOtherSweeps(List<AccountHoldingCollections> batch) {
		jdbc.sql("""
				select pg_advisory_xact_lock(k.key) from (
				  select distinct hashtext('SWEEP:' || company_id) as key from unnest(?::text[]) as company_id
				  order by 1) k""")
			.param(batch.stream().map(account -> account.companyId().toString()).toArray(String[]::new))
			.query()
			.listOfRows();
	}

	private Set<DedicatedAccountId> sweptOn(List<AccountHoldingCollections> batch, LocalDate businessDate) {
		return new HashSet<>(jdbc.sql("""
				select dedicated_account_id from sweep_line
				where dedicated_account_id = any(?) and business_date = ? and status = 'SWEPT'""")
			.params(batch.stream().map(account -> account.account().value()).toArray(UUID[]::new),
					Date.valueOf(businessDate))
			.query((rs, n) -> new DedicatedAccountId(rs.getObject(1, UUID.class)))
			.list());
	}

	private static List<SweepInstruction> instructions(List<AccountHoldingCollections> toSweep,
			Map<CompanyId, CompanyView> companiesById, LocalDate businessDate) {
		return toSweep.stream()
			.map(account -> new SweepInstruction(account.account(), "SWEEP:" + account.account() + ":" + businessDate,
					"NIVELLEMENT " + company(companiesById, account.companyId()).legalName() + " " + businessDate,
					businessDate))
			.toList();
	}

	private void recordLines(UUID runId, List<AccountHoldingCollections> toSweep,
			Map<CompanyId, CompanyView> companiesById, Map<DedicatedAccountId, OutgoingTransfer> transfers,
			Map<CompanyId, UUID> lineIds, Map<CompanyId, SweptCollections> swept, LocalDate businessDate) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>();
		List<CollectionsSwept.Line> lines = new ArrayList<>();
		for (AccountHoldingCollections account : toSweep) {
			UUID lineId = lineIds.get(account.companyId());
			if (lineId == null) {
				continue;
			}
			OutgoingTransfer transfer = transfers.get(account.account());
			Money amount = transfer.amount();
			Money reserveReleased = amount.times(
					company(companiesById, account.companyId()).terms().advanceRate().complement(),
					RoundingMode.HALF_UP);
			rows.add(new Object[] { lineId, runId, account.account().value(), account.companyId().value(),
					Date.valueOf(businessDate), amount.amount(), swept.get(account.companyId()).invoices(),
					reserveReleased.amount(), transfer.id(), now });
			lines.add(new CollectionsSwept.Line(lineId, account.companyId(), amount));
		}
		jdbcTemplate.batchUpdate("""
				insert into sweep_line (id, run_id, dedicated_account_id, company_id, business_date, status, amount,
				  invoices_settled, reserve_released, transfer_id, recorded_at)
				values (?, ?, ?, ?, ?, 'SWEPT', ?, ?, ?, ?, ?)""", rows);
		events.publishEvent(new CollectionsSwept(businessDate, lines));
	}

	private static CompanyView company(Map<CompanyId, CompanyView> companiesById, CompanyId id) {
		CompanyView company = companiesById.get(id);
		if (company == null) {
			throw new CompanyNotFound(id);
		}
		return company;
	}

}
