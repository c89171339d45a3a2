package io.cessio.payments;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.cessio.companies.CompanyId;
import io.cessio.invoices.InvoiceFixtures.Client;

/** Receipts on a company's dedicated account, for tests of other packages. */
@Component
public class PaymentFixtures {

	private final StatementScenario statements;

	private final JdbcClient jdbc;

	PaymentFixtures(StatementScenario statements, JdbcClient jdbc) {
		this.statements = statements;
		this.jdbc = jdbc;
	}

	/**
	 * A receipt nobody can identify (unknown payer, no reference), left in suspense;
	 * returns its id.
	 */
	public UUID aReceiptInSuspense(String ops, CompanyId company, String amount) {
		String text = "VIREMENT " + UUID.randomUUID();
		statements.importStatement(ops, new Client(company, "", ""), LocalDate.now(),
				StatementScenario.receipt(amount, LocalDate.now(), "INCONNU " + UUID.randomUUID(), text));
		return jdbc.sql("select id from statement_entry where company_id = ? and remittance_text = ?")
			.params(company.value(), text)
			.query(UUID.class)
			.single();
	}

}
