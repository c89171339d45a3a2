package io.cessio.payments;

/**
 * A normalised name with the count of each of its characters, so that the characters two
 * names have in common bound their Jaro–Winkler similarity cheaply. The counts are also
 * kept as bit sets (the characters that occur at least once, twice, three, four times),
 * so that comparing a payer's name with thousands of debtors' costs a few instructions
 * per debtor.
 */
final class NameProfile {

	/** A–Z, 0–9 and the space: all a normalised name holds. */
	private static final int SYMBOLS = 37;

	private static final int LEVELS = 4;

	private final String name;

	private final byte[] counts = new byte[SYMBOLS];

	/** Bit s of {@code moreThan[k]} is set when symbol s occurs more than k times. */
	private final long[] moreThan = new long[LEVELS];

	NameProfile(String name) {
		this.name = name;
		for (int i = 0; i < name.length(); i++) {
			int symbol = symbol(name.charAt(i));
			if (counts[symbol] < Byte.MAX_VALUE) {
				counts[symbol]++;
			}
		}
		for (int symbol = 0; symbol < SYMBOLS; symbol++) {
			for (int level = 0; level < LEVELS && level < counts[symbol]; level++) {
				moreThan[level] |= 1L << symbol;
			}
		}
	}

	String name() {
		return name;
	}

	/**
	 * Whether the two names can reach that similarity at all: first on their lengths
	 * alone, then on the characters they share.
	 */
	boolean mayReach(NameProfile other, double similarity) {
		int shorter = Math.min(name.length(), other.name.length());
		if (JaroWinkler.upperBound(name.length(), other.name.length(), shorter, JaroWinkler.MAX_PREFIX) < similarity) {
			return false;
		}
		return similarityBound(other) >= similarity;
	}

	/** The most Jaro–Winkler this name and the other can score. */
	double similarityBound(NameProfile other) {
		return JaroWinkler.upperBound(name.length(), other.name.length(), commonCharacters(other),
				JaroWinkler.commonPrefix(name, other.name));
	}

	/** Σ min(count here, count there) over the symbols. */
	int commonCharacters(NameProfile other) {
		int common = 0;
		if ((moreThan[LEVELS - 1] & other.moreThan[LEVELS - 1]) != 0) {
			// a symbol four times or more in both: count exactly
			for (int symbol = 0; symbol < SYMBOLS; symbol++) {
				common += Math.min(counts[symbol], other.counts[symbol]);
			}
			return common;
		}
		for (int level = 0; level < LEVELS; level++) {
			common += Long.bitCount(moreThan[level] & other.moreThan[level]);
		}
		return common;
	}

	double similarity(NameProfile other) {
		return JaroWinkler.similarity(name, other.name);
	}

	private static int symbol(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= '0' && c <= '9') {
			return 26 + (c - '0');
		}
		return 36;
	}

}
