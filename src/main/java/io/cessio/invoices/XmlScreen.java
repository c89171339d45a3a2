package io.cessio.invoices;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import io.cessio.invoices.EInvoiceRejected.Reason;

/**
 * Checks untrusted XML before any library parses it: an accepted encoding, no DOCTYPE,
 * and well-formed under a parser that refuses DTDs and external resources. It also tells
 * which invoice syntax the root element belongs to.
 */
final class XmlScreen {

	static final String CII_NAMESPACE = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

	static final String UBL_INVOICE_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

	static final String UBL_CREDIT_NOTE_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

	/** The root element of an accepted invoice document. */
	enum Root {

		CII, UBL_INVOICE, UBL_CREDIT_NOTE

	}

	// Encodings in which "<!DOCTYPE" can only appear as its ASCII bytes, so the byte scan
	// below cannot be dodged (UTF-16, UTF-32, UTF-7 or EBCDIC could hide it).
	private static final Set<String> ACCEPTED_ENCODINGS = Set.of("UTF-8", "UTF8", "US-ASCII", "ASCII", "ISO-8859-1",
			"ISO8859-1", "ISO_8859-1", "LATIN1");

	private static final Pattern ENCODING_DECLARATION = Pattern
		.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

	private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

	private XmlScreen() {
	}

	/** Whether the bytes start like an XML document (after a UTF-8 BOM and blanks). */
	static boolean looksLikeXml(byte[] content) {
		int start = startOfText(content);
		return start < content.length && content[start] == '<';
	}

	/**
	 * Screens a document and names its root.
	 * @throws EInvoiceRejected UNSUPPORTED (encoding, other XML), DOCTYPE_FORBIDDEN or
	 * MALFORMED
	 */
	static Root screen(byte[] xml) {
		refuseUnsafeEncodings(xml);
		if (containsDoctype(xml)) {
			throw new EInvoiceRejected(Reason.DOCTYPE_FORBIDDEN);
		}
		QualifiedName root = parseHardened(xml);
		if (CII_NAMESPACE.equals(root.namespace()) && "CrossIndustryInvoice".equals(root.localName())) {
			return Root.CII;
		}
		if (UBL_INVOICE_NAMESPACE.equals(root.namespace()) && "Invoice".equals(root.localName())) {
			return Root.UBL_INVOICE;
		}
		if (UBL_CREDIT_NOTE_NAMESPACE.equals(root.namespace()) && "CreditNote".equals(root.localName())) {
			return Root.UBL_CREDIT_NOTE;
		}
		throw new EInvoiceRejected(Reason.UNSUPPORTED, "root element {" + root.namespace() + "}" + root.localName());
	}

	static void refuseUnsafeEncodings(byte[] xml) {
		if (startsWith(xml, 0xFE, 0xFF) || startsWith(xml, 0xFF, 0xFE) || startsWith(xml, 0, 0)
				|| startsWith(xml, '<', 0) || startsWith(xml, 0, '<')) {
			throw new EInvoiceRejected(Reason.UNSUPPORTED, "XML in UTF-16 or UTF-32 is not accepted");
		}
		int start = startOfText(xml);
		String head = new String(xml, start, Math.min(256, xml.length - start), StandardCharsets.ISO_8859_1);
		Matcher declaration = ENCODING_DECLARATION.matcher(head);
		if (declaration.find()) {
			String encoding = declaration.group(1).trim().toUpperCase(Locale.ROOT);
			if (!ACCEPTED_ENCODINGS.contains(encoding)) {
				throw new EInvoiceRejected(Reason.UNSUPPORTED, "XML encoding " + encoding + " is not accepted");
			}
		}
	}

	/** A case-insensitive search for {@code <!DOCTYPE} anywhere in the bytes. */
	static boolean containsDoctype(byte[] xml) {
		outer: for (int i = 0; i <= xml.length - DOCTYPE.length; i++) {
			for (int j = 0; j < DOCTYPE.length; j++) {
				int b = xml[i + j];
				if (b >= 'a' && b <= 'z') {
					b -= 'a' - 'A';
				}
				if (b != DOCTYPE[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/**
	 * A full well-formedness pass with a parser that refuses any DOCTYPE and never loads
	 * an external entity, DTD or schema; it stands even if the byte scan were fooled.
	 */
	static QualifiedName parseHardened(byte[] xml) {
		RootRecorder recorder = new RootRecorder();
		try {
			SAXParser parser = hardenedFactory().newSAXParser();
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			parser.parse(new InputSource(new ByteArrayInputStream(xml)), recorder);
		}
		catch (SAXParseException ex) {
			if (recorder.root == null && String.valueOf(ex.getMessage()).contains("DOCTYPE")) {
				throw new EInvoiceRejected(Reason.DOCTYPE_FORBIDDEN, null, ex);
			}
			throw new EInvoiceRejected(Reason.MALFORMED, ex.getMessage(), ex);
		}
		catch (SAXException | IOException ex) {
			throw new EInvoiceRejected(Reason.MALFORMED, ex.getMessage(), ex);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK's XML parser lacks a security feature", ex);
		}
		if (recorder.root == null) {
			throw new EInvoiceRejected(Reason.MALFORMED, "no root element");
		}
		return recorder.root;
	}

	private static SAXParserFactory hardenedFactory() throws ParserConfigurationException, SAXException {
		// the JDK's own parser, whatever another library puts on the classpath
		SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
		factory.setNamespaceAware(true);
		factory.setValidating(false);
		factory.setXIncludeAware(false);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		return factory;
	}

	private static int startOfText(byte[] content) {
		int i = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
		while (i < content.length
				&& (content[i] == ' ' || content[i] == '\t' || content[i] == '\r' || content[i] == '\n')) {
			i++;
		}
		return i;
	}

	private static boolean startsWith(byte[] content, int... prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	record QualifiedName(String namespace, String localName) {
	}

	private static final class RootRecorder extends DefaultHandler {

		private @Nullable QualifiedName root;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			if (root == null) {
				root = new QualifiedName(uri, localName);
			}
		}

		@Override
		public InputSource resolveEntity(@Nullable String publicId, @Nullable String systemId) throws SAXException {
			throw new SAXException("External entity refused: " + systemId);
		}

	}

}
