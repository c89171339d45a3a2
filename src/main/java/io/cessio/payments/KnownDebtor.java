package io.cessio.payments;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.Siren;

/**
 * A debtor of the company, with what identifies it as a payer.
 *
 * @param siren 9 digits with a valid Luhn checksum, spaces ignored; null for a debtor
 * without one (a foreign company)
 * @param knownIbans accounts it has paid from, normalised to upper case without spaces
 */
public record KnownDebtor(UUID debtorId, String legalName, @Nullable String siren, Set<String> knownIbans) {

	public KnownDebtor {
		Objects.requireNonNull(debtorId, "debtorId");
		Objects.requireNonNull(legalName, "legalName");
		siren = (siren == null) ? null : new Siren(siren).value();
		knownIbans = knownIbans.stream().map(KnownDebtor::normaliseIban).collect(Collectors.toUnmodifiableSet());
	}

	static String normaliseIban(String iban) {
		return NormalisedText.compact(iban);
	}

}
