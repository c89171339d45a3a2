package io.cessio.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.cessio.Acting;
import io.cessio.CessioIntegrationTest;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoiceFixtures.Client;
import io.cessio.shared.Money;
import io.cessio.shared.Siren;

/**
 * Invoice imports on real PostgreSQL: a CSV file is stored whole or not at all, with a
 * report line by line and field by field; e-invoices are read safely and matched to a
 * debtor by SIREN; documents are typed by their content.
 */
@CessioIntegrationTest
class InvoiceImportIntegrationTests {

	static final String HEADER = "numero;type;siren_debiteur;date_emission;date_echeance;montant_ht;montant_tva;montant_ttc\n";

	@Autowired
	InvoiceFixtures fixtures;

	@Autowired
	InvoiceImports imports;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	InvoiceAttachments attachments;

	@Autowired
	JdbcClient jdbc;

	Acting acting;

	Client client;

	Siren beta;

	Siren gamma;

	@BeforeEach
	void aClientWithTwoDebtors() {
		acting = fixtures.acting();
		client = fixtures.aClient(ContractTerms.standard());
		beta = AccountFixtures.randomSiren();
		gamma = AccountFixtures.randomSiren();
		fixtures.anApprovedDebtor(client, "BETA SA", beta, Money.eur("50000.00"));
		fixtures.anApprovedDebtor(client, "GAMMA SARL", gamma, Money.eur("50000.00"));
	}

	@Test
	void importsAWholeFileWithFrenchDecimalsAndDates() {
		String csv = HEADER + "F1;FACTURE;" + beta + ";27/02/2026;28/04/2026;10 000,00;2 000,00;12 000,00\n" + "F2;;"
				+ gamma + ";2026-02-28;2026-04-15;5000.00;1000.00;6000.00\n" + "AV1;AVOIR;" + beta
				+ ";01/03/2026;01/03/2026;100,00;20,00;120,00\n";

		ImportResult result = importCsv(csv.getBytes(StandardCharsets.UTF_8));

		assertThat(result.invoices()).isEqualTo(2);
		assertThat(result.creditNotes()).isEqualTo(1);
		assertThat(result.totalInvoices()).isEqualTo(Money.eur("18000.00"));
		assertThat(acting.as(client.user(), () -> invoices.openInvoices(client.company())))
			.extracting(InvoiceView::number)
			.containsExactlyInAnyOrder("F1", "F2", "AV1");
		assertThat(acting.as(client.user(), () -> invoices.openInvoices(client.company())))
			.allSatisfy(invoice -> assertThat(invoice.creditorReference().value()).startsWith("RF"));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'INVOICES_IMPORTED' and entity_id = ?")
			.param(result.importId().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void readsWindows1252AndCommaSeparatedFiles() {
		String csv = "Numéro,Type,SIREN débiteur,Date émission,Date échéance,Montant HT,Montant TVA,Montant TTC\r\n"
				+ "FÉV-1,Facture," + beta + ",27/02/2026,28/04/2026,\"1 000,00\",\"200,00\",\"1 200,00\"\r\n";

		ImportResult result = importCsv(csv.getBytes(Charset.forName("windows-1252")));

		assertThat(result.invoices()).isEqualTo(1);
		assertThat(acting.as(client.user(), () -> invoices.openInvoices(client.company()))).singleElement()
			.satisfies(invoice -> assertThat(invoice.number()).isEqualTo("FÉV-1"));
	}

	@Test
	void aFileWithOneBadLineStoresNothingAndSaysWhichLineAndField() {
		String csv = HEADER + "F1;FACTURE;" + beta + ";27/02/2026;28/04/2026;100,00;20,00;120,00\n" + "F2;FACTURE;"
				+ gamma + ";30/02/2026;28/04/2026;100,00;20,00;120,00\n" + "F3;FACTURE;" + beta
				+ ";27/02/2026;28/04/2026;100,00;20,00;120,00\n";

		ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
				() -> importCsv(csv.getBytes(StandardCharsets.UTF_8)));

		assertThat(rejected.errors()).singleElement().satisfies(error -> {
			assertThat(error.line()).isEqualTo(3);
			assertThat(error.column()).isEqualTo("date_emission");
			assertThat(error.messageKey()).isEqualTo("invoices.import.error.date");
			assertThat(error.value()).isEqualTo("30/02/2026");
		});
		assertThat(invoiceCount()).isZero();
	}

	@Test
	void reportsEveryKindOfBadCellAtOnce() {
		String csv = HEADER + "F1;FACTURE;123456789;27/02/2026;28/04/2026;100,00;20,00;120,00\n" // bad
																									// check
																									// digit
				+ "F2;FACTURE;" + AccountFixtures.randomSiren() + ";27/02/2026;28/04/2026;100,00;20,00;120,00\n"
				+ "F3;FACTURE;" + beta + ";27/02/2026;20/02/2026;100,00;20,00;120,00\n" // due
																						// before
																						// issue
				+ "F4;FACTURE;" + beta + ";27/02/2026;28/04/2026;100,00;20,00;130,00\n" // totals
				+ "F5;FACTURE;" + beta + ";27/02/2026;28/04/2026;1e309;20,00;120,00\n" + "F6;FACTURE;" + beta
				+ ";27/02/2026;28/04/2026;100,001;20,00;120,00\n" + "F7;DEVIS;" + beta
				+ ";27/02/2026;28/04/2026;100,00;20,00;120,00\n" + "F1;FACTURE;" + gamma
				+ ";27/02/2026;28/04/2026;-100,00;20,00;120,00\n";

		ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
				() -> importCsv(csv.getBytes(StandardCharsets.UTF_8)));

		assertThat(rejected.errors())
			.extracting(error -> error.line() + " " + error.column() + " " + error.messageKey())
			.containsExactly("2 siren_debiteur invoices.import.error.siren",
					"3 siren_debiteur invoices.import.error.unknownDebtor",
					"4 date_echeance invoices.error.dueBeforeIssue", "5 montant_ttc invoices.error.totals",
					"6 montant_ht invoices.import.error.amount", "7 montant_ht invoices.import.error.amount",
					"8 type invoices.import.error.kind", "9 montant_ht invoices.error.negative");
		assertThat(invoiceCount()).isZero();
	}

	@Test
	void refusesDuplicatesWithinTheFileAndAgainstWhatIsRegistered() {
		DebtorId betaId = fixtures.anApprovedDebtor(client, "BETA BIS", AccountFixtures.randomSiren(),
				Money.eur("100.00"));
		fixtures.anInvoice(client, betaId, "EXISTING", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), "120.00");
		String betaBis = jdbc.sql("select siren from debtor where id = ?")
			.param(betaId.value())
			.query(String.class)
			.single();
		String csv = HEADER + "D1;FACTURE;" + beta + ";27/02/2026;28/04/2026;100,00;20,00;120,00\n" + "D1;FACTURE;"
				+ beta + ";27/02/2026;28/04/2026;100,00;20,00;120,00\n" + "EXISTING;FACTURE;" + betaBis
				+ ";01/02/2026;01/03/2026;100,00;20,00;120,00\n";

		ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
				() -> importCsv(csv.getBytes(StandardCharsets.UTF_8)));

		assertThat(rejected.errors()).extracting(error -> error.line() + " " + error.messageKey())
			.containsExactlyInAnyOrder("3 invoices.import.error.duplicateInFile",
					"4 invoices.import.error.alreadyRegistered");
		assertThat(invoiceCount()).isEqualTo(1);
	}

	@Test
	void refusesAFileWithoutTheRequiredColumns() {
		ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
				() -> importCsv("numero;montant\nF1;12\n".getBytes(StandardCharsets.UTF_8)));

		assertThat(rejected.errors()).extracting(ImportError::messageKey)
			.containsOnly("invoices.import.error.missingColumn")
			.hasSize(6);
		assertThat(catchThrowableOfType(ImportRejected.class, () -> importCsv(new byte[0])).errors())
			.extracting(ImportError::messageKey)
			.containsExactly("invoices.import.error.empty");
	}

	@Test
	void importsAFacturXInvoiceAndMatchesTheBuyerBySiren() {
		byte[] pdf = EInvoiceFixtures.facturX(EInvoiceFixtures.anInvoice(clientSiren(), beta.value(), "FX-1"));

		InvoiceId id = acting.as(client.user(), () -> imports.importEInvoice(client.company(), pdf));

		InvoiceView invoice = acting.as(client.user(), () -> invoices.find(id));
		assertThat(invoice.number()).isEqualTo("FX-1");
		assertThat(invoice.source()).isEqualTo(InvoiceSource.EINVOICE);
		assertThat(invoice.amountInclVat()).isEqualTo(Money.eur("2400.00"));
		assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 4, 30));
		assertThatThrownBy(() -> acting.run(client.user(), () -> imports.importEInvoice(client.company(), pdf)))
			.isInstanceOf(DuplicateInvoice.class);
		byte[] sameAsCii = EInvoiceFixtures.cii(EInvoiceFixtures.anInvoice(clientSiren(), beta.value(), "FX-1"));
		assertThatThrownBy(() -> acting.run(client.user(), () -> imports.importEInvoice(client.company(), sameAsCii)))
			.as("the same invoice in another format is the same e-invoice")
			.isInstanceOf(DuplicateInvoice.class);
	}

	@Test
	void offersToRegisterAnUnknownBuyerAndRefusesAnotherSellersInvoice() {
		String stranger = AccountFixtures.randomSiren().value();
		byte[] unknownBuyer = EInvoiceFixtures.cii(EInvoiceFixtures.anInvoice(clientSiren(), stranger, "FX-2"));
		UnknownBuyer unknown = catchThrowableOfType(UnknownBuyer.class,
				() -> acting.run(client.user(), () -> imports.importEInvoice(client.company(), unknownBuyer)));
		assertThat(unknown.invoice().buyerSiren()).isEqualTo(stranger);

		byte[] otherSeller = EInvoiceFixtures
			.cii(EInvoiceFixtures.anInvoice(AccountFixtures.randomSiren().value(), beta.value(), "FX-3"));
		assertThatThrownBy(() -> acting.run(client.user(), () -> imports.importEInvoice(client.company(), otherSeller)))
			.isInstanceOf(EInvoiceRefused.class);
		assertThat(invoiceCount()).isZero();
	}

	@Test
	void refusesAnXmlWithADoctypeWithoutResolvingItAndAPdfThatIsNotFacturX() {
		byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\">&e;"
				+ "</rsm:CrossIndustryInvoice>")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(catchThrowableOfType(EInvoiceRejected.class,
				() -> acting.run(client.user(), () -> imports.importEInvoice(client.company(), xxe)))
			.reason()).isEqualTo(EInvoiceRejected.Reason.DOCTYPE_FORBIDDEN);
		assertThat(catchThrowableOfType(EInvoiceRejected.class,
				() -> acting.run(client.user(),
						() -> imports.importEInvoice(client.company(), EInvoiceFixtures.plainPdf())))
			.reason()).isEqualTo(EInvoiceRejected.Reason.NOT_FACTUR_X);
		assertThat(invoiceCount()).isZero();
	}

	@Test
	void attachesDocumentsTypedByContentUpToTenMegabytes() {
		DebtorId debtor = fixtures.anApprovedDebtor(client, "DELTA", AccountFixtures.randomSiren(),
				Money.eur("100.00"));
		InvoiceId invoice = fixtures.anInvoice(client, debtor, "WITH-DOCS", LocalDate.of(2026, 2, 1),
				LocalDate.of(2026, 3, 1), "120.00");
		byte[] pdf = EInvoiceFixtures.plainPdf();

		acting.run(client.user(), () -> attachments.attach(invoice, "../../bon de livraison.pdf", pdf));
		assertThat(acting.as(client.user(), () -> attachments.listOf(invoice))).singleElement().satisfies(doc -> {
			assertThat(doc.fileName()).isEqualTo("bon de livraison.pdf");
			assertThat(doc.contentType()).isEqualTo("application/pdf");
		});

		byte[] tooLarge = Arrays.copyOf(pdf, InvoiceAttachments.MAX_BYTES + 1);
		assertThat(catchThrowableOfType(AttachmentRefused.class,
				() -> acting.run(client.user(), () -> attachments.attach(invoice, "big.pdf", tooLarge)))
			.messageKey()).isEqualTo("invoices.attachment.tooLarge");
		byte[] script = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		assertThat(catchThrowableOfType(AttachmentRefused.class,
				() -> acting.run(client.user(), () -> attachments.attach(invoice, "looks-like.pdf", script)))
			.messageKey()).isEqualTo("invoices.attachment.type");
		assertThat(acting.as(client.user(), () -> attachments.listOf(invoice))).hasSize(1);
	}

	private ImportResult importCsv(byte[] content) {
		return acting.as(client.user(),
				() -> imports.importCsv(client.company(), new ByteArrayResource(content), "factures.csv"));
	}

	private long invoiceCount() {
		return jdbc.sql("select count(*) from invoice where company_id = ?")
			.param(client.company().value())
			.query(Long.class)
			.single();
	}

	private String clientSiren() {
		return jdbc.sql("select siren from company where id = ?")
			.param(client.company().value())
			.query(String.class)
			.single();
	}

}
