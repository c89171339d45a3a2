package io.cessio.funding;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.cessio.companies.CompanyManagement;
import io.cessio.invoices.InvoicesPurchased;
import io.cessio.platform.security.SystemActor;

/**
 * After each purchase, with the contract's auto-payout on, requests a payout of the whole
 * availability. The event comes through the publication registry (retried after a crash)
 * and the request is idempotent per remittance.
 */
@Component
class PurchaseFunding {

	private final FundingManagement funding;

	private final CompanyManagement companies;

	private final SystemActor system;

	PurchaseFunding(FundingManagement funding, CompanyManagement companies, SystemActor system) {
		this.funding = funding;
		this.companies = companies;
		this.system = system;
	}

	@ApplicationModuleListener
	void on(InvoicesPurchased event) {
		system.run(() -> {
			if (companies.find(event.companyId()).terms().autoPayout()) {
				funding.requestAfterPurchase(event.companyId(), event.remittanceNumber());
			}
		});
	}

}
