package io.cessio.invoices;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.banking.DedicatedAccountView;
import io.cessio.banking.DedicatedAccounts;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyView;
import io.cessio.companies.FactorDetails;
import io.cessio.companies.FactorManagement;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.platform.security.CurrentUser;

/**
 * The documents of a remittance, made from what is stored: the quittance subrogative
 * (DOMAIN.md §4.2) and each debtor's notification letter (§4.4) with the dedicated
 * account's IBAN, and the subrogation mention printed on every invoice (§4.3).
 */
@Service
@Transactional(readOnly = true)
public class RemittanceDocuments {

	private final RemittanceManagement remittances;

	private final CompanyManagement companies;

	private final FactorManagement factor;

	private final DebtorManagement debtors;

	private final DedicatedAccounts dedicatedAccounts;

	private final InvoiceDocuments documents;

	private final CurrentUser currentUser;

	private final Clock clock;

	RemittanceDocuments(RemittanceManagement remittances, CompanyManagement companies, FactorManagement factor,
			DebtorManagement debtors, DedicatedAccounts dedicatedAccounts, InvoiceDocuments documents,
			CurrentUser currentUser, Clock clock) {
		this.remittances = remittances;
		this.companies = companies;
		this.factor = factor;
		this.debtors = debtors;
		this.dedicatedAccounts = dedicatedAccounts;
		this.documents = documents;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** The contract's reference as printed on documents. */
	public static String contractReference(CompanyView company) {
		return "AFF-" + company.details().siren().value();
	}

	/** The quittance subrogative of the remittance, as a PDF. */
	@PreAuthorize("isAuthenticated()")
	public byte[] subrogationReceipt(RemittanceId id) {
		RemittanceView remittance = remittances.find(id);
		List<InvoiceView> items = remittances.itemsOf(id);
		CompanyView company = companies.find(remittance.companyId());
		Map<DebtorId, DebtorView> debtorViews = debtors
			.findAll(items.stream().map(InvoiceView::debtorId).collect(Collectors.toSet()));
		List<SubrogationReceiptDocument.Line> lines = items.stream().map(item -> {
			DebtorView debtor = debtorViews.get(item.debtorId());
			return new SubrogationReceiptDocument.Line(item.number(), item.isCreditNote(), debtor.legalName(),
					debtor.details().siren(), item.issueDate(), item.dueDate(), item.amountInclVat(),
					item.creditorReference().value());
		}).toList();
		return documents
			.subrogationReceipt(new SubrogationReceiptDocument(remittance.number(), remittance.submittedAt(),
					remittance.purchasedOn(), party(company), party(factorDetails()), contractReference(company), lines,
					remittance.totalInvoices(), remittance.totalCreditNotes(), remittance.controlTotal()));
	}

	/**
	 * The debtor's notification letter, as a PDF. When the company's own user takes it,
	 * the debtor counts as notified from then on.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public byte[] notificationLetter(DebtorId id) {
		DebtorView debtor = debtors.find(id);
		CompanyView company = companies.find(debtor.companyId());
		DedicatedAccountView account = dedicatedAccounts.of(company.id());
		byte[] pdf = documents.notificationLetter(
				new NotificationLetterDocument(LocalDate.now(clock), party(company), party(factorDetails()),
						new Party(debtor.legalName(), debtor.details().siren(), debtor.details().address()),
						account.iban(), account.bic(), company.legalName(), contractReference(company)));
		if (currentUser.get().map(user -> !user.role().isFactorStaff()).orElse(false)) {
			debtors.markNotified(id);
		}
		return pdf;
	}

	/** The mention every assigned invoice of the company must carry (DOMAIN.md §4.3). */
	@PreAuthorize("isAuthenticated()")
	public String subrogationMention(CompanyId companyId) {
		CompanyView company = companies.find(companyId);
		DedicatedAccountView account = dedicatedAccounts.of(companyId);
		return InvoiceDocuments.subrogationMention(factorDetails().legalName(), account.iban(), account.bic(),
				contractReference(company));
	}

	private FactorDetails factorDetails() {
		return factor.details().orElseThrow(() -> new IllegalStateException("The factor's identity is not set up"));
	}

	private static Party party(CompanyView company) {
		return new Party(company.legalName(), company.details().siren(), company.details().address());
	}

	private static Party party(FactorDetails factor) {
		return new Party(factor.legalName(), factor.siren(), factor.address());
	}

}
