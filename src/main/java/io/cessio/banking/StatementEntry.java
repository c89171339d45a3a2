package io.cessio.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One movement of a statement, as the bank described it. A camt.053 entry booked as a
 * batch of several transactions gives one {@code StatementEntry} per transaction (its
 * amount is the transaction's), so that each payment can be matched on its own.
 *
 * @param position 1-based position in the file, for error messages: the line of a CFONB
 * 04 record; the rank of the camt.053 entry ({@code Ntry}) counted through the file,
 * which the transactions of a batch share
 * @param amount positive, scale 2
 * @param bankReference the bank's own reference of the entry (camt.053
 * {@code AcctSvcrRef} of the transaction, else of the entry with "/n" for the n-th
 * transaction of a batch; CFONB 120 positions 105–120, else a REF complement, else the
 * entry number 82–88), the idempotency key with the account; null when the bank gave none
 * @param endToEndId the payer's end-to-end id ({@code NOTPROVIDED} is returned as null;
 * CFONB: the first 35 characters of an RCN complement)
 * @param payerName the debtor party's name (who paid us), or for a debit the creditor's
 * (CFONB: the NPY complement, NBE for a debit)
 * @param payerIban the counterpart's IBAN (without spaces when valid, else as written;
 * none in CFONB 120)
 * @param payerIdentifier an organisation id of the payer (often its SIREN), as given
 * (camt.053 {@code OrgId/Othr/Id}; CFONB: IPY, IBE for a debit)
 * @param creditorReference the structured creditor reference ({@code CdtrRefInf/Ref},
 * usually ISO 11649 RF), as given; CFONB: a valid RF reference in an LCS complement
 * @param referredDocuments structured referred document numbers ({@code RfrdDocInf/Nb})
 * @param remittanceText the unstructured remittance information and additional entry or
 * transaction information, joined with spaces (CFONB: the label and LIB/LCC/LC2 records,
 * and LCS text that is no RF reference); runs of blanks are one space
 * @param bankTransactionCode camt.053 domain/family/sub-family joined with "/" or the
 * proprietary code; CFONB 120: the interbank operation code
 * @param returnReason a return's reason code ({@code RtrInf/Rsn/Cd}; CFONB: motif de
 * rejet), for returned transfers
 */
public record StatementEntry(int position, BigDecimal amount, EntryDirection direction, boolean reversal,
		EntryStatus status, LocalDate bookingDate, LocalDate valueDate, @Nullable String bankReference,
		@Nullable String endToEndId, @Nullable String payerName, @Nullable String payerIban,
		@Nullable String payerIdentifier, @Nullable String creditorReference, List<String> referredDocuments,
		String remittanceText, @Nullable String bankTransactionCode, @Nullable String returnReason) {

	public StatementEntry {
		Objects.requireNonNull(amount);
		Objects.requireNonNull(direction);
		Objects.requireNonNull(status);
		Objects.requireNonNull(bookingDate);
		Objects.requireNonNull(valueDate);
		Objects.requireNonNull(remittanceText);
		referredDocuments = List.copyOf(referredDocuments);
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("An entry amount is positive; the direction gives its sign");
		}
	}

	/** The signed amount: positive for a credit, negative for a debit. */
	public BigDecimal signedAmount() {
		return direction == EntryDirection.CREDIT ? amount : amount.negate();
	}

}
