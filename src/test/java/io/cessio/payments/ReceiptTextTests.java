package io.cessio.payments;

import static io.cessio.payments.MatchingFixtures.aReceipt;
import static io.cessio.payments.MatchingFixtures.referenceOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cessio.shared.CreditorReference;

/** What a receipt's fields and free text refer to: references, numbers, SIRENs. */
class ReceiptTextTests {

	static final String F1_REFERENCE = referenceOf("F1");

	static final Predicate<String> ANY = reference -> true;

	@Test
	void readsTheStructuredCreditorReference() {
		ReceiptText text = new ReceiptText(aReceipt("1.00").reference(formatted(F1_REFERENCE)).build());
		assertThat(text.creditorReferences(ANY)).containsExactly(F1_REFERENCE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "VIR %s FACTURE", "REF:%s", "paiement %s.", "%s" })
	void readsAReferencePrintedInGroupsOfFourInTheText(String template) {
		String printed = formatted(F1_REFERENCE);
		assertThat(printed).contains(" ");
		Receipt receipt = aReceipt("1.00").text(template.formatted(printed.toLowerCase())).build();
		assertThat(new ReceiptText(receipt).creditorReferences(ANY)).containsExactly(F1_REFERENCE);
	}

	@Test
	void readsACompactReferenceInTheTextAndInReferredDocuments() {
		Receipt receipt = aReceipt("1.00").text("REGLEMENT " + F1_REFERENCE)
			.document(formatted(referenceOf("F2")))
			.build();
		assertThat(new ReceiptText(receipt).creditorReferences(ANY)).containsExactlyInAnyOrder(F1_REFERENCE,
				referenceOf("F2"));
	}

	@Test
	void ignoresAReferenceWithWrongCheckDigits() {
		String wrong = "RF" + (Integer.parseInt(F1_REFERENCE.substring(2, 4)) % 97 + 1) + F1_REFERENCE.substring(4);
		assertThat(CreditorReference.isValid(wrong)).isFalse();
		Receipt receipt = aReceipt("1.00").reference(wrong)
			.text("VIR " + wrong.replaceAll("(.{4})(?!$)", "$1 "))
			.build();
		assertThat(new ReceiptText(receipt).creditorReferences(ANY)).isEmpty();
	}

	@Test
	void prefersTheReadingOfAKnownReferenceWhenTheTextGoesOnInGroupsOfFour() {
		// ISO example: RF18 5390 0754 7034, followed by a word of four letters
		Receipt receipt = aReceipt("1.00").text("RF18 5390 0754 7034 FACT F1").build();
		ReceiptText text = new ReceiptText(receipt);
		assertThat(text.creditorReferences(Set.of("RF18539007547034")::contains)).containsExactly("RF18539007547034");
		assertThat(text.invoiceNumbers(Set.of("F1", "FACT")::contains)).containsExactly("FACT", "F1");
	}

	@Test
	void anInvoiceNumberMatchesWholeWordsOnly() {
		Predicate<String> numbers = Set.of("F1", "F12")::contains;
		assertThat(numbers(aReceipt("1.00").text("FACTURE F12"), numbers)).containsExactly("F12");
		assertThat(numbers(aReceipt("1.00").text("FACTURE F1"), numbers)).containsExactly("F1");
		assertThat(numbers(aReceipt("1.00").text("FACTURE F123 REF XF1"), numbers)).isEmpty();
	}

	@Test
	void aWholeWordThatIsANumberWinsOverARunOfWords() {
		Predicate<String> numbers = Set.of("F1", "F12")::contains;
		assertThat(numbers(aReceipt("1.00").text("F1 2 ACOMPTES"), numbers)).containsExactly("F1");
		assertThat(numbers(aReceipt("1.00").text("F 12"), numbers)).containsExactly("F12");
	}

	@Test
	void readsNumbersPrintedWithSpacesDashesOrSlashes() {
		Predicate<String> numbers = Set.of("FA20260012", "FA20260013")::contains;
		assertThat(numbers(aReceipt("1.00").text("fact. FA 2026-0012 et FA2026/0013"), numbers))
			.containsExactly("FA20260012", "FA20260013");
	}

	@Test
	void readsANumberAloneInAStructuredFieldHoweverItIsSpaced() {
		Predicate<String> numbers = Set.of("FA20260012")::contains;
		assertThat(numbers(aReceipt("1.00").document("FA 20 26 00 12"), numbers)).containsExactly("FA20260012");
		assertThat(numbers(aReceipt("1.00").reference("FA-2026-0012"), numbers)).containsExactly("FA20260012");
	}

	@Test
	void datesAndAmountsInTheTextAreNotReadAsInvoiceNumbers() {
		Predicate<String> numbers = Set.of("15", "2026", "6000", "1234")::contains;
		assertThat(numbers(aReceipt("1.00").text("FACTURE 1234 DU 15/04/2026 MONTANT 6 000,00 EUR"), numbers))
			.containsExactly("1234");
	}

	@Test
	void theWordsOfAReferenceAreNotReadAgainAsANumber() {
		Predicate<String> numbers = Set.of("RF18", "5390")::contains;
		Receipt receipt = aReceipt("1.00").text("RF18 5390 0754 7034").build();
		ReceiptText text = new ReceiptText(receipt);
		assertThat(text.creditorReferences(ANY)).containsExactly("RF18539007547034");
		assertThat(text.invoiceNumbers(numbers)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "SIREN 552109878", "552 109 878", "SIRET 552 109 878 00017", "TVA FR35552109878",
			"TVA FR 35 552 109 878", "55210987800017" })
	void readsASirenInTheText(String text) {
		assertThat(new ReceiptText(aReceipt("1.00").text("VIR BETA " + text).build()).sirens()).contains("552109878");
	}

	@Test
	void readsASirenInThePayerIdentifier() {
		assertThat(new ReceiptText(aReceipt("1.00").identifier("552109878").build()).sirens())
			.containsExactly("552109878");
	}

	@Test
	void ignoresNineDigitsThatFailTheChecksum() {
		assertThat(new ReceiptText(aReceipt("1.00").identifier("552109877").text("TVA FR99552109878").build()).sirens())
			.isEmpty();
	}

	private static java.util.List<String> numbers(MatchingFixtures.ReceiptBuilder receipt, Predicate<String> numbers) {
		ReceiptText text = new ReceiptText(receipt.build());
		text.creditorReferences(ANY);
		return text.invoiceNumbers(numbers);
	}

	static String formatted(String reference) {
		return new CreditorReference(reference).formatted();
	}

}
