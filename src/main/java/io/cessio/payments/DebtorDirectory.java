package io.cessio.payments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The company's debtors indexed by what a payment says about its payer: IBAN, SIREN and
 * normalised name. An identifier shared by two debtors (a group's payment factory, two
 * entries for one company) identifies neither.
 */
final class DebtorDirectory {

	/** Jaro–Winkler from which a name is taken for the debtor's (DOMAIN.md §5.5). */
	static final double SAME_NAME = 0.92;

	/** Jaro–Winkler from which a name is worth a suggestion. */
	static final double SIMILAR = 0.85;

	/**
	 * The shortest payer name read as a debtor's name cut short by the bank (CFONB 120
	 * and some camt.053 producers keep 20 to 35 characters).
	 */
	static final int SHORTEST_TRUNCATED_NAME = 12;

	private final Map<UUID, KnownDebtor> debtors = new HashMap<>();

	private final Map<String, Set<UUID>> byIban = new HashMap<>();

	private final Map<String, Set<UUID>> bySiren = new HashMap<>();

	/** Sorted, for the names that start with a payer's truncated name. */
	private final NavigableMap<String, Set<UUID>> byName = new TreeMap<>();

	private final List<NamedDebtor> names = new ArrayList<>();

	/**
	 * What {@link #byName} found for each normalised payer name: a debtor pays many
	 * receipts of a statement under the same name, and each search not settled by an
	 * exact name compares it with every debtor's. Names never change once the directory
	 * is built (it learns IBANs only).
	 */
	private final Map<String, PayerIdentity> identifiedByName = new HashMap<>();

	DebtorDirectory(Collection<KnownDebtor> known) {
		for (KnownDebtor debtor : known) {
			if (debtors.putIfAbsent(debtor.debtorId(), debtor) != null) {
				throw new IllegalArgumentException("Debtor " + debtor.debtorId() + " is known twice");
			}
			debtor.knownIbans().forEach(iban -> index(byIban, iban, debtor.debtorId()));
			if (debtor.siren() != null) {
				index(bySiren, debtor.siren(), debtor.debtorId());
			}
			String name = CompanyName.normalise(debtor.legalName());
			if (!name.isEmpty()) {
				index(byName, name, debtor.debtorId());
				names.add(new NamedDebtor(debtor.debtorId(), new NameProfile(name)));
			}
		}
	}

	boolean isKnown(UUID debtorId) {
		return debtors.containsKey(debtorId);
	}

	void rememberIban(UUID debtorId, String iban) {
		if (!isKnown(debtorId)) {
			throw new IllegalArgumentException("Unknown debtor " + debtorId);
		}
		String normalised = KnownDebtor.normaliseIban(iban);
		if (normalised.isEmpty()) {
			throw new IllegalArgumentException("Not an IBAN: " + iban);
		}
		index(byIban, normalised, debtorId);
	}

	/**
	 * By IBAN, else SIREN, else exact name, else a name cut short from exactly one
	 * debtor's, else a clearly most similar name.
	 */
	PayerIdentity identify(@Nullable String payerIban, Set<String> sirens, @Nullable String payerName) {
		PayerIdentity byAccount = byAccount(payerIban, sirens);
		return byAccount.isKnown() ? byAccount : byName(payerName);
	}

	/** By IBAN, else SIREN: cheap, and certain. */
	PayerIdentity byAccount(@Nullable String payerIban, Set<String> sirens) {
		UUID debtor = (payerIban == null) ? null : unique(byIban.get(KnownDebtor.normaliseIban(payerIban)));
		if (debtor != null) {
			return PayerIdentity.of(debtor, IdentifiedBy.IBAN);
		}
		debtor = bySiren(sirens);
		return (debtor != null) ? PayerIdentity.of(debtor, IdentifiedBy.SIREN) : PayerIdentity.unknown(Map.of());
	}

	/**
	 * By exact name, else a name cut short from exactly one debtor's, else a clearly most
	 * similar name; with the similar names found on the way.
	 */
	PayerIdentity byName(@Nullable String payerName) {
		String name = CompanyName.normalise(payerName);
		if (name.isEmpty()) {
			return PayerIdentity.unknown(Map.of());
		}
		PayerIdentity known = identifiedByName.get(name);
		if (known == null) {
			known = byNormalisedName(name);
			identifiedByName.put(name, known);
		}
		return known;
	}

	private PayerIdentity byNormalisedName(String name) {
		Set<UUID> sameName = byName.get(name);
		if (sameName != null) {
			UUID debtor = unique(sameName);
			// two debtors of that very name: no other name can be closer
			return (debtor != null) ? PayerIdentity.of(debtor, IdentifiedBy.NAME) : PayerIdentity.unknown(Map.of());
		}
		Set<UUID> cutFrom = truncationOf(name);
		if (cutFrom.size() == 1) {
			return PayerIdentity.of(cutFrom.iterator().next(), IdentifiedBy.TRUNCATED_NAME);
		}
		PayerIdentity similar = bySimilarName(name);
		// a name cut short that fits several debtors is none of them
		return cutFrom.isEmpty() ? similar : PayerIdentity.unknown(similar.similarNames());
	}

	private Set<UUID> truncationOf(String name) {
		if (name.length() < SHORTEST_TRUNCATED_NAME) {
			return Set.of();
		}
		Set<UUID> debtorIds = new HashSet<>();
		byName.subMap(name, false, name + Character.MAX_VALUE, false).values().forEach(debtorIds::addAll);
		return debtorIds;
	}

	private @Nullable UUID bySiren(Set<String> sirens) {
		Set<UUID> found = new HashSet<>();
		for (String siren : sirens) {
			found.addAll(bySiren.getOrDefault(siren, Set.of()));
		}
		return unique(found);
	}

	private PayerIdentity bySimilarName(String name) {
		NameProfile payer = new NameProfile(name);
		Map<UUID, Double> similar = new HashMap<>();
		UUID best = null;
		double bestScore = 0;
		boolean tie = false;
		for (NamedDebtor candidate : names) {
			if (!payer.mayReach(candidate.profile(), SIMILAR)) {
				continue;
			}
			double score = payer.similarity(candidate.profile());
			if (score < SIMILAR) {
				continue;
			}
			similar.put(candidate.debtorId(), score);
			if (score > bestScore) {
				best = candidate.debtorId();
				bestScore = score;
				tie = false;
			}
			else if (score == bestScore) {
				tie = true;
			}
		}
		// shared by the receipts of that name
		Map<UUID, Double> found = Collections.unmodifiableMap(similar);
		if (best != null && bestScore >= SAME_NAME && !tie) {
			return new PayerIdentity(best, IdentifiedBy.SIMILAR_NAME, found);
		}
		return PayerIdentity.unknown(found);
	}

	private static @Nullable UUID unique(@Nullable Set<UUID> debtors) {
		return (debtors != null && debtors.size() == 1) ? debtors.iterator().next() : null;
	}

	private static void index(Map<String, Set<UUID>> index, String key, UUID debtorId) {
		index.computeIfAbsent(key, k -> new LinkedHashSet<>(1)).add(debtorId);
	}

	private record NamedDebtor(UUID debtorId, NameProfile profile) {
	}

}
