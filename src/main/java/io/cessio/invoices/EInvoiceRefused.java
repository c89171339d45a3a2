package io.cessio.invoices;

import java.util.List;

/**
 * The e-invoice was read but cannot be taken: it was issued by another company, is not in
 * euros, or its buyer has no SIREN. Carries a message key for the page.
 */
public class EInvoiceRefused extends RuntimeException {

	private final String messageKey;

	private final List<Object> arguments;

	public EInvoiceRefused(String messageKey, String message, Object... arguments) {
		super(message);
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] messageArguments() {
		return arguments.toArray();
	}

}
