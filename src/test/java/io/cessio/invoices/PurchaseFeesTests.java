package io.cessio.invoices;

import static io.cessio.shared.Money.eur;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cessio.companies.ContractTerms;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/** What the factor charges when it buys a remittance (DOMAIN.md §3.2, §3.3). */
class PurchaseFeesTests {

	@Test
	void chargesTheWorkedExampleFeesOnTheStandardTerms() {
		// DOMAIN.md §3.3: F1 12 000,00 + F2 6 000,00 + F3 2 400,00
		PurchaseFees fees = PurchaseFees.of(ContractTerms.standard(), eur("20400.00"), 3);

		assertThat(fees.commission()).isEqualTo(eur("61.20"));
		assertThat(fees.invoiceFees()).isEqualTo(eur("9.00"));
		assertThat(fees.vat()).isEqualTo(eur("14.04"));
		assertThat(fees.total()).isEqualTo(eur("84.24"));
	}

	@Test
	void roundsAHalfCentOfCommissionUp() {
		// 0.30 % of 1 515,00 = 4,545: half-up gives 4,55 (half-even or down would give
		// 4,54)
		PurchaseFees fees = PurchaseFees.of(ContractTerms.standard(), eur("1515.00"), 1);

		assertThat(fees.commission()).isEqualTo(eur("4.55"));
		assertThat(fees.vat()).isEqualTo(eur("1.51"));
		assertThat(fees.total()).isEqualTo(eur("9.06"));
	}

	@Test
	void roundsAHalfCentOfVatUp() {
		// 5.5 % of 3,00 = 0,165: half-up gives 0,17 (half-even or down would give 0,16)
		PurchaseFees fees = PurchaseFees.of(terms(Rate.ZERO, eur("3.00"), Rate.ofPercent("5.5")), eur("1000.00"), 1);

		assertThat(fees.commission()).isEqualTo(eur("0.00"));
		assertThat(fees.invoiceFees()).isEqualTo(eur("3.00"));
		assertThat(fees.vat()).isEqualTo(eur("0.17"));
	}

	@Test
	void roundsTheCommissionOnceForTheWholeRemittanceNotPerInvoice() {
		// three invoices of 1 515,00: 0.30 % of 4 545,00 = 13,635 → 13,64, not 3 × 4,55 =
		// 13,65
		PurchaseFees fees = PurchaseFees.of(ContractTerms.standard(), eur("4545.00"), 3);

		assertThat(fees.commission()).isEqualTo(eur("13.64"));
		assertThat(fees.invoiceFees()).isEqualTo(eur("9.00"));
		// 20 % of 22,64 = 4,528
		assertThat(fees.vat()).isEqualTo(eur("4.53"));
	}

	@Test
	void chargesNothingOnARemittanceOfCreditNotesOnly() {
		PurchaseFees fees = PurchaseFees.of(ContractTerms.standard(), Money.zero(Money.EUR), 0);

		assertThat(fees.commission()).isEqualTo(eur("0.00"));
		assertThat(fees.invoiceFees()).isEqualTo(eur("0.00"));
		assertThat(fees.vat()).isEqualTo(eur("0.00"));
		assertThat(fees.total()).isEqualTo(eur("0.00"));
	}

	/** The standard terms with another commission, per-invoice fee and VAT rate. */
	private static ContractTerms terms(Rate commissionRate, Money perInvoiceFee, Rate feeVatRate) {
		ContractTerms standard = ContractTerms.standard();
		return new ContractTerms(standard.advanceRate(), commissionRate, perInvoiceFee, feeVatRate,
				standard.financingMargin(), standard.facilityLimit(), standard.concentrationLimit(),
				standard.defundingDays(), standard.maxTermDays(), standard.fourEyesThreshold(), standard.autoPayout());
	}

}
