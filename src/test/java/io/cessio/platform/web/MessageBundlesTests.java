package io.cessio.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The French and English bundles say the same things, and every message formats cleanly.
 */
class MessageBundlesTests {

	static final Pattern ARGUMENT = Pattern.compile("\\{\\d}");

	@Test
	void frenchAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void messagesWithArgumentsKeepTheirApostrophesAndFillEveryArgument() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties messages = load(bundle);
			for (String key : messages.stringPropertyNames()) {
				String pattern = messages.getProperty(key);
				if (!ARGUMENT.matcher(pattern).find()) {
					continue;
				}
				String formatted = new MessageFormat(pattern).format(sampleArguments(new MessageFormat(pattern)));
				assertThat(formatted).as(bundle + " " + key).doesNotContainPattern(ARGUMENT);
				assertThat(formatted.chars().filter(c -> c == '\'').count()).as(bundle + " " + key + " apostrophes")
					.isEqualTo(pattern.replace("''", "'").chars().filter(c -> c == '\'').count());
			}
		}
	}

	/** Letters, or 1 where the message formats a number (a choice, for example). */
	private static Object[] sampleArguments(MessageFormat format) {
		java.text.Format[] formats = format.getFormatsByArgumentIndex();
		Object[] arguments = { "A", "B", "C", "D", "E", "F" };
		for (int i = 0; i < formats.length && i < arguments.length; i++) {
			if (formats[i] instanceof java.text.NumberFormat) {
				arguments[i] = 1;
			}
		}
		return arguments;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
