package io.cessio.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.CessioIntegrationTest;
import io.cessio.shared.Money;

/**
 * The ledger on real PostgreSQL: idempotency, database backstops, balances, statements.
 */
@CessioIntegrationTest
class LedgerIntegrationTests {

	static final LocalDate MARCH_3 = LocalDate.of(2026, 3, 3);

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	String company;

	@BeforeEach
	void aFreshCompanyKey() {
		company = UUID.randomUUID().toString();
	}

	@Test
	void postingTheSameKeyTwiceRecordsOneEntry() {
		long first = ledger
			.post(PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("100.00"), "VIR"));
		long second = ledger
			.post(PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("100.00"), "VIR"));
		assertThat(second).isEqualTo(first);
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_UNIDENTIFIED, company)))
			.isEqualTo(Money.eur("100.00"));
	}

	@Test
	void theSameKeyWithOtherPostingsIsAConflictAndPostsNothing() {
		ledger.post(PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("100.00"), "VIR"));
		assertThatThrownBy(() -> ledger
			.post(PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("999.00"), "VIR")))
			.isInstanceOf(IdempotencyConflict.class);
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_CASH, company)))
			.isEqualTo(Money.eur("100.00"));
	}

	@Test
	void aPortionCannotGoNegativeAndARefusedEntryLeavesNoTrace() {
		ledger.post(PostingRules.payout(company, ref("P-1"), MARCH_3, Money.eur("50.00")));
		assertThatThrownBy(() -> ledger.post(PostingRules.withdrawal(company, ref("W-1"), MARCH_3, Money.eur("50.01"))))
			.isInstanceOf(InsufficientBalance.class)
			.hasMessageContaining("50.00");
		assertThat(
				jdbc.sql("select count(*) from journal_entry where source_type = 'WITHDRAWAL' and source_ref = 'W-1'")
					.query(Long.class)
					.single())
			.isZero();
		ledger.post(PostingRules.withdrawal(company, ref("W-2"), MARCH_3, Money.eur("50.00")));
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, company)))
			.isEqualTo(Money.eur("0.00"));
	}

	@Test
	void theDatabaseRefusesUpdateAndDeleteOfPostingsAndEntries() {
		long entry = ledger
			.post(PostingRules.incomingTransfer(company, ref("T-9"), MARCH_3, Money.eur("10.00"), "VIR"));
		assertRefused("update posting set amount = 1 where entry_id = " + entry);
		assertRefused("delete from posting where entry_id = " + entry);
		assertRefused("update journal_entry set description = 'forged' where id = " + entry);
		assertRefused("delete from journal_entry where id = " + entry);
		assertRefused("truncate posting cascade");
		assertThat(jdbc.sql("select sum(amount) from posting where entry_id = ?")
			.param(entry)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("20.00");
	}

	@Test
	void theDatabaseRefusesAnUnbalancedEntryWrittenBehindTheLedgersBack() {
		long account = jdbc.sql("select id from ledger_account where code = 'FACTOR_BANK'")
			.query(Long.class)
			.optional()
			.orElseGet(() -> {
				ledger.post(PostingRules.payout(company, ref("P-x"), MARCH_3, Money.eur("1.00")));
				return jdbc.sql("select id from ledger_account where code = 'FACTOR_BANK'").query(Long.class).single();
			});
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			long entry = jdbc.sql("""
					insert into journal_entry (source_type, source_ref, effective_date, recorded_at, description)
					values ('TEST', ?, current_date, now(), 'forged') returning id""")
				.param(UUID.randomUUID().toString())
				.query(Long.class)
				.single();
			jdbc.sql("insert into posting (entry_id, account_id, side, amount, currency) values (?, ?, 'D', 5, 'EUR')")
				.params(entry, account)
				.update();
			jdbc.sql("insert into posting (entry_id, account_id, side, amount, currency) values (?, ?, 'C', 4, 'EUR')")
				.params(entry, account)
				.update();
		})).isInstanceOf(DataAccessException.class);
	}

	@Test
	void fundsInUseFollowTheReferenceScenarioToTheEndOfMarch() {
		// DOMAIN.md §3.3: purchase 20 400 with fees 84,24; payout 18 275,76; March charge
		// 52,21
		ledger.post(PostingRules.purchase(company, ref("R-2026-0001"), MARCH_3, Money.eur("20400.00"),
				Money.eur("61.20"), Money.eur("9.00"), Money.eur("14.04")));
		assertThat(ledger.fundsInUse(company, MARCH_3)).isEqualTo(Money.eur("84.24"));
		ledger.post(PostingRules.payout(company, ref("PAY-1"), MARCH_3, Money.eur("18275.76")));
		assertThat(ledger.fundsInUse(company, MARCH_3)).isEqualTo(Money.eur("18360.00"));
		LocalDate march31 = LocalDate.of(2026, 3, 31);
		ledger.post(PostingRules.financingCharge(company, ref("2026-03"), march31, Money.eur("52.21")));
		assertThat(ledger.fundsInUse(company, march31)).isEqualTo(Money.eur("18412.21"));
		assertThat(ledger.fundsInUse(company, LocalDate.of(2026, 3, 30))).isEqualTo(Money.eur("18360.00"));
		assertThat(ledger.balance(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, company), march31))
			.isEqualTo(Money.eur("18275.76"));
		assertThat(ledger.trialBalance(march31).isBalanced()).isTrue();
	}

	@Test
	void aStatementShowsMovementsNewestFirstWithTheRunningBalance() {
		ledger.post(PostingRules.payout(company, ref("P-1"), MARCH_3, Money.eur("1000.00")));
		ledger.post(PostingRules.withdrawal(company, ref("W-1"), MARCH_3.plusDays(1), Money.eur("300.00")));
		ledger.post(PostingRules.payout(company, ref("P-2"), MARCH_3.plusDays(2), Money.eur("50.50")));
		List<StatementLine> lines = ledger
			.statement(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, company), PageRequest.of(0, 10))
			.getContent();
		assertThat(lines).extracting(StatementLine::amount)
			.containsExactly(Money.eur("50.50"), Money.eur("-300.00"), Money.eur("1000.00"));
		assertThat(lines).extracting(StatementLine::runningBalance)
			.containsExactly(Money.eur("750.50"), Money.eur("700.00"), Money.eur("1000.00"));
	}

	@Test
	void aReversalCancelsAnEntryOnceAndIsLinkedToIt() {
		long payout = ledger.post(PostingRules.payout(company, ref("P-1"), MARCH_3, Money.eur("80.00")));
		long reversal = ledger.reverse(payout, MARCH_3, "versement en double");
		assertThat(ledger.reverse(payout, MARCH_3, "versement en double")).isEqualTo(reversal);
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_CASH, company)))
			.isEqualTo(Money.eur("0.00"));
		assertThat(jdbc.sql("select reverses_entry_id from journal_entry where id = ?")
			.param(reversal)
			.query(Long.class)
			.single()).isEqualTo(payout);
	}

	@Test
	void aBatchPostsItsEntriesInOrderAndUpdatesEachBalanceOnce() {
		AccountRef cash = AccountRef.of(AccountCode.DEDICATED_CASH, company);
		ledger.post(PostingRules.incomingTransfer(company, ref("T-0"), MARCH_3, Money.eur("1.00"), "VIR"));
		long versionBefore = version(cash);
		List<Long> ids = ledger
			.postAll(List.of(PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("100.00"), "VIR 1"),
					PostingRules.incomingTransfer(company, ref("T-2"), MARCH_3, Money.eur("250.50"), "VIR 2"),
					PostingRules.releaseToCompany(company, ref("R-1"), MARCH_3, Money.eur("100.00"))));
		assertThat(ids).hasSize(3).doesNotHaveDuplicates().isSorted();
		assertThat(ledger.currentBalance(cash)).isEqualTo(Money.eur("351.50"));
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_UNIDENTIFIED, company)))
			.isEqualTo(Money.eur("251.50"));
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, company)))
			.isEqualTo(Money.eur("100.00"));
		assertThat(version(cash)).isEqualTo(versionBefore + 1);
		assertThat(jdbc.sql("select count(*) from posting where entry_id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(Long.class)
			.single()).isEqualTo(6);
		assertThat(ledger.invariantViolations()).isEmpty();
	}

	@Test
	void aBatchReplayingKeysPostsEachOnceAndReturnsTheFirstIds() {
		List<Long> first = ledger
			.postAll(List.of(PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("100.00"), "VIR"),
					PostingRules.incomingTransfer(company, ref("T-2"), MARCH_3, Money.eur("20.00"), "VIR"),
					PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("100.00"), "VIR")));
		assertThat(first.get(2)).isEqualTo(first.get(0));
		List<Long> again = ledger
			.postAll(List.of(PostingRules.incomingTransfer(company, ref("T-2"), MARCH_3, Money.eur("20.00"), "VIR"),
					PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("100.00"), "VIR")));
		assertThat(again).containsExactly(first.get(1), first.get(0));
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_CASH, company)))
			.isEqualTo(Money.eur("120.00"));
	}

	@Test
	void aBatchUsingAKeyForOtherPostingsIsAConflictAndPostsNothing() {
		ledger.post(PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("100.00"), "VIR"));
		assertThatThrownBy(() -> ledger
			.postAll(List.of(PostingRules.incomingTransfer(company, ref("T-2"), MARCH_3, Money.eur("5.00"), "VIR"),
					PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("999.00"), "VIR"))))
			.isInstanceOf(IdempotencyConflict.class);
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_CASH, company)))
			.isEqualTo(Money.eur("100.00"));
		assertThat(entriesWithRef(ref("T-2"))).isZero();
	}

	@Test
	void aBatchIsRefusedWholeWhenAPortionWouldGoNegativeAtAnyEntryEvenIfItEndsPositive() {
		ledger.post(PostingRules.payout(company, ref("P-1"), MARCH_3, Money.eur("50.00")));
		// 50 - 60 + 20 ends at 10, but one after the other the withdrawal comes first
		assertThatThrownBy(
				() -> ledger.postAll(List.of(PostingRules.withdrawal(company, ref("W-1"), MARCH_3, Money.eur("60.00")),
						PostingRules.payout(company, ref("P-2"), MARCH_3, Money.eur("20.00")))))
			.isInstanceOf(InsufficientBalance.class)
			.hasMessageContaining("50.00");
		assertThat(entriesWithRef(ref("W-1")) + entriesWithRef(ref("P-2"))).isZero();
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, company)))
			.isEqualTo(Money.eur("50.00"));
		ledger.postAll(List.of(PostingRules.payout(company, ref("P-2"), MARCH_3, Money.eur("20.00")),
				PostingRules.withdrawal(company, ref("W-1"), MARCH_3, Money.eur("60.00"))));
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, company)))
			.isEqualTo(Money.eur("10.00"));
		assertThat(ledger.invariantViolations()).isEmpty();
	}

	private long version(AccountRef account) {
		return jdbc.sql("select version from ledger_account where code = ? and counterparty = ? and currency = 'EUR'")
			.params(account.code().name(), account.counterparty())
			.query(Long.class)
			.single();
	}

	private long entriesWithRef(String sourceRef) {
		return jdbc.sql("select count(*) from journal_entry where source_ref = ?")
			.param(sourceRef)
			.query(Long.class)
			.single();
	}

	@Test
	void entriesPostedTogetherAreEachPostedOnceAndAReplayPostsNothing() {
		String other = UUID.randomUUID().toString();
		List<JournalEntry> entries = List.of(
				PostingRules.incomingTransfer(company, ref("B-1"), MARCH_3, Money.eur("100.00"), "VIR"),
				PostingRules.incomingTransfer(other, ref("B-2"), MARCH_3, Money.eur("40.00"), "VIR"),
				PostingRules.identifiedCollection(company, ref("B-1"), MARCH_3, Money.eur("60.00")));
		List<Long> ids = transaction.execute(status -> ledger.postAll(entries));
		List<Long> replayed = transaction.execute(status -> ledger.postAll(entries));
		assertThat(replayed).isEqualTo(ids);
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(ledger.post(entries.get(1))).isEqualTo(ids.get(1));
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_UNIDENTIFIED, company)))
			.isEqualTo(Money.eur("40.00"));
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_FACTOR_COLLECTIONS, company)))
			.isEqualTo(Money.eur("60.00"));
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_CASH, other)))
			.isEqualTo(Money.eur("40.00"));
		assertThat(jdbc.sql("select count(*) from posting where entry_id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(Long.class)
			.single()).isEqualTo(8);
	}

	@Test
	void aBatchIsRefusedWholeWhenTogetherItsEntriesWouldTakeAPortionBelowZero() {
		ledger.post(PostingRules.payout(company, ref("P-1"), MARCH_3, Money.eur("50.00")));
		List<JournalEntry> entries = List.of(PostingRules.withdrawal(company, ref("W-1"), MARCH_3, Money.eur("30.00")),
				PostingRules.withdrawal(company, ref("W-2"), MARCH_3, Money.eur("30.00")));
		assertThatThrownBy(() -> transaction.execute(status -> ledger.postAll(entries)))
			.isInstanceOf(InsufficientBalance.class);
		assertThat(jdbc.sql("select count(*) from journal_entry where source_ref in (?, ?)")
			.params(ref("W-1"), ref("W-2"))
			.query(Long.class)
			.single()).isZero();
		assertThat(ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, company)))
			.isEqualTo(Money.eur("50.00"));
	}

	@Test
	void lockedBalancesAreOnTheNormalSideAndZeroForAnAccountNeverUsed() {
		ledger.post(PostingRules.incomingTransfer(company, ref("T-1"), MARCH_3, Money.eur("25.00"), "VIR"));
		AccountRef cash = AccountRef.of(AccountCode.DEDICATED_CASH, company);
		AccountRef unidentified = AccountRef.of(AccountCode.DEDICATED_UNIDENTIFIED, company);
		AccountRef collections = AccountRef.of(AccountCode.DEDICATED_FACTOR_COLLECTIONS, company);
		var balances = transaction.execute(status -> ledger.lockBalances(List.of(cash, unidentified, collections)));
		assertThat(balances).containsEntry(cash, Money.eur("25.00"))
			.containsEntry(unidentified, Money.eur("25.00"))
			.containsEntry(collections, Money.eur("0.00"));
	}

	/** Source keys are global: each test's references carry its own company key. */
	private String ref(String reference) {
		return company.substring(0, 8) + "-" + reference;
	}

	private void assertRefused(String sql) {
		assertThatThrownBy(() -> jdbc.sql(sql).update()).isInstanceOf(DataAccessException.class)
			.satisfies(ex -> assertThat(((DataAccessException) ex).getMostSpecificCause().getMessage())
				.contains("append-only"));
	}

}
