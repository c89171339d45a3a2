package io.cessio.banking;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cessio.banking.Rejections.Place;
import io.cessio.banking.Rejections.RecordProblem;
import io.cessio.shared.Iban;

/**
 * Reads a CFONB 120 statement (« relevé AFB 120 », DOMAIN.md §5.4): ISO-8859-1 lines of
 * exactly 120 characters ended by LF or CR LF, or no line ends at all. Each account and
 * period is a group: an opening balance 01, movements 04 each followed by its 05
 * complements, a closing balance 07. All movements are booked, and each group must
 * balance.
 */
final class Cfonb120Reader {

	private static final String CURRENCY = "EUR";

	private Cfonb120Reader() {
	}

	/**
	 * Whether the content starts like a CFONB record: a two-digit record code and a
	 * five-digit bank code.
	 */
	static boolean looksLikeCfonb(byte[] content) {
		if (content.length < 7) {
			return false;
		}
		for (int i = 0; i < 7; i++) {
			if (content[i] < '0' || content[i] > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * @throws StatementRejected if the file is refused
	 */
	static StatementFile read(byte[] content) {
		List<AccountStatement> statements = new ArrayList<>();
		Group group = null;
		for (Cfonb120Line line : lines(new String(content, StandardCharsets.ISO_8859_1))) {
			switch (line.recordCode()) {
				case "01" -> {
					if (group != null) {
						throw Rejections.badRecord(line.number(), RecordProblem.OPENED_TWICE, line.account());
					}
					group = new Group(line);
				}
				case "04" -> requireOpen(group, line).movement(line);
				case "05" -> requireOpen(group, line).complement(line);
				case "07" -> {
					statements.add(requireOpen(group, line).close(line));
					group = null;
				}
				default -> throw Rejections.badRecord(line.number(), RecordProblem.UNKNOWN_CODE, line.recordCode());
			}
		}
		if (group != null) {
			throw Rejections.badRecord(group.opening.number(), RecordProblem.NOT_CLOSED, group.opening.account());
		}
		return new StatementFile(StatementFormat.CFONB_120, null, statements);
	}

	private static Group requireOpen(@Nullable Group group, Cfonb120Line line) {
		if (group == null) {
			throw Rejections.badRecord(line.number(), RecordProblem.OUTSIDE_STATEMENT, line.recordCode());
		}
		if (!group.opening.account().equals(line.account())) {
			throw Rejections.badRecord(line.number(), RecordProblem.OTHER_ACCOUNT, line.account());
		}
		return group;
	}

	/**
	 * The 120-character records, numbered from 1; blank lines at the very end are
	 * ignored.
	 * @throws StatementRejected BAD_RECORD for a line of another length
	 */
	static List<Cfonb120Line> lines(String text) {
		List<Cfonb120Line> lines = new ArrayList<>(text.length() / (Cfonb120Line.LENGTH + 1) + 1);
		if (text.indexOf('\n') < 0) {
			int complete = text.length() / Cfonb120Line.LENGTH;
			for (int i = 0; i < complete; i++) {
				lines.add(new Cfonb120Line(i + 1,
						text.substring(i * Cfonb120Line.LENGTH, (i + 1) * Cfonb120Line.LENGTH)));
			}
			int rest = text.length() % Cfonb120Line.LENGTH;
			if (rest != 0) {
				throw Rejections.badRecord(complete + 1, RecordProblem.LENGTH, String.valueOf(rest));
			}
			return lines;
		}
		String[] parts = text.split("\n", -1);
		int last = parts.length;
		while (last > 0 && parts[last - 1].strip().isEmpty()) {
			last--;
		}
		for (int i = 0; i < last; i++) {
			String part = parts[i];
			if (part.endsWith("\r")) {
				part = part.substring(0, part.length() - 1);
			}
			if (part.length() != Cfonb120Line.LENGTH) {
				throw Rejections.badRecord(i + 1, RecordProblem.LENGTH, String.valueOf(part.length()));
			}
			lines.add(new Cfonb120Line(i + 1, part));
		}
		return lines;
	}

	/** One account and period: from its opening 01 to its closing 07. */
	private static final class Group {

		private final Cfonb120Line opening;

		private final Iban iban;

		private final BigDecimal openingBalance;

		private final LocalDate openingDate;

		private final List<StatementEntry> entries = new ArrayList<>();

		private @Nullable Cfonb120Movement movement;

		Group(Cfonb120Line opening) {
			this.opening = opening;
			this.iban = iban(opening);
			requireEuro(opening);
			this.openingBalance = opening.amount();
			this.openingDate = opening.date(35);
		}

		void movement(Cfonb120Line line) {
			requireEuro(line);
			endMovement();
			movement = new Cfonb120Movement(line);
		}

		void complement(Cfonb120Line line) {
			if (movement == null) {
				throw Rejections.badRecord(line.number(), RecordProblem.COMPLEMENT_WITHOUT_MOVEMENT, line.recordCode());
			}
			movement.complement(line);
		}

		AccountStatement close(Cfonb120Line closing) {
			requireEuro(closing);
			endMovement();
			BigDecimal closingBalance = closing.amount();
			LocalDate closingDate = closing.date(35);
			AccountStatement statement = new AccountStatement(iban.value() + "/" + openingDate + "/" + closingDate,
					iban, CURRENCY, null, openingBalance, openingDate, closingBalance, closingDate, entries);
			BalanceControl.requireBalanced(statement, closing.number());
			return statement;
		}

		private void endMovement() {
			if (movement != null) {
				entries.add(movement.entry());
				movement = null;
			}
		}

		private static Iban iban(Cfonb120Line opening) {
			try {
				return Iban.french(opening.bankCode(), opening.branchCode(), opening.accountNumber());
			}
			catch (IllegalArgumentException ex) {
				throw Rejections.badRecord(opening.number(), RecordProblem.INVALID_RIB, opening.account());
			}
		}

		private static void requireEuro(Cfonb120Line line) {
			if (!CURRENCY.equals(line.currency())) {
				throw Rejections.unsupportedCurrency(Place.CFONB_LINE, line.number(), line.currency());
			}
		}

	}

}
