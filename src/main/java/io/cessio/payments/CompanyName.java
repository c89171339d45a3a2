package io.cessio.payments;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A company name reduced to what banks keep of it: upper case, no accents, no
 * punctuation, and no legal form, so that {@code "Gamma S.A.R.L."} and {@code "GAMMA"}
 * compare equal.
 */
final class CompanyName {

	static final Set<String> LEGAL_FORMS = Set.of("SA", "SAS", "SARL", "SASU", "EURL", "SNC", "SCI");

	private CompanyName() {
	}

	/** The normalised name; empty when nothing but a legal form (or nothing) is left. */
	static String normalise(@Nullable String name) {
		if (name == null) {
			return "";
		}
		// dotted abbreviations first: S.A.R.L. is one word, SARL
		String undotted = name.replace(".", "");
		return NormalisedText.words(undotted)
			.stream()
			.filter(word -> !LEGAL_FORMS.contains(word))
			.collect(Collectors.joining(" "));
	}

}
