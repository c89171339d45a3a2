package io.cessio.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One credit line of a bank statement, with what the payer's bank carried: the fields of
 * a statement entry that matching reads.
 *
 * @param amount positive, scale 2 (euros)
 * @param payerIdentifier an organisation id of the payer as given (often its SIREN, a
 * SIRET or a VAT number)
 * @param creditorReference the structured creditor reference as given (usually ISO 11649
 * RF, sometimes an invoice number)
 * @param referredDocuments structured referred document numbers
 * @param remittanceText the unstructured remittance information, possibly empty
 */
public record Receipt(BigDecimal amount, LocalDate valueDate, @Nullable String payerName, @Nullable String payerIban,
		@Nullable String payerIdentifier, @Nullable String creditorReference, List<String> referredDocuments,
		String remittanceText) {

	public Receipt {
		amount = Cents.requirePositive(amount, "Receipt amount");
		Objects.requireNonNull(valueDate, "valueDate");
		referredDocuments = List.copyOf(referredDocuments);
		Objects.requireNonNull(remittanceText, "remittanceText");
	}

	/**
	 * The same payment for another amount: what is left of it in suspense, to ask for
	 * suggestions on the remainder.
	 */
	public Receipt withAmount(BigDecimal remainder) {
		return new Receipt(remainder, valueDate, payerName, payerIban, payerIdentifier, creditorReference,
				referredDocuments, remittanceText);
	}

}
