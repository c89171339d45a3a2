package io.cessio.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.debtors.PayerAccounts;
import io.cessio.invoices.InvoiceSettlements;
import io.cessio.invoices.OpenInvoice;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Money;

/**
 * The automatic lettrage (DOMAIN.md §5.5): the receipts of a company still (partly) in
 * suspense are matched against its open invoices, pass by pass, and what is found is
 * booked — collections on assigned invoices for the factor, payments of invoices never
 * assigned for the company. What stays unidentified waits in the suspense work queue. One
 * company at a time (an advisory lock), in one transaction.
 */
@Service
public class Lettrage {

	static final String ENTITY = "STATEMENT_ENTRY";

	private final MatchingBooks books;

	private final AllocationWriter writer;

	private final CompanyManagement companies;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	Lettrage(MatchingBooks books, AllocationWriter writer, CompanyManagement companies, AuditTrail auditTrail,
			CurrentUser currentUser, JdbcClient jdbc) {
		this.books = books;
		this.writer = writer;
		this.companies = companies;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
	}

	/** Matches the company's receipts with something unallocated. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional
	public MatchSummary matchOpenReceipts(CompanyId companyId) {
		companies.find(companyId);
		lockCompany(jdbc, companyId);
		Lettering lettering = plan(companyId);
		if (lettering.summary().receipts() == 0) {
			return MatchSummary.none();
		}
		return book(companyId, lettering);
	}

	/**
	 * What the passes find for the company's receipts still in suspense, against its book
	 * as it stands; writes nothing. Called under the company's lock.
	 */
	Lettering plan(CompanyId companyId) {
		List<ReceiptRow> receipts = jdbc.sql("select " + ReceiptRow.COLUMNS + """
				 from statement_entry
				where company_id = ? and kind = 'RECEIPT' and unallocated > 0 and state in ('SUSPENSE', 'PARTIAL')
				order by value_date, position, id""")
			.param(companyId.value())
			.query((rs, n) -> ReceiptRow.read(rs))
			.list();
		if (receipts.isEmpty()) {
			return new Lettering(Map.of(), MatchSummary.none());
		}
		BookOfCompany book = books.of(companyId);
		Map<ReceiptRow, List<PlannedAllocation>> plans = new LinkedHashMap<>();
		int matched = 0;
		int partial = 0;
		BigDecimal allocated = BigDecimal.ZERO;
		BigDecimal unallocated = BigDecimal.ZERO;
		for (ReceiptRow receipt : receipts) {
			// what stays in suspense gets its suggestions in the work queue
			MatchOutcome outcome = book.matching().match(receipt.toReceipt(), 0);
			if (!outcome.allocations().isEmpty()) {
				plans.put(receipt,
						outcome.allocations()
							.stream()
							.map(proposed -> new PlannedAllocation(proposed.invoiceId(),
									book.isAssigned(proposed.invoiceId()) ? AllocationKind.COLLECTION
											: AllocationKind.NON_ASSIGNED,
									proposed.amount(), proposed.pass(), proposed.score()))
							.toList());
			}
			if (outcome.fullyAllocated()) {
				matched++;
			}
			else if (!outcome.allocations().isEmpty()) {
				partial++;
			}
			allocated = allocated.add(outcome.allocated());
			unallocated = unallocated.add(outcome.unallocated());
		}
		return new Lettering(plans, new MatchSummary(receipts.size(), matched, partial,
				receipts.size() - matched - partial, Money.eur(allocated), Money.eur(unallocated)));
	}

	/** Books what {@link #plan} found, in the caller's transaction, and audits it. */
	MatchSummary book(CompanyId companyId, Lettering lettering) {
		writer.book(companyId, lettering.plans(), currentUser.actorName());
		MatchSummary summary = lettering.summary();
		auditTrail.record("RECEIPTS_MATCHED", "COMPANY", companyId.toString(),
				summary.receipts() + " receipt(s): " + summary.matched() + " matched, " + summary.partial()
						+ " partly, " + summary.unmatched() + " left in suspense; allocated "
						+ summary.allocatedAmount());
		return summary;
	}

	/** The allocations planned for each receipt, and what they come to. */
	record Lettering(Map<ReceiptRow, List<PlannedAllocation>> plans, MatchSummary summary) {
	}

	static void lockCompany(JdbcClient jdbc, CompanyId companyId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('LETTRAGE:' || ?))")
			.param(companyId.toString())
			.query()
			.listOfRows();
	}

	/**
	 * The company's matching book: its open invoices and its debtors with what identifies
	 * them as payers.
	 */
	@org.springframework.stereotype.Component
	static class MatchingBooks {

		private final InvoiceSettlements settlements;

		private final PayerAccounts payerAccounts;

		MatchingBooks(InvoiceSettlements settlements, PayerAccounts payerAccounts) {
			this.settlements = settlements;
			this.payerAccounts = payerAccounts;
		}

		BookOfCompany of(CompanyId companyId) {
			List<OpenInvoice> open = settlements.openForMatching(companyId);
			List<KnownDebtor> known = payerAccounts.listPayers(companyId)
				.stream()
				.map(payer -> new KnownDebtor(payer.id().value(), payer.legalName(), payer.siren(),
						Set.copyOf(payer.knownIbans())))
				.toList();
			List<OpenItem> items = new ArrayList<>(open.size());
			for (OpenInvoice invoice : open) {
				items.add(new OpenItem(invoice.id().value(), invoice.debtorId().value(), invoice.number(),
						invoice.creditorReference().value(), invoice.openAmount().amount(), invoice.issueDate(),
						invoice.dueDate(), invoice.assigned()));
			}
			return new BookOfCompany(new MatchingBook(items, known));
		}

	}

	record BookOfCompany(MatchingBook matching) {

		boolean isAssigned(UUID invoiceId) {
			return matching.isAssigned(invoiceId);
		}

	}

}
