package io.cessio.payments;

/**
 * A person's allocation cannot be booked; {@link #messageKey()} says why in the user's
 * language. Nothing was booked.
 */
public class AllocationRefused extends RuntimeException {

	private final String messageKey;

	public AllocationRefused(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
