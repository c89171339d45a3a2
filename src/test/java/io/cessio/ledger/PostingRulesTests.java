package io.cessio.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cessio.shared.Money;

/** Each business event posts a balanced entry on the accounts docs/ledger.md names. */
class PostingRulesTests {

	static final String ALPHA = "alpha";

	static final LocalDate MARCH_3 = LocalDate.of(2026, 3, 3);

	@Test
	void purchaseCreditsTheCurrentAccountAndDebitsFeesWithVat() {
		// DOMAIN.md §3.3: 20 400,00 remitted, commission 61,20 + fees 9,00 + VAT 14,04 =
		// 84,24
		JournalEntry purchase = PostingRules.purchase(ALPHA, "R-2026-0001", MARCH_3, Money.eur("20400.00"),
				Money.eur("61.20"), Money.eur("9.00"), Money.eur("14.04"));
		assertThat(purchase.postings()).containsExactlyInAnyOrder(
				Posting.debit(AccountRef.of(AccountCode.RECEIVABLES, ALPHA), Money.eur("20400.00")),
				Posting.credit(AccountRef.of(AccountCode.CLIENT_CURRENT_ACCOUNT, ALPHA), Money.eur("20400.00")),
				Posting.debit(AccountRef.of(AccountCode.CLIENT_CURRENT_ACCOUNT, ALPHA), Money.eur("84.24")),
				Posting.credit(AccountRef.factor(AccountCode.COMMISSION_INCOME), Money.eur("61.20")),
				Posting.credit(AccountRef.factor(AccountCode.INVOICE_FEE_INCOME), Money.eur("9.00")),
				Posting.credit(AccountRef.factor(AccountCode.VAT_COLLECTED), Money.eur("14.04")));
	}

	@Test
	void purchaseWithoutFeesHasNoFeePostings() {
		JournalEntry purchase = PostingRules.purchase(ALPHA, "R-1", MARCH_3, Money.eur("100.00"), Money.eur("0.00"),
				Money.eur("0.00"), Money.eur("0.00"));
		assertThat(purchase.postings()).hasSize(2);
	}

	@Test
	void payoutMovesMoneyFromTheFactorIntoTheCompanyAvailablePortion() {
		JournalEntry payout = PostingRules.payout(ALPHA, "P-1", MARCH_3, Money.eur("18275.76"));
		assertThat(payout.postings()).extracting(p -> p.account().code(), Posting::side)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(AccountCode.CLIENT_CURRENT_ACCOUNT, Side.DEBIT),
					org.assertj.core.groups.Tuple.tuple(AccountCode.FACTOR_BANK, Side.CREDIT),
					org.assertj.core.groups.Tuple.tuple(AccountCode.DEDICATED_CASH, Side.DEBIT),
					org.assertj.core.groups.Tuple.tuple(AccountCode.DEDICATED_COMPANY_AVAILABLE, Side.CREDIT));
	}

	@Test
	void everyRuleBalances() {
		Money amount = Money.eur("123.45");
		List<JournalEntry> entries = List.of(PostingRules.payout(ALPHA, "1", MARCH_3, amount),
				PostingRules.withdrawal(ALPHA, "2", MARCH_3, amount),
				PostingRules.incomingTransfer(ALPHA, "3", MARCH_3, amount, "VIR BETA"),
				PostingRules.identifiedCollection(ALPHA, "4", MARCH_3, amount),
				PostingRules.releaseToCompany(ALPHA, "5", MARCH_3, amount),
				PostingRules.sweep(ALPHA, "6", MARCH_3, amount),
				PostingRules.financingCharge(ALPHA, "7", MARCH_3, amount),
				PostingRules.creditNote(ALPHA, "8", MARCH_3, amount));
		for (JournalEntry entry : entries) {
			Money debits = entry.postings()
				.stream()
				.filter(p -> p.side() == Side.DEBIT)
				.map(Posting::amount)
				.reduce(Money.zero(Money.EUR), Money::plus);
			Money credits = entry.postings()
				.stream()
				.filter(p -> p.side() == Side.CREDIT)
				.map(Posting::amount)
				.reduce(Money.zero(Money.EUR), Money::plus);
			assertThat(debits).as(entry.sourceType()).isEqualTo(credits);
		}
	}

	@Test
	void refusesAnUnbalancedEntry() {
		assertThatThrownBy(() -> new JournalEntry("TEST", "1", MARCH_3, "bad",
				List.of(Posting.debit(AccountRef.factor(AccountCode.FACTOR_BANK), Money.eur("10.00")),
						Posting.credit(AccountRef.factor(AccountCode.FINANCING_INCOME), Money.eur("9.99")))))
			.isInstanceOf(UnbalancedJournalEntry.class);
	}

	@Test
	void refusesASinglePostingAndNonPositiveAmounts() {
		assertThatThrownBy(() -> new JournalEntry("TEST", "1", MARCH_3, "one",
				List.of(Posting.debit(AccountRef.factor(AccountCode.FACTOR_BANK), Money.eur("10.00")))))
			.isInstanceOf(UnbalancedJournalEntry.class);
		assertThatThrownBy(() -> Posting.debit(AccountRef.factor(AccountCode.FACTOR_BANK), Money.eur("0.00")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Posting.debit(AccountRef.factor(AccountCode.FACTOR_BANK), Money.eur("-1.00")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void perCompanyAccountsNeedACompanyAndFactorAccountsRefuseOne() {
		assertThatThrownBy(() -> AccountRef.of(AccountCode.RECEIVABLES, ""))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> AccountRef.of(AccountCode.FACTOR_BANK, ALPHA))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aReversalSwapsEverySide() {
		JournalEntry payout = PostingRules.payout(ALPHA, "P-1", MARCH_3, Money.eur("10.00"));
		JournalEntry reversal = payout.reversal(42, MARCH_3, "erreur");
		assertThat(reversal.reversesEntryId()).isEqualTo(42);
		assertThat(reversal.sourceRef()).isEqualTo("42");
		for (int i = 0; i < payout.postings().size(); i++) {
			assertThat(reversal.postings().get(i).side()).isNotEqualTo(payout.postings().get(i).side());
			assertThat(reversal.postings().get(i).amount()).isEqualTo(payout.postings().get(i).amount());
		}
	}

}
