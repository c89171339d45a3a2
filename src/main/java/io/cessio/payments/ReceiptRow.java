package io.cessio.payments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cessio.companies.CompanyId;

/** A receipt of a statement with what is still unallocated, as stored. */
record ReceiptRow(UUID id, CompanyId companyId, BigDecimal amount, BigDecimal unallocated, LocalDate valueDate,
		@Nullable String payerName, @Nullable String payerIban, @Nullable String payerIdentifier,
		@Nullable String creditorReference, List<String> referredDocuments, String remittanceText, long version) {

	static final String COLUMNS = "id, company_id, amount, unallocated, value_date, payer_name, payer_iban, "
			+ "payer_identifier, creditor_reference, referred_documents, remittance_text, version";

	/**
	 * Between the referred documents in {@code statement_entry.referred_documents}: a
	 * line feed, which no document number holds, whereas a space often does ("FA
	 * 2026-0012"), and matching reads each document as a whole.
	 */
	private static final String DOCUMENT_SEPARATOR = "\n";

	static ReceiptRow read(ResultSet rs) throws SQLException {
		return new ReceiptRow(rs.getObject("id", UUID.class), new CompanyId(rs.getObject("company_id", UUID.class)),
				rs.getBigDecimal("amount"), rs.getBigDecimal("unallocated"), rs.getDate("value_date").toLocalDate(),
				rs.getString("payer_name"), rs.getString("payer_iban"), rs.getString("payer_identifier"),
				rs.getString("creditor_reference"), splitDocuments(rs.getString("referred_documents")),
				rs.getString("remittance_text"), rs.getLong("version"));
	}

	/** The referred documents as stored. */
	static String joinDocuments(List<String> documents) {
		return String.join(DOCUMENT_SEPARATOR, documents);
	}

	static List<String> splitDocuments(String stored) {
		return stored.isBlank() ? List.of()
				: Arrays.stream(stored.split(DOCUMENT_SEPARATOR)).filter(document -> !document.isBlank()).toList();
	}

	/** What matching reads: the receipt for its unallocated rest. */
	Receipt toReceipt() {
		return new Receipt(unallocated, valueDate, payerName, payerIban, payerIdentifier, creditorReference,
				referredDocuments, remittanceText);
	}

}
