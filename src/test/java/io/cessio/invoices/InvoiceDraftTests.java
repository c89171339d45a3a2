package io.cessio.invoices;

import static io.cessio.shared.Money.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoiceDraft.Problem;
import io.cessio.shared.Money;

/** An invoice or credit note as the company enters it, and what is wrong with it. */
class InvoiceDraftTests {

	static final DebtorId BETA = DebtorId.newId();

	static final LocalDate ISSUED = LocalDate.of(2026, 2, 27);

	static final LocalDate DUE = LocalDate.of(2026, 4, 28);

	@Test
	void acceptsAnInvoiceWhoseAmountsAddUp() {
		InvoiceDraft draft = new InvoiceDraft(BETA, InvoiceKind.INVOICE, "F1", ISSUED, DUE, eur("10000.00"),
				eur("2000.00"), eur("12000.00"));

		assertThat(draft.number()).isEqualTo("F1");
		assertThat(draft.amountInclVat()).isEqualTo(eur("12000.00"));
		assertThat(problems("F1", ISSUED, DUE, "10000.00", "2000.00", "12000.00")).isEmpty();
	}

	@Test
	void acceptsACreditNoteWithPositiveAmounts() {
		InvoiceDraft creditNote = new InvoiceDraft(BETA, InvoiceKind.CREDIT_NOTE, "AV-0001", ISSUED, ISSUED,
				eur("333.33"), eur("66.67"), eur("400.00"));

		assertThat(creditNote.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
		assertThat(creditNote.amountInclVat()).isEqualTo(eur("400.00"));
	}

	@Test
	void acceptsAZeroAmountAndLeavesItToTheAnalystsCheck() {
		assertThat(problems("F0", ISSUED, DUE, "0.00", "0.00", "0.00")).isEmpty();
		assertThat(new InvoiceDraft(BETA, InvoiceKind.INVOICE, "F0", ISSUED, DUE, eur("0.00"), eur("0.00"), eur("0.00"))
			.amountInclVat()
			.isZero()).isTrue();
	}

	@Test
	void acceptsADueDateOnTheIssueDate() {
		assertThat(problems("F1", ISSUED, ISSUED, "100.00", "20.00", "120.00")).isEmpty();
	}

	@Test
	void refusesADueDateBeforeTheIssueDate() {
		assertThat(problems("F1", ISSUED, ISSUED.minusDays(1), "100.00", "20.00", "120.00"))
			.containsExactly(new Problem("dueDate", "invoices.error.dueBeforeIssue"));
		assertThatExceptionOfType(InvalidInvoice.class)
			.isThrownBy(() -> draft("F1", ISSUED, ISSUED.minusDays(1), "100.00", "20.00", "120.00"))
			.satisfies(ex -> assertThat(ex.problems())
				.containsExactly(new Problem("dueDate", "invoices.error.dueBeforeIssue")));
	}

	@ParameterizedTest
	@CsvSource({ "100.00, 20.00, 120.01", "100.00, 20.00, 119.99", "100.00, 0.00, 120.00", "0.00, 20.00, 0.00" })
	void refusesAmountsThatDoNotAddUp(String excl, String vat, String incl) {
		assertThat(problems("F1", ISSUED, DUE, excl, vat, incl))
			.containsExactly(new Problem("amountInclVat", "invoices.error.totals"));
		assertThatExceptionOfType(InvalidInvoice.class).isThrownBy(() -> draft("F1", ISSUED, DUE, excl, vat, incl))
			.satisfies(ex -> assertThat(ex.problems())
				.containsExactly(new Problem("amountInclVat", "invoices.error.totals")));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "-100.00|-20.00|-120.00|amountExclVat,vatAmount,amountInclVat",
					"-100.00|120.00|20.00|amountExclVat", "100.00|-20.00|80.00|vatAmount",
					"100.00|-120.00|-20.00|vatAmount,amountInclVat", "-0.01|0.01|0.00|amountExclVat" })
	void refusesNegativeAmountsFieldByField(String excl, String vat, String incl, String negativeFields) {
		List<Problem> expected = List.of(negativeFields.split(","))
			.stream()
			.map(field -> new Problem(field, "invoices.error.negative"))
			.toList();

		assertThat(problems("F1", ISSUED, DUE, excl, vat, incl)).containsExactlyElementsOf(expected);
		assertThatExceptionOfType(InvalidInvoice.class).isThrownBy(() -> draft("F1", ISSUED, DUE, excl, vat, incl))
			.satisfies(ex -> assertThat(ex.problems()).containsExactlyElementsOf(expected));
	}

	@Test
	void doesNotAlsoCheckTheTotalsOfANegativeAmountInclVat() {
		assertThat(problems("F1", ISSUED, DUE, "100.00", "20.00", "-120.00"))
			.containsExactly(new Problem("amountInclVat", "invoices.error.negative"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "F1", "F-2026-0001", "FAC 2026/03 n°12", "A",
			"12345678901234567890123456789012345678901234567890" })
	void acceptsNumbersOfOneToFiftyCharacters(String number) {
		assertThat(number.length()).isBetween(1, InvoiceDraft.MAX_NUMBER_LENGTH);
		assertThat(problems(number, ISSUED, DUE, "100.00", "20.00", "120.00")).isEmpty();
		assertThat(draft(number, ISSUED, DUE, "100.00", "20.00", "120.00").number()).isEqualTo(number);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t", "123456789012345678901234567890123456789012345678901", "F\u00001", "F\t1",
			"F\n1", "F\r1", "F\u00071", "F\u007F1", "F\u00851", "F1\u001B" })
	void refusesBlankTooLongOrControlCharacterNumbers(String number) {
		assertThat(problems(number, ISSUED, DUE, "100.00", "20.00", "120.00"))
			.containsExactly(new Problem("number", "invoices.error.number"));
		assertThatExceptionOfType(InvalidInvoice.class)
			.isThrownBy(() -> draft(number, ISSUED, DUE, "100.00", "20.00", "120.00"))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly(new Problem("number", "invoices.error.number")));
	}

	@Test
	void stripsTheNumberBeforeCheckingIt() {
		String padded = "  " + "1".repeat(InvoiceDraft.MAX_NUMBER_LENGTH) + "  ";

		assertThat(draft(padded, ISSUED, DUE, "100.00", "20.00", "120.00").number())
			.isEqualTo("1".repeat(InvoiceDraft.MAX_NUMBER_LENGTH));
	}

	@Test
	void refusesAmountsInAnotherCurrency() {
		Money usd = new Money(new BigDecimal("120.00"), Currency.getInstance("USD"));

		assertThat(InvoiceDraft.problems("F1", ISSUED, DUE, eur("100.00"), eur("20.00"), usd))
			.containsExactly(new Problem("amountInclVat", "invoices.error.currency"));
	}

	@Test
	void reportsEveryProblemAtOnce() {
		assertThatExceptionOfType(InvalidInvoice.class)
			.isThrownBy(() -> draft(" ", ISSUED, ISSUED.minusDays(1), "100.00", "-20.00", "90.00"))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly(new Problem("number", "invoices.error.number"),
					new Problem("dueDate", "invoices.error.dueBeforeIssue"),
					new Problem("vatAmount", "invoices.error.negative"),
					new Problem("amountInclVat", "invoices.error.totals")))
			.withMessageContaining("dueDate invoices.error.dueBeforeIssue");
	}

	private static List<Problem> problems(String number, LocalDate issueDate, LocalDate dueDate, String excl,
			String vat, String incl) {
		return InvoiceDraft.problems(number, issueDate, dueDate, eur(excl), eur(vat), eur(incl));
	}

	private static InvoiceDraft draft(String number, LocalDate issueDate, LocalDate dueDate, String excl, String vat,
			String incl) {
		return new InvoiceDraft(BETA, InvoiceKind.INVOICE, number, issueDate, dueDate, eur(excl), eur(vat), eur(incl));
	}

}
