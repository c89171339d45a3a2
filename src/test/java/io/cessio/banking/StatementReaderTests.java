package io.cessio.banking;

import static io.cessio.banking.StatementFiles.credit;
import static io.cessio.banking.StatementFiles.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cessio.banking.StatementFiles.Builder;
import io.cessio.banking.StatementRejected.Reason;

class StatementReaderTests {

	static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

	static final LocalDate MARCH_3 = LocalDate.of(2026, 3, 3);

	static final String CAMT_08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

	final StatementReader reader = new StatementReader(1_000_000);

	@Test
	void tellsTheFormatFromTheContent() {
		assertThat(reader.read(Camt053ReaderTests.sample("camt053-v02-sample.xml")).format())
			.isEqualTo(StatementFormat.CAMT_053_001_02);
		assertThat(reader.read(Camt053ReaderTests.sample("camt053-v08-sample.xml")).format())
			.isEqualTo(StatementFormat.CAMT_053_001_08);
		assertThat(reader.read(Camt053ReaderTests.sample("cfonb120-sample.txt")).format())
			.isEqualTo(StatementFormat.CFONB_120);
		byte[] withByteOrderMark = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				Camt053ReaderTests.sample("camt053-v08-sample.xml"));
		assertThat(reader.read(withByteOrderMark).format()).isEqualTo(StatementFormat.CAMT_053_001_08);
	}

	@Test
	void refusesAFileOverTheCapBeforeReadingIt() {
		byte[] bomb = billionLaughs().getBytes(StandardCharsets.UTF_8);

		StatementRejected rejected = catchThrowableOfType(StatementRejected.class,
				() -> new StatementReader(100).read(bomb));

		assertThat(rejected.reason()).isEqualTo(Reason.TOO_LARGE);
		assertThat(rejected.position()).isNull();
		assertThat(rejected.messageArguments()).containsExactly("", (long) bomb.length, 100L);
	}

	@Test
	void refusesAnEmptyFile() {
		assertThat(rejection(new byte[0]).messageArguments()).containsExactly("", 1);
		assertThat(rejection(" \r\n\n".getBytes(StandardCharsets.US_ASCII)).reason())
			.isEqualTo(Reason.UNSUPPORTED_FORMAT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "%PDF-1.7\n%âãÏÓ", "IBAN;Date;Montant\nFR76;2026-03-02;12,50", "Relevé du 02/03/2026" })
	void refusesWhatIsNeitherCamt053NorCfonb120(String content) {
		StatementRejected rejected = rejection(content.getBytes(StandardCharsets.ISO_8859_1));

		assertThat(rejected.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
		assertThat(rejected.messageArguments()).containsExactly("", 2);
	}

	@Test
	void refusesXmlInEncodingsThatCouldHideADoctype() {
		String xml = Camt053ReaderTests.text("camt053-v08-sample.xml");

		assertThat(rejection(xml.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16)).messageArguments())
			.containsExactly("", 3);
		assertThat(rejection(xml.getBytes(StandardCharsets.UTF_16LE)).messageArguments()).containsExactly("", 3);
		assertThat(rejection(utf8(xml.replace("UTF-8", "UTF-7"))).messageArguments()).containsExactly("", 3);
		assertThat(reader.read(xml.replace("UTF-8", "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1)).messageId())
			.isEqualTo("STMT-FR7610107-20260303-1");
	}

	@Test
	void refusesMalformedXmlWithTheLineOfTheError() {
		String xml = Camt053ReaderTests.text("camt053-v08-sample.xml");

		StatementRejected truncated = rejection(utf8(xml.substring(0, xml.length() / 2)));
		StatementRejected unclosed = rejection(utf8(xml.replace("</AcctSvcrRef>\n        <BkTxCd>", "\n<BkTxCd>")));

		assertThat(truncated.reason()).isEqualTo(Reason.MALFORMED_XML);
		assertThat(truncated.position()).isNull();
		assertThat((Integer) truncated.messageArguments()[1]).isGreaterThan(100);
		assertThat(unclosed.reason()).isEqualTo(Reason.MALFORMED_XML);
		assertThat((Integer) unclosed.messageArguments()[1]).isGreaterThan(78);
	}

	@ParameterizedTest
	@ValueSource(strings = { "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08",
			"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08", "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09",
			"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04", "" })
	void refusesXmlOfAnotherMessageOrVersion(String namespace) {
		String xml = Camt053ReaderTests.text("camt053-v08-sample.xml")
			.replace("xmlns=\"" + CAMT_08 + "\"", namespace.isEmpty() ? "" : "xmlns=\"" + namespace + "\"");

		StatementRejected rejected = rejection(utf8(xml));

		assertThat(rejected.reason()).isEqualTo(Reason.WRONG_NAMESPACE);
		assertThat(rejected.messageArguments()).containsExactly("", "{" + namespace + "}Document");
	}

	@Test
	void refusesARootOtherThanDocument() {
		String xml = "<BkToCstmrStmt xmlns=\"" + CAMT_08 + "\"><GrpHdr><MsgId>M</MsgId></GrpHdr></BkToCstmrStmt>";

		assertThat(rejection(utf8(xml)).messageArguments()).containsExactly("", "{" + CAMT_08 + "}BkToCstmrStmt");
	}

	@Test
	void refusesAnExternalEntityToALocalFileAndReadsNothingOfIt(@TempDir Path directory) throws IOException {
		Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-42");
		String xxe = withDoctype("<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", "&xxe;");

		StatementRejected rejected = rejection(utf8(xxe));

		assertThat(rejected.reason()).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
		assertThat(rejected.messageArguments()).containsExactly("");
		assertThat(rejected).hasMessageNotContaining("TOP-SECRET-42");
	}

	@Test
	void refusesEntitiesAndDtdsOnTheNetworkAndCallsNobody() throws IOException {
		try (ServerSocket evil = new ServerSocket(0)) {
			evil.setSoTimeout(300);
			String url = "http://127.0.0.1:" + evil.getLocalPort() + "/evil";
			List<String> payloads = List.of(
					withDoctype("<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + url + "\">]>", "&xxe;"),
					withDoctype("<!DOCTYPE Document SYSTEM \"" + url + ".dtd\">", "M"),
					withDoctype("<!DOCTYPE Document [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>", "M"),
					withDoctype("<!doctype Document PUBLIC \"-//EVIL//X\" \"" + url + "\">", "M"));

			for (String payload : payloads) {
				assertThat(rejection(utf8(payload)).reason()).as(payload).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
			}
			assertThat(catchThrowableOfType(SocketTimeoutException.class, evil::accept)).as("no connection")
				.isNotNull();
		}
	}

	@Test
	void refusesABillionLaughsAtOnce() {
		long start = System.nanoTime();

		StatementRejected rejected = rejection(utf8(billionLaughs()));

		assertThat(rejected.reason()).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void readsBackWhatTheFixtureWritesInEachFormat() {
		Builder statement = StatementFiles.aStatement("FR7630004008230001234567819")
			.opening("1000.00", MARCH_2)
			.credit(credit("1250.00").bankReference("BR-1")
				.endToEndId("E2E-1")
				.payer("ALPHA & FILS", "FR7610107001011234567890129")
				.remittance("FACTURE F-1 <ACOMPTE>")
				.creditorReference("RF18539007547034")
				.valueDate(MARCH_3))
			.debit(debit("300.00").bankReference("BR-2")
				.endToEndId("SWEEP-1")
				.payer("CESSIO FACTOR SA", "FR7630003036200002028197510")
				.remittance("REVERSEMENT"))
			.credit(credit("0.01").bankReference("BR-3"));
		List<StatementEntry> camt = List.of(
				new StatementEntry(1, new BigDecimal("1250.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_2, MARCH_3, "BR-1", "E2E-1", "ALPHA & FILS", "FR7610107001011234567890129", null,
						"RF18539007547034", List.of(), "FACTURE F-1 <ACOMPTE>", "PMNT/RCDT/ESCT", null),
				new StatementEntry(2, new BigDecimal("300.00"), EntryDirection.DEBIT, false, EntryStatus.BOOKED,
						MARCH_2, MARCH_2, "BR-2", "SWEEP-1", "CESSIO FACTOR SA", "FR7630003036200002028197510", null,
						null, List.of(), "REVERSEMENT", "PMNT/ICDT/ESCT", null),
				new StatementEntry(3, new BigDecimal("0.01"), EntryDirection.CREDIT, false, EntryStatus.BOOKED, MARCH_2,
						MARCH_2, "BR-3", null, null, null, null, null, List.of(), "", "PMNT/RCDT/ESCT", null));
		List<StatementEntry> cfonb = List.of(
				new StatementEntry(2, new BigDecimal("1250.00"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_2, MARCH_3, "BR-1", "E2E-1", "ALPHA & FILS", null, null, "RF18539007547034", List.of(),
						"VIR SEPA RECU FACTURE F-1 <ACOMPTE>", "05", null),
				new StatementEntry(7, new BigDecimal("300.00"), EntryDirection.DEBIT, false, EntryStatus.BOOKED,
						MARCH_2, MARCH_2, "BR-2", "SWEEP-1", "CESSIO FACTOR SA", null, null, null, List.of(),
						"VIR SEPA EMIS REVERSEMENT", "06", null),
				new StatementEntry(11, new BigDecimal("0.01"), EntryDirection.CREDIT, false, EntryStatus.BOOKED,
						MARCH_2, MARCH_2, "BR-3", null, null, null, null, null, List.of(), "VIR SEPA RECU", "05",
						null));

		for (byte[] file : List.of(statement.camt053v08(), statement.camt053v02())) {
			AccountStatement read = reader.read(file).statements().get(0);
			assertThat(read.closingBalance()).isEqualTo(new BigDecimal("1950.01"))
				.isEqualTo(statement.closingBalance());
			assertThat(read.entries()).containsExactlyElementsOf(camt);
		}
		AccountStatement read = reader.read(statement.cfonb120()).statements().get(0);
		assertThat(read.closingBalance()).isEqualTo(new BigDecimal("1950.01"));
		assertThat(read.entries()).containsExactlyElementsOf(cfonb);
	}

	@Test
	void readsSeveralStatementsInOneFile() {
		Builder first = StatementFiles.aStatement("30004", "00823", "00012345678")
			.opening("-100.00", MARCH_2)
			.credit(credit("150.00"));
		Builder second = StatementFiles.aStatement("FR7610107001011234567890129")
			.opening("0.00", MARCH_3)
			.debit(debit("20.00"));

		StatementFile camt = reader.read(StatementFiles.camt053v08("MSG-1", first, second));
		StatementFile cfonb = reader.read(StatementFiles.cfonb120(first, second));

		for (StatementFile file : List.of(camt, cfonb)) {
			assertThat(file.statements()).extracting(AccountStatement::iban)
				.containsExactly(first.iban(), second.iban());
			assertThat(file.statements()).extracting(AccountStatement::closingBalance)
				.containsExactly(new BigDecimal("50.00"), new BigDecimal("-20.00"));
		}
		// camt.053 entries are numbered through the file
		assertThat(camt.statements().get(1).entries().get(0).position()).isEqualTo(2);
	}

	@Test
	void readsAHundredThousandEntries() {
		Builder statement = StatementFiles.aStatement("FR7630004008230001234567819")
			.opening("1000.00", MARCH_2)
			.generatedCredits(100_000);
		StatementReader large = new StatementReader(500_000_000);
		long generation = System.nanoTime();
		byte[] camt = statement.camt053v08();
		byte[] cfonb = statement.cfonb120();
		generation = System.nanoTime() - generation;

		long start = System.nanoTime();
		StatementFile camtFile = large.read(camt);
		long camtTime = System.nanoTime() - start;
		start = System.nanoTime();
		StatementFile cfonbFile = large.read(cfonb);
		long cfonbTime = System.nanoTime() - start;

		System.out.printf(
				"100 000 entries: generated camt.053 (%d MB) and CFONB 120 (%d MB) in %d ms;"
						+ " read camt.053 in %d ms, CFONB 120 in %d ms%n",
				camt.length / 1_000_000, cfonb.length / 1_000_000, generation / 1_000_000, camtTime / 1_000_000,
				cfonbTime / 1_000_000);
		assertThat(camtFile.statements().get(0).entries()).hasSize(100_000);
		assertThat(camtFile.statements().get(0).closingBalance()).isEqualTo(statement.closingBalance());
		assertThat(cfonbFile.statements().get(0).entries()).hasSize(100_000);
		assertThat(cfonbFile.statements().get(0).entries().get(99_999).creditorReference())
			.isEqualTo(camtFile.statements().get(0).entries().get(99_999).creditorReference());
	}

	@Test
	void answersAnyDamageWithARefusalAndNeverAnotherException() {
		Random random = new Random(20260303);
		for (String name : List.of("camt053-v02-sample.xml", "camt053-v08-sample.xml", "cfonb120-sample.txt")) {
			byte[] sample = Camt053ReaderTests.sample(name);
			for (int i = 0; i < 150; i++) {
				byte[] damaged = (i % 3 == 0) ? Arrays.copyOf(sample, random.nextInt(sample.length)) : sample.clone();
				if (i % 3 != 0) {
					for (int flips = 0; flips < 1 + random.nextInt(4); flips++) {
						damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
					}
				}
				try {
					reader.read(damaged);
				}
				catch (StatementRejected refused) {
					assertThat(refused.reason()).isNotNull();
				}
			}
		}
	}

	private StatementRejected rejection(byte[] content) {
		return catchThrowableOfType(StatementRejected.class, () -> reader.read(content));
	}

	private static String withDoctype(String doctype, String messageId) {
		String xml = Camt053ReaderTests.text("camt053-v08-sample.xml");
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n"
				+ xml.substring(xml.indexOf("<Document")).replace("STMT-FR7610107-20260303-1", messageId);
	}

	static String billionLaughs() {
		StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"");
			dtd.append(("&lol" + ((i == 1) ? "" : i - 1) + ";").repeat(10)).append("\">\n");
		}
		return dtd + "]>\n<Document xmlns=\"" + CAMT_08 + "\"><BkToCstmrStmt><GrpHdr><MsgId>&lol9;</MsgId>"
				+ "</GrpHdr></BkToCstmrStmt></Document>";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
