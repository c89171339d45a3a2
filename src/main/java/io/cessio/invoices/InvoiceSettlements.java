package io.cessio.invoices;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.debtors.DebtorId;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.CreditorReference;
import io.cessio.shared.Money;

/**
 * What remains open on each purchased invoice: payments matched by the lettrage and
 * credit notes set against invoices are appended as settlements and lower the open
 * amount; an invoice with nothing open is settled, and an open dispute on it ends by
 * payment. Written with SQL in batches: the lettrage settles thousands at a time.
 */
@Service
@Transactional
public class InvoiceSettlements {

	private static final int MATCHING_FETCH_SIZE = 5_000;

	private final CompanyManagement companies;

	private final Disputes disputes;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	InvoiceSettlements(CompanyManagement companies, Disputes disputes, AuditTrail auditTrail, CurrentUser currentUser,
			JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
		this.companies = companies;
		this.disputes = disputes;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	/**
	 * The invoices the company's debtors may be paying: purchased ones with something
	 * open, and the company's invoices never assigned (entered, or rejected by the
	 * factor). Credit notes are not paid, so they are not listed.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<OpenInvoice> openForMatching(CompanyId companyId) {
		companies.find(companyId);
		List<OpenInvoice> open = new ArrayList<>();
		// tens of thousands of rows: fetched in batches rather than all held by the
		// driver at
		// once, and read by position
		jdbcTemplate.query(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					select id, debtor_id, number, creditor_reference, open_amount, issue_date, due_date, status
					from invoice
					where company_id = ? and kind = 'INVOICE' and open_amount > 0
					  and status in ('PURCHASED', 'OPEN', 'REJECTED')
					order by due_date, number""");
			statement.setFetchSize(MATCHING_FETCH_SIZE);
			statement.setObject(1, companyId.value());
			return statement;
		}, (ResultSet rs) -> {
			open.add(new OpenInvoice(new InvoiceId(rs.getObject(1, UUID.class)),
					new DebtorId(rs.getObject(2, UUID.class)), rs.getString(3), new CreditorReference(rs.getString(4)),
					Money.eur(rs.getBigDecimal(5)), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
					"PURCHASED".equals(rs.getString(8))));
		});
		return open;
	}

	/**
	 * Sets the payments against the company's purchased invoices, each once per source
	 * key (a replayed key changes nothing), and ends the open dispute of every invoice
	 * they settle in full.
	 * @throws SettlementRefused if an invoice is not the company's purchased invoice or a
	 * payment exceeds its open amount; nothing is settled then
	 */
	@PreAuthorize("isAuthenticated()")
	public void settlePayments(CompanyId companyId, List<PaymentSettlement> payments) {
		companies.find(companyId);
		if (payments.isEmpty()) {
			return;
		}
		String actor = currentUser.actorName();
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = payments.stream()
			.map(payment -> new Object[] { UUID.randomUUID(), payment.invoiceId().value(), companyId.value(),
					payment.amount().amount(), Date.valueOf(payment.valueDate()), payment.sourceRef(), now, actor })
			.toList();
		int[] inserted = jdbcTemplate.batchUpdate("""
				insert into invoice_settlement (id, invoice_id, company_id, kind, amount, value_date, source_ref,
				  recorded_at, recorded_by)
				values (?, ?, ?, 'PAYMENT', ?, ?, ?, ?, ?) on conflict (invoice_id, source_ref) do nothing""", rows);
		List<PaymentSettlement> fresh = new ArrayList<>();
		for (int i = 0; i < inserted.length; i++) {
			if (inserted[i] != 0) {
				fresh.add(payments.get(i));
			}
		}
		lowerOpenAmounts(companyId, fresh);
		List<InvoiceId> settled = fresh.stream().map(PaymentSettlement::invoiceId).distinct().toList();
		disputes.endByPaymentOnceSettled(settled);
	}

	/**
	 * A purchased credit note of the same debtor is set against a purchased invoice for
	 * {@code amount}: both open amounts fall (no money moves; the credit note's purchase
	 * already reduced the receivables).
	 */
	void setCreditNoteAgainst(InvoiceView invoice, InvoiceView creditNote, Money amount) {
		LocalDate today = LocalDate.now(clock);
		String actor = currentUser.actorName();
		Timestamp now = Timestamp.from(clock.instant());
		for (InvoiceView item : List.of(invoice, creditNote)) {
			InvoiceView other = item == invoice ? creditNote : invoice;
			jdbc.sql("""
					insert into invoice_settlement (id, invoice_id, company_id, kind, amount, value_date, source_ref,
					  recorded_at, recorded_by)
					values (?, ?, ?, 'CREDIT_NOTE', ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), item.id().value(), item.companyId().value(), amount.amount(),
						Date.valueOf(today), "CREDIT_NOTE:" + other.id(), now, actor)
				.update();
			lowerOpenAmounts(item.companyId(), List.of(new PaymentSettlement(item.id(), amount, today, "")));
		}
	}

	private void lowerOpenAmounts(CompanyId companyId, List<PaymentSettlement> settlements) {
		if (settlements.isEmpty()) {
			return;
		}
		List<Object[]> updates = settlements.stream()
			.map(s -> new Object[] { s.amount().amount(), s.amount().amount(), s.invoiceId().value(), companyId.value(),
					s.amount().amount() })
			.toList();
		int[] updated = jdbcTemplate.batchUpdate("""
				update invoice set open_amount = open_amount - ?,
				  status = case when open_amount - ? = 0 then 'SETTLED' else status end, version = version + 1
				where id = ? and company_id = ? and status = 'PURCHASED' and open_amount >= ?""", updates);
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] != 1) {
				PaymentSettlement refused = settlements.get(i);
				throw new SettlementRefused("Invoice " + refused.invoiceId() + " cannot take " + refused.amount()
						+ ": not a purchased invoice of company " + companyId + " with that much open");
			}
		}
		auditTrail.record("INVOICES_SETTLED", InvoiceManagement.ENTITY,
				settlements.size() == 1 ? settlements.get(0).invoiceId().toString() : companyId.toString(),
				settlements.size() + " settlement(s), total "
						+ settlements.stream().map(PaymentSettlement::amount).reduce(Money::plus).orElseThrow());
	}

}
