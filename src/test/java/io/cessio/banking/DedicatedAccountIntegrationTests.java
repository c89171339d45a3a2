package io.cessio.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.cessio.CessioIntegrationTest;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.CompanyId;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.platform.security.Role;
import io.cessio.shared.Iban;
import io.cessio.shared.Money;

/** The dedicated account through the web layer, on real PostgreSQL. */
@CessioIntegrationTest
class DedicatedAccountIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	UserDetailsService users;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	CompanyId company;

	RequestPostProcessor companyUser;

	RequestPostProcessor ops;

	@BeforeEach
	void aCompanyWithItsDedicatedAccount() {
		company = fixtures.aCompany();
		companyUser = user(users.loadUserByUsername(fixtures.aUser(Role.COMPANY_USER, company)));
		ops = user(users.loadUserByUsername(fixtures.aUser(Role.OPS)));
		DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, company);
	}

	@Test
	void onboardingOpensADedicatedAccountWithAValidModelledIban() {
		String iban = jdbc.sql("select iban from dedicated_account where company_id = ?")
			.param(company.value())
			.query(String.class)
			.single();
		assertThat(Iban.isValid(iban)).isTrue();
		assertThat(iban).startsWith("FR").contains("17999" + "00001");
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'DEDICATED_ACCOUNT_OPENED' and summary like ?")
			.param("%" + company + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aWithdrawalMovesAvailableMoneyToTheOperatingAccountOnceWhateverTheReplays() throws Exception {
		fund("1000.00");
		String token = UUID.randomUUID().toString();
		for (int attempt = 0; attempt < 3; attempt++) {
			mvc.perform(withdrawal("250,50", token)).andExpect(redirectedUrl(accountPage()));
		}
		assertThat(portion(AccountCode.DEDICATED_COMPANY_AVAILABLE)).isEqualTo(Money.eur("749.50"));
		assertThat(portion(AccountCode.DEDICATED_CASH)).isEqualTo(Money.eur("749.50"));
		var transfer = jdbc
			.sql("select end_to_end_id, creditor_iban, amount from outgoing_transfer where dedicated_account_id = ?")
			.param(accountId())
			.query()
			.singleRow();
		assertThat((String) transfer.get("end_to_end_id")).startsWith("CESSIO-W-").hasSize(35);
		assertThat(transfer.get("creditor_iban")).isEqualTo("FR7630003012340005001234509");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'WITHDRAWAL_EXECUTED' and entity_id = ?")
			.param(accountId().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aWithdrawalAboveTheAvailablePortionIsRefusedAndMovesNothing() throws Exception {
		fund("100.00");
		recordIncoming("5000.00", "VIR GAMMA F2");
		mvc.perform(withdrawal("100,01", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "amount", "banking.error.insufficient"));
		mvc.perform(withdrawal("0", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "amount"));
		mvc.perform(withdrawal("10,001", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "amount"));
		assertThat(portion(AccountCode.DEDICATED_COMPANY_AVAILABLE)).isEqualTo(Money.eur("100.00"));
		assertThat(portion(AccountCode.DEDICATED_UNIDENTIFIED)).isEqualTo(Money.eur("5000.00"));
		assertThat(jdbc.sql("select count(*) from outgoing_transfer where dedicated_account_id = ?")
			.param(accountId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anotherCompanysUserGetsNotFoundAndFactorStaffCannotWithdraw() throws Exception {
		fund("100.00");
		var stranger = user(users.loadUserByUsername(fixtures.aUser(Role.COMPANY_USER)));
		mvc.perform(get(accountPage()).with(stranger)).andExpect(status().isNotFound());
		mvc.perform(post(accountPage() + "/withdrawal").with(stranger)
			.with(csrf())
			.param("amount", "10")
			.param("token", UUID.randomUUID().toString())).andExpect(status().isNotFound());
		var analyst = user(users.loadUserByUsername(fixtures.aUser(Role.ANALYST)));
		mvc.perform(get(accountPage()).with(analyst)).andExpect(status().isOk());
		mvc.perform(post(accountPage() + "/withdrawal").with(analyst)
			.with(csrf())
			.param("amount", "10")
			.param("token", UUID.randomUUID().toString())).andExpect(status().isForbidden());
		assertThat(portion(AccountCode.DEDICATED_COMPANY_AVAILABLE)).isEqualTo(Money.eur("100.00"));
	}

	@Test
	void operationsRecordAReceiptIntoTheUnidentifiedPortion() throws Exception {
		recordIncoming("6000.00", "VIR GAMMA SARL FACTURE F2");
		assertThat(portion(AccountCode.DEDICATED_UNIDENTIFIED)).isEqualTo(Money.eur("6000.00"));
		assertThat(portion(AccountCode.DEDICATED_CASH)).isEqualTo(Money.eur("6000.00"));
		mvc.perform(get(accountPage()).with(companyUser))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("6\u202F000,00\u00A0€")));
		mvc.perform(post("/ops/incoming-transfers").with(ops)
			.with(csrf())
			.param("accountId", accountId().toString())
			.param("amount", "-5")
			.param("valueDate", "2026-04-15")
			.param("payerName", "GAMMA")
			.param("payerIban", "FR00 1234")).andExpect(model().attributeHasFieldErrors("form", "amount", "payerIban"));
		mvc.perform(post("/ops/incoming-transfers").with(companyUser)
			.with(csrf())
			.param("accountId", accountId().toString())
			.param("amount", "5")
			.param("valueDate", "2026-04-15")
			.param("payerName", "GAMMA")
			.param("payerIban", "FR7630003012340005001234509")).andExpect(status().isForbidden());
		assertThat(portion(AccountCode.DEDICATED_UNIDENTIFIED)).isEqualTo(Money.eur("6000.00"));
	}

	@Test
	void theTransferIsAvailableAsAPain001File() throws Exception {
		fund("500.00");
		mvc.perform(withdrawal("123,45", UUID.randomUUID().toString())).andExpect(status().is3xxRedirection());
		UUID transfer = jdbc.sql("select id from outgoing_transfer where dedicated_account_id = ?")
			.param(accountId())
			.query(UUID.class)
			.single();
		String xml = mvc.perform(get("/ops/transfers/" + transfer + "/pain001").with(ops))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
		MxPain00100109 parsed = MxPain00100109.parse(xml);
		assertThat(parsed).isNotNull();
		var payment = parsed.getCstmrCdtTrfInitn().getPmtInf().get(0);
		assertThat(parsed.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum()).isEqualByComparingTo("123.45");
		assertThat(payment.getCdtTrfTxInf().get(0).getCdtrAcct().getId().getIBAN())
			.isEqualTo("FR7630003012340005001234509");
		assertThat(payment.getCdtTrfTxInf().get(0).getPmtId().getEndToEndId()).startsWith("CESSIO-W-");
		assertThat(payment.getDbtrAcct().getId().getIBAN()).contains("1799900001");
		mvc.perform(get("/ops/transfers/" + transfer + "/pain001").with(companyUser)).andExpect(status().isForbidden());
	}

	@Test
	void theMovementsExportIsACsvWithRunningBalances() throws Exception {
		fund("1000.00");
		mvc.perform(withdrawal("300", UUID.randomUUID().toString())).andExpect(status().is3xxRedirection());
		String csv = mvc.perform(get(accountPage() + "/movements.csv").with(companyUser))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines()).hasSize(3);
		assertThat(csv.lines().skip(1).toList().get(0)).endsWith(";-300,00;700,00");
		assertThat(csv.lines().skip(1).toList().get(1)).endsWith(";1000,00;1000,00");
	}

	@Test
	void movementsArePagedAndThePagerKeepsTheRestOfTheQuery() throws Exception {
		for (int i = 0; i < 26; i++) {
			fund("1.00");
		}
		mvc.perform(get(accountPage()).with(companyUser))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Page 1 sur 2")))
			.andExpect(content().string(Matchers.containsString("href=\"" + accountPage() + "?page=1\"")));
		var admin = user(users.loadUserByUsername(fixtures.aUser(Role.ADMIN)));
		mvc.perform(get(accountPage()).param("page", "1").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Page 2 sur 2")));
		String actor = "pager-" + UUID.randomUUID();
		for (int i = 0; i < 51; i++) {
			jdbc.sql("insert into audit_event (occurred_at, actor, action) values (now(), ?, 'PAGER_TEST')")
				.param(actor)
				.update();
		}
		mvc.perform(get("/admin/audit").param("actor", actor).with(admin))
			.andExpect(status().isOk())
			.andExpect(
					content().string(Matchers.containsString("href=\"/admin/audit?actor=" + actor + "&amp;page=1\"")));
	}

	private void fund(String amount) {
		ledger.post(PostingRules.payout(company.toString(), "TEST-FUND-" + UUID.randomUUID(), LocalDate.now(),
				Money.eur(amount)));
	}

	private void recordIncoming(String amount, String text) throws Exception {
		mvc.perform(post("/ops/incoming-transfers").with(ops)
			.with(csrf())
			.param("accountId", accountId().toString())
			.param("amount", amount)
			.param("valueDate", "2026-04-15")
			.param("payerName", "GAMMA SARL")
			.param("payerIban", "FR76 3000 3012 3400 0500 1234 509")
			.param("remittanceInfo", text)).andExpect(redirectedUrl("/ops/incoming-transfers"));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder withdrawal(String amount,
			String token) {
		return post(accountPage() + "/withdrawal").with(companyUser)
			.with(csrf())
			.param("amount", amount)
			.param("token", token);
	}

	private String accountPage() {
		return "/companies/" + company + "/dedicated-account";
	}

	private UUID accountId() {
		return jdbc.sql("select id from dedicated_account where company_id = ?")
			.param(company.value())
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	private Money portion(AccountCode code) {
		return ledger.currentBalance(AccountRef.of(code, company.toString()));
	}

}
