package io.cessio.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cessio.Acting;
import io.cessio.CessioIntegrationTest;
import io.cessio.banking.DedicatedAccountFixtures;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.CompanyId;
import io.cessio.companies.ContractTerms;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.JournalEntry;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.Posting;
import io.cessio.ledger.PostingRules;
import io.cessio.platform.security.Role;
import io.cessio.shared.Money;

/**
 * Accounts are swept several to a transaction; an account that cannot be swept fails
 * alone: its batch is redone account by account, the failing one is recorded with its
 * error and the others are swept.
 */
@CessioIntegrationTest
class SweepBatchTests {

	@Autowired
	AccountFixtures accounts;

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	SweepManagement sweeps;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountThatCannotBeSweptFailsAloneAndTheOthersOfItsBatchAreSwept() {
		accounts.ensureFactor();
		Acting acting = fixtures.acting();
		LocalDate businessDate = LocalDate.of(2026, 6, 9);
		List<CompanyId> companies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			CompanyId company = accounts.aCompany(ContractTerms.standard().withAutoRefund(false));
			DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, company);
			companies.add(company);
		}
		for (int i = 0; i < companies.size(); i++) {
			if (i != 2) {
				collect(companies.get(i), Money.eur(new BigDecimal(100 + i).setScale(2)));
			}
		}
		// books that do not add up for this one: collections owed to the factor but no
		// cash
		// in the account, so its transfer is refused
		CompanyId broken = companies.get(2);
		long forged = ledger.post(new JournalEntry("TEST", "SWEEP-BROKEN-" + UUID.randomUUID(), businessDate,
				"collections without cash",
				List.of(Posting.credit(AccountRef.of(AccountCode.DEDICATED_FACTOR_COLLECTIONS, broken.toString()),
						Money.eur("50.00")),
						Posting.debit(AccountRef.of(AccountCode.COLLECTIONS_IN_TRANSIT, broken.toString()),
								Money.eur("50.00")))));
		try {
			String ops = accounts.aUser(Role.OPS);
			UUID run = acting.as(ops, () -> sweeps.runScheduled(businessDate));

			List<SweepLineView> lines = acting.as(ops, () -> sweeps.linesOf(run))
				.stream()
				.filter(line -> companies.contains(line.companyId()))
				.toList();
			assertThat(lines).hasSize(5);
			assertThat(lines).filteredOn(line -> line.companyId().equals(broken)).singleElement().satisfies(line -> {
				assertThat(line.status()).isEqualTo("FAILED");
				assertThat(line.error()).contains("refused");
				assertThat(line.transferId()).isNull();
			});
			assertThat(lines).filteredOn(line -> !line.companyId().equals(broken))
				.allSatisfy(line -> assertThat(line.status()).isEqualTo("SWEPT"))
				.extracting(line -> line.amount().amount())
				.containsExactlyInAnyOrder(new BigDecimal("100.00"), new BigDecimal("101.00"), new BigDecimal("103.00"),
						new BigDecimal("104.00"));
			SweepRunView view = acting.as(ops, () -> sweeps.findRun(run)).orElseThrow();
			assertThat(view.status()).isEqualTo("DONE");
			assertThat(view.accountsFailed()).isGreaterThanOrEqualTo(1);
			assertThat(view.hasFailures()).isTrue();
		}
		finally {
			ledger.reverse(forged, businessDate, "test books put right");
		}
	}

	private void collect(CompanyId company, Money amount) {
		String receipt = "SWEEP-BATCH-TEST-" + UUID.randomUUID();
		ledger.post(PostingRules.incomingTransfer(company.toString(), receipt, LocalDate.now(), amount, "test"));
		ledger.post(PostingRules.identifiedCollection(company.toString(), receipt, LocalDate.now(), amount));
	}

}
