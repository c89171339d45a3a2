package io.cessio.payments;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who paid, as far as the debtor directory can tell.
 *
 * @param debtorId the identified debtor, null when none is certain
 * @param by how it was identified, null with no debtor
 * @param similarNames debtors whose names resemble the payer's (Jaro–Winkler at least
 * {@link DebtorDirectory#SIMILAR}), with their similarity: leads for suggestions, not
 * identifications
 */
record PayerIdentity(@Nullable UUID debtorId, @Nullable IdentifiedBy by, Map<UUID, Double> similarNames) {

	static PayerIdentity unknown(Map<UUID, Double> similarNames) {
		return new PayerIdentity(null, null, similarNames);
	}

	static PayerIdentity of(UUID debtorId, IdentifiedBy by) {
		return new PayerIdentity(debtorId, by, Map.of());
	}

	boolean isKnown() {
		return debtorId != null;
	}

}
