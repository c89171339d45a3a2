package io.cessio.payments;

import static io.cessio.payments.MatchingFixtures.aReceipt;
import static io.cessio.payments.MatchingFixtures.anItem;
import static io.cessio.payments.MatchingFixtures.debtor;
import static io.cessio.payments.MatchingFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the engine accepts as open items, debtors and receipts. */
class MatchingInputsTests {

	@ParameterizedTest
	@ValueSource(strings = { "0.00", "-1.00", "10.001" })
	void anOpenAmountIsPositiveInWholeCents(String amount) {
		assertThatIllegalArgumentException().isThrownBy(() -> anItem("F1").open(amount).build());
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.00", "-0.01", "0.005" })
	void aReceiptIsPositiveInWholeCents(String amount) {
		assertThatIllegalArgumentException().isThrownBy(() -> aReceipt(amount).build());
	}

	@Test
	void amountsAreKeptWithTwoDecimals() {
		assertThat(anItem("F1").open("12").build().openAmount()).isEqualTo(eur("12.00"));
		assertThat(aReceipt("7.5").build().amount()).isEqualTo(eur("7.50"));
	}

	@Test
	void anOpenItemCarriesAValidCreditorReferenceAndANumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> anItem("F1").reference("RF00F1").build());
		assertThatIllegalArgumentException().isThrownBy(() -> anItem(" - ").build());
		String printed = new io.cessio.shared.CreditorReference(MatchingFixtures.referenceOf("F1")).formatted();
		assertThat(anItem("F1").reference(printed).build().creditorReference())
			.isEqualTo(MatchingFixtures.referenceOf("F1"));
	}

	@Test
	void aDebtorsSirenPassesItsChecksumAndItsIbansAreNormalised() {
		assertThatIllegalArgumentException().isThrownBy(() -> debtor("BETA SA", "552109877"));
		assertThat(debtor("BETA SA", "552 109 878", "fr76 3000 6000 0112 3456 7890 189").knownIbans())
			.containsExactly("FR7630006000011234567890189");
	}

	@Test
	void anInvoiceIsInTheBookOnce() {
		OpenItem f1 = anItem("F1").build();
		assertThatIllegalArgumentException().isThrownBy(() -> new MatchingBook(List.of(f1, f1), List.of()));
	}

	@Test
	void theOpenAmountOfAnInvoiceOutsideTheBookIsAnError() {
		MatchingBook book = new MatchingBook(List.of(), List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> book.openAmountOf(MatchingFixtures.id("nothing")));
	}

	@Test
	void anEmptyBookLeavesEverythingUnallocated() {
		MatchOutcome outcome = new MatchingBook(List.of(), List.of()).match(aReceipt("10.00").text("F1").build());
		assertThat(outcome.allocations()).isEmpty();
		assertThat(outcome.unallocated()).isEqualTo(eur("10.00"));
		assertThat(outcome.suggestions()).isEmpty();
	}

}
