package io.cessio.invoices;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import io.cessio.Acting;
import io.cessio.companies.AccountFixtures;
import io.cessio.companies.CompanyId;
import io.cessio.companies.ContractTerms;
import io.cessio.debtors.Approval;
import io.cessio.debtors.DebtorDetails;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.platform.security.Role;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Siren;

/**
 * A company with a user, its debtors and invoices, for tests that go through the facades.
 * Every name and number is unique.
 */
@Component
public class InvoiceFixtures {

	private final AccountFixtures accounts;

	private final DebtorManagement debtors;

	private final InvoiceManagement invoices;

	private final RemittanceManagement remittances;

	private final Acting acting;

	InvoiceFixtures(AccountFixtures accounts, DebtorManagement debtors, InvoiceManagement invoices,
			RemittanceManagement remittances, UserDetailsService users) {
		this.accounts = accounts;
		this.debtors = debtors;
		this.invoices = invoices;
		this.remittances = remittances;
		this.acting = new Acting(users);
	}

	public Acting acting() {
		return acting;
	}

	/** A company on these terms, with one company user and one analyst. */
	public Client aClient(ContractTerms terms) {
		CompanyId company = accounts.aCompany(terms);
		return new Client(company, accounts.aUser(Role.COMPANY_USER, company), accounts.aUser(Role.ANALYST));
	}

	public String anAnalyst() {
		return accounts.aUser(Role.ANALYST);
	}

	/** A debtor of the client, approved up to {@code limit} until the end of 2030. */
	public DebtorId anApprovedDebtor(Client client, String name, Siren siren, Money limit) {
		DebtorId id = acting.as(client.user(), () -> debtors.register(client.company(), new DebtorDetails(name, siren,
				new PostalAddress("2 avenue du Client", "69003", "Lyon", "FR"), "compta@example.com")));
		acting.run(client.analyst(), () -> debtors.setApproval(id, new Approval(limit, LocalDate.of(2030, 12, 31))));
		return id;
	}

	public InvoiceId anInvoice(Client client, DebtorId debtor, String number, LocalDate issue, LocalDate due,
			String inclVat) {
		Money incl = Money.eur(inclVat);
		Money excl = Money
			.eur(incl.amount().divide(new java.math.BigDecimal("1.2"), 2, java.math.RoundingMode.HALF_UP));
		return acting.as(client.user(), () -> invoices.create(client.company(),
				new InvoiceDraft(debtor, InvoiceKind.INVOICE, number, issue, due, excl, incl.minus(excl), incl)));
	}

	public InvoiceId aCreditNote(Client client, DebtorId debtor, String number, LocalDate issue, String inclVat) {
		Money incl = Money.eur(inclVat);
		Money excl = Money
			.eur(incl.amount().divide(new java.math.BigDecimal("1.2"), 2, java.math.RoundingMode.HALF_UP));
		return acting.as(client.user(), () -> invoices.create(client.company(),
				new InvoiceDraft(debtor, InvoiceKind.CREDIT_NOTE, number, issue, issue, excl, incl.minus(excl), incl)));
	}

	public RemittanceId submit(Client client, List<InvoiceId> items) {
		return acting.as(client.user(), () -> remittances.submit(client.company(), items));
	}

	/** A client company, one of its users and an analyst. */
	public record Client(CompanyId company, String user, String analyst) {
	}

}
