package io.cessio.invoices;

/**
 * The file cannot be attached: too large, empty, or not a PDF, PNG or JPEG by content.
 */
public class AttachmentRefused extends RuntimeException {

	private final String messageKey;

	public AttachmentRefused(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
