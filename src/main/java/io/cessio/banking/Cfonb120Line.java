package io.cessio.banking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cessio.banking.Rejections.AmountProblem;
import io.cessio.banking.Rejections.Place;

/**
 * One 120-character record of a CFONB 120 statement, read by its 1-based positions
 * (DOMAIN.md §5.4). Fields shared by records 01, 04, 05 and 07 are here; what is specific
 * to one record is read by position where it is used.
 */
record Cfonb120Line(int number, String text) {

	static final int LENGTH = 120;

	// the last character of an amount carries its sign and its last digit
	private static final String POSITIVE_SIGNS = "{ABCDEFGHI";

	private static final String NEGATIVE_SIGNS = "}JKLMNOPQR";

	/** The characters from {@code from} to {@code to}, 1-based and inclusive. */
	String field(int from, int to) {
		return text.substring(from - 1, to);
	}

	/** The field without surrounding blanks, or null if blank. */
	@Nullable String optional(int from, int to) {
		String value = field(from, to).strip();
		return value.isEmpty() ? null : value;
	}

	String recordCode() {
		return field(1, 2);
	}

	/** Bank code, branch code and account number: the RIB without its key. */
	String account() {
		return bankCode() + " " + branchCode() + " " + accountNumber();
	}

	String bankCode() {
		return field(3, 7);
	}

	String branchCode() {
		return field(12, 16);
	}

	String currency() {
		return field(17, 19);
	}

	String accountNumber() {
		return field(22, 32);
	}

	/**
	 * The amount at positions 91–104, signed: 13 digits then a character holding the last
	 * digit and the sign ({@code {}, A–I positive; {@code }}, J–R negative), with the
	 * number of decimals at position 20. Scale 2.
	 * @throws StatementRejected BAD_AMOUNT
	 */
	BigDecimal amount() {
		String written = field(91, 104);
		int decimals = decimals(written);
		char last = written.charAt(13);
		int positive = POSITIVE_SIGNS.indexOf(last);
		int negative = NEGATIVE_SIGNS.indexOf(last);
		if (positive < 0 && negative < 0) {
			throw Rejections.badAmount(Place.CFONB_LINE, number, written, AmountProblem.SIGN_CHARACTER);
		}
		String digits = written.substring(0, 13);
		if (!isDigits(digits)) {
			throw Rejections.badAmount(Place.CFONB_LINE, number, written, AmountProblem.NOT_A_NUMBER);
		}
		BigDecimal value = new BigDecimal(digits + Math.max(positive, negative)).movePointLeft(decimals);
		if (!Amounts.hasCents(value)) {
			throw Rejections.badAmount(Place.CFONB_LINE, number, written, AmountProblem.SUB_CENT);
		}
		value = value.setScale(2, RoundingMode.UNNECESSARY);
		return (negative >= 0) ? value.negate() : value;
	}

	private int decimals(String writtenAmount) {
		char decimals = text.charAt(19);
		if (decimals < '0' || decimals > '9') {
			throw Rejections.badAmount(Place.CFONB_LINE, number, writtenAmount, AmountProblem.DECIMALS_INDICATOR);
		}
		return decimals - '0';
	}

	/**
	 * The date written JJMMAA from {@code from} (years 2000–2099).
	 * @throws StatementRejected BAD_DATE
	 */
	LocalDate date(int from) {
		String written = field(from, from + 5);
		if (isDigits(written)) {
			try {
				return LocalDate.of(2000 + Integer.parseInt(written.substring(4, 6)),
						Integer.parseInt(written.substring(2, 4)), Integer.parseInt(written.substring(0, 2)));
			}
			catch (DateTimeException ex) {
				// falls through to the rejection
			}
		}
		throw Rejections.badDate(Place.CFONB_LINE, number, written);
	}

	/** Like {@link #date(int)}, or null if the six characters are blank. */
	@Nullable LocalDate optionalDate(int from) {
		return field(from, from + 5).isBlank() ? null : date(from);
	}

	private static boolean isDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return !text.isEmpty();
	}

}
