package io.cessio.sweep;

/** What started a sweep run. */
public enum SweepTrigger {

	SCHEDULE, MANUAL

}
