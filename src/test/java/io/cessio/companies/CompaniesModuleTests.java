package io.cessio.companies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.test.context.support.WithMockUser;

import io.cessio.TestcontainersConfiguration;
import io.cessio.shared.Iban;
import io.cessio.shared.PostalAddress;

/**
 * Module test: the companies module, with only what it depends on, publishes its events.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@Import(TestcontainersConfiguration.class)
class CompaniesModuleTests {

	@Autowired
	CompanyManagement companies;

	@Test
	@WithMockUser(roles = "ADMIN")
	void onboardingACompanyPublishesCompanyOnboarded(Scenario scenario) {
		CompanyDetails details = new CompanyDetails("DELTA SAS", AccountFixtures.randomSiren(),
				new PostalAddress("8 rue Nationale", "59000", "Lille", "FR"), Iban.of("FR7630003012340005001234509"));
		scenario.stimulate(() -> companies.onboard(details, ContractTerms.standard()))
			.andWaitForEventOfType(CompanyOnboarded.class)
			.matching(event -> event.legalName().equals("DELTA SAS"))
			.toArriveAndVerify(event -> assertThat(event.companyId()).isNotNull());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void changingTermsPublishesCompanyTermsChanged(Scenario scenario) {
		CompanyDetails details = new CompanyDetails("EPSILON SAS", AccountFixtures.randomSiren(),
				new PostalAddress("8 rue Nationale", "59000", "Lille", "FR"), Iban.of("FR7630003012340005001234509"));
		CompanyId id = companies.onboard(details, ContractTerms.standard());
		ContractTerms standard = ContractTerms.standard();
		ContractTerms lower = new ContractTerms(io.cessio.shared.Rate.ofPercent("80"), standard.commissionRate(),
				standard.perInvoiceFee(), standard.feeVatRate(), standard.financingMargin(), standard.facilityLimit(),
				standard.concentrationLimit(), standard.defundingDays(), standard.maxTermDays(),
				standard.fourEyesThreshold(), standard.autoPayout());
		scenario.stimulate(() -> companies.change(id, 0, details, lower))
			.andWaitForEventOfType(CompanyTermsChanged.class)
			.matching(event -> event.companyId().equals(id))
			.toArriveAndVerify(event -> assertThat(event.terms().advanceRate()).isEqualTo(lower.advanceRate()));
	}

}
