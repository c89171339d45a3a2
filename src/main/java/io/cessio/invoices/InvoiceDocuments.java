package io.cessio.invoices;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import io.cessio.shared.Bic;
import io.cessio.shared.Iban;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders the French PDF documents of a remittance: the quittance subrogative the
 * adhérent signs, and the letter notifying a debtor where to pay. Templates are Thymeleaf
 * XHTML under {@code templates/documents/}; every value from the documents is escaped as
 * text. The only font is Liberation Sans, embedded (subset) from the PDFBox jar, so the
 * output does not depend on the fonts of the machine. Thread-safe.
 */
@Component
public class InvoiceDocuments {

	/**
	 * Shipped inside pdfbox.jar (SIL Open Font License), used by PDFBox as its own
	 * fallback.
	 */
	private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	static final String FONT_FAMILY = "Liberation Sans";

	static {
		XRLog.setLoggerImpl(new RendererLog());
	}

	private final TemplateEngine templates;

	private final byte[] font;

	private final DocumentFormat format = new DocumentFormat();

	public InvoiceDocuments() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(InvoiceDocuments.class.getClassLoader());
		resolver.setPrefix("templates/documents/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		this.templates = new TemplateEngine();
		this.templates.setTemplateResolver(resolver);
		this.font = readFont();
	}

	/**
	 * The quittance subrogative of a remittance, as a PDF: identities of the adhérent and
	 * the factor, the listed invoices and credit notes (credit notes negative), the
	 * totals, the subrogation wording with « Bon pour subrogation », place, date and
	 * signature block. PDF title « Quittance subrogative — bordereau n° … », author the
	 * factor.
	 */
	public byte[] subrogationReceipt(SubrogationReceiptDocument document) {
		Context context = context();
		context.setVariable("d", document);
		context.setVariable("signedOn", document.creditedOn() != null ? format.date(document.creditedOn())
				: format.date(document.submittedAt()));
		return render("subrogation-receipt", context);
	}

	/**
	 * The letter notifying a debtor of the subrogation and of the account it must pay
	 * into from now on (DOMAIN §4.4), as a PDF; addressed to the debtor, signed by the
	 * adhérent, with the factor's visa. PDF author the factor.
	 */
	public byte[] notificationLetter(NotificationLetterDocument document) {
		Context context = context();
		context.setVariable("d", document);
		context.setVariable("mention", subrogationMention(document.factor().legalName(), document.dedicatedIban(),
				document.bic(), document.contractReference()));
		return render("notification-letter", context);
	}

	/**
	 * The subrogation mention printed in the body of every assigned invoice (DOMAIN
	 * §4.3), without the surrounding quotation marks; the IBAN in groups of four.
	 */
	public static String subrogationMention(String factorName, Iban iban, Bic bic, String contractReference) {
		return "Pour être libératoire, votre règlement doit être effectué exclusivement à l'ordre de " + factorName
				+ ", par virement sur le compte IBAN " + iban.formatted() + " BIC " + bic.value()
				+ ", qui le reçoit par subrogation dans le cadre du contrat d'affacturage n° " + contractReference
				+ ". Toute réclamation relative à cette facture doit lui être notifiée.";
	}

	private Context context() {
		Context context = new Context(Locale.FRANCE);
		context.setVariable("fmt", format);
		return context;
	}

	private byte[] render(String template, Context context) {
		String html = templates.process(template, context);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		// Tagged PDF (PDF/UA) is readable by screen readers, and in that mode
		// openhtmltopdf drops the non-embedded standard-14 fonts: only Liberation Sans
		// can reach the page.
		builder.usePdfUaAccessibility(true);
		builder.withHtmlContent(html, null);
		builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 400, FontStyle.NORMAL, true,
				EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_PRE));
		// The templates reference nothing outside themselves: refuse every URL.
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		builder.withProducer("Cessio");
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render " + template, ex);
		}
		return pdf.toByteArray();
	}

	private static byte[] readFont() {
		try (InputStream in = InvoiceDocuments.class.getResourceAsStream(FONT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(
						"Font " + FONT_RESOURCE + " is missing from the classpath (pdfbox jar)");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
