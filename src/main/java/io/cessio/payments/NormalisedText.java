package io.cessio.payments;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Remittance text as matching compares it: upper case without accents, cut into words of
 * letters and digits, everything else being a separator.
 */
final class NormalisedText {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private NormalisedText() {
	}

	/** Upper case, accents stripped, ligatures spelt out ({@code Œ} → {@code OE}). */
	static String upper(String text) {
		String upper = text.toUpperCase(Locale.ROOT);
		if (isAscii(upper)) {
			return upper;
		}
		String decomposed = Normalizer.normalize(upper, Normalizer.Form.NFD);
		return COMBINING_MARKS.matcher(decomposed)
			.replaceAll("")
			.replace("Œ", "OE")
			.replace("Æ", "AE")
			.replace("ß", "SS")
			.replace("ẞ", "SS");
	}

	/**
	 * Only the letters and digits, upper case: {@code "fa-2026/0012"} →
	 * {@code FA20260012}.
	 */
	static String compact(String text) {
		String upper = upper(text);
		StringBuilder compact = new StringBuilder(upper.length());
		for (int i = 0; i < upper.length(); i++) {
			char c = upper.charAt(i);
			if (isWordChar(c)) {
				compact.append(c);
			}
		}
		return compact.toString();
	}

	/** The runs of letters and digits, upper case, in order. */
	static List<String> words(String text) {
		String upper = upper(text);
		List<String> words = new ArrayList<>();
		int start = -1;
		for (int i = 0; i <= upper.length(); i++) {
			boolean inWord = i < upper.length() && isWordChar(upper.charAt(i));
			if (inWord && start < 0) {
				start = i;
			}
			else if (!inWord && start >= 0) {
				words.add(upper.substring(start, i));
				start = -1;
			}
		}
		return words;
	}

	static boolean isDigits(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (word.charAt(i) < '0' || word.charAt(i) > '9') {
				return false;
			}
		}
		return !word.isEmpty();
	}

	private static boolean isWordChar(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) > 127) {
				return false;
			}
		}
		return true;
	}

}
