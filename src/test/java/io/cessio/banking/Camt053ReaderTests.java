package io.cessio.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;

import io.cessio.banking.StatementRejected.Reason;
import io.cessio.shared.Iban;

class Camt053ReaderTests {

	static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

	static final LocalDate MARCH_3 = LocalDate.of(2026, 3, 3);

	static final LocalDate MARCH_4 = LocalDate.of(2026, 3, 4);

	final StatementReader reader = new StatementReader(1_000_000);

	@Test
	void readsEveryFieldOfACamt05300102Statement() {
		StatementFile file = reader.read(sample("camt053-v02-sample.xml"));

		assertThat(file.format()).isEqualTo(StatementFormat.CAMT_053_001_02);
		assertThat(file.messageId()).isEqualTo("CAMT053-20260303-0042");
		assertThat(file.statements()).hasSize(1);
		AccountStatement statement = file.statements().get(0);
		assertThat(statement.statementId()).isEqualTo("STMT-20260303-0042");
		assertThat(statement.iban()).isEqualTo(Iban.of("FR7630004008230001234567819"));
		assertThat(statement.currency()).isEqualTo("EUR");
		assertThat(statement.electronicSequence()).isEqualTo(42L);
		// no OPBD: the previous day's closing balance (PRCD) opens the statement
		assertThat(statement.openingBalance()).isEqualTo(new BigDecimal("10000.00"));
		assertThat(statement.openingDate()).isEqualTo(MARCH_2);
		assertThat(statement.closingBalance()).isEqualTo(new BigDecimal("10637.50"));
		assertThat(statement.closingDate()).isEqualTo(MARCH_3);
		assertThat(statement.entries()).containsExactly(
				new StatementEntry(1, new BigDecimal("1250.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "2026030300001", "ALPHA-PAY-0001", "OMEGA DISTRIBUTION",
						"FR7630006000011234567890189", "552100554", null, List.of(), "FACTURE F-2026-0001 ALPHA",
						"PMNT/RCDT/ESCT", null),
				new StatementEntry(2, new BigDecimal("2400.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "TX-2026-0002", null, "BETA SARL", "FR7610107001011234567890129", null,
						"RF16ALPHA20260107", List.of("F-2026-0107", "F-2026-0108"), "", "PMNT/RCDT/ESCT", null),
				new StatementEntry(3, new BigDecimal("3000.00"), EntryDirection.DEBIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "2026030300003", "SWEEP-20260303-01", "CESSIO FACTOR SA",
						"FR7630003036200002028197510", null, null, List.of(), "REVERSEMENT ENCAISSEMENTS DU 03/03/2026",
						"PMNT/ICDT/ESCT", null),
				new StatementEntry(4, new BigDecimal("12.50"), EntryDirection.DEBIT, false, EntryStatus.BOOKED, MARCH_3,
						MARCH_2, "2026030300004", null, null, null, null, null, List.of(),
						"FRAIS TENUE DE COMPTE MARS 2026", "A01", null));
	}

	@Test
	void theFixtureWritesThePayersIdentifierAndTheReferredDocumentsInBothVersions() {
		StatementFiles.Builder statement = StatementFiles.aStatement("FR7630006000011234567890189")
			.opening("0.00", MARCH_3)
			.credit(StatementFiles.credit("350.00")
				.bankReference("DOCS-1")
				.payer("KAPPA SAS", "FR7610107001011234567890129")
				.payerIdentifier("552100554")
				.referredDocuments(List.of("FA 2026-000042", "FA2026-000043"))
				.creditorReference("RF18539007547034")
				.remittance("REGLEMENT"));
		for (byte[] file : List.of(statement.camt053v08(), statement.camt053v02())) {
			StatementEntry entry = reader.read(file).statements().get(0).entries().get(0);
			assertThat(entry.payerName()).isEqualTo("KAPPA SAS");
			assertThat(entry.payerIdentifier()).isEqualTo("552100554");
			assertThat(entry.referredDocuments()).containsExactly("FA 2026-000042", "FA2026-000043");
			assertThat(entry.creditorReference()).isEqualTo("RF18539007547034");
			assertThat(entry.remittanceText()).isEqualTo("REGLEMENT");
		}
	}

	@Test
	void readsEveryFieldOfACamt05300108StatementWithABatchAReturnAndAPendingEntry() {
		StatementFile file = reader.read(sample("camt053-v08-sample.xml"));

		assertThat(file.format()).isEqualTo(StatementFormat.CAMT_053_001_08);
		assertThat(file.messageId()).isEqualTo("STMT-FR7610107-20260303-1");
		AccountStatement statement = file.statements().get(0);
		assertThat(statement.statementId()).isEqualTo("20260303-FR80101070010112345ABC67814");
		assertThat(statement.iban()).isEqualTo(Iban.of("FR80101070010112345ABC67814"));
		// no Acct/Ccy: the balances' currency
		assertThat(statement.currency()).isEqualTo("EUR");
		assertThat(statement.electronicSequence()).isEqualTo(2026062L);
		assertThat(statement.openingBalance()).isEqualTo(new BigDecimal("5000.00"));
		assertThat(statement.openingDate()).isEqualTo(MARCH_3);
		assertThat(statement.closingBalance()).isEqualTo(new BigDecimal("7850.00"));
		assertThat(statement.closingDate()).isEqualTo(MARCH_3);
		assertThat(statement.entries()).containsExactly(
				// the batch: one entry per transaction, the entry's reference with /n
				// when
				// the transaction has none
				new StatementEntry(1, new BigDecimal("1000.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "TX-0303-01-A", "GAMMA-0001", "GAMMA INDUSTRIES",
						"FR7618206002106501105241154", null, null, List.of(), "FACT F-2026-0201", "PMNT/RCDT/ESCT",
						null),
				new StatementEntry(1, new BigDecimal("1500.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "BATCH-0303-01/2", "DELTA-17", "DELTA SAS", "FR7611306000301025467890028",
						null, "RF93DELTA0017", List.of(), "", "PMNT/RCDT/ESCT", null),
				new StatementEntry(1, new BigDecimal("1100.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "BATCH-0303-01/3", null, "EPSILON SA", null, "732829320", null,
						List.of("F-2026-0300"), "REGLT FACTURES MARS", "PMNT/RCDT/ESCT", null),
				new StatementEntry(2, new BigDecimal("800.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "RTR-0303-01", "CESSIO-FUND-0042", "ZETA SARL", "FR7614505000010800123456723",
						null, null, List.of(), "RETOUR VIREMENT", "PMNT/ICDT/RRTN", "AC04"),
				new StatementEntry(3, new BigDecimal("2000.00"), EntryDirection.DEBIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_3, "SWP-0303-01", "SWEEP-20260303-01", "CESSIO FACTOR SA",
						"FR7630003036200002028197510", null, null, List.of(), "REVERSEMENT", "PMNT/ICDT/ESCT", null),
				// booked at 23:30 Paris time (no offset); value date 23:30 UTC is already
				// the 4th in Paris
				new StatementEntry(4, new BigDecimal("450.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_3, MARCH_4, "INST-0303-77", "ETA-2026-03", "ETA CONSEIL", "FR7617515900000876543210181",
						"48384285500015", "RF13ETA0450", List.of("F-2026-0450", "F-2026-0451"),
						"ACOMPTE F-2026-0450 VIREMENT INSTANTANE SCT INST", "PMNT/RCDT/ESCT", null),
				// pending: no booking date yet, not in the balance
				new StatementEntry(5, new BigDecimal("999.99"), EntryDirection.CREDIT, false, EntryStatus.PENDING,
						MARCH_4, MARCH_4, "PDG-0303-01", null, null, null, null, null, List.of(), "VIREMENT EN COURS",
						"PMNT/RCDT/ESCT", null));
	}

	@Test
	void refusesABatchWhoseTransactionsDoNotAddUpToTheEntry() {
		String xml = text("camt053-v08-sample.xml").replace("<Amt Ccy=\"EUR\">1100.00</Amt>",
				"<Amt Ccy=\"EUR\">1100.10</Amt>");

		StatementRejected rejected = rejection(xml);

		assertThat(rejected.reason()).isEqualTo(Reason.UNBALANCED);
		assertThat(rejected.position()).isEqualTo(1);
		assertThat(rejected.messageArguments()).containsExactly("1", 3, new BigDecimal("3600.00"),
				new BigDecimal("3600.10"), "FR80 1010 7001 0112 345A BC67 814");
	}

	@Test
	void refusesAStatementWhoseClosingBalanceDoesNotFollowFromItsEntries() {
		String xml = text("camt053-v08-sample.xml").replace("<Amt Ccy=\"EUR\">7850.00</Amt>",
				"<Amt Ccy=\"EUR\">8849.99</Amt>");

		StatementRejected rejected = rejection(xml);

		// the pending 999.99 does not count
		assertThat(rejected.reason()).isEqualTo(Reason.UNBALANCED);
		assertThat(rejected.position()).isNull();
		assertThat(rejected.messageArguments()).containsExactly("", 1, new BigDecimal("8849.99"),
				new BigDecimal("7850.00"), "FR80 1010 7001 0112 345A BC67 814");
	}

	@Test
	void refusesAStatementWhoseTotalsDoNotMatchItsEntries() {
		String xml = text("camt053-v02-sample.xml").replace("<Sum>3650.00</Sum>", "<Sum>3600.00</Sum>");

		StatementRejected rejected = rejection(xml);

		assertThat(rejected.reason()).isEqualTo(Reason.UNBALANCED);
		assertThat(rejected.messageArguments()).containsExactly("", 2, new BigDecimal("3600.00"),
				new BigDecimal("3650.00"), "FR76 3000 4008 2300 0123 4567 819");
	}

	@Test
	void refusesANetTotalOfTheWrongSign() {
		String xml = text("camt053-v02-sample.xml").replace(
				"<TtlNetNtryAmt>637.50</TtlNetNtryAmt>\n          <CdtDbtInd>CRDT</CdtDbtInd>",
				"<TtlNetNtryAmt>637.50</TtlNetNtryAmt>\n          <CdtDbtInd>DBIT</CdtDbtInd>");

		StatementRejected rejected = rejection(xml);

		assertThat(rejected.reason()).isEqualTo(Reason.UNBALANCED);
		assertThat(rejected.messageArguments()).containsExactly("", 2, new BigDecimal("-637.50"),
				new BigDecimal("637.50"), "FR76 3000 4008 2300 0123 4567 819");
	}

	@Test
	void refusesAnAmountThatIsNotANumberWithItsEntry() {
		String xml = text("camt053-v08-sample.xml").replace("<Amt Ccy=\"EUR\">800.00</Amt>",
				"<Amt Ccy=\"EUR\">800,00</Amt>");

		StatementRejected rejected = rejection(xml);

		assertThat(rejected.reason()).isEqualTo(Reason.BAD_AMOUNT);
		assertThat(rejected.position()).isEqualTo(2);
		assertThat(rejected.messageArguments()).containsExactly("2", 2, "800,00", 2);
	}

	@Test
	void refusesNegativeAndSubCentAmounts() {
		StatementRejected negative = rejection(text("camt053-v08-sample.xml").replace("<Amt Ccy=\"EUR\">5000.00</Amt>",
				"<Amt Ccy=\"EUR\">-5000.00</Amt>"));
		StatementRejected subCent = rejection(text("camt053-v08-sample.xml").replace("<Amt Ccy=\"EUR\">2000.00</Amt>",
				"<Amt Ccy=\"EUR\">2000.005</Amt>"));

		assertThat(negative.reason()).isEqualTo(Reason.BAD_AMOUNT);
		assertThat(negative.position()).isNull();
		assertThat(negative.messageArguments()).containsExactly("", 0, "-5000.00", 3);
		assertThat(subCent.reason()).isEqualTo(Reason.BAD_AMOUNT);
		assertThat(subCent.position()).isEqualTo(3);
		assertThat(subCent.messageArguments()).containsExactly("3", 2, "2000.005", 4);
	}

	@Test
	void refusesAnImpossibleDateWithItsEntry() {
		String xml = text("camt053-v02-sample.xml").replace("<DtTm>2026-03-03T10:15:00+01:00</DtTm>",
				"<DtTm>2026-02-30T10:15:00+01:00</DtTm>");

		StatementRejected rejected = rejection(xml);

		assertThat(rejected.reason()).isEqualTo(Reason.BAD_DATE);
		assertThat(rejected.position()).isEqualTo(2);
		assertThat(rejected.messageArguments()).containsExactly("2", 2, "2026-02-30T10:15:00+01:00");
	}

	@Test
	void refusesABalanceDateThatIsNotADate() {
		String xml = text("camt053-v02-sample.xml").replace("<Dt>2026-03-02</Dt>\n        </Dt>",
				"<Dt>02/03/2026</Dt>\n        </Dt>");

		StatementRejected rejected = rejection(xml);

		assertThat(rejected.reason()).isEqualTo(Reason.BAD_DATE);
		assertThat(rejected.position()).isNull();
		assertThat(rejected.messageArguments()).containsExactly("", 0, "02/03/2026");
	}

	@Test
	void refusesAnotherCurrencyThanTheEuro() {
		StatementRejected account = rejection(
				text("camt053-v02-sample.xml").replace("<Ccy>EUR</Ccy>", "<Ccy>CHF</Ccy>"));
		StatementRejected entry = rejection(text("camt053-v08-sample.xml").replace("<Amt Ccy=\"EUR\">2000.00</Amt>",
				"<Amt Ccy=\"USD\">2000.00</Amt>"));

		assertThat(account.reason()).isEqualTo(Reason.UNSUPPORTED_CURRENCY);
		assertThat(account.messageArguments()).containsExactly("", 0, "CHF");
		assertThat(entry.reason()).isEqualTo(Reason.UNSUPPORTED_CURRENCY);
		assertThat(entry.messageArguments()).containsExactly("3", 2, "USD");
	}

	@Test
	void refusesAStatementWithoutClosingBalanceOrAnEntryWithoutBookingDate() {
		String withoutClosing = text("camt053-v08-sample.xml").replace("<Cd>CLBD</Cd>", "<Cd>CLAV</Cd>");
		String withoutBookingDate = text("camt053-v08-sample.xml").replace(
				"<BookgDt>\n          <Dt>2026-03-03</Dt>\n        </BookgDt>\n        <ValDt>\n          <Dt>2026-03-03</Dt>\n        </ValDt>\n        <AcctSvcrRef>SWP",
				"<AcctSvcrRef>SWP");

		StatementRejected closing = rejection(withoutClosing);
		StatementRejected bookingDate = rejection(withoutBookingDate);

		assertThat(closing.reason()).isEqualTo(Reason.MISSING_FIELD);
		assertThat(closing.messageArguments()).containsExactly("", 0, "Stmt/Bal[CLBD]", 1);
		assertThat(bookingDate.reason()).isEqualTo(Reason.MISSING_FIELD);
		assertThat(bookingDate.messageArguments()).containsExactly("3", 2, "Ntry/BookgDt", 1);
	}

	@Test
	void refusesAStatementWhoseAccountIsNotAValidIban() {
		String xml = text("camt053-v02-sample.xml").replace("<IBAN>FR7630004008230001234567819</IBAN>",
				"<IBAN>FR7630004008230001234567818</IBAN>");

		StatementRejected rejected = rejection(xml);

		assertThat(rejected.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
		assertThat(rejected.messageArguments()).containsExactly("", "FR7630004008230001234567818");
	}

	@Test
	void prowideAloneRefusesADoctypeAndFetchesNothing() throws IOException {
		try (ServerSocket evil = new ServerSocket(0)) {
			evil.setSoTimeout(300);
			String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM \"http://127.0.0.1:"
					+ evil.getLocalPort() + "/secret\">]>"
					+ text("camt053-v08-sample.xml").substring(text("camt053-v08-sample.xml").indexOf("<Document"))
						.replace("STMT-FR7610107-20260303-1", "&xxe;");

			// Prowide's own SAX reader disallows DOCTYPE declarations: it reads nothing
			assertThat(MxCamt05300108.parse(xxe)).isNull();
			assertThat(catchThrowableOfType(SocketTimeoutException.class, evil::accept)).as("nobody called")
				.isNotNull();
		}
	}

	private StatementRejected rejection(String xml) {
		return catchThrowableOfType(StatementRejected.class, () -> reader.read(xml.getBytes(StandardCharsets.UTF_8)));
	}

	static byte[] sample(String name) {
		try (InputStream in = Camt053ReaderTests.class.getResourceAsStream("/statements/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String text(String name) {
		return new String(sample(name), StandardCharsets.UTF_8);
	}

}
