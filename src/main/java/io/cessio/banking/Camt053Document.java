package io.cessio.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A camt.053 message as Prowide read it, in the same shape whatever its version, with
 * only the fields Cessio uses (DOMAIN.md §5.2). Anything may be null: the
 * {@link Camt053Reader} decides what is mandatory.
 */
record Camt053Document(@Nullable String messageId, List<Statement> statements) {

	record Statement(@Nullable String id, @Nullable String iban, @Nullable String currency,
			@Nullable BigDecimal electronicSequence, List<Balance> balances, @Nullable Totals totals,
			List<Entry> entries) {
	}

	/**
	 * @param code OPBD, CLBD, PRCD…
	 * @param credit true for CRDT, false for DBIT, null if absent
	 */
	record Balance(@Nullable String code, @Nullable Amount amount, @Nullable Boolean credit, @Nullable LocalDate date,
			@Nullable OffsetDateTime dateTime) {
	}

	/**
	 * {@code TxsSummry}: sums of the entries' amounts, all positive except the net.
	 *
	 * @param netCredit whether the net amount is a credit
	 */
	record Totals(@Nullable BigDecimal sum, @Nullable BigDecimal net, @Nullable Boolean netCredit,
			@Nullable BigDecimal creditSum, @Nullable BigDecimal debitSum) {
	}

	/**
	 * @param status BOOK, PDNG, INFO, FUTR…
	 */
	record Entry(@Nullable Amount amount, @Nullable Boolean credit, boolean reversal, @Nullable String status,
			@Nullable LocalDate bookingDate, @Nullable OffsetDateTime bookingDateTime, @Nullable LocalDate valueDate,
			@Nullable OffsetDateTime valueDateTime, @Nullable String bankReference,
			@Nullable String bankTransactionCode, @Nullable String additionalInformation,
			List<Transaction> transactions) {
	}

	/**
	 * One {@code TxDtls}; the parties are the debtor's and the creditor's, whichever is
	 * the counterpart.
	 *
	 * @param credit the transaction's own CdtDbtInd (camt.053.001.08), else null
	 */
	record Transaction(@Nullable Amount amount, @Nullable Boolean credit, @Nullable String bankReference,
			@Nullable String endToEndId, @Nullable Party debtor, @Nullable Party creditor,
			@Nullable String creditorReference, List<String> referredDocuments, List<String> unstructured,
			@Nullable String additionalInformation, @Nullable String bankTransactionCode,
			@Nullable String returnReason) {
	}

	record Party(@Nullable String name, @Nullable String iban, @Nullable String organisationId) {
	}

	record Amount(@Nullable BigDecimal value, @Nullable String currency) {
	}

}
