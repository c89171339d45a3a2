package io.cessio.sweep;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.cessio.platform.security.SystemActor;
import io.cessio.platform.time.BusinessCalendar;

/**
 * When the sweep runs: by default at 17:30 Paris time, on French business days only
 * ({@code cessio.sweep.cron}). Off with {@code cessio.jobs.enabled=false} (the
 * integration tests drive it by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "cessio.jobs.enabled", matchIfMissing = true)
class SweepSchedule {

	private static final Logger log = LoggerFactory.getLogger(SweepSchedule.class);

	private final SweepManagement sweeps;

	private final BusinessCalendar calendar;

	private final SystemActor system;

	private final Clock clock;

	SweepSchedule(SweepManagement sweeps, BusinessCalendar calendar, SystemActor system, Clock clock) {
		this.sweeps = sweeps;
		this.calendar = calendar;
		this.system = system;
		this.clock = clock;
	}

	@Scheduled(cron = "${cessio.sweep.cron:0 30 17 * * *}", zone = "${cessio.time-zone}")
	void sweepBusinessDay() {
		LocalDate today = LocalDate.now(clock);
		if (!calendar.isBusinessDay(today)) {
			log.info("No sweep on {}: not a French business day", today);
			return;
		}
		try {
			system.run(() -> sweeps.runScheduled(today));
		}
		catch (RuntimeException failure) {
			log.error("Scheduled sweep of {} failed", today, failure);
		}
	}

}
