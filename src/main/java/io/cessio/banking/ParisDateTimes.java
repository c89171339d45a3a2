package io.cessio.banking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * ISO 20022 date-times as French banks write them: with an offset, or without one, in
 * which case they are Paris local time (Prowide would take them as UTC). Dates of
 * date-times are Paris dates.
 */
final class ParisDateTimes extends XmlAdapter<String, OffsetDateTime> {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/**
	 * @throws java.time.format.DateTimeParseException if not an ISO date-time
	 */
	static OffsetDateTime parse(String text) {
		TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.strip(), OffsetDateTime::from,
				LocalDateTime::from);
		if (parsed instanceof OffsetDateTime offset) {
			return offset;
		}
		return ((LocalDateTime) parsed).atZone(PARIS).toOffsetDateTime();
	}

	static LocalDate parisDate(OffsetDateTime dateTime) {
		return dateTime.atZoneSameInstant(PARIS).toLocalDate();
	}

	@Override
	public OffsetDateTime unmarshal(String text) {
		return parse(text);
	}

	@Override
	public String marshal(OffsetDateTime dateTime) {
		return dateTime.toString();
	}

}
