package io.cessio.invoices;

/**
 * A dispute cannot be declared or ended this way; carries the message key that says why.
 */
public class DisputeRefused extends RuntimeException {

	private final String messageKey;

	public DisputeRefused(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
