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

	/**
	 * Why a file was refused. Each reason lists the figures its message takes after the
	 * position ({@code {0}}). "Place" is where the problem is: 0 = the statement as a
	 * whole, 1 = the CFONB 120 line {@code {0}}, 2 = the camt.053 entry {@code {0}} (its
	 * rank in the file).
	 */
	public enum Reason {

		/**
		 * Larger than the configured cap ({@code cessio.statements.max-bytes}). Figures:
		 * the file's size and the cap, in bytes.
		 */
		TOO_LARGE,
		/**
		 * Empty, or neither XML nor fixed-width CFONB 120 lines. Figure: 1 = empty, 2 =
		 * not recognised, 3 = XML in an encoding other than UTF-8, US-ASCII or
		 * ISO-8859-1.
		 */
		UNSUPPORTED_FORMAT,
		/**
		 * The XML declares a DOCTYPE (DTD, external entities): refused before parsing. No
		 * figures.
		 */
		DOCTYPE_FORBIDDEN,
		/** Not well-formed XML. Figure: the XML line of the error (0 if not known). */
		MALFORMED_XML,
		/**
		 * XML whose root is not a camt.053.001.02 or .001.08 Document. Figure: the root
		 * element, {@code {namespace}name}.
		 */
		WRONG_NAMESPACE,
		/**
		 * A mandatory element or field is missing. Figures: place, the element's path
		 * (for example {@code Stmt/Bal[CLBD]}), the statement's rank in the file.
		 */
		MISSING_FIELD,
		/**
		 * An amount cannot be read. Figures: place, the amount as written, the problem (1
		 * = CFONB sign character, 2 = not a number, 3 = negative, 4 = more than two
		 * decimals, 5 = CFONB number of decimals).
		 */
		BAD_AMOUNT,
		/** A date cannot be read. Figures: place, the date as written. */
		BAD_DATE,
		/**
		 * A CFONB line that is not a valid record; {@code {0}} is the line. Figures: the
		 * problem (1 = not 120 characters, 2 = unknown record code, 3 = a movement or
		 * closing before any opening 01, 4 = a 05 complement without its 04 movement, 5 =
		 * an opening 01 never closed by a 07, 6 = another account than its opening 01's,
		 * 7 = a new opening 01 before the previous statement's closing 07, 8 = not a
		 * valid RIB), then what was found (length, code, account).
		 */
		BAD_RECORD,
		/**
		 * Opening balance + entries ≠ closing balance. Figures: the control (1 = closing
		 * balance, 2 = camt.053 totals {@code TxsSummry}, 3 = a batch entry against its
		 * transactions), the amount the bank announced, the amount the details give, the
		 * account's IBAN.
		 */
		UNBALANCED,
		/** A currency other than EUR. Figures: place, the currency. */
		UNSUPPORTED_CURRENCY,
		/**
		 * The account is not one of Cessio's dedicated accounts (or not a valid IBAN).
		 * Figure: the account as written.
		 */
		UNKNOWN_ACCOUNT

	}

	private final Reason reason;

	private final @Nullable Integer position;

	private final List<Object> arguments;

	/**
	 * @param position the line (CFONB) or the entry's rank in the file (camt.053) where
	 * the problem is, if any
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

	/**
	 * The position first, as text (an empty string if none, so that line 1234 does not
	 * print as "1 234"), then the figures.
	 */
	public Object[] messageArguments() {
		Object[] all = new Object[arguments.size() + 1];
		all[0] = position == null ? "" : String.valueOf(position);
		for (int i = 0; i < arguments.size(); i++) {
			all[i + 1] = arguments.get(i);
		}
		return all;
	}

}
