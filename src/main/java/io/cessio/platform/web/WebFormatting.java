package io.cessio.platform.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * Formatters used by {@code ${{…}}} in templates and by form binding: money
 * {@code 1 234,56 €}, rates {@code 0,3 %}, dates {@code dd/MM/yyyy}, instants in
 * Europe/Paris, and decimals typed with a comma or a dot.
 */
@Configuration(proxyBeanMethods = false)
class WebFormatting implements WebMvcConfigurer {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private final ZoneId zone;

	WebFormatting(@Value("${cessio.time-zone}") ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(Money.class, new Formatter<Money>() {
			@Override
			public String print(Money money, Locale locale) {
				return MoneyFormat.format(money, locale);
			}

			@Override
			public Money parse(String text, Locale locale) throws ParseException {
				return Money.eur(MoneyFormat.parseDecimal(text));
			}
		});
		registry.addFormatterForFieldType(Rate.class, new Formatter<Rate>() {
			@Override
			public String print(Rate rate, Locale locale) {
				BigDecimal percent = rate.percent();
				return MoneyFormat.decimal(percent, locale, Math.max(0, percent.scale())) + MoneyFormat.NBSP + "%";
			}

			@Override
			public Rate parse(String text, Locale locale) throws ParseException {
				return Rate.ofPercent(MoneyFormat.parseDecimal(text.replace("%", "")));
			}
		});
		registry.addFormatterForFieldType(BigDecimal.class, new Formatter<BigDecimal>() {
			@Override
			public String print(BigDecimal value, Locale locale) {
				String plain = value.toPlainString();
				return "fr".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
			}

			@Override
			public BigDecimal parse(String text, Locale locale) throws ParseException {
				return MoneyFormat.parseDecimal(text);
			}
		});
		registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
			@Override
			public String print(LocalDate date, Locale locale) {
				return DATE.format(date);
			}

			@Override
			public LocalDate parse(String text, Locale locale) throws ParseException {
				try {
					return text.contains("-") ? LocalDate.parse(text.strip()) : LocalDate.parse(text.strip(), DATE);
				}
				catch (DateTimeParseException ex) {
					throw new ParseException(text, ex.getErrorIndex());
				}
			}
		});
		registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
			@Override
			public String print(Instant instant, Locale locale) {
				return DATE_TIME.format(instant.atZone(zone));
			}

			@Override
			public Instant parse(String text, Locale locale) {
				return Instant.parse(text.strip());
			}
		});
	}

}
