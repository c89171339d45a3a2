package io.cessio.banking;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.cessio.companies.CompanyOnboarded;

/**
 * Opens the dedicated account of each new company. The event comes through the
 * publication registry, so a crash between onboarding and opening is retried, and opening
 * is idempotent.
 */
@Component
class DedicatedAccountOpener {

	private final DedicatedAccounts accounts;

	DedicatedAccountOpener(DedicatedAccounts accounts) {
		this.accounts = accounts;
	}

	@ApplicationModuleListener
	void on(CompanyOnboarded event) {
		accounts.open(event.companyId());
	}

}
