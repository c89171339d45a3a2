package io.cessio.invoices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.jspecify.annotations.Nullable;

import io.cessio.invoices.EInvoiceRejected.Reason;

/**
 * The invoice XML embedded in a Factur-X or ZUGFeRD PDF, taken out with PDFBox without
 * parsing it, so that it can be screened first.
 */
final class FacturXAttachment {

	// Factur-X 1.0, ZUGFeRD 2.x (and 1.0's spelling) and XRechnung embedded in a PDF
	private static final Set<String> INVOICE_FILE_NAMES = Set.of("factur-x.xml", "zugferd-invoice.xml",
			"xrechnung.xml");

	private static final int MAX_TREE_DEPTH = 16;

	private FacturXAttachment() {
	}

	/**
	 * The embedded invoice XML, at most {@code maxBytes} long once decompressed.
	 * @throws EInvoiceRejected MALFORMED (unreadable PDF), NOT_FACTUR_X (no invoice
	 * attachment) or TOO_LARGE
	 */
	static byte[] extract(byte[] pdf, int maxBytes) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDEmbeddedFilesNameTreeNode files = new PDDocumentNameDictionary(document.getDocumentCatalog())
				.getEmbeddedFiles();
			PDEmbeddedFile invoice = (files != null) ? find(files, 0) : null;
			if (invoice == null) {
				throw new EInvoiceRejected(Reason.NOT_FACTUR_X);
			}
			return readAtMost(invoice, maxBytes);
		}
		catch (IOException ex) {
			throw new EInvoiceRejected(Reason.MALFORMED, "unreadable PDF: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable PDEmbeddedFile find(PDNameTreeNode<PDComplexFileSpecification> node, int depth)
			throws IOException {
		Map<String, PDComplexFileSpecification> names = node.getNames();
		if (names != null) {
			for (PDComplexFileSpecification file : names.values()) {
				PDEmbeddedFile embedded = embeddedInvoice(file);
				if (embedded != null) {
					return embedded;
				}
			}
		}
		List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
		if (kids != null && depth < MAX_TREE_DEPTH) {
			for (PDNameTreeNode<PDComplexFileSpecification> kid : kids) {
				PDEmbeddedFile embedded = find(kid, depth + 1);
				if (embedded != null) {
					return embedded;
				}
			}
		}
		return null;
	}

	private static @Nullable PDEmbeddedFile embeddedInvoice(@Nullable PDComplexFileSpecification file) {
		if (file == null) {
			return null;
		}
		String name = (file.getFileUnicode() != null) ? file.getFileUnicode() : file.getFilename();
		if (name == null || !INVOICE_FILE_NAMES.contains(name.trim().toLowerCase(Locale.ROOT))) {
			return null;
		}
		PDEmbeddedFile embedded = file.getEmbeddedFileUnicode();
		return (embedded != null) ? embedded : file.getEmbeddedFile();
	}

	// a 10 MB PDF can hold a stream that inflates to gigabytes
	private static byte[] readAtMost(PDEmbeddedFile file, int maxBytes) throws IOException {
		try (InputStream in = file.createInputStream()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (out.size() + read > maxBytes) {
					throw new EInvoiceRejected(Reason.TOO_LARGE, "embedded XML");
				}
				out.write(buffer, 0, read);
			}
			return out.toByteArray();
		}
	}

}
