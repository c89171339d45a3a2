package io.cessio.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.cessio.CessioIntegrationTest;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.shared.Money;
import io.cessio.shared.Siren;

/**
 * Bad input through the pages: each refusal says what is wrong, in French, and stores
 * nothing.
 */
@CessioIntegrationTest
class InvoicePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	Client client;

	RequestPostProcessor companyUser;

	Siren debtorSiren;

	DebtorId debtor;

	@BeforeEach
	void aClientWithADebtor() {
		accounts.ensureFactor();
		client = fixtures.aClient(ContractTerms.standard());
		companyUser = user(users.loadUserByUsername(client.user()));
		debtorSiren = AccountFixtures.randomSiren();
		debtor = fixtures.anApprovedDebtor(client, "BETA SA", debtorSiren, Money.eur("50000.00"));
	}

	@Test
	void aSirenWithAWrongCheckDigitIsRefusedOnTheDebtorForm() throws Exception {
		mvc.perform(post("/companies/{id}/debtors", client.company().value()).with(companyUser)
			.with(csrf())
			.param("legalName", "GAMMA SARL")
			.param("siren", "403123459")
			.param("street", "3 place Bellecour")
			.param("postalCode", "69002")
			.param("city", "Lyon")
			.param("country", "FR")
			.param("email", "compta@gamma.example"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SIREN invalide : 9 chiffres avec une clé de Luhn correcte.")));

		assertThat(count("select count(*) from debtor where company_id = ?")).isEqualTo(1);
	}

	@Test
	void aDueDateBeforeTheIssueDateIsRefusedOnTheInvoiceForm() throws Exception {
		mvc.perform(post("/companies/{id}/invoices", client.company().value()).with(companyUser)
			.with(csrf())
			.param("debtorId", debtor.value().toString())
			.param("kind", "INVOICE")
			.param("number", "F-BAD")
			.param("issueDate", "27/02/2026")
			.param("dueDate", "20/02/2026")
			.param("amountExclVat", "1 000,00")
			.param("vatAmount", "200,00")
			.param("amountInclVat", "1 200,00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("L’échéance précède la date d’émission.")));

		assertThat(invoices()).isZero();
	}

	@Test
	void aCsvWithOneBadLineShowsTheReportAndStoresNothing() throws Exception {
		String csv = "numero;type;siren_debiteur;date_emission;date_echeance;montant_ht;montant_tva;montant_ttc\n"
				+ "F1;FACTURE;" + debtorSiren + ";27/02/2026;28/04/2026;100,00;20,00;120,00\n" + "F2;FACTURE;"
				+ debtorSiren + ";27/02/2026;28/04/2026;100,00;20,00;130,00\n";

		mvc.perform(multipart("/companies/{id}/invoices/import", client.company().value())
			.file(new MockMultipartFile("file", "factures.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(companyUser)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Fichier factures.csv refusé, rien n’a été enregistré : 1 erreur(s).")))
			.andExpect(content().string(containsString("HT + TVA ne fait pas le TTC.")))
			.andExpect(content().string(containsString("montant_ttc")));

		assertThat(invoices()).isZero();
	}

	@Test
	void anXmlWithAnExternalEntityIsRefusedWithoutBeingResolved() throws Exception {
		byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\">&e;"
				+ "</rsm:CrossIndustryInvoice>")
			.getBytes(StandardCharsets.UTF_8);

		mvc.perform(multipart("/companies/{id}/invoices/einvoice", client.company().value())
			.file(new MockMultipartFile("file", "facture.xml", "application/xml", xxe))
			.with(companyUser)
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("errorDetail",
					"Le fichier XML contient une déclaration DOCTYPE, refusée par sécurité."));

		assertThat(invoices()).isZero();
	}

	@Test
	void aPdfThatIsNotFacturXIsRefused() throws Exception {
		mvc.perform(multipart("/companies/{id}/invoices/einvoice", client.company().value())
			.file(new MockMultipartFile("file", "facture.pdf", "application/pdf", EInvoiceFixtures.plainPdf()))
			.with(companyUser)
			.with(csrf()))
			.andExpect(flash().attribute("errorDetail", "Ce PDF ne contient pas de facture Factur-X ou ZUGFeRD."));

		assertThat(invoices()).isZero();
	}

	@Test
	void anUploadOverTheLimitIsRefusedWithAClearMessage() throws Exception {
		InvoiceId invoice = fixtures.anInvoice(client, debtor, "F-DOCS", LocalDate.of(2026, 2, 27),
				LocalDate.of(2026, 4, 28), "1200.00");
		byte[] tooLarge = Arrays.copyOf(EInvoiceFixtures.plainPdf(), InvoiceAttachments.MAX_BYTES + 1);

		mvc.perform(multipart("/invoices/{id}/attachments", invoice.value())
			.file(new MockMultipartFile("file", "bon.pdf", "application/pdf", tooLarge))
			.with(companyUser)
			.with(csrf())).andExpect(flash().attribute("errorMessage", "invoices.attachment.tooLarge"));
		mvc.perform(multipart("/companies/{id}/invoices/einvoice", client.company().value())
			.file(new MockMultipartFile("file", "facture.pdf", "application/pdf", tooLarge))
			.with(companyUser)
			.with(csrf())).andExpect(flash().attribute("errorMessage", "invoices.einvoice.too_large"));

		assertThat(count("select count(*) from invoice_attachment where company_id = ?")).isZero();
		assertThat(invoices()).isEqualTo(1);
	}

	@Test
	void aSubmittedInvoiceCanNoLongerBeChangedOrDeleted() throws Exception {
		InvoiceId invoice = fixtures.anInvoice(client, debtor, "F-LOCKED", LocalDate.of(2026, 2, 27),
				LocalDate.of(2026, 4, 28), "1200.00");
		fixtures.submit(client, java.util.List.of(invoice));

		mvc.perform(post("/invoices/{id}/delete", invoice.value()).with(companyUser).with(csrf()))
			.andExpect(flash().attribute("errorMessage", "invoices.error.locked"));
		mvc.perform(post("/invoices/{id}", invoice.value()).with(companyUser)
			.with(csrf())
			.param("debtorId", debtor.value().toString())
			.param("kind", "INVOICE")
			.param("number", "F-LOCKED")
			.param("issueDate", "27/02/2026")
			.param("dueDate", "28/04/2026")
			.param("amountExclVat", "1")
			.param("vatAmount", "0")
			.param("amountInclVat", "1")).andExpect(flash().attribute("errorMessage", "invoices.error.locked"));

		assertThat(jdbc.sql("select amount_incl_vat from invoice where id = ?")
			.param(invoice.value())
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("1200.00");
	}

	@Test
	void theInvoicesPageOfALargeImportShowsTheOldestFiveHundredAndSaysHowManyThereAre() throws Exception {
		StringBuilder csv = new StringBuilder(
				"numero;type;siren_debiteur;date_emission;date_echeance;montant_ht;montant_tva;montant_ttc\n");
		for (int line = 0; line < 600; line++) {
			csv.append("L-")
				.append(line)
				.append(";FACTURE;")
				.append(debtorSiren)
				.append(";27/02/2026;28/04/2026;100,00;20,00;120,00\n");
		}
		mvc.perform(multipart("/companies/{id}/invoices/import", client.company().value())
			.file(new MockMultipartFile("file", "gros.csv", "text/csv",
					csv.toString().getBytes(StandardCharsets.UTF_8)))
			.with(companyUser)
			.with(csrf())).andExpect(status().is3xxRedirection());

		String page = mvc.perform(get("/companies/{id}/invoices", client.company().value()).with(companyUser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Les 500 plus anciennes sont affichées, sur 600 à remettre.")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.split("name=\"invoiceIds\"", -1)).hasSize(501);
	}

	@Test
	void theQuittanceIsAPdfOfTheRemittance() throws Exception {
		InvoiceId invoice = fixtures.anInvoice(client, debtor, "F-Q", LocalDate.of(2026, 2, 27),
				LocalDate.of(2026, 4, 28), "12000.00");
		RemittanceId remittance = fixtures.submit(client, java.util.List.of(invoice));

		byte[] pdf = mvc.perform(get("/remittances/{id}/quittance.pdf", remittance.value()).with(companyUser))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document)
				.replace('\u202F', ' ')
				.replace('\u00A0', ' ');
			assertThat(text).contains("F-Q", "12 000,00", debtorSiren.formatted(), "Bon pour subrogation");
		}
	}

	private long invoices() {
		return count("select count(*) from invoice where company_id = ?");
	}

	private long count(String sql) {
		return jdbc.sql(sql).param(client.company().value()).query(Long.class).single();
	}

}
