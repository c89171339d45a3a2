package io.cessio.invoices;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;

/**
 * Disputes (litiges) on purchased invoices (DOMAIN.md §2.3): declared by the company's
 * user or by an analyst with an amount and a reason, the disputed amount is not financed
 * from that moment; a dispute ends by the debtor's payment, by a purchased credit note of
 * the same debtor, or is withdrawn. One open dispute per invoice at a time.
 */
@Service
@Transactional
public class Disputes {

	static final String ENTITY = "DISPUTE";

	private final InvoiceManagement invoices;

	private final CompanyManagement companies;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final InvoiceSettlements settlements;

	Disputes(@Lazy InvoiceSettlements settlements, InvoiceManagement invoices, CompanyManagement companies,
			AuditTrail auditTrail, CurrentUser currentUser, JdbcClient jdbc, Clock clock) {
		this.settlements = settlements;
		this.invoices = invoices;
		this.companies = companies;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Declares a dispute on a purchased invoice.
	 * @throws DisputeRefused when the invoice is not purchased, already disputed, or the
	 * amount is not between 0 and the invoice's amount
	 */
	@PreAuthorize("hasAnyRole('COMPANY_USER', 'ANALYST')")
	public UUID declare(InvoiceId invoiceId, Money amount, String reason) {
		InvoiceView invoice = invoices.find(invoiceId);
		if (invoice.isCreditNote() || invoice.status() != InvoiceStatus.PURCHASED) {
			throw new DisputeRefused("disputes.error.notPurchased", "Only a purchased invoice can be disputed");
		}
		if (!amount.isPositive() || amount.isGreaterThan(invoice.amountInclVat())) {
			throw new DisputeRefused("disputes.error.amount",
					"The disputed amount is above 0 and at most the invoice's");
		}
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty() || text.length() > 1000) {
			throw new DisputeRefused("disputes.error.reason", "A dispute needs a reason of 1 to 1000 characters");
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into dispute (id, invoice_id, company_id, amount, currency, reason, status, declared_by,
					                     declared_at, version)
					values (?, ?, ?, ?, 'EUR', ?, 'OPEN', ?, ?, 0)""")
				.params(id, invoiceId.value(), invoice.companyId().value(), amount.amount(), text,
						currentUser.actorName(), Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException alreadyOpen) {
			throw new DisputeRefused("disputes.error.alreadyOpen", "The invoice already has an open dispute");
		}
		auditTrail.record("DISPUTE_DECLARED", ENTITY, id.toString(),
				"invoice " + invoice.number() + ": " + amount + ", " + text);
		return id;
	}

	/** The company or the analyst withdraws the open dispute of the invoice. */
	@PreAuthorize("hasAnyRole('COMPANY_USER', 'ANALYST')")
	public void withdraw(InvoiceId invoiceId, String note) {
		DisputeView dispute = openOn(invoiceId)
			.orElseThrow(() -> new DisputeRefused("disputes.error.noneOpen", "No open dispute on this invoice"));
		end(dispute, DisputeStatus.WITHDRAWN, note, null);
	}

	/**
	 * The open dispute of the invoice ends with a purchased credit note of the same
	 * debtor covering the disputed amount.
	 */
	@PreAuthorize("hasAnyRole('COMPANY_USER', 'ANALYST')")
	public void endByCreditNote(InvoiceId invoiceId, InvoiceId creditNoteId) {
		InvoiceView invoice = invoices.find(invoiceId);
		InvoiceView creditNote = invoices.find(creditNoteId);
		DisputeView dispute = openOn(invoiceId)
			.orElseThrow(() -> new DisputeRefused("disputes.error.noneOpen", "No open dispute on this invoice"));
		if (!creditNote.isCreditNote() || creditNote.status() != InvoiceStatus.PURCHASED
				|| !creditNote.debtorId().equals(invoice.debtorId())
				|| dispute.amount().isGreaterThan(creditNote.amountInclVat())) {
			throw new DisputeRefused("disputes.error.creditNote",
					"A purchased credit note of the same debtor covering the disputed amount is needed");
		}
		if (dispute.amount().isGreaterThan(creditNote.openAmount())) {
			throw new DisputeRefused("disputes.error.creditNote",
					"The credit note has only " + creditNote.openAmount() + " left to set against invoices");
		}
		end(dispute, DisputeStatus.ENDED_BY_CREDIT_NOTE, "credit note " + creditNote.number(), creditNoteId);
		settlements.setCreditNoteAgainst(invoice, creditNote, dispute.amount());
	}

	/**
	 * The debtor paid the invoices in full: their open disputes end by payment (for the
	 * settlements of the lettrage).
	 */
	void endByPaymentOnceSettled(List<InvoiceId> invoiceIds) {
		if (invoiceIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				select d.* from dispute d join invoice i on i.id = d.invoice_id
				where d.status = 'OPEN' and i.status = 'SETTLED' and d.invoice_id = any(?) for update of d""")
			.param(invoiceIds.stream().map(InvoiceId::value).toArray(UUID[]::new))
			.query((rs, n) -> view(rs))
			.list()
			.forEach(dispute -> end(dispute, DisputeStatus.ENDED_BY_PAYMENT, "invoice paid in full", null));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<DisputeView> of(InvoiceId invoiceId) {
		invoices.find(invoiceId);
		return jdbc.sql("select * from dispute where invoice_id = ? order by declared_at desc")
			.param(invoiceId.value())
			.query((rs, n) -> view(rs))
			.list();
	}

	/** The open disputed amount of each of the company's invoices. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<InvoiceId, Money> openAmounts(CompanyId companyId) {
		companies.find(companyId);
		return jdbc.sql("select invoice_id, amount from dispute where company_id = ? and status = 'OPEN'")
			.param(companyId.value())
			.query((rs, n) -> Map.entry(new InvoiceId(rs.getObject("invoice_id", UUID.class)),
					Money.eur(rs.getBigDecimal("amount"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private Optional<DisputeView> openOn(InvoiceId invoiceId) {
		invoices.find(invoiceId);
		return jdbc.sql("select * from dispute where invoice_id = ? and status = 'OPEN' for update")
			.param(invoiceId.value())
			.query((rs, n) -> view(rs))
			.optional();
	}

	private void end(DisputeView dispute, DisputeStatus status, @Nullable String note, @Nullable InvoiceId creditNote) {
		jdbc.sql("""
				update dispute set status = ?, ended_by = ?, ended_at = ?, end_note = ?, credit_note_id = ?,
				  version = version + 1 where id = ? and status = 'OPEN'""")
			.params(status.name(), currentUser.actorName(), Timestamp.from(clock.instant()),
					note == null || note.isBlank() ? null : note.strip(),
					creditNote == null ? null : creditNote.value(), dispute.id())
			.update();
		auditTrail.record("DISPUTE_" + status.name(), ENTITY, dispute.id().toString(),
				dispute.amount() + (note == null ? "" : ": " + note));
	}

	private static DisputeView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		UUID creditNote = rs.getObject("credit_note_id", UUID.class);
		Timestamp ended = rs.getTimestamp("ended_at");
		BigDecimal amount = rs.getBigDecimal("amount");
		return new DisputeView(rs.getObject("id", UUID.class), new InvoiceId(rs.getObject("invoice_id", UUID.class)),
				new CompanyId(rs.getObject("company_id", UUID.class)), Money.eur(amount), rs.getString("reason"),
				DisputeStatus.valueOf(rs.getString("status")), rs.getString("declared_by"),
				rs.getTimestamp("declared_at").toInstant(), rs.getString("ended_by"),
				ended == null ? null : ended.toInstant(), rs.getString("end_note"),
				creditNote == null ? null : new InvoiceId(creditNote));
	}

}
