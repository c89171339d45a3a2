package io.cessio.invoices;

import io.cessio.invoices.EInvoiceRejected.Reason;
import io.cessio.shared.UntrustedXml;
import io.cessio.shared.UntrustedXml.QualifiedName;

/**
 * Checks an uploaded invoice XML with {@link UntrustedXml} before any library parses it
 * (accepted encoding, no DOCTYPE, hardened well-formedness pass) and tells which invoice
 * syntax the root element belongs to. Refusals become {@link EInvoiceRejected}.
 */
final class XmlScreen {

	static final String CII_NAMESPACE = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

	static final String UBL_INVOICE_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

	static final String UBL_CREDIT_NOTE_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

	/** The root element of an accepted invoice document. */
	enum Root {

		CII, UBL_INVOICE, UBL_CREDIT_NOTE

	}

	private XmlScreen() {
	}

	/** Whether the bytes start like an XML document (after a UTF-8 BOM and blanks). */
	static boolean looksLikeXml(byte[] content) {
		return UntrustedXml.looksLikeXml(content);
	}

	/**
	 * Screens a document and names its root.
	 * @throws EInvoiceRejected UNSUPPORTED (encoding, other XML), DOCTYPE_FORBIDDEN or
	 * MALFORMED
	 */
	static Root screen(byte[] xml) {
		QualifiedName root;
		try {
			root = UntrustedXml.screen(xml);
		}
		catch (UntrustedXml.Refused refused) {
			throw rejection(refused);
		}
		if (root.is(CII_NAMESPACE, "CrossIndustryInvoice")) {
			return Root.CII;
		}
		if (root.is(UBL_INVOICE_NAMESPACE, "Invoice")) {
			return Root.UBL_INVOICE;
		}
		if (root.is(UBL_CREDIT_NOTE_NAMESPACE, "CreditNote")) {
			return Root.UBL_CREDIT_NOTE;
		}
		throw new EInvoiceRejected(Reason.UNSUPPORTED, "root element " + root);
	}

	/**
	 * {@link UntrustedXml#parseHardened} with its refusals as {@link EInvoiceRejected}.
	 */
	static QualifiedName parseHardened(byte[] xml) {
		try {
			return UntrustedXml.parseHardened(xml);
		}
		catch (UntrustedXml.Refused refused) {
			throw rejection(refused);
		}
	}

	private static EInvoiceRejected rejection(UntrustedXml.Refused refused) {
		return switch (refused.reason()) {
			case UNSAFE_ENCODING -> new EInvoiceRejected(Reason.UNSUPPORTED, refused.detail(), refused);
			case DOCTYPE_FORBIDDEN -> new EInvoiceRejected(Reason.DOCTYPE_FORBIDDEN, null, refused);
			case MALFORMED -> new EInvoiceRejected(Reason.MALFORMED, refused.detail(), refused);
		};
	}

}
