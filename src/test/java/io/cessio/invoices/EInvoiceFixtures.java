package io.cessio.invoices;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import javax.xml.transform.TransformerException;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.mustangproject.CII.CIIToUBL;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.IZUGFeRDExporter;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromPDFA;

/**
 * E-invoice files made with Mustang itself: ALPHA SAS (SIREN 123 456 782) invoices DELTA
 * SAS (SIREN 888 777 661, legal id scheme 0002) FX-2026-001 of 2026-03-01, due
 * 2026-04-30, for 2 000.00 + 20 % VAT 400.00 = 2 400.00 EUR.
 */
final class EInvoiceFixtures {

	static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);

	static final LocalDate DUE = LocalDate.of(2026, 4, 30);

	private EInvoiceFixtures() {
	}

	/** Mustang reads and writes {@link Date}s in the JVM's default zone at call time. */
	static Invoice anInvoice() {
		return anInvoice("123456782", "888777661", "FX-2026-001");
	}

	/** The same invoice between other parties, under another number. */
	static Invoice anInvoice(String sellerSiren, String buyerSiren, String number) {
		TradeParty seller = new TradeParty("ALPHA SAS", "1 rue de la Paix", "75002", "Paris", "FR")
			.setVATID("FR11123456782")
			.setLegalOrganisation(new LegalOrganisation(new SchemedID("0002", sellerSiren), "ALPHA SAS"));
		TradeParty buyer = new TradeParty("DELTA SAS", "2 avenue Foch", "69006", "Lyon", "FR")
			.setLegalOrganisation(new LegalOrganisation(new SchemedID("0002", buyerSiren), "DELTA SAS"));
		return new Invoice().setNumber(number)
			.setIssueDate(date(ISSUED))
			.setDeliveryDate(date(ISSUED))
			.setDueDate(date(DUE))
			.setCurrency("EUR")
			.setSender(seller)
			.setRecipient(buyer)
			.addItem(new Item(new Product("Conseil", "Journées de conseil", "DAY", new BigDecimal("20")),
					new BigDecimal("1000.00"), new BigDecimal("2")));
	}

	static Invoice aCreditNote() {
		return anInvoice().setNumber("AV-2026-001").setDocumentCode("381");
	}

	static byte[] cii(Invoice invoice) {
		ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
		provider.setProfile(Profiles.getByName("EN16931"));
		provider.generateXML(invoice);
		return provider.getXML();
	}

	static String ciiText(Invoice invoice) {
		return new String(cii(invoice), StandardCharsets.UTF_8);
	}

	/**
	 * Mustang 2.25.0 writes UBL (2.4, an Invoice or a CreditNote) only by converting CII.
	 */
	static byte[] ubl(Invoice invoice) {
		try {
			Path cii = Files.createTempFile("cessio-cii", ".xml");
			Path ubl = Files.createTempFile("cessio-ubl", ".xml");
			try {
				Files.write(cii, cii(invoice));
				new CIIToUBL().convert(cii.toFile(), ubl.toFile());
				return Files.readAllBytes(ubl);
			}
			finally {
				Files.deleteIfExists(cii);
				Files.deleteIfExists(ubl);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A Factur-X EN 16931 PDF/A-3, converted by Mustang from a PDF/A-1b. */
	static byte[] facturX(Invoice invoice) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (IZUGFeRDExporter exporter = new ZUGFeRDExporterFromPDFA().load(pdfA1())) {
			exporter.setProducer("Cessio tests").setProfile(Profiles.getByName("EN16931"));
			exporter.setTransaction(invoice);
			exporter.export(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The smallest PDF/A-1b that PDFBox's preflight (and hence Mustang) accepts: no text,
	 * XMP with the PDF/A identification, an sRGB output intent, PDF 1.4 without cross
	 * reference streams.
	 */
	static byte[] pdfA1() {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			page.setResources(new PDResources());
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.addRect(72, 72, 200, 100);
				content.stroke();
			}
			XMPMetadata xmp = XMPMetadata.createXMPMetadata();
			PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
			pdfa.setPart(1);
			pdfa.setConformance("B");
			xmp.createAndAddDublinCoreSchema().setTitle("Facture FX-2026-001");
			ByteArrayOutputStream xmpBytes = new ByteArrayOutputStream();
			new XmpSerializer().serialize(xmp, xmpBytes, true);
			PDMetadata metadata = new PDMetadata(document);
			metadata.importXMPMetadata(xmpBytes.toByteArray());
			document.getDocumentCatalog().setMetadata(metadata);
			document.getDocumentInformation().setTitle("Facture FX-2026-001");
			byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
			PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
			intent.setInfo("sRGB IEC61966-2.1");
			intent.setOutputCondition("sRGB IEC61966-2.1");
			intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
			intent.setRegistryName("http://www.color.org");
			document.getDocumentCatalog().addOutputIntent(intent);
			document.setVersion(1.4f);
			return save(document, CompressParameters.NO_COMPRESSION);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (BadFieldValueException | TransformerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] plainPdf() {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			return save(document, CompressParameters.DEFAULT_COMPRESSION);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A plain PDF with one embedded file, as a careless or hostile tool would write it.
	 */
	static byte[] pdfWithAttachment(String fileName, byte[] content) {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(content));
			embedded.setSubtype("text/xml");
			embedded.setSize(content.length);
			PDComplexFileSpecification file = new PDComplexFileSpecification();
			file.setFile(fileName);
			file.setFileUnicode(fileName);
			file.setEmbeddedFile(embedded);
			file.setEmbeddedFileUnicode(embedded);
			PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
			tree.setNames(Map.of(fileName, file));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
			names.setEmbeddedFiles(tree);
			document.getDocumentCatalog().setNames(names);
			return save(document, CompressParameters.DEFAULT_COMPRESSION);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Date date(LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	private static byte[] save(PDDocument document, CompressParameters compression) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out, compression);
		return out.toByteArray();
	}

}
