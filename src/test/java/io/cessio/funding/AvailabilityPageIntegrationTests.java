package io.cessio.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.cessio.CessioIntegrationTest;
import io.cessio.approval.ApprovalDesk;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.RemittanceId;
import io.cessio.shared.Money;

/**
 * "Why is my availability X?": the page explains every line, and each drill-down lists
 * exactly the invoices (and parts of invoices) that make up its amount.
 */
@CessioIntegrationTest
class AvailabilityPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	ApprovalDesk desk;

	@Autowired
	DebtorManagement debtors;

	@Autowired
	UserDetailsService users;

	@Test
	void everyLineIsExplainedAndEachDrillDownListsTheInvoicesBehindIt() throws Exception {
		accounts.ensureFactor();
		Client client = fixtures.aClient(PayoutConcurrencyTests.withoutAutoPayout());
		LocalDate today = LocalDate.now();
		DebtorId approved = fixtures.anApprovedDebtor(client, "APPROVED SA", AccountFixtures.randomSiren(),
				Money.eur("10000.00"));
		DebtorId blockedLater = fixtures.anApprovedDebtor(client, "BLOCKED SA", AccountFixtures.randomSiren(),
				Money.eur("10000.00"));
		List<InvoiceId> items = List.of(
				fixtures.anInvoice(client, approved, "A-1", today.minusDays(10), today.plusDays(30), "6000.00"),
				fixtures.anInvoice(client, approved, "A-2", today.minusDays(5), today.plusDays(40), "6000.00"),
				fixtures.anInvoice(client, blockedLater, "B-1", today.minusDays(5), today.plusDays(40), "3000.00"));
		RemittanceId remittance = fixtures.submit(client, items);
		fixtures.acting().run(client.analyst(), () -> {
			desk.approveAllEligible(remittance);
			desk.approve(items.get(1), "Relèvement de l’agrément en cours");
			desk.complete(remittance);
			debtors.block(blockedLater, "Procédure collective ouverte");
		});

		String html = mvc
			.perform(get("/companies/{id}/availability", client.company().value())
				.with(user(users.loadUserByUsername(client.user()))))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(Matchers.containsString("La part de l’encours d’un débiteur au-delà de son agrément.")))
			.andExpect(content()
				.string(Matchers.containsString("Débiteurs sans agrément en vigueur ou bloqués par le factor.")))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replace('\u202F', ' ')
			.replace('\u00A0', ' ');

		// outstanding 15 000; B-1 of the blocked debtor (3 000) and 2 000 over APPROVED's
		// approval, taken from the invoice due last
		assertThat(lineAmount(html, "line-outstanding")).isEqualTo("15 000,00 €");
		assertThat(lineAmount(html, "line-UNAPPROVED_DEBTOR")).isEqualTo("3 000,00 €");
		assertThat(lineAmount(html, "line-OVER_APPROVAL")).isEqualTo("2 000,00 €");
		assertThat(lineAmount(html, "line-eligible")).isEqualTo("10 000,00 €");
		assertThat(lineAmount(html, "line-funding-base")).isEqualTo("9 000,00 €");
		assertThat(lineAmount(html, "line-funds-in-use")).isEqualTo("64,80 €");
		assertThat(lineAmount(html, "line-availability")).isEqualTo("8 935,20 €");
		assertThat(numbersIn(html, "detail-outstanding")).containsExactlyInAnyOrder("A-1", "A-2", "B-1");
		assertThat(numbersIn(html, "detail-UNAPPROVED_DEBTOR")).containsExactly("B-1");
		assertThat(numbersIn(html, "detail-OVER_APPROVAL")).containsExactly("A-2");
		assertThat(detail(html, "detail-OVER_APPROVAL")).contains("2 000,00 €");
	}

	@Test
	void aDrawAboveWhatCanBeDrawnIsRefusedAndOneWithinIsRequestedOnce() throws Exception {
		accounts.ensureFactor();
		Client client = fixtures.aClient(PayoutConcurrencyTests.withoutAutoPayout());
		DebtorId debtor = fixtures.anApprovedDebtor(client, "DEBITEUR", AccountFixtures.randomSiren(),
				Money.eur("100000.00"));
		RemittanceId remittance = fixtures.submit(client, List.of(fixtures.anInvoice(client, debtor, "D-1",
				LocalDate.now().minusDays(2), LocalDate.now().plusDays(40), "1200.00")));
		fixtures.acting().run(client.analyst(), () -> {
			desk.approveAllEligible(remittance);
			desk.complete(remittance);
		});
		var companyUser = user(users.loadUserByUsername(client.user()));

		// 1 200 × 90 % = 1 080, less fees 3,60 + 3,00 + VAT 1,32 = 7,92 → 1 072,08
		mvc.perform(post("/companies/{id}/draws", client.company().value()).with(companyUser)
			.with(csrf())
			.param("amount", "1 072,09")
			.param("token", "draw-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Montant supérieur à ce que vous pouvez demander")));
		for (int replay = 0; replay < 3; replay++) {
			mvc.perform(post("/companies/{id}/draws", client.company().value()).with(companyUser)
				.with(csrf())
				.param("amount", "1 072,08")
				.param("token", "draw-2")).andExpect(status().is3xxRedirection());
		}
		List<PayoutView> payouts = fixtures.acting().as(client.user(), () -> fundingFor().payoutsOf(client.company()));
		assertThat(payouts).singleElement().satisfies(payout -> {
			assertThat(payout.kind()).isEqualTo(PayoutKind.DRAW);
			assertThat(payout.amount()).isEqualTo(Money.eur("1072.08"));
		});
	}

	@Autowired
	FundingManagement funding;

	private FundingManagement fundingFor() {
		return funding;
	}

	private static String lineAmount(String html, String testId) {
		Matcher matcher = Pattern.compile("data-testid=\"" + Pattern.quote(testId) + "\">([^<]*)<").matcher(html);
		assertThat(matcher.find()).as(testId + " on the page").isTrue();
		return matcher.group(1).strip();
	}

	private static String detail(String html, String testId) {
		int start = html.indexOf("data-testid=\"" + testId + "\"");
		assertThat(start).as(testId + " on the page").isPositive();
		return html.substring(start, html.indexOf("</details>", start));
	}

	private static Set<String> numbersIn(String html, String testId) {
		Matcher matcher = Pattern.compile("<tr data-number=\"([^\"]+)\"").matcher(detail(html, testId));
		Set<String> numbers = new LinkedHashSet<>();
		while (matcher.find()) {
			numbers.add(matcher.group(1));
		}
		return numbers;
	}

}
