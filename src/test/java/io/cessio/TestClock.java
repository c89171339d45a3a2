package io.cessio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The application's clock in tests: the system clock, moved by an offset that a test sets
 * ({@link #travelTo}) and puts back ({@link #reset}). Time keeps running, so that
 * instants still increase within a test.
 */
public class TestClock extends Clock {

	private final ZoneId zone;

	private volatile Duration offset = Duration.ZERO;

	public TestClock(ZoneId zone) {
		this.zone = zone;
	}

	/** From now on the clock reads {@code date} at {@code time} (business time zone). */
	public void travelTo(LocalDate date, LocalTime time) {
		offset = Duration.between(Instant.now(), date.atTime(time).atZone(zone).toInstant());
	}

	public void travelTo(LocalDate date) {
		travelTo(date, LocalTime.of(10, 0));
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		TestClock clock = new TestClock(other);
		clock.offset = offset;
		return clock;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

}
