package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;

import org.junit.jupiter.api.Test;

import io.cessio.shared.UntrustedXml.QualifiedName;
import io.cessio.shared.UntrustedXml.Refused;

class UntrustedXmlTests {

	@Test
	void namesTheRootElement() {
		byte[] xml = utf8("<?xml version=\"1.0\"?>\n<a:Document xmlns:a=\"urn:x\"><a:B>1</a:B></a:Document>");

		assertThat(UntrustedXml.screen(xml)).isEqualTo(new QualifiedName("urn:x", "Document"));
		assertThat(UntrustedXml.peekRoot(xml)).isEqualTo(new QualifiedName("urn:x", "Document"));
		assertThat(UntrustedXml.screen(utf8("<Document/>"))).hasToString("{}Document");
	}

	@Test
	void peeksAtTheRootWithoutReadingFurther() {
		byte[] truncated = utf8("<Document xmlns=\"urn:x\"><B>1</B><C>");

		assertThat(UntrustedXml.peekRoot(truncated).localName()).isEqualTo("Document");
		assertThat(refusal(() -> UntrustedXml.screen(truncated)).reason()).isEqualTo(Refused.Reason.MALFORMED);
	}

	@Test
	void refusesADoctypeBeforeAnyParsing() {
		byte[] xml = utf8("<?xml version=\"1.0\"?><!DocType x [<!ENTITY e \"e\">]><x>&e;</x>");

		assertThat(refusal(() -> UntrustedXml.screen(xml)).reason()).isEqualTo(Refused.Reason.DOCTYPE_FORBIDDEN);
		assertThat(refusal(() -> UntrustedXml.peekRoot(xml)).reason()).isEqualTo(Refused.Reason.DOCTYPE_FORBIDDEN);
		assertThat(refusal(() -> UntrustedXml.hardenedSource(xml)).reason())
			.isEqualTo(Refused.Reason.DOCTYPE_FORBIDDEN);
		// the parser alone refuses it too (in XML a DOCTYPE is written in capitals)
		byte[] capitals = utf8(new String(xml, StandardCharsets.UTF_8).replace("DocType", "DOCTYPE"));
		assertThat(refusal(() -> UntrustedXml.parseHardened(capitals)).reason())
			.isEqualTo(Refused.Reason.DOCTYPE_FORBIDDEN);
	}

	@Test
	void refusesEncodingsInWhichADoctypeCouldHide() {
		assertThat(refusal(() -> UntrustedXml.screen("<x/>".getBytes(StandardCharsets.UTF_16))).reason())
			.isEqualTo(Refused.Reason.UNSAFE_ENCODING);
		assertThat(refusal(() -> UntrustedXml.screen(utf8("<?xml version='1.0' encoding='UTF-7'?><x/>"))).detail())
			.isEqualTo("XML encoding UTF-7 is not accepted");
		assertThat(UntrustedXml.looksLikeUtf16OrUtf32("<x/>".getBytes(StandardCharsets.UTF_16LE))).isTrue();
		assertThat(UntrustedXml.looksLikeXml(utf8("\uFEFF \n<x/>"))).isTrue();
	}

	@Test
	void reportsTheLineOfAMalformedDocument() {
		Refused refused = refusal(() -> UntrustedXml.screen(utf8("<x>\n<y>\n</x>")));

		assertThat(refused.reason()).isEqualTo(Refused.Reason.MALFORMED);
		assertThat(refused.line()).isEqualTo(3);
	}

	@Test
	void givesAHardenedSourceToLibraries() throws Exception {
		SAXSource source = UntrustedXml.hardenedSource(utf8("<x a=\"1\">é</x>"));
		ByteArrayOutputStream copy = new ByteArrayOutputStream();

		TransformerFactory.newDefaultInstance().newTransformer().transform(source, new StreamResult(copy));

		assertThat(copy.toString(StandardCharsets.UTF_8)).endsWith("<x a=\"1\">é</x>");
	}

	private static Refused refusal(Runnable screening) {
		return catchThrowableOfType(Refused.class, screening::run);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
