package io.cessio.banking;

import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import javax.xml.transform.sax.SAXSource;

import org.jspecify.annotations.Nullable;

import org.xml.sax.SAXParseException;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.JaxbContextLoader;
import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.NamespaceAndElementFilter;
import com.prowidesoftware.swift.model.mx.adapters.IsoDateTimeAdapter;
import com.prowidesoftware.swift.model.mx.adapters.TypeAdaptersConfiguration;

import io.cessio.banking.Rejections.FormatProblem;
import io.cessio.shared.UntrustedXml;
import io.cessio.shared.UntrustedXml.QualifiedName;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Reads an ISO 20022 camt.053 bank-to-customer statement, version 001.02 or 001.08, with
 * Prowide's model. The bytes are screened first ({@link UntrustedXml}: accepted encoding,
 * no DOCTYPE anywhere) and the root must be the Document of one of the two versions. Then
 * one pass of the hardened parser feeds Prowide's own reading chain (its namespace
 * filter, cached JAXB context and type adapters), while {@link Camt053Scan} checks the
 * amounts and dates on the way; Prowide's string-based {@code parse} would copy the whole
 * file twice more and use its own parser.
 */
final class Camt053Reader {

	static final String V02_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

	static final String V08_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

	private static final Class<?>[] V02_CLASSES = new MxCamt05300102().getClasses();

	private static final Class<?>[] V08_CLASSES = new MxCamt05300108().getClasses();

	static {
		ProwideContexts.cache();
	}

	private Camt053Reader() {
	}

	/**
	 * @throws StatementRejected if the file is refused
	 */
	static StatementFile read(byte[] xml) {
		StatementFormat format = format(screened(() -> UntrustedXml.peekRoot(xml)));
		SAXSource source = screened(() -> UntrustedXml.hardenedSource(xml));
		Camt053Scan scan = new Camt053Scan(source.getXMLReader());
		NamespaceAndElementFilter prowide = new NamespaceAndElementFilter("Document");
		prowide.setParent(scan);
		SAXSource scanned = new SAXSource(prowide, source.getInputSource());
		AbstractMX message = (format == StatementFormat.CAMT_053_001_02)
				? unmarshal(scanned, MxCamt05300102.class, V02_CLASSES)
				: unmarshal(scanned, MxCamt05300108.class, V08_CLASSES);
		scan.throwFirstProblem();
		Camt053Document document = (message instanceof MxCamt05300102 v02) ? Camt053V02.document(v02)
				: Camt053V08.document((MxCamt05300108) message);
		return new StatementFile(format, document.messageId(), Camt053Statements.of(document));
	}

	private static <T> T screened(Supplier<T> screening) {
		try {
			return screening.get();
		}
		catch (UntrustedXml.Refused refused) {
			throw switch (refused.reason()) {
				case DOCTYPE_FORBIDDEN -> Rejections.doctypeForbidden(refused);
				case MALFORMED -> Rejections.malformedXml(refused.line(), refused.detail(), refused);
				case UNSAFE_ENCODING -> Rejections.unsupportedFormat(FormatProblem.ENCODING, refused.detail());
			};
		}
	}

	private static StatementFormat format(QualifiedName root) {
		if (root.is(V02_NAMESPACE, "Document")) {
			return StatementFormat.CAMT_053_001_02;
		}
		if (root.is(V08_NAMESPACE, "Document")) {
			return StatementFormat.CAMT_053_001_08;
		}
		throw Rejections.wrongNamespace(root.toString());
	}

	private static <T extends AbstractMX> T unmarshal(SAXSource source, Class<T> message, Class<?>[] classes) {
		try {
			Unmarshaller unmarshaller = JaxbContextLoader.INSTANCE.get(message, classes).createUnmarshaller();
			for (XmlAdapter<?, ?> adapter : adapters().asList()) {
				unmarshaller.setAdapter(adapter);
			}
			return unmarshaller.unmarshal(source, message).getValue();
		}
		catch (JAXBException ex) {
			SAXParseException parsing = parseException(ex);
			throw Rejections.malformedXml((parsing != null) ? parsing.getLineNumber() : 0, String.valueOf(ex), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Prowide's JAXB context for " + message.getSimpleName(), ex);
		}
	}

	/** Prowide's type adapters, date-times without an offset read as Paris time. */
	private static TypeAdaptersConfiguration adapters() {
		TypeAdaptersConfiguration adapters = new TypeAdaptersConfiguration();
		adapters.dateTimeAdapter = new IsoDateTimeAdapter(new ParisDateTimes());
		return adapters;
	}

	private static @Nullable SAXParseException parseException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SAXParseException parsing) {
				return parsing;
			}
		}
		return null;
	}

}
