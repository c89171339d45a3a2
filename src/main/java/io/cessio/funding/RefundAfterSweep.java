package io.cessio.funding;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.cessio.companies.CompanyManagement;
import io.cessio.platform.security.SystemActor;
import io.cessio.sweep.CollectionsSwept;

/**
 * After each sweep of a company's dedicated account, with the contract's automatic refund
 * on, requests a payout of what the collections released (the whole positive
 * availability). Idempotent per sweep line; retried by the publication registry.
 */
@Component
class RefundAfterSweep {

	private final FundingManagement funding;

	private final CompanyManagement companies;

	private final SystemActor system;

	RefundAfterSweep(FundingManagement funding, CompanyManagement companies, SystemActor system) {
		this.funding = funding;
		this.companies = companies;
		this.system = system;
	}

	@ApplicationModuleListener
	void on(CollectionsSwept event) {
		system.run(() -> {
			if (companies.find(event.companyId()).terms().autoRefund()) {
				funding.requestReserveRefund(event.companyId(), "SWEEP:" + event.sweepLineId());
			}
		});
	}

}
