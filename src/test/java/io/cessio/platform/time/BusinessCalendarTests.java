package io.cessio.platform.time;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTests {

	private final BusinessCalendar calendar = new BusinessCalendar();

	@Test
	void weekdaysAreBusinessDays() {
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 15))).isTrue();
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 18))).as("Saturday").isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 19))).as("Sunday").isFalse();
	}

	@Test
	void frenchPublicHolidaysAreNot() {
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 6))).as("lundi de Pâques").isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 1))).as("fête du Travail").isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 8))).as("Victoire 1945").isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 14))).as("Ascension").isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 7, 14))).as("fête nationale").isFalse();
		assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 25))).as("Noël").isFalse();
	}

	@Test
	void theNextBusinessDaySkipsWeekendsAndHolidays() {
		assertThat(calendar.nextBusinessDay(LocalDate.of(2026, 4, 30))).as("Thursday 30/04 → Monday 04/05")
			.isEqualTo(LocalDate.of(2026, 5, 4));
	}

}
