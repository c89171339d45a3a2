package io.cessio.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import io.cessio.banking.StatementEntry;

/**
 * The key that makes a statement entry unique on its account (docs/payments.md): the
 * bank's own reference when it gives one, otherwise a digest of what describes the
 * movement (dates, direction, amount, end-to-end id, payer's IBAN, remittance text)
 * followed by its rank among identical movements of the same statement, so that two
 * identical payments of one day stay two while the same file read again finds the same
 * keys.
 */
final class EntryKeys {

	private final Map<String, Integer> seen = new HashMap<>();

	String keyOf(StatementEntry entry) {
		if (entry.bankReference() != null && !entry.bankReference().isBlank()) {
			return "REF:" + entry.bankReference().strip();
		}
		String digest = sha256(String.join("|", entry.bookingDate().toString(), entry.valueDate().toString(),
				entry.direction().name(), entry.amount().toPlainString(), nullToEmpty(entry.endToEndId()),
				nullToEmpty(entry.payerIban()), entry.remittanceText()));
		int rank = seen.merge(digest, 1, Integer::sum);
		return "SHA:" + digest + "#" + rank;
	}

	static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static String nullToEmpty(@org.jspecify.annotations.Nullable String text) {
		return text == null ? "" : text;
	}

}
