package io.cessio.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.cessio.Acting;
import io.cessio.CessioIntegrationTest;
import io.cessio.approval.ApprovalDesk;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.funding.Availability;
import io.cessio.funding.FundingManagement;
import io.cessio.funding.IneligibleReason;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * Disputes (litiges): the disputed amount is not financed from the moment it is declared,
 * by the company or by an analyst, and is financed again once the dispute is withdrawn or
 * ended by a credit note.
 */
@CessioIntegrationTest
class DisputeIntegrationTests {

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	ApprovalDesk desk;

	@Autowired
	Disputes disputes;

	@Autowired
	FundingManagement funding;

	Acting acting;

	Client client;

	DebtorId delta;

	InvoiceId f3;

	@BeforeEach
	void aPurchasedInvoice() {
		acting = fixtures.acting();
		ContractTerms standard = ContractTerms.standard();
		client = fixtures
			.aClient(new ContractTerms(standard.advanceRate(), standard.commissionRate(), standard.perInvoiceFee(),
					standard.feeVatRate(), standard.financingMargin(), standard.facilityLimit(), Rate.ofPercent("100"),
					standard.defundingDays(), standard.maxTermDays(), standard.fourEyesThreshold(), false));
		delta = fixtures.anApprovedDebtor(client, "DELTA SAS", AccountFixtures.randomSiren(), Money.eur("50000.00"));
		f3 = fixtures.anInvoice(client, delta, "F3", LocalDate.now().minusDays(3), LocalDate.now().plusDays(50),
				"2400.00");
		purchase(List.of(f3));
	}

	@Test
	void aDisputedAmountIsNotFinancedFromTheMomentItIsDeclaredUntilItIsWithdrawn() {
		Money before = availability().availability();

		acting.run(client.user(), () -> disputes.declare(f3, Money.eur("400.00"), "Livraison incomplète"));

		Availability disputed = availability();
		assertThat(disputed.ineligible()).singleElement().satisfies(line -> {
			assertThat(line.reason()).isEqualTo(IneligibleReason.DISPUTED);
			assertThat(line.amount()).isEqualTo(Money.eur("400.00"));
			assertThat(line.portions()).singleElement()
				.satisfies(portion -> assertThat(portion.receivable().number()).isEqualTo("F3"));
		});
		assertThat(disputed.availability()).isEqualTo(before.minus(Money.eur("360.00")));
		assertThat(catchThrowableOfType(DisputeRefused.class,
				() -> acting.run(client.analyst(), () -> disputes.declare(f3, Money.eur("10.00"), "Autre")))
			.messageKey()).isEqualTo("disputes.error.alreadyOpen");

		acting.run(client.analyst(), () -> disputes.withdraw(f3, "Livraison complétée"));

		assertThat(availability().availability()).isEqualTo(before);
		assertThat(acting.as(client.user(), () -> disputes.of(f3))).singleElement()
			.satisfies(dispute -> assertThat(dispute.status()).isEqualTo(DisputeStatus.WITHDRAWN));
	}

	@Test
	void aDisputeEndsWithAPurchasedCreditNoteOfTheSameDebtor() {
		acting.run(client.analyst(), () -> disputes.declare(f3, Money.eur("400.00"), "Prix contesté"));
		InvoiceId creditNote = fixtures.aCreditNote(client, delta, "AV-0001", LocalDate.now(), "400.00");
		purchase(List.of(creditNote));

		acting.run(client.user(), () -> disputes.endByCreditNote(f3, creditNote));

		assertThat(availability().ineligible()).isEmpty();
		assertThat(availability().outstanding()).isEqualTo(Money.eur("2000.00"));
		assertThat(acting.as(client.user(), () -> disputes.of(f3))).singleElement()
			.satisfies(dispute -> assertThat(dispute.status()).isEqualTo(DisputeStatus.ENDED_BY_CREDIT_NOTE));
	}

	@Test
	void onlyAPurchasedInvoiceCanBeDisputedForAPositiveAmountUpToItsOwn() {
		InvoiceId open = fixtures.anInvoice(client, delta, "F4", LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(30), "100.00");
		assertThat(catchThrowableOfType(DisputeRefused.class,
				() -> acting.run(client.user(), () -> disputes.declare(open, Money.eur("10.00"), "x")))
			.messageKey()).isEqualTo("disputes.error.notPurchased");
		assertThat(catchThrowableOfType(DisputeRefused.class,
				() -> acting.run(client.user(), () -> disputes.declare(f3, Money.eur("2400.01"), "x")))
			.messageKey()).isEqualTo("disputes.error.amount");
		assertThat(catchThrowableOfType(DisputeRefused.class,
				() -> acting.run(client.user(), () -> disputes.declare(f3, Money.eur("10.00"), " ")))
			.messageKey()).isEqualTo("disputes.error.reason");
		assertThat(acting.as(client.user(), () -> disputes.of(f3))).isEmpty();
	}

	private void purchase(List<InvoiceId> items) {
		RemittanceId remittance = fixtures.submit(client, items);
		acting.run(client.analyst(), () -> {
			desk.approveAllEligible(remittance);
			desk.complete(remittance);
		});
	}

	private Availability availability() {
		return acting.as(client.user(), () -> funding.availability(client.company()));
	}

}
