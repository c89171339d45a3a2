package io.cessio.companies;

/**
 * An account change broke a rule (username taken, weak password, last administrator…).
 * The message key names the rule for the page; nothing was changed.
 */
public class UserRuleViolated extends RuntimeException {

	private final String messageKey;

	public UserRuleViolated(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
