package io.cessio.banking;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.cessio.banking.StatementRejected.Reason;
import io.cessio.shared.Iban;

/**
 * Builds each {@link StatementRejected} with the figures, in the order, that its
 * {@code statements.rejected.*} message expects (see {@link Reason}).
 */
final class Rejections {

	/** Where a problem is; the message names it from the code. */
	enum Place {

		/** The statement (or file) as a whole: no position. */
		STATEMENT(0),
		/** A CFONB 120 line: the position is the line number. */
		CFONB_LINE(1),
		/** A camt.053 entry: the position is its rank in the file. */
		CAMT_ENTRY(2);

		final int code;

		Place(int code) {
			this.code = code;
		}

	}

	enum FormatProblem {

		EMPTY(1), UNRECOGNISED(2), ENCODING(3);

		final int code;

		FormatProblem(int code) {
			this.code = code;
		}

	}

	enum AmountProblem {

		SIGN_CHARACTER(1), NOT_A_NUMBER(2), NEGATIVE(3), SUB_CENT(4), DECIMALS_INDICATOR(5);

		final int code;

		AmountProblem(int code) {
			this.code = code;
		}

	}

	enum RecordProblem {

		LENGTH(1), UNKNOWN_CODE(2), OUTSIDE_STATEMENT(3), COMPLEMENT_WITHOUT_MOVEMENT(4), NOT_CLOSED(5),
		OTHER_ACCOUNT(6), OPENED_TWICE(7), INVALID_RIB(8);

		final int code;

		RecordProblem(int code) {
			this.code = code;
		}

	}

	enum Control {

		CLOSING_BALANCE(1), TOTALS(2), BATCH(3);

		final int code;

		Control(int code) {
			this.code = code;
		}

	}

	private Rejections() {
	}

	static StatementRejected tooLarge(long size, long cap) {
		return new StatementRejected(Reason.TOO_LARGE, null,
				"Statement file of " + size + " bytes, over the cap of " + cap + " bytes", size, cap);
	}

	static StatementRejected unsupportedFormat(FormatProblem problem, String logMessage) {
		return new StatementRejected(Reason.UNSUPPORTED_FORMAT, null, logMessage, problem.code);
	}

	static StatementRejected unsupportedFormat(FormatProblem problem, String logMessage, Throwable cause) {
		return new StatementRejected(Reason.UNSUPPORTED_FORMAT, null, logMessage, cause, problem.code);
	}

	static StatementRejected doctypeForbidden(Throwable cause) {
		return new StatementRejected(Reason.DOCTYPE_FORBIDDEN, null, "The statement XML declares a DOCTYPE", cause);
	}

	/**
	 * @param xmlLine the line of the error, 0 or less if not known
	 */
	static StatementRejected malformedXml(int xmlLine, String detail, Throwable cause) {
		int line = Math.max(xmlLine, 0);
		return new StatementRejected(Reason.MALFORMED_XML, null, "Malformed statement XML: " + detail, cause, line);
	}

	static StatementRejected wrongNamespace(String root) {
		return new StatementRejected(Reason.WRONG_NAMESPACE, null, "Not a camt.053.001.02/.08 Document: " + root, root);
	}

	static StatementRejected missingField(Place place, @Nullable Integer position, String field, int statementRank) {
		return new StatementRejected(Reason.MISSING_FIELD, position,
				"Missing " + field + " in statement " + statementRank + where(place, position), place.code, field,
				statementRank);
	}

	static StatementRejected badAmount(Place place, @Nullable Integer position, String written, AmountProblem problem) {
		return new StatementRejected(Reason.BAD_AMOUNT, position,
				"Bad amount '" + written + "' (" + problem + ")" + where(place, position), place.code, written,
				problem.code);
	}

	static StatementRejected badDate(Place place, @Nullable Integer position, String written) {
		return new StatementRejected(Reason.BAD_DATE, position, "Bad date '" + written + "'" + where(place, position),
				place.code, written);
	}

	static StatementRejected badRecord(int line, RecordProblem problem, String found) {
		return new StatementRejected(Reason.BAD_RECORD, line,
				"Bad CFONB 120 record (" + problem + ", found '" + found + "') at line " + line, problem.code, found);
	}

	static StatementRejected unbalanced(Control control, @Nullable Integer position, BigDecimal announced,
			BigDecimal computed, Iban iban) {
		return new StatementRejected(
				Reason.UNBALANCED, position, "Unbalanced statement of " + iban.masked() + " (" + control
						+ "): the bank announces " + announced + ", the details give " + computed,
				control.code, announced, computed, iban.formatted());
	}

	static StatementRejected unsupportedCurrency(Place place, @Nullable Integer position, String currency) {
		return new StatementRejected(Reason.UNSUPPORTED_CURRENCY, position,
				"Currency " + currency + " is not accepted" + where(place, position), place.code, currency);
	}

	static StatementRejected unknownAccount(String account) {
		return new StatementRejected(Reason.UNKNOWN_ACCOUNT, null, "Not a valid account: " + account, account);
	}

	private static String where(Place place, @Nullable Integer position) {
		return switch (place) {
			case STATEMENT -> "";
			case CFONB_LINE -> " at line " + position;
			case CAMT_ENTRY -> " at entry " + position;
		};
	}

}
