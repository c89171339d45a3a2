package io.cessio.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyView;
import io.cessio.platform.security.SystemActor;
import io.cessio.sweep.CollectionsSwept;

/**
 * After each sweep of companies' dedicated accounts, for each company whose contract has
 * the automatic refund on, requests a payout of what the collections released (the whole
 * positive availability). Idempotent per sweep line; retried by the publication registry.
 * Each line is requested in a transaction of its own, so that one company's failure
 * delays only its own refund (the event stays incomplete and is retried whole).
 */
@Component
class RefundAfterSweep {

	private static final Logger log = LoggerFactory.getLogger(RefundAfterSweep.class);

	private final FundingManagement funding;

	private final CompanyManagement companies;

	private final SystemActor system;

	RefundAfterSweep(FundingManagement funding, CompanyManagement companies, SystemActor system) {
		this.funding = funding;
		this.companies = companies;
		this.system = system;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CollectionsSwept event) {
		system.run(() -> {
			Map<CompanyId, CompanyView> terms = companies
				.findAll(event.lines().stream().map(CollectionsSwept.Line::companyId).toList());
			List<CompanyId> failed = new ArrayList<>();
			for (CollectionsSwept.Line line : event.lines()) {
				CompanyView company = terms.get(line.companyId());
				if (company == null || !company.terms().autoRefund()) {
					continue;
				}
				try {
					funding.requestReserveRefund(line.companyId(), "SWEEP:" + line.sweepLineId());
				}
				catch (RuntimeException failure) {
					log.error("Reserve refund after sweep line {} of company {} failed", line.sweepLineId(),
							line.companyId(), failure);
					failed.add(line.companyId());
				}
			}
			if (!failed.isEmpty()) {
				throw new IllegalStateException("Reserve refund after the sweep failed for companies " + failed);
			}
		});
	}

}
