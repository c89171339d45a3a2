package io.cessio.funding;

import java.time.LocalDate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.shared.Rate;

/**
 * Seeds the demo's reference rate: Euribor 3M at 2.03 % from 1 January 2026 (DOMAIN.md
 * §3.3), when none is entered. Runs only with {@code cessio.demo.seed=true}.
 */
@Component
@ConditionalOnBooleanProperty("cessio.demo.seed")
@Order(3)
class DemoReferenceRate implements ApplicationRunner {

	private final ReferenceRates rates;

	private final TransactionTemplate transaction;

	DemoReferenceRate(ReferenceRates rates, TransactionTemplate transaction) {
		this.rates = rates;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			if (rates.inForceOn(LocalDate.of(2026, 1, 1)).isEmpty()) {
				rates.setAs(LocalDate.of(2026, 1, 1), Rate.ofPercent("2.03"));
			}
		});
	}

}
