package io.cessio.payments;

/**
 * Jaro–Winkler similarity of two strings, 0 (nothing in common) to 1 (equal): the Jaro
 * similarity of matching characters within a window, raised by 0.1 per common leading
 * character up to four. Names of the same company spelt differently by banks score above
 * about 0.9.
 */
final class JaroWinkler {

	static final double PREFIX_SCALE = 0.1;

	static final int MAX_PREFIX = 4;

	private JaroWinkler() {
	}

	static double similarity(String a, String b) {
		if (a.equals(b)) {
			return 1.0;
		}
		if (a.isEmpty() || b.isEmpty()) {
			return 0.0;
		}
		double jaro = jaro(a, b);
		int prefix = commonPrefix(a, b);
		return jaro + prefix * PREFIX_SCALE * (1.0 - jaro);
	}

	/**
	 * The highest Jaro–Winkler two strings can reach given their lengths, how many
	 * characters they have in common (counted with repetition, in any position) and their
	 * common prefix: every common character matched, none transposed. Lets a search skip
	 * most candidates without computing their similarity.
	 */
	static double upperBound(int lengthA, int lengthB, int commonCharacters, int commonPrefix) {
		if (lengthA == 0 || lengthB == 0) {
			return (lengthA == lengthB) ? 1.0 : 0.0;
		}
		if (commonCharacters == 0) {
			return 0.0;
		}
		double jaro = ((double) commonCharacters / lengthA + (double) commonCharacters / lengthB + 1.0) / 3.0;
		int prefix = Math.min(MAX_PREFIX, commonPrefix);
		return jaro + prefix * PREFIX_SCALE * (1.0 - jaro);
	}

	static int commonPrefix(String a, String b) {
		int limit = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
		int prefix = 0;
		while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
			prefix++;
		}
		return prefix;
	}

	private static double jaro(String a, String b) {
		int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
		boolean[] matchedInA = new boolean[a.length()];
		boolean[] matchedInB = new boolean[b.length()];
		int matches = 0;
		for (int i = 0; i < a.length(); i++) {
			int from = Math.max(0, i - window);
			int to = Math.min(b.length() - 1, i + window);
			for (int j = from; j <= to; j++) {
				if (!matchedInB[j] && a.charAt(i) == b.charAt(j)) {
					matchedInA[i] = true;
					matchedInB[j] = true;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0.0;
		}
		int outOfOrder = 0;
		int j = 0;
		for (int i = 0; i < a.length(); i++) {
			if (matchedInA[i]) {
				while (!matchedInB[j]) {
					j++;
				}
				if (a.charAt(i) != b.charAt(j)) {
					outOfOrder++;
				}
				j++;
			}
		}
		double m = matches;
		int transpositions = outOfOrder / 2;
		return (m / a.length() + m / b.length() + (m - transpositions) / m) / 3.0;
	}

}
