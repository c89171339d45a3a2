package io.cessio.payments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.cessio.platform.security.SystemActor;

/**
 * Looks into the statement inbox every few minutes
 * ({@code cessio.statements.inbox-delay}, default 5 minutes). Off with
 * {@code cessio.jobs.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "cessio.jobs.enabled", matchIfMissing = true)
class StatementInboxSchedule {

	private static final Logger log = LoggerFactory.getLogger(StatementInboxSchedule.class);

	private final StatementInbox inbox;

	private final SystemActor system;

	StatementInboxSchedule(StatementInbox inbox, SystemActor system) {
		this.inbox = inbox;
		this.system = system;
	}

	@Scheduled(fixedDelayString = "${cessio.statements.inbox-delay:PT5M}", initialDelayString = "PT30S")
	void pickUp() {
		try {
			StatementInbox.PickUp done = system.call(inbox::pickUp);
			if (done.imported() + done.alreadyImported() + done.rejected() > 0) {
				log.info("Statement inbox: {} imported, {} already imported, {} rejected", done.imported(),
						done.alreadyImported(), done.rejected());
			}
		}
		catch (RuntimeException failure) {
			log.error("Statement inbox pick-up failed", failure);
		}
	}

}
