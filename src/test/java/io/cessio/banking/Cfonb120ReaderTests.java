package io.cessio.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cessio.banking.StatementRejected.Reason;
import io.cessio.shared.Iban;

class Cfonb120ReaderTests {

	static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

	static final LocalDate MARCH_3 = LocalDate.of(2026, 3, 3);

	static final LocalDate MARCH_4 = LocalDate.of(2026, 3, 4);

	final StatementReader reader = new StatementReader(1_000_000);

	@Test
	void readsEveryFieldOfAStatementOfTwoAccounts() {
		StatementFile file = reader.read(Camt053ReaderTests.sample("cfonb120-sample.txt"));

		assertThat(file.format()).isEqualTo(StatementFormat.CFONB_120);
		assertThat(file.messageId()).isNull();
		assertThat(file.statements()).hasSize(2);
		AccountStatement first = file.statements().get(0);
		assertThat(first.statementId()).isEqualTo("FR7630004008230001234567819/2026-03-02/2026-03-03");
		// the RIB 30004 00823 00012345678 and its key 19
		assertThat(first.iban()).isEqualTo(Iban.of("FR7630004008230001234567819"));
		assertThat(first.currency()).isEqualTo("EUR");
		assertThat(first.electronicSequence()).isNull();
		assertThat(first.openingBalance()).isEqualTo(new BigDecimal("15000.00"));
		assertThat(first.openingDate()).isEqualTo(MARCH_2);
		assertThat(first.closingBalance()).isEqualTo(new BigDecimal("11485.51"));
		assertThat(first.closingDate()).isEqualTo(MARCH_3);
		assertThat(first.entries()).containsExactly(
				new StatementEntry(2, new BigDecimal("1250.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "REFBANQUE0001", "OMEGA-PAY-0001", "OMEGA DISTRIBUTION", null, "552100554",
						"RF18539007547034", List.of(),
						"VIR SEPA RECU OMEGA FACTURE F-2026-0001 ET F-2026-0002 REGLEMENT MARS", "05", null),
				// no reference at 105–120: the REF complement
				new StatementEntry(9, new BigDecimal("4000.00"), EntryDirection.DEBIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "SWEEP20260303", "SWEEP-20260303-01", "CESSIO FACTOR SA", null, null, null,
						List.of(), "VIR SEPA EMIS", "06", null),
				// no reference at all: the entry number
				new StatementEntry(13, new BigDecimal("35.51"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_4, "0000103", null, null, null, null, null, List.of(), "REMISE CHEQUES N 4521",
						"01", null),
				new StatementEntry(14, new BigDecimal("800.00"), EntryDirection.DEBIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "RTR-0042", null, null, null, null, null, List.of(),
						"VIR SEPA RETOUR RETOUR VIREMENT CESSIO-FUND-0042", "12", "AC"));
		AccountStatement second = file.statements().get(1);
		// letters in the account number count in the RIB key
		assertThat(second.iban()).isEqualTo(Iban.of("FR80101070010112345ABC67814"));
		assertThat(second.openingBalance()).isEqualTo(new BigDecimal("-250.00"));
		assertThat(second.closingBalance()).isEqualTo(new BigDecimal("750.00"));
		// an LCS complement that is no RF reference is remittance text
		assertThat(second.entries()).containsExactly(new StatementEntry(18, new BigDecimal("1000.00"),
				EntryDirection.CREDIT, false, EntryStatus.BOOKED, MARCH_3, MARCH_2, "B-REF-7", null, "DELTA SAS", null,
				null, null, List.of(), "VIR SEPA RECU SCOR F-2026-0099", "05", null));
	}

	@ParameterizedTest
	@CsvSource({ "0000000123456{, 2, 12345.60", "0000000123456}, 2, -12345.60", "0000000123456A, 2, 12345.61",
			"0000000123456I, 2, 12345.69", "0000000123456J, 2, -12345.61", "0000000123456R, 2, -12345.69",
			"0000000000000{, 2, 0.00", "0000000000001J, 2, -0.11", "0000000123456{, 0, 1234560.00",
			"0000000123456{, 3, 1234.56" })
	void decodesTheSignedAmountsOfDomainSection54(String field, int decimals, BigDecimal expected) {
		Cfonb120Line line = new Cfonb120Line(7, withAmount(openingLine(), field, decimals));

		assertThat(line.amount()).isEqualTo(expected);
	}

	@Test
	void refusesAnAmountWithAnInvalidSignCharacterWithItsLine() {
		List<String> lines = sampleLines();
		lines.set(1, withAmount(lines.get(1), "00000001234X5X", 2));

		StatementRejected rejected = rejection(lines);

		assertThat(rejected.reason()).isEqualTo(Reason.BAD_AMOUNT);
		assertThat(rejected.position()).isEqualTo(2);
		assertThat(rejected.messageArguments()).containsExactly("2", 1, "00000001234X5X", 1);
	}

	@Test
	void refusesAnAmountWithLettersOrAnUnreadableNumberOfDecimals() {
		List<String> letters = sampleLines();
		letters.set(8, withAmount(letters.get(8), "00000000400O0}", 2));
		List<String> decimals = sampleLines();
		decimals.set(12, withAmount(decimals.get(12), "0000000000355A", 2).substring(0, 19) + "X"
				+ decimals.get(12).substring(20));
		List<String> subCent = sampleLines();
		subCent.set(0, withAmount(subCent.get(0), "0000000150001A", 3));

		assertThat(rejection(letters).messageArguments()).containsExactly("9", 1, "00000000400O0}", 2);
		assertThat(rejection(decimals).messageArguments()).containsExactly("13", 1, "0000000000355A", 5);
		assertThat(rejection(subCent).messageArguments()).containsExactly("1", 1, "0000000150001A", 4);
	}

	@Test
	void refusesAnImpossibleDateWithItsLine() {
		List<String> lines = sampleLines();
		lines.set(13, lines.get(13).substring(0, 42) + "300226" + lines.get(13).substring(48));

		StatementRejected rejected = rejection(lines);

		assertThat(rejected.reason()).isEqualTo(Reason.BAD_DATE);
		assertThat(rejected.position()).isEqualTo(14);
		assertThat(rejected.messageArguments()).containsExactly("14", 1, "300226");
	}

	@Test
	void refusesALineOfAnotherLength() {
		List<String> lines = sampleLines();
		lines.set(4, lines.get(4).substring(0, 119));

		StatementRejected rejected = rejection(lines);

		assertThat(rejected.reason()).isEqualTo(Reason.BAD_RECORD);
		assertThat(rejected.position()).isEqualTo(5);
		assertThat(rejected.messageArguments()).containsExactly("5", 1, "119");
	}

	@Test
	void refusesAnUnknownRecordCode() {
		List<String> lines = sampleLines();
		lines.set(2, "09" + lines.get(2).substring(2));

		StatementRejected rejected = rejection(lines);

		assertThat(rejected.reason()).isEqualTo(Reason.BAD_RECORD);
		assertThat(rejected.position()).isEqualTo(3);
		assertThat(rejected.messageArguments()).containsExactly("3", 2, "09");
	}

	@Test
	void refusesRecordsOutOfTheirGroup() {
		List<String> movementFirst = sampleLines().subList(1, 22);
		List<String> complementWithoutMovement = sampleLines();
		complementWithoutMovement.remove(17);
		List<String> neverClosed = sampleLines().subList(0, 21);
		List<String> openedTwice = sampleLines();
		openedTwice.remove(15);
		List<String> otherAccount = sampleLines();
		otherAccount.set(8, otherAccount.get(8).substring(0, 21) + "00012345679" + otherAccount.get(8).substring(32));

		assertThat(rejection(movementFirst).messageArguments()).containsExactly("1", 3, "04");
		assertThat(rejection(complementWithoutMovement).messageArguments()).containsExactly("18", 4, "05");
		assertThat(rejection(neverClosed).messageArguments()).containsExactly("17", 5, "10107 00101 12345ABC678");
		assertThat(rejection(openedTwice).messageArguments()).containsExactly("16", 7, "10107 00101 12345ABC678");
		assertThat(rejection(otherAccount).messageArguments()).containsExactly("9", 6, "30004 00823 00012345679");
	}

	@Test
	void refusesAStatementThatDoesNotBalanceAtItsClosingLine() {
		List<String> lines = sampleLines();
		lines.set(15, withAmount(lines.get(15), "0000000114855B", 2));

		StatementRejected rejected = rejection(lines);

		assertThat(rejected.reason()).isEqualTo(Reason.UNBALANCED);
		assertThat(rejected.position()).isEqualTo(16);
		assertThat(rejected.messageArguments()).containsExactly("16", 1, new BigDecimal("11485.52"),
				new BigDecimal("11485.51"), "FR76 3000 4008 2300 0123 4567 819");
	}

	@Test
	void refusesAnotherCurrencyThanTheEuro() {
		List<String> lines = sampleLines();
		lines.set(12, lines.get(12).substring(0, 16) + "USD" + lines.get(12).substring(19));

		StatementRejected rejected = rejection(lines);

		assertThat(rejected.reason()).isEqualTo(Reason.UNSUPPORTED_CURRENCY);
		assertThat(rejected.position()).isEqualTo(13);
		assertThat(rejected.messageArguments()).containsExactly("13", 1, "USD");
	}

	@Test
	void readsLinesEndedByLineFeedsOrWithoutLineEnds() {
		StatementFile expected = reader.read(Camt053ReaderTests.sample("cfonb120-sample.txt"));

		assertThat(reader.read(String.join("\n", sampleLines()).getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo(expected);
		assertThat(reader.read(String.join("", sampleLines()).getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo(expected);
	}

	@Test
	void refusesAFileWithoutLineEndsWhoseLengthIsNoMultipleOf120() {
		String joined = String.join("", sampleLines());

		StatementRejected rejected = catchThrowableOfType(StatementRejected.class,
				() -> reader.read(joined.substring(0, joined.length() - 1).getBytes(StandardCharsets.ISO_8859_1)));

		assertThat(rejected.reason()).isEqualTo(Reason.BAD_RECORD);
		assertThat(rejected.messageArguments()).containsExactly("22", 1, "119");
	}

	@Test
	void readsLatin1Text() {
		List<String> lines = sampleLines();
		lines.set(2, lines.get(2).substring(0, 48) + "SOCIÉTÉ GÉNÉRALE D'ÉLECTRICITÉ" + lines.get(2).substring(78));

		StatementFile file = reader.read(String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1));

		assertThat(file.statements().get(0).entries().get(0).payerName()).isEqualTo("SOCIÉTÉ GÉNÉRALE D'ÉLECTRICITÉ");
	}

	private StatementRejected rejection(List<String> lines) {
		return catchThrowableOfType(StatementRejected.class,
				() -> reader.read(String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1)));
	}

	static List<String> sampleLines() {
		String text = new String(Camt053ReaderTests.sample("cfonb120-sample.txt"), StandardCharsets.ISO_8859_1);
		return new ArrayList<>(List.of(text.split("\r\n")));
	}

	static String openingLine() {
		return sampleLines().get(0);
	}

	/** The line with another amount at 91–104 and number of decimals at 20. */
	static String withAmount(String line, String amount, int decimals) {
		return line.substring(0, 19) + decimals + line.substring(20, 90) + amount + line.substring(104);
	}

}
