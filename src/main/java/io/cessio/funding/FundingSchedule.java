package io.cessio.funding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.cessio.platform.security.SystemActor;

/**
 * When the funding jobs run: the payout job every minute (each payout is executed well
 * within its 24 hours), the end of day at 23:30 Paris time, and the catch-up of missed
 * monthly charges at start-up. The jobs are thin: the work and its safety with several
 * instances are in {@link PayoutRunner} and {@link FinancingCharges}. Off with
 * {@code cessio.jobs.enabled=false} (the integration tests drive them by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "cessio.jobs.enabled", matchIfMissing = true)
class FundingSchedule implements ApplicationRunner {

	static final String END_OF_DAY = "END_OF_DAY";

	private static final Logger log = LoggerFactory.getLogger(FundingSchedule.class);

	private final PayoutRunner payouts;

	private final FinancingCharges charges;

	private final JobRuns jobRuns;

	private final SystemActor system;

	private final Clock clock;

	FundingSchedule(PayoutRunner payouts, FinancingCharges charges, JobRuns jobRuns, SystemActor system, Clock clock) {
		this.payouts = payouts;
		this.charges = charges;
		this.jobRuns = jobRuns;
		this.system = system;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${cessio.funding.payout-job.delay:PT1M}", initialDelayString = "PT20S")
	void runPayouts() {
		system.run(payouts::runDuePayouts);
	}

	@Scheduled(cron = "${cessio.funding.end-of-day.cron:0 30 23 * * *}", zone = "${cessio.time-zone}")
	void closeDay() {
		LocalDate today = LocalDate.now(clock);
		UUID run = jobRuns.started(END_OF_DAY);
		try {
			int companies = system.call(() -> charges.closeDay(today));
			jobRuns.finished(run, companies, null);
		}
		catch (RuntimeException failure) {
			log.error("End of day {} failed", today, failure);
			jobRuns.finished(run, 0, failure.toString());
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		UUID run = jobRuns.started("CHARGES_CATCH_UP");
		try {
			int computed = system.call(charges::catchUp);
			jobRuns.finished(run, computed, null);
		}
		catch (RuntimeException failure) {
			log.error("Catch-up of financing charges failed", failure);
			jobRuns.finished(run, 0, failure.toString());
		}
	}

}
