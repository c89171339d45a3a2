package io.cessio.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.cessio.invoices.SubrogationReceiptDocument.Line;
import io.cessio.shared.Bic;
import io.cessio.shared.Iban;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The quittance and the notification letter of DOMAIN §3.3's remittance R-2026-0001. */
class InvoiceDocumentsTests {

	static final Party ALPHA = new Party("ALPHA SAS", Siren.of("123456782"),
			new PostalAddress("12 rue de la République", "69002", "Lyon", "FR"));

	static final Party FACTOR = new Party("Cessio Factor SA", Siren.of("552100554"),
			new PostalAddress("8 place de la Bourse", "75002", "Paris", "FR"));

	static final Party BETA = new Party("BETA SA", Siren.of("552109878"),
			new PostalAddress("3 avenue Jean Jaurès", "13001", "Marseille", "FR"));

	static final Iban DEDICATED_IBAN = Iban.french("30003", "01234", "00012345678");

	static final Bic BIC = new Bic("SOGEFRPP");

	final InvoiceDocuments documents = new InvoiceDocuments();

	@Test
	void quittanceListsTheRemittanceItsInvoicesAndTheSubrogation() throws IOException {
		byte[] pdf = documents.subrogationReceipt(remittance("BETA SA"));

		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(text(pdf)).contains("Quittance subrogative — bordereau n° R-2026-0001")
			.contains("ALPHA SAS", "123 456 782", "Cessio Factor SA", "552 100 554", "AFF-2026-0042")
			.contains("F1", "F2", "F3")
			.contains("BETA SA", "GAMMA SARL", "DELTA SAS")
			.contains("552 109 878", "403 123 458", "888 777 661")
			.contains("27/02/2026", "28/04/2026", "15/04/2026", "01/03/2026", "30/04/2026")
			.contains("12 000,00 €", "6 000,00 €", "2 400,00 €")
			.contains("20 400,00 €")
			.contains("« Bon pour subrogation »", "1346-1")
			.contains("RF68 ALPH A202 6F1", "RF41 ALPH A202 6F2", "RF14 ALPH A202 6F3")
			.contains("Fait à Lyon, le 03/03/2026")
			.contains("Compte courant crédité le 03/03/2026")
			.contains("remis le 03/03/2026 à 10:15");
	}

	@Test
	void quittanceShowsCreditNotesNegative() throws IOException {
		List<Line> lines = new ArrayList<>(remittance("BETA SA").lines());
		lines.add(new Line("A1", true, "BETA SA", BETA.siren(), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 28),
				Money.eur("1200.00"), "RF60ALPHA2026A1"));
		SubrogationReceiptDocument withCreditNote = new SubrogationReceiptDocument("R-2026-0002",
				Instant.parse("2026-03-04T08:00:00Z"), null, ALPHA, FACTOR, "AFF-2026-0042", lines,
				Money.eur("20400.00"), Money.eur("1200.00"), Money.eur("19200.00"));

		assertThat(text(documents.subrogationReceipt(withCreditNote))).contains("Avoir", "-1 200,00 €", "19 200,00 €")
			.contains("Fait à Lyon, le 04/03/2026")
			.doesNotContain("Compte courant crédité");
	}

	@Test
	void refusesTotalsThatDisagreeWithTheLines() {
		SubrogationReceiptDocument valid = remittance("BETA SA");

		assertThatIllegalArgumentException().isThrownBy(() -> new SubrogationReceiptDocument(valid.remittanceNumber(),
				valid.submittedAt(), null, ALPHA, FACTOR, valid.contractReference(), valid.lines(),
				Money.eur("20400.01"), Money.eur("0.00"), Money.eur("20400.01")));
	}

	@Test
	void notificationLetterTellsTheDebtorWhereToPay() throws IOException {
		byte[] pdf = documents.notificationLetter(letterTo(BETA));

		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(text(pdf)).contains("Notification de cession de créances")
			.contains(DEDICATED_IBAN.formatted(), "SOGEFRPP", "Titulaire du compte")
			.contains("BETA SA", "3 avenue Jean Jaurès", "13001 Marseille")
			.contains("ALPHA SAS", "123 456 782")
			.contains("Cessio Factor SA", "552 100 554")
			.contains("subrogation", "AFF-2026-0042", "référence RF")
			.contains("Lyon, le 05/03/2026")
			.contains("Visa de Cessio Factor SA");
	}

	@Test
	void printsMarkupInNamesAsText() throws IOException {
		String name = "<script>alert('x')</script> & \"quotes\"";

		byte[] quittance = documents.subrogationReceipt(remittance(name));
		byte[] letter = documents.notificationLetter(
				letterTo(new Party(name, BETA.siren(), new PostalAddress("<b>1</b> rue", "13001", "Marseille", "FR"))));

		// a narrow table cell may wrap the name anywhere
		assertThat(text(quittance).replace(" ", "")).contains(name.replace(" ", ""));
		assertThat(text(letter)).contains(name, "<b>1</b> rue");
	}

	@Test
	void embedsEveryFont() throws IOException {
		for (byte[] pdf : List.of(documents.subrogationReceipt(remittance("BETA SA")),
				documents.notificationLetter(letterTo(BETA)))) {
			List<PDFont> fonts = fonts(pdf);
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).contains("LiberationSans");
			});
		}
	}

	@Test
	void titlesThePdfAndNamesTheFactorAsAuthor() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(documents.subrogationReceipt(remittance("BETA SA")))) {
			assertThat(pdf.getDocumentInformation().getTitle())
				.isEqualTo("Quittance subrogative — bordereau n° R-2026-0001");
			assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Cessio Factor SA");
		}
		try (PDDocument pdf = Loader.loadPDF(documents.notificationLetter(letterTo(BETA)))) {
			assertThat(pdf.getDocumentInformation().getTitle()).contains("Notification de cession de créances");
			assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("Cessio Factor SA");
		}
	}

	@Test
	void writesTheFrenchSubrogationMention() {
		assertThat(InvoiceDocuments.subrogationMention("Cessio Factor SA", DEDICATED_IBAN, BIC, "AFF-2026-0042"))
			.isEqualTo("Pour être libératoire, votre règlement doit être effectué exclusivement à l'ordre de "
					+ "Cessio Factor SA, par virement sur le compte IBAN " + DEDICATED_IBAN.formatted()
					+ " BIC SOGEFRPP, qui le reçoit par subrogation dans le cadre du contrat d'affacturage "
					+ "n° AFF-2026-0042. Toute réclamation relative à cette facture doit lui être notifiée.");
	}

	static SubrogationReceiptDocument remittance(String firstDebtorName) {
		List<Line> lines = List.of(
				new Line("F1", false, firstDebtorName, Siren.of("552109878"), LocalDate.of(2026, 2, 27),
						LocalDate.of(2026, 4, 28), Money.eur("12000.00"), "RF68ALPHA2026F1"),
				new Line("F2", false, "GAMMA SARL", Siren.of("403123458"), LocalDate.of(2026, 2, 28),
						LocalDate.of(2026, 4, 15), Money.eur("6000.00"), "RF41ALPHA2026F2"),
				new Line("F3", false, "DELTA SAS", Siren.of("888777661"), LocalDate.of(2026, 3, 1),
						LocalDate.of(2026, 4, 30), Money.eur("2400.00"), "RF14ALPHA2026F3"));
		// 10:15 in Paris (UTC+1 in March)
		return new SubrogationReceiptDocument("R-2026-0001", Instant.parse("2026-03-03T09:15:00Z"),
				LocalDate.of(2026, 3, 3), ALPHA, FACTOR, "AFF-2026-0042", lines, Money.eur("20400.00"),
				Money.eur("0.00"), Money.eur("20400.00"));
	}

	static NotificationLetterDocument letterTo(Party debtor) {
		return new NotificationLetterDocument(LocalDate.of(2026, 3, 5), ALPHA, FACTOR, debtor, DEDICATED_IBAN, BIC,
				"ALPHA SAS — compte dédié affacturage", "AFF-2026-0042");
	}

	/**
	 * The PDF's text, with the no-break spaces of French amounts read as plain spaces and
	 * line breaks as spaces (a table cell may wrap).
	 */
	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document)
				.replace('\u202F', ' ')
				.replace('\u00A0', ' ')
				.replaceAll("\\s+", " ");
		}
	}

	static List<PDFont> fonts(byte[] pdf) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}
			return fonts;
		}
	}

}
