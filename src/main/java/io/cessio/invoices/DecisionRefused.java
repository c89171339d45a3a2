package io.cessio.invoices;

/**
 * A decision that lacks what it needs: a rejection without a reason, an approval despite
 * failed checks without a justification, a reason or justification too long.
 */
public class DecisionRefused extends IllegalArgumentException {

	private final String messageKey;

	public DecisionRefused(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
