package io.cessio.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;

import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Screens XML that came from outside (uploads, bank files) before any library parses it:
 * an encoding in which a DOCTYPE cannot hide (UTF-8, US-ASCII or ISO-8859-1), no
 * {@code <!DOCTYPE} anywhere in the bytes (so no DTD, external entity or entity expansion
 * can reach a parser), and well-formed under a parser that itself refuses DTDs and never
 * fetches anything. It names the root element so that callers can check they got the
 * document they expect. Stateless; every method is thread-safe.
 */
public final class UntrustedXml {

	// Encodings in which "<!DOCTYPE" can only appear as its ASCII bytes, so the byte scan
	// below cannot be dodged (UTF-16, UTF-32, UTF-7 or EBCDIC could hide it).
	private static final Set<String> ACCEPTED_ENCODINGS = Set.of("UTF-8", "UTF8", "US-ASCII", "ASCII", "ISO-8859-1",
			"ISO8859-1", "ISO_8859-1", "LATIN1");

	private static final Pattern ENCODING_DECLARATION = Pattern
		.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

	private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

	private UntrustedXml() {
	}

	/** Whether the bytes start like an XML document (after a UTF-8 BOM and blanks). */
	public static boolean looksLikeXml(byte[] content) {
		int start = startOfText(content);
		return start < content.length && content[start] == '<';
	}

	/**
	 * Whether the bytes start like UTF-16 or UTF-32 text (a BOM, or zero bytes around the
	 * first character): XML in those encodings is refused by {@link #screen}.
	 */
	public static boolean looksLikeUtf16OrUtf32(byte[] content) {
		return startsWith(content, 0xFE, 0xFF) || startsWith(content, 0xFF, 0xFE) || startsWith(content, 0, 0)
				|| startsWith(content, '<', 0) || startsWith(content, 0, '<');
	}

	/**
	 * Screens a document: {@link #refuseUnsafeEncodings}, the DOCTYPE byte scan, then
	 * {@link #parseHardened}.
	 * @return the root element's namespace and local name
	 * @throws Refused if the document is refused
	 */
	public static QualifiedName screen(byte[] xml) {
		refuseBeforeParsing(xml);
		return parseHardened(xml);
	}

	/**
	 * Refuses an unsafe encoding ({@link #refuseUnsafeEncodings}) and any DOCTYPE (the
	 * byte scan), without parsing.
	 * @throws Refused with reason UNSAFE_ENCODING or DOCTYPE_FORBIDDEN
	 */
	public static void refuseBeforeParsing(byte[] xml) {
		refuseUnsafeEncodings(xml);
		if (containsDoctype(xml)) {
			throw new Refused(Refused.Reason.DOCTYPE_FORBIDDEN, "the XML declares a DOCTYPE", -1);
		}
	}

	/**
	 * Refuses UTF-16 and UTF-32 (by BOM or by zero bytes around the first {@code <}) and
	 * any declared encoding other than UTF-8, US-ASCII or ISO-8859-1.
	 * @throws Refused with reason UNSAFE_ENCODING
	 */
	public static void refuseUnsafeEncodings(byte[] xml) {
		if (looksLikeUtf16OrUtf32(xml)) {
			throw new Refused(Refused.Reason.UNSAFE_ENCODING, "XML in UTF-16 or UTF-32 is not accepted", -1);
		}
		refuseDeclaredEncoding(xml);
	}

	/** A case-insensitive search for {@code <!DOCTYPE} anywhere in the bytes. */
	public static boolean containsDoctype(byte[] xml) {
		for (int i = 0; i <= xml.length - DOCTYPE.length; i++) {
			if (xml[i] == '<' && xml[i + 1] == '!' && isDoctypeAt(xml, i)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isDoctypeAt(byte[] xml, int start) {
		for (int j = 2; j < DOCTYPE.length; j++) {
			int b = xml[start + j];
			if (b >= 'a' && b <= 'z') {
				b -= 'a' - 'A';
			}
			if (b != DOCTYPE[j]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A full well-formedness pass with the JDK's parser, set to refuse any DOCTYPE and
	 * never to load an external entity, DTD or schema; it stands even if the byte scan
	 * were fooled.
	 * @return the root element's namespace (empty if none) and local name
	 * @throws Refused with reason DOCTYPE_FORBIDDEN or MALFORMED
	 */
	public static QualifiedName parseHardened(byte[] xml) {
		return parse(xml, false);
	}

	/**
	 * Screens the bytes ({@link #refuseBeforeParsing}) and names the root element,
	 * reading no further than its start tag: what a caller needs to choose the library or
	 * model that reads the document, before reading it whole.
	 * @throws Refused if the document is refused, or malformed before its root element
	 */
	public static QualifiedName peekRoot(byte[] xml) {
		refuseBeforeParsing(xml);
		return parse(xml, true);
	}

	/**
	 * Screens the bytes ({@link #refuseBeforeParsing}) and gives a SAX source over them
	 * whose reader is the hardened parser of {@link #parseHardened}, for a library that
	 * reads a {@link SAXSource} (JAXB, a transformer) or for a caller that chains
	 * {@link org.xml.sax.XMLFilter}s onto its reader. Parse errors reach the library as
	 * {@link SAXParseException}s.
	 * @throws Refused with reason UNSAFE_ENCODING or DOCTYPE_FORBIDDEN
	 */
	public static SAXSource hardenedSource(byte[] xml) {
		refuseBeforeParsing(xml);
		return new SAXSource(hardenedReader(), new InputSource(new ByteArrayInputStream(xml)));
	}

	private static QualifiedName parse(byte[] xml, boolean rootOnly) {
		RootRecorder recorder = new RootRecorder(rootOnly);
		XMLReader reader = hardenedReader();
		reader.setContentHandler(recorder);
		try {
			reader.parse(new InputSource(new ByteArrayInputStream(xml)));
		}
		catch (SAXParseException ex) {
			if (recorder.root == null && String.valueOf(ex.getMessage()).contains("DOCTYPE")) {
				throw new Refused(Refused.Reason.DOCTYPE_FORBIDDEN, String.valueOf(ex.getMessage()), ex.getLineNumber(),
						ex);
			}
			throw new Refused(Refused.Reason.MALFORMED, String.valueOf(ex.getMessage()), ex.getLineNumber(), ex);
		}
		catch (RootFound found) {
			// the root element is all a peek reads
		}
		catch (SAXException | IOException ex) {
			throw new Refused(Refused.Reason.MALFORMED, String.valueOf(ex.getMessage()), -1, ex);
		}
		if (recorder.root == null) {
			throw new Refused(Refused.Reason.MALFORMED, "no root element", -1);
		}
		return recorder.root;
	}

	private static XMLReader hardenedReader() {
		try {
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
			SAXParser parser = factory.newSAXParser();
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			XMLReader reader = parser.getXMLReader();
			reader.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("External entity refused: " + systemId);
			});
			return reader;
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("The JDK's XML parser lacks a security feature", ex);
		}
	}

	private static void refuseDeclaredEncoding(byte[] xml) {
		int start = startOfText(xml);
		String head = new String(xml, start, Math.min(256, xml.length - start), StandardCharsets.ISO_8859_1);
		Matcher declaration = ENCODING_DECLARATION.matcher(head);
		if (declaration.find()) {
			String encoding = declaration.group(1).trim().toUpperCase(Locale.ROOT);
			if (!ACCEPTED_ENCODINGS.contains(encoding)) {
				throw new Refused(Refused.Reason.UNSAFE_ENCODING, "XML encoding " + encoding + " is not accepted", -1);
			}
		}
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

	/** An element name: its namespace URI (empty for none) and local name. */
	public record QualifiedName(String namespace, String localName) {

		public QualifiedName {
			Objects.requireNonNull(namespace);
			Objects.requireNonNull(localName);
		}

		public boolean is(String namespace, String localName) {
			return this.namespace.equals(namespace) && this.localName.equals(localName);
		}

		/** Clark notation, {@code {namespace}localName}, for messages. */
		@Override
		public String toString() {
			return "{" + namespace + "}" + localName;
		}

	}

	/**
	 * The XML was refused before any library read it. The detail (parser message) is in
	 * English, for the logs; callers map the reason to their own refusal.
	 */
	public static final class Refused extends RuntimeException {

		/** Why the XML was refused. */
		public enum Reason {

			/** A DOCTYPE declaration (DTD, entities), refused whatever it declares. */
			DOCTYPE_FORBIDDEN,
			/** Not well-formed XML. */
			MALFORMED,
			/** UTF-16, UTF-32 or a declared encoding other than UTF-8, ASCII, Latin-1. */
			UNSAFE_ENCODING

		}

		private final Reason reason;

		private final String detail;

		private final int line;

		Refused(Reason reason, String detail, int line) {
			this(reason, detail, line, null);
		}

		Refused(Reason reason, String detail, int line, @Nullable Throwable cause) {
			super(reason + ": " + detail, cause);
			this.reason = reason;
			this.detail = detail;
			this.line = line;
		}

		public Reason reason() {
			return reason;
		}

		/** What the parser said, in English. */
		public String detail() {
			return detail;
		}

		/** The XML line where the parser stopped, or -1 if not known. */
		public int line() {
			return line;
		}

	}

	private static final class RootRecorder extends DefaultHandler {

		private final boolean rootOnly;

		private @Nullable QualifiedName root;

		RootRecorder(boolean rootOnly) {
			this.rootOnly = rootOnly;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			if (root == null) {
				root = new QualifiedName(uri, localName);
				if (rootOnly) {
					throw new RootFound();
				}
			}
		}

	}

	/** Ends a peek at the root element. */
	private static final class RootFound extends SAXException {

		RootFound() {
			super("root element found");
		}

	}

}
