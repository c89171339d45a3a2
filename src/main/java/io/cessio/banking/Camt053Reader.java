package io.cessio.banking;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.adapters.IsoDateTimeAdapter;

import io.cessio.banking.Rejections.FormatProblem;
import io.cessio.shared.UntrustedXml;
import io.cessio.shared.UntrustedXml.QualifiedName;

/**
 * Reads an ISO 20022 camt.053 bank-to-customer statement, version 001.02 or 001.08. The
 * bytes are screened first ({@link UntrustedXml}: no DOCTYPE, hardened well-formedness
 * pass, during which amounts and dates are checked), the root must be the Document of one
 * of the two versions, and only then does Prowide read it.
 */
final class Camt053Reader {

	static final String V02_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

	static final String V08_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

	private static final MxReadConfiguration PROWIDE_READING = new MxReadConfiguration();

	static {
		ProwideContexts.cache();
		PROWIDE_READING.adapters.dateTimeAdapter = new IsoDateTimeAdapter(new ParisDateTimes());
	}

	private Camt053Reader() {
	}

	/**
	 * @throws StatementRejected if the file is refused
	 */
	static StatementFile read(byte[] xml) {
		Camt053Scan scan = new Camt053Scan();
		QualifiedName root = screen(xml, scan);
		StatementFormat format = format(root);
		scan.throwFirstProblem();
		Camt053Document document = parse(format, UntrustedXml.text(xml));
		return new StatementFile(format, document.messageId(), Camt053Statements.of(document));
	}

	private static QualifiedName screen(byte[] xml, Camt053Scan scan) {
		try {
			return UntrustedXml.screen(xml, scan);
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

	private static Camt053Document parse(StatementFormat format, String xml) {
		try {
			if (format == StatementFormat.CAMT_053_001_02) {
				MxCamt05300102 message = MxCamt05300102.parse(xml, PROWIDE_READING);
				if (message != null) {
					return Camt053V02.document(message);
				}
			}
			else {
				MxCamt05300108 message = MxCamt05300108.parse(xml, PROWIDE_READING);
				if (message != null) {
					return Camt053V08.document(message);
				}
			}
		}
		catch (RuntimeException ex) {
			throw Rejections.malformedXml(0, "Prowide could not read the statement: " + ex.getMessage(), ex);
		}
		throw Rejections.malformedXml(0, "Prowide could not read the statement", new IllegalStateException());
	}

}
