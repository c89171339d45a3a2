package io.cessio.banking;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A bank statement file was refused as a whole; nothing of it was imported.
 * {@link #messageKey()} and {@link #messageArguments()} let the page say why in the
 * user's language (keys {@code statements.rejected.*} in the message bundles); the
 * English message is for the logs.
 */
public class StatementRejected extends RuntimeException {

	/** Why a file was refused. */
	public enum Reason {

		/** Larger than the configured cap ({@code cessio.statements.max-bytes}). */
		TOO_LARGE,
		/** Empty, or neither XML nor fixed-width CFONB 120 lines. */
		UNSUPPORTED_FORMAT,
		/**
		 * The XML declares a DOCTYPE (DTD, external entities): refused before parsing.
		 */
		DOCTYPE_FORBIDDEN,
		/** Not well-formed XML. */
		MALFORMED_XML,
		/** XML whose root is not a camt.053.001.02 or .001.08 Document. */
		WRONG_NAMESPACE,
		/** A mandatory element or field is missing; the detail names it. */
		MISSING_FIELD,
		/** An amount cannot be read (CFONB sign character, decimals, not a number). */
		BAD_AMOUNT,
		/** A date cannot be read. */
		BAD_DATE,
		/** A CFONB line that is not 120 characters or has an unknown record code. */
		BAD_RECORD,
		/** Opening balance + entries ≠ closing balance. */
		UNBALANCED,
		/** A currency other than EUR. */
		UNSUPPORTED_CURRENCY,
		/** The account is not one of Cessio's dedicated accounts. */
		UNKNOWN_ACCOUNT

	}

	private final Reason reason;

	private final @Nullable Integer position;

	private final List<Object> arguments;

	/**
	 * @param position the line (CFONB) or entry (camt.053) where the problem is, if any
	 * @param arguments the figures the message shows (for example expected and found
	 * closing balances)
	 */
	public StatementRejected(Reason reason, @Nullable Integer position, String logMessage, Object... arguments) {
		super(logMessage);
		this.reason = reason;
		this.position = position;
		this.arguments = List.of(arguments);
	}

	public StatementRejected(Reason reason, @Nullable Integer position, String logMessage, Throwable cause,
			Object... arguments) {
		super(logMessage, cause);
		this.reason = reason;
		this.position = position;
		this.arguments = List.of(arguments);
	}

	public Reason reason() {
		return reason;
	}

	public @Nullable Integer position() {
		return position;
	}

	public String messageKey() {
		return "statements.rejected." + reason.name();
	}

	/** The position first (or empty string), then the figures. */
	public Object[] messageArguments() {
		Object[] all = new Object[arguments.size() + 1];
		all[0] = position == null ? "" : position;
		for (int i = 0; i < arguments.size(); i++) {
			all[i + 1] = arguments.get(i);
		}
		return all;
	}

}
