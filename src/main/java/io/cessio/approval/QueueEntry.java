package io.cessio.approval;

import java.time.Duration;

import io.cessio.invoices.RemittanceView;

/**
 * A remittance waiting in the analysts' queue, with its age against the 12-hour target.
 *
 * @param ageLevel {@code ok}, {@code amber} past 8 hours, {@code red} past 12 hours
 */
public record QueueEntry(RemittanceView remittance, String companyName, Duration age, String ageLevel) {

	/** {@code 3 h 05} */
	public String ageText() {
		return age.toHours() + " h " + String.format("%02d", age.toMinutesPart());
	}

}
