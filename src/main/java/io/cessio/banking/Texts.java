package io.cessio.banking;

/** How statement texts are kept: stripped, each run of blanks as one space. */
final class Texts {

	private Texts() {
	}

	static String singleSpaced(String text) {
		StringBuilder spaced = new StringBuilder(text.length());
		boolean afterBlank = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				afterBlank = spaced.length() > 0;
			}
			else {
				if (afterBlank) {
					spaced.append(' ');
				}
				afterBlank = false;
				spaced.append(c);
			}
		}
		return spaced.toString();
	}

}
