package io.cessio.invoices;

import static io.cessio.invoices.EInvoiceFixtures.DUE;
import static io.cessio.invoices.EInvoiceFixtures.ISSUED;
import static io.cessio.invoices.EInvoiceFixtures.aCreditNote;
import static io.cessio.invoices.EInvoiceFixtures.anInvoice;
import static io.cessio.invoices.EInvoiceFixtures.cii;
import static io.cessio.invoices.EInvoiceFixtures.ciiText;
import static io.cessio.invoices.EInvoiceFixtures.facturX;
import static io.cessio.invoices.EInvoiceFixtures.pdfWithAttachment;
import static io.cessio.invoices.EInvoiceFixtures.plainPdf;
import static io.cessio.invoices.EInvoiceFixtures.ubl;
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
import java.util.Arrays;
import java.util.Random;
import java.util.TimeZone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cessio.invoices.EInvoiceRejected.Reason;

class EInvoiceReaderTests {

	static byte[] facturXPdf;

	static byte[] bareCii;

	static byte[] ublInvoice;

	final EInvoiceReader reader = new EInvoiceReader();

	@BeforeAll
	static void exportTheInvoiceWithMustang() {
		facturXPdf = facturX(anInvoice());
		bareCii = cii(anInvoice());
		ublInvoice = ubl(anInvoice());
	}

	@Test
	void readsAFacturXPdf() {
		assertIsTheAlphaInvoice(reader.read(facturXPdf), EInvoiceFormat.FACTUR_X);
	}

	@Test
	void readsABareCii() {
		assertIsTheAlphaInvoice(reader.read(bareCii), EInvoiceFormat.CII);
	}

	@Test
	void readsAUblInvoice() {
		assertThat(new String(ublInvoice, StandardCharsets.UTF_8)).contains(XmlScreen.UBL_INVOICE_NAMESPACE)
			.contains(">2400<");
		assertIsTheAlphaInvoice(reader.read(ublInvoice), EInvoiceFormat.UBL);
	}

	@Test
	void readsDatesRightWhateverTheDefaultTimeZone() {
		TimeZone original = TimeZone.getDefault();
		try {
			// UTC+14: midnight there is still the previous day in UTC and in Paris.
			// (Files are
			// not exported here: Mustang's writer keeps the zone it started with.)
			TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
			for (byte[] file : new byte[][] { facturXPdf, bareCii, ublInvoice }) {
				EInvoiceData data = reader.read(file);
				assertThat(data.issueDate()).isEqualTo(ISSUED);
				assertThat(data.dueDate()).isEqualTo(DUE);
			}
			TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Pago_Pago"));
			assertThat(reader.read(ublInvoice).issueDate()).isEqualTo(ISSUED);
		}
		finally {
			TimeZone.setDefault(original);
		}
	}

	@Test
	void readsACiiCreditNote() {
		EInvoiceData data = reader.read(cii(aCreditNote()));

		assertThat(data.creditNote()).isTrue();
		assertThat(data.typeCode()).isEqualTo("381");
		assertThat(data.number()).isEqualTo("AV-2026-001");
		assertThat(data.totalInclVat()).isEqualByComparingTo("2400.00");
	}

	@Test
	void readsAUblCreditNoteDocument() {
		byte[] creditNote = ubl(aCreditNote());
		assertThat(new String(creditNote, StandardCharsets.UTF_8)).contains(XmlScreen.UBL_CREDIT_NOTE_NAMESPACE);

		EInvoiceData data = reader.read(creditNote);

		assertThat(data.format()).isEqualTo(EInvoiceFormat.UBL);
		assertThat(data.creditNote()).isTrue();
		assertThat(data.typeCode()).isEqualTo("381");
		assertThat(data.sellerSiren()).isEqualTo("123456782");
	}

	@ParameterizedTest
	@CsvSource({ "380,false", "384,false", "389,false", "393,false", "751,false", "381,true", "396,true", "261,true",
			"262,true", "458,true", "532,true" })
	void tellsCreditNotesFromInvoicesByTypeCode(String typeCode, boolean creditNote) {
		String cii = ciiText(anInvoice()).replace("<ram:TypeCode>380</ram:TypeCode>",
				"<ram:TypeCode>" + typeCode + "</ram:TypeCode>");

		EInvoiceData data = reader.read(utf8(cii));

		assertThat(data.typeCode()).isEqualTo(typeCode);
		assertThat(data.creditNote()).isEqualTo(creditNote);
	}

	@Test
	void takesTheSirenFromASiretOrAFrenchVatNumber() {
		String cii = ciiText(anInvoice())
			.replace("<ram:ID schemeID=\"0002\">888777661</ram:ID>",
					"<ram:ID schemeID=\"0009\">88877766100015</ram:ID>")
			.replace("<ram:ID schemeID=\"0002\">123456782</ram:ID>", "<ram:ID schemeID=\"0199\">LEI-ALPHA</ram:ID>");

		EInvoiceData data = reader.read(utf8(cii));

		assertThat(data.buyerSiren()).isEqualTo("888777661");
		assertThat(data.sellerSiren()).as("from FR11123456782").isEqualTo("123456782");
	}

	@Test
	void leavesTheSirenOutWhenNoneIsValid() {
		String cii = ciiText(anInvoice()).replace("888777661", "888777662");

		assertThat(reader.read(utf8(cii)).buyerSiren()).isNull();
	}

	@Test
	void keepsTheSameDocumentIdWhenTheInvoiceIsExportedAgain() {
		String reExported = ciiText(anInvoice()).replace("\n", "\r\n  ")
			.replace("<!-- generated by: mustangproject.org -->", "<!-- exported again -->");

		assertThat(reader.read(utf8(reExported)).documentId()).isEqualTo(reader.read(bareCii).documentId())
			.isEqualTo("123456782:FX-2026-001:2026-03-01");
	}

	@Test
	void refusesADoctypeWithAnExternalEntityWithoutResolvingIt(@TempDir Path directory) throws IOException {
		Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-42");
		try (ServerSocket evil = new ServerSocket(0)) {
			evil.setSoTimeout(200);
			for (String entity : new String[] { "file:///etc/passwd", secret.toUri().toString(),
					"http://127.0.0.1:" + evil.getLocalPort() + "/secret" }) {
				EInvoiceRejected rejected = rejection(utf8(withEntityInBuyerName(entity)));

				assertThat(rejected.reason()).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
				assertThat(rejected.messageKey()).isEqualTo("invoices.einvoice.doctype_forbidden");
				assertThat(rejected).hasMessageNotContaining("TOP-SECRET").hasMessageNotContaining("root:");
			}
			assertThat(catchThrowableOfType(SocketTimeoutException.class, evil::accept)).as("nobody called")
				.isNotNull();
		}
	}

	@Test
	void refusesAnExternalDtdWithoutFetchingIt() throws IOException {
		try (ServerSocket evil = new ServerSocket(0)) {
			evil.setSoTimeout(200);
			for (String url : new String[] { "http://127.0.0.1:1/evil.dtd",
					"http://127.0.0.1:" + evil.getLocalPort() + "/evil.dtd" }) {
				String cii = ciiText(anInvoice()).replaceFirst("<rsm:CrossIndustryInvoice",
						"<!DOCTYPE x SYSTEM \"" + url + "\">\n<rsm:CrossIndustryInvoice");

				assertThat(rejection(utf8(cii)).reason()).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
			}
			assertThat(catchThrowableOfType(SocketTimeoutException.class, evil::accept)).as("nobody called")
				.isNotNull();
		}
	}

	@Test
	void refusesABillionLaughsAtOnce() {
		StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"");
			dtd.append(("&lol" + ((i == 1) ? "" : i - 1) + ";").repeat(10)).append("\">\n");
		}
		String bomb = dtd + "]>\n<rsm:CrossIndustryInvoice xmlns:rsm=\"" + XmlScreen.CII_NAMESPACE
				+ "\">&lol9;</rsm:CrossIndustryInvoice>";

		long start = System.nanoTime();
		EInvoiceRejected rejected = rejection(utf8(bomb));

		assertThat(rejected.reason()).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
	}

	@Test
	void refusesADoctypeInAnyCaseAndInsideAFacturXPdf() {
		String doctype = ciiText(anInvoice()).replaceFirst("<rsm:CrossIndustryInvoice",
				"<!doctype rsm:CrossIndustryInvoice>\n<rsm:CrossIndustryInvoice");

		assertThat(rejection(utf8(doctype)).reason()).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
		assertThat(rejection(pdfWithAttachment("factur-x.xml", utf8(doctype.replace("doctype", "DOCTYPE")))).reason())
			.isEqualTo(Reason.DOCTYPE_FORBIDDEN);
	}

	@Test
	void hardenedParserRefusesADoctypeOnItsOwn() {
		byte[] xml = utf8("<!DOCTYPE x SYSTEM \"http://127.0.0.1:1/evil.dtd\"><x/>");

		EInvoiceRejected rejected = catchThrowableOfType(EInvoiceRejected.class, () -> XmlScreen.parseHardened(xml));

		assertThat(rejected.reason()).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
	}

	@Test
	void refusesEncodingsThatCouldHideADoctype() {
		String cii = ciiText(anInvoice());

		assertThat(rejection(cii.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16))
			.reason()).isEqualTo(Reason.UNSUPPORTED);
		assertThat(rejection(cii.getBytes(StandardCharsets.UTF_16LE)).reason()).isEqualTo(Reason.UNSUPPORTED);
		assertThat(rejection(utf8(cii.replace("encoding=\"UTF-8\"", "encoding=\"UTF-7\""))).reason())
			.isEqualTo(Reason.UNSUPPORTED);
		assertThat(reader
			.read(cii.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").getBytes(StandardCharsets.ISO_8859_1))
			.buyerName()).isEqualTo("DELTA SAS");
	}

	@Test
	void refusesAPdfWithoutFacturX() {
		assertThat(rejection(plainPdf()).reason()).isEqualTo(Reason.NOT_FACTUR_X);
		assertThat(rejection(pdfWithAttachment("invoice.xml", bareCii)).reason()).isEqualTo(Reason.NOT_FACTUR_X);
		assertThat(rejection(pdfWithAttachment("factur-x.xml", ublInvoice)).reason()).isEqualTo(Reason.NOT_FACTUR_X);
	}

	@Test
	void readsTheCiiOfAnyPdfCarryingAFacturXAttachment() {
		EInvoiceData data = reader.read(pdfWithAttachment("factur-x.xml", bareCii));

		assertThat(data.format()).isEqualTo(EInvoiceFormat.FACTUR_X);
		assertThat(data.number()).isEqualTo("FX-2026-001");
	}

	@Test
	void refusesFilesOverTenMegabytes() {
		byte[] tooLarge = Arrays.copyOf(bareCii, EInvoiceReader.MAX_BYTES + 1);

		EInvoiceRejected rejected = rejection(tooLarge);

		assertThat(rejected.reason()).isEqualTo(Reason.TOO_LARGE);
		assertThat(rejected.messageKey()).isEqualTo("invoices.einvoice.too_large");
		assertThat(rejected.messageArguments()).isEmpty();
	}

	@Test
	void refusesAPdfWhoseInvoiceUnpacksOverTenMegabytes() {
		byte[] padded = Arrays.copyOf(bareCii, EInvoiceReader.MAX_BYTES + 1);
		Arrays.fill(padded, bareCii.length, padded.length, (byte) ' ');

		assertThat(rejection(pdfWithAttachment("factur-x.xml", padded)).reason()).isEqualTo(Reason.TOO_LARGE);
	}

	@Test
	void refusesGarbage() {
		byte[] garbage = new byte[4096];
		new Random(20260301).nextBytes(garbage);
		garbage[0] = 'G';

		assertThat(rejection(garbage).reason()).isEqualTo(Reason.UNSUPPORTED);
		assertThat(rejection(new byte[0]).reason()).isEqualTo(Reason.UNSUPPORTED);
		assertThat(rejection(utf8("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>")))
			.returns(Reason.UNSUPPORTED, EInvoiceRejected::reason);
	}

	@Test
	void refusesTruncatedXmlAndUnreadablePdfs() {
		assertThat(rejection(Arrays.copyOf(bareCii, bareCii.length / 2)).reason()).isEqualTo(Reason.MALFORMED);
		assertThat(rejection(utf8("%PDF-1.7 not really")).reason()).isEqualTo(Reason.MALFORMED);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "(?s)<ram:BuyerTradeParty>.*</ram:BuyerTradeParty>||buyer",
			"<ram:ID>FX-2026-001</ram:ID>||number", "(?s)<ram:IssueDateTime>.*?</ram:IssueDateTime>||issue date",
			"<ram:GrandTotalAmount>2400.00</ram:GrandTotalAmount>||total incl. VAT",
			"<ram:TaxBasisTotalAmount>2000.00</ram:TaxBasisTotalAmount>||total excl. VAT",
			"<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>||currency" })
	void refusesAnInvoiceWithoutAMandatoryField(String regex, String replacement, String field) {
		String cii = ciiText(anInvoice()).replaceAll(regex, (replacement != null) ? replacement : "");

		EInvoiceRejected rejected = rejection(utf8(cii));

		assertThat(rejected.reason()).isEqualTo(Reason.MISSING_FIELD);
		assertThat(rejected.detail()).isEqualTo(field);
		assertThat(rejected.messageKey()).isEqualTo("invoices.einvoice.missing_field");
		assertThat(rejected.messageArguments()).containsExactly(field);
		assertThat(rejected).hasMessage("A mandatory field is missing: " + field);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "<ram:GrandTotalAmount>2400.00<|<ram:GrandTotalAmount>-2400.00<|total incl. VAT is negative",
					"<ram:GrandTotalAmount>2400.00<|<ram:GrandTotalAmount>2400.005<|more than 2 decimals",
					"<ram:GrandTotalAmount>2400.00<|<ram:GrandTotalAmount>2300.00<|2000.00 + 400.00 VAT ≠ 2300.00",
					"<ram:TaxTotalAmount currencyID=\"EUR\">400.00<|<ram:TaxTotalAmount currencyID=\"EUR\">400.50<|≠" })
	void refusesInvalidAmounts(String target, String replacement, String detail) {
		String cii = ciiText(anInvoice()).replace(target, replacement);

		EInvoiceRejected rejected = rejection(utf8(cii));

		assertThat(rejected.reason()).isEqualTo(Reason.INVALID_AMOUNT);
		assertThat(rejected.detail()).contains(detail);
		assertThat(rejected.messageKey()).isEqualTo("invoices.einvoice.invalid_amount");
	}

	@Test
	void acceptsTrailingZerosBeyondTwoDecimals() {
		String cii = ciiText(anInvoice()).replace(">2400.00<", ">2400.000<");

		assertThat(reader.read(utf8(cii)).totalInclVat()).isEqualTo(new BigDecimal("2400.00"));
	}

	private static String withEntityInBuyerName(String systemId) {
		return ciiText(anInvoice())
			.replaceFirst("<rsm:CrossIndustryInvoice",
					"<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"" + systemId + "\">]>\n<rsm:CrossIndustryInvoice")
			.replace("<ram:Name>DELTA SAS</ram:Name>", "<ram:Name>&xxe;</ram:Name>");
	}

	private static void assertIsTheAlphaInvoice(EInvoiceData data, EInvoiceFormat format) {
		assertThat(data.format()).isEqualTo(format);
		assertThat(data.number()).isEqualTo("FX-2026-001");
		assertThat(data.creditNote()).isFalse();
		assertThat(data.typeCode()).isEqualTo("380");
		assertThat(data.issueDate()).isEqualTo(ISSUED);
		assertThat(data.dueDate()).isEqualTo(DUE);
		// equals, not compareTo: the scale is 2 even where UBL writes "2400"
		assertThat(data.totalExclVat()).isEqualTo(new BigDecimal("2000.00"));
		assertThat(data.vatAmount()).isEqualTo(new BigDecimal("400.00"));
		assertThat(data.totalInclVat()).isEqualTo(new BigDecimal("2400.00"));
		assertThat(data.currency()).isEqualTo("EUR");
		assertThat(data.sellerName()).isEqualTo("ALPHA SAS");
		assertThat(data.sellerSiren()).isEqualTo("123456782");
		assertThat(data.buyerName()).isEqualTo("DELTA SAS");
		assertThat(data.buyerSiren()).isEqualTo("888777661");
		assertThat(data.buyerCountry()).isEqualTo("FR");
		assertThat(data.documentId()).isEqualTo("123456782:FX-2026-001:2026-03-01");
	}

	private EInvoiceRejected rejection(byte[] content) {
		EInvoiceRejected rejected = catchThrowableOfType(EInvoiceRejected.class, () -> reader.read(content));
		assertThat(rejected).as("refused").isNotNull();
		return rejected;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
