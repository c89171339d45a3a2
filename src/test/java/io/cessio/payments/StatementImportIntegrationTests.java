package io.cessio.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.cessio.Acting;
import io.cessio.CessioIntegrationTest;
import io.cessio.banking.DedicatedAccountFixtures;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.banking.StatementFiles;
import io.cessio.banking.StatementRejected;
import io.cessio.companies.AccountFixtures;
import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoiceFixtures;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.ledger.Ledger;
import io.cessio.platform.security.Role;
import io.cessio.shared.Money;
import io.cessio.shared.Siren;

/**
 * Statement imports through the application: a file or an entry imported twice creates
 * nothing new; a refused file — unknown account, malformed, wrong namespace, unbalanced,
 * XXE, too large, a bad CFONB amount sign — imports nothing and says why; a payment of an
 * invoice never assigned goes to the company; what stays in suspense is allocated or
 * returned by a person, and the payer's IBAN is learned.
 */
@CessioIntegrationTest
class StatementImportIntegrationTests {

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	Statements statements;

	@Autowired
	SuspenseQueue suspense;

	@Autowired
	DedicatedAccounts dedicatedAccounts;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	io.cessio.approval.ApprovalDesk desk;

	@Autowired
	UserDetailsService users;

	Acting acting;

	String ops;

	Client client;

	String iban;

	@BeforeEach
	void aClientWithADedicatedAccount() {
		acting = fixtures.acting();
		accounts.ensureFactor();
		ops = accounts.aUser(Role.OPS);
		client = fixtures.aClient(CollectionsReferenceScenarioTests.referenceTerms());
		DedicatedAccountFixtures.awaitDedicatedAccount(jdbc, client.company());
		iban = acting.as(ops, () -> dedicatedAccounts.of(client.company())).iban().value();
	}

	@Test
	void theSameFileImportedTwiceCreatesNothingNew() {
		byte[] file = StatementFiles.camt053v08("MSG-TWICE-" + UUID.randomUUID(),
				StatementFiles.aStatement(iban)
					.opening("0.00", LocalDate.now())
					.credit(StatementFiles.credit("150.00").payer("INCONNU", null).remittance("VIREMENT 1"))
					.credit(StatementFiles.credit("250.00").payer("INCONNU", null).remittance("VIREMENT 2")));
		ImportOutcome first = importFile("twice.xml", file);
		Map<String, Object> before = snapshot();
		ImportOutcome second = importFile("twice-again.xml", file);

		assertThat(first.imported().receipts()).isEqualTo(2);
		assertThat(second.imported().alreadyImported()).isTrue();
		assertThat(second.imported().importId()).isEqualTo(first.imported().importId());
		Map<String, Object> after = snapshot();
		assertThat(after).isEqualTo(before);
		assertThat(cash()).isEqualTo(Money.eur("400.00"));
		System.out.printf("R3 same camt.053 twice: attempted=2, ok=1, duplicated=%d%n",
				(long) after.get("entries") - (long) before.get("entries"));
	}

	@Test
	void anEntryInTwoOverlappingStatementsIsImportedOnce() {
		StatementFiles.Movement shared = StatementFiles.credit("300.00")
			.bankReference("OVERLAP-" + UUID.randomUUID())
			.payer("INCONNU", null)
			.remittance("VIREMENT");
		importFile("day.xml", StatementFiles.camt053v08("MSG-A-" + UUID.randomUUID(),
				StatementFiles.aStatement(iban).opening("0.00", LocalDate.now()).credit(shared)));
		ImportOutcome overlapping = importFile("day-and-more.xml",
				StatementFiles.camt053v08("MSG-B-" + UUID.randomUUID(),
						StatementFiles.aStatement(iban)
							.opening("0.00", LocalDate.now())
							.credit(shared)
							.credit(StatementFiles.credit("20.00").payer("INCONNU", null).remittance("AUTRE"))));

		assertThat(overlapping.imported().entries()).isEqualTo(2);
		assertThat(overlapping.imported().newEntries()).isEqualTo(1);
		assertThat(cash()).isEqualTo(Money.eur("320.00"));
	}

	@Test
	void aFileWithAnUnknownAccountImportsNothing() {
		Map<String, Object> before = snapshot();
		byte[] file = StatementFiles.camt053v08("MSG-UNKNOWN-" + UUID.randomUUID(),
				StatementFiles.aStatement(iban)
					.opening("0.00", LocalDate.now())
					.credit(StatementFiles.credit("10.00").payer("A", null)),
				StatementFiles.aStatement("FR7630006000011234567890189")
					.opening("0.00", LocalDate.now())
					.credit(StatementFiles.credit("20.00").payer("B", null)));

		assertThatThrownBy(() -> importFile("unknown.xml", file)).isInstanceOfSatisfying(StatementRejected.class,
				rejected -> assertThat(rejected.reason()).isEqualTo(StatementRejected.Reason.UNKNOWN_ACCOUNT));
		assertThat(snapshot()).isEqualTo(before);
		assertThat(cash()).isEqualTo(Money.eur("0.00"));
	}

	@Test
	void everyKindOfBadFileIsRefusedWithItsReasonAndImportsNothing() {
		String valid = StatementFiles.aStatement(iban)
			.opening("0.00", LocalDate.now())
			.credit(StatementFiles.credit("10.00").payer("A", null))
			.camt053v08Text();
		String bank = iban.substring(4, 9);
		String branch = iban.substring(9, 14);
		String number = iban.substring(14, 25);
		String cfonb = new String(StatementFiles.aStatement(bank, branch, number)
			.opening("0.00", LocalDate.now())
			.credit(StatementFiles.credit("10.00").payer("A", null))
			.cfonb120(), StandardCharsets.ISO_8859_1);
		String badSign = cfonb.lines()
			.map(line -> line.startsWith("04") ? line.substring(0, 103) + "X" + line.substring(104) : line)
			.reduce((a, b) -> a + "\n" + b)
			.orElseThrow() + "\n";
		Map<String, byte[]> files = Map.of("malformed", valid.substring(0, valid.length() / 2).getBytes(),
				"wrong namespace", valid.replace("camt.053.001.08", "camt.052.001.08").getBytes(), "unbalanced",
				valid.replaceFirst("<Amt Ccy=\"EUR\">10.00</Amt>", "<Amt Ccy=\"EUR\">11.00</Amt>").getBytes(), "xxe",
				("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
						+ valid.substring(valid.indexOf("<Document")))
					.getBytes(),
				"too large", new byte[52_428_801], "cfonb bad sign", badSign.getBytes(StandardCharsets.ISO_8859_1));
		Map<String, StatementRejected.Reason> expected = Map.of("malformed", StatementRejected.Reason.MALFORMED_XML,
				"wrong namespace", StatementRejected.Reason.WRONG_NAMESPACE, "unbalanced",
				StatementRejected.Reason.UNBALANCED, "xxe", StatementRejected.Reason.DOCTYPE_FORBIDDEN, "too large",
				StatementRejected.Reason.TOO_LARGE, "cfonb bad sign", StatementRejected.Reason.BAD_AMOUNT);
		Map<String, Object> before = snapshot();
		int rejected = 0;
		for (var file : files.entrySet()) {
			assertThatThrownBy(() -> importFile(file.getKey(), file.getValue())).as(file.getKey())
				.isInstanceOfSatisfying(StatementRejected.class,
						refusal -> assertThat(refusal.reason()).isEqualTo(expected.get(file.getKey())));
			rejected++;
		}
		assertThat(snapshot()).isEqualTo(before);
		System.out.printf("R5 bad statements: attempted=%d, rejected_cleanly=%d, partial_imports=0%n", files.size(),
				rejected);
	}

	@Test
	void theStatementsPageSaysWhyAFileIsRefused() throws Exception {
		String valid = StatementFiles.aStatement(iban)
			.opening("0.00", LocalDate.now())
			.credit(StatementFiles.credit("10.00").payer("A", null))
			.camt053v08Text();
		MvcResult result = mvc.perform(multipart("/ops/statements")
			.file(new MockMultipartFile("file", "xxe.xml", "application/xml",
					("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"http://127.0.0.1:9/\">]>"
							+ valid.substring(valid.indexOf("<Document")))
						.getBytes()))
			.with(user(users.loadUserByUsername(ops)))
			.with(csrf())).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/ops/statements");
		assertThat(String.valueOf(result.getFlashMap().get("errorDetail"))).contains("DOCTYPE")
			.contains("Aucun mouvement n'a été importé");
	}

	@Test
	void aPaymentOfAnInvoiceNeverAssignedGoesToTheCompany() {
		DebtorId debtor = fixtures.anApprovedDebtor(client, "OMEGA SAS", AccountFixtures.randomSiren(),
				Money.eur("10000.00"));
		fixtures.anInvoice(client, debtor, "NA-1", LocalDate.now().minusDays(10), LocalDate.now().plusDays(20),
				"480.00");
		importFile("non-assigned.xml",
				StatementFiles.camt053v08("MSG-NA-" + UUID.randomUUID(), StatementFiles.aStatement(iban)
					.opening("0.00", LocalDate.now())
					.credit(StatementFiles.credit("480.00").payer("OMEGA SAS", null).remittance("FACTURE NA-1"))));

		var balance = acting.as(client.user(), () -> dedicatedAccounts.balance(client.company()));
		assertThat(balance.companyAvailable()).isEqualTo(Money.eur("480.00"));
		assertThat(balance.factorCollections()).isEqualTo(Money.eur("0.00"));
		assertThat(balance.unidentified()).isEqualTo(Money.eur("0.00"));
	}

	@Test
	void referredDocumentsPrintedWithASpaceAreEachReadWhole() {
		DebtorId debtor = fixtures.anApprovedDebtor(client, "KAPPA SAS", AccountFixtures.randomSiren(),
				Money.eur("10000.00"));
		fixtures.anInvoice(client, debtor, "FA2026-000042", LocalDate.now().minusDays(10), LocalDate.now().plusDays(20),
				"100.00");
		fixtures.anInvoice(client, debtor, "FA2026-000043", LocalDate.now().minusDays(10), LocalDate.now().plusDays(20),
				"250.00");
		importFile("documents.xml",
				StatementFiles.camt053v08("MSG-DOCS-" + UUID.randomUUID(),
						StatementFiles.aStatement(iban)
							.opening("0.00", LocalDate.now())
							.credit(StatementFiles.credit("350.00")
								.payer("SOCIETE INCONNUE", null)
								.referredDocuments(List.of("FA 2026-000042", "FA2026 000043")))));

		assertThat(jdbc.sql("""
				select a.pass from allocation a join statement_entry e on e.id = a.statement_entry_id
				where e.company_id = ? order by a.amount""").param(client.company().value()).query(String.class).list())
			.containsExactly("INVOICE_NUMBER", "INVOICE_NUMBER");
		var balance = acting.as(client.user(), () -> dedicatedAccounts.balance(client.company()));
		assertThat(balance.companyAvailable()).isEqualTo(Money.eur("350.00"));
		assertThat(balance.unidentified()).isEqualTo(Money.eur("0.00"));
	}

	@Test
	void aPersonAllocatesWhatStaysInSuspenseAndTheMatcherLearnsThePayersIban() {
		DebtorId debtor = fixtures.anApprovedDebtor(client, "SIGMA SARL", Siren.of("403123458"), Money.eur("50000.00"));
		InvoiceId first = fixtures.anInvoice(client, debtor, "S-1", LocalDate.now().minusDays(5),
				LocalDate.now().plusDays(40), "1000.00");
		InvoiceId second = fixtures.anInvoice(client, debtor, "S-2", LocalDate.now().minusDays(5),
				LocalDate.now().plusDays(41), "700.00");
		var remittance = fixtures.submit(client, List.of(first, second));
		purchase(remittance);
		String payerIban = "FR7630004000031234567890143";
		importFile("unknown-payer.xml",
				StatementFiles.camt053v08("MSG-S1-" + UUID.randomUUID(),
						StatementFiles.aStatement(iban)
							.opening(cash().amount().toPlainString(), LocalDate.now())
							.credit(StatementFiles.credit("1700.00").payer("SGM", payerIban).remittance("PAIEMENT"))));
		SuspenseItem item = acting.as(client.user(), () -> suspense.of(client.company())).get(0);
		assertThat(item.unallocated()).isEqualTo(Money.eur("1700.00"));

		acting.run(client.user(), () -> suspense.allocate(item.entryId(), item.version(), List
			.of(new ManualAllocation(first, Money.eur("1000.00")), new ManualAllocation(second, Money.eur("700.00")))));

		assertThat(acting.as(client.user(), () -> suspense.of(client.company()))).isEmpty();
		assertThat(acting.as(client.user(), () -> invoices.find(first)).openAmount()).isEqualTo(Money.eur("0.00"));
		assertThat(acting.as(client.user(), () -> invoices.find(second)).openAmount()).isEqualTo(Money.eur("0.00"));
		assertThat(jdbc.sql("select count(*) from debtor_known_iban where debtor_id = ? and iban = ?")
			.params(debtor.value(), payerIban)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the next payment from that account is recognised: the debtor's only invoice of
		// that amount
		InvoiceId third = fixtures.anInvoice(client, debtor, "S-3", LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(45), "333.00");
		var later = fixtures.submit(client, List.of(third));
		purchase(later);
		ImportOutcome next = importFile("known-payer.xml",
				StatementFiles.camt053v08("MSG-S2-" + UUID.randomUUID(),
						StatementFiles.aStatement(iban)
							.opening(cash().amount().toPlainString(), LocalDate.now())
							.credit(StatementFiles.credit("333.00").payer("SGM", payerIban).remittance("PAIEMENT"))));
		assertThat(next.matched().matched()).isEqualTo(1);
		assertThat(acting.as(client.user(), () -> invoices.find(third)).openAmount()).isEqualTo(Money.eur("0.00"));
	}

	@Test
	void aReceiptReturnedToTheCompanyBecomesAvailableToIt() {
		importFile("return.xml", StatementFiles.camt053v08("MSG-R-" + UUID.randomUUID(), StatementFiles.aStatement(iban)
			.opening("0.00", LocalDate.now())
			.credit(StatementFiles.credit("90.00").payer("REMBOURSEMENT ASSURANCE", null).remittance("SINISTRE"))));
		SuspenseItem item = acting.as(client.user(), () -> suspense.of(client.company())).get(0);

		acting.run(ops, () -> suspense.returnToCompany(item.entryId(), item.version(),
				"indemnité d'assurance, pas une facture"));

		assertThat(acting.as(client.user(), () -> dedicatedAccounts.balance(client.company())).companyAvailable())
			.isEqualTo(Money.eur("90.00"));
		assertThat(jdbc.sql("select state from statement_entry where id = ?")
			.param(item.entryId())
			.query(String.class)
			.single()).isEqualTo("RETURNED");
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'RECEIPT_RETURNED_TO_COMPANY' and entity_id = ?")
			.param(item.entryId().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private void purchase(io.cessio.invoices.RemittanceId remittance) {
		acting.run(client.analyst(), () -> {
			desk.approveAllEligible(remittance);
			desk.complete(remittance);
		});
	}

	private ImportOutcome importFile(String name, byte[] content) {
		return acting.as(ops, () -> statements.importFile(name, content, ImportSource.UPLOAD));
	}

	private Money cash() {
		return acting.as(client.user(), () -> dedicatedAccounts.balance(client.company())).total();
	}

	private Map<String, Object> snapshot() {
		return jdbc.sql("""
				select (select count(*) from statement_import) as imports,
				       (select count(*) from statement_entry) as entries,
				       (select count(*) from allocation) as allocations,
				       (select count(*) from journal_entry) as journal_entries""").query().singleRow();
	}

}
