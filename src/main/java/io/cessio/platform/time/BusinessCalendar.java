package io.cessio.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import org.springframework.stereotype.Component;

/**
 * French business days (jours ouvrés bancaires): Monday to Friday except the public
 * holidays of metropolitan France, from the Jollyday library.
 */
@Component
public class BusinessCalendar {

	private final HolidayManager holidays = HolidayManager
		.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));

	public boolean isBusinessDay(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date);
	}

	/** The first business day after {@code date}. */
	public LocalDate nextBusinessDay(LocalDate date) {
		LocalDate next = date.plusDays(1);
		while (!isBusinessDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

}
