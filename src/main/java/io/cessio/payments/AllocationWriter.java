package io.cessio.payments;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.companies.CompanyId;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceSettlements;
import io.cessio.invoices.PaymentSettlement;
import io.cessio.ledger.JournalEntry;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.shared.Money;

/**
 * Books allocations of receipts, in the caller's transaction: each one an allocation row
 * and its ledger entry on the receipt's value date — a collection on an assigned invoice
 * moves the money from suspense to the factor's portion and lowers the receivables (and
 * the invoice's open amount); money of the company (a non-assigned invoice, a return)
 * moves to the company's portion. The receipts' unallocated rests fall accordingly; a
 * receipt changed meanwhile refuses the whole booking.
 */
@Component
class AllocationWriter {

	private final Ledger ledger;

	private final InvoiceSettlements settlements;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	AllocationWriter(Ledger ledger, InvoiceSettlements settlements, JdbcTemplate jdbcTemplate, Clock clock) {
		this.ledger = ledger;
		this.settlements = settlements;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void book(CompanyId companyId, Map<ReceiptRow, List<PlannedAllocation>> plans, String decidedBy) {
		String companyKey = companyId.toString();
		Timestamp now = Timestamp.from(clock.instant());
		List<Booking> bookings = new ArrayList<>();
		List<PaymentSettlement> payments = new ArrayList<>();
		List<Object[]> receiptUpdates = new ArrayList<>();
		for (var plan : plans.entrySet()) {
			ReceiptRow receipt = plan.getKey();
			BigDecimal allocated = BigDecimal.ZERO;
			boolean returned = false;
			for (PlannedAllocation allocation : plan.getValue()) {
				UUID id = UUID.randomUUID();
				String reference = "ALLOCATION:" + id;
				Money amount = Money.eur(allocation.amount());
				JournalEntry entry = switch (allocation.kind()) {
					case COLLECTION ->
						PostingRules.identifiedCollection(companyKey, reference, receipt.valueDate(), amount);
					case NON_ASSIGNED, RETURNED_TO_COMPANY ->
						PostingRules.releaseToCompany(companyKey, reference, receipt.valueDate(), amount);
				};
				bookings.add(new Booking(id, receipt, allocation, entry));
				if (allocation.kind() == AllocationKind.COLLECTION) {
					payments.add(new PaymentSettlement(new InvoiceId(allocation.invoiceId()), amount,
							receipt.valueDate(), reference));
				}
				returned |= allocation.kind() == AllocationKind.RETURNED_TO_COMPANY;
				allocated = allocated.add(allocation.amount());
			}
			BigDecimal rest = receipt.unallocated().subtract(allocated);
			if (rest.signum() < 0) {
				throw new IllegalArgumentException("Allocations of " + allocated + " exceed the "
						+ receipt.unallocated() + " left of receipt " + receipt.id());
			}
			EntryState state;
			if (rest.signum() == 0) {
				state = returned ? EntryState.RETURNED : EntryState.MATCHED;
			}
			else {
				state = rest.compareTo(receipt.amount()) < 0 ? EntryState.PARTIAL : EntryState.SUSPENSE;
			}
			receiptUpdates.add(new Object[] { rest, state.name(), receipt.id(), receipt.version() });
		}
		// one batch for the whole lettrage: each account is locked and updated once
		List<Long> entryIds = ledger.postAll(bookings.stream().map(Booking::entry).toList());
		List<Object[]> allocationRows = new ArrayList<>(bookings.size());
		for (int i = 0; i < bookings.size(); i++) {
			Booking booking = bookings.get(i);
			PlannedAllocation allocation = booking.allocation();
			allocationRows
				.add(new Object[] { booking.id(), booking.receipt().id(), companyId.value(), allocation.invoiceId(),
						allocation.kind().name(), allocation.amount(), Date.valueOf(booking.receipt().valueDate()),
						allocation.pass().name(), allocation.score(), decidedBy, now, entryIds.get(i) });
		}
		jdbcTemplate.batchUpdate("""
				insert into allocation (id, statement_entry_id, company_id, invoice_id, kind, amount, value_date, pass,
				  score, decided_by, decided_at, journal_entry_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", allocationRows);
		int[] updated = jdbcTemplate.batchUpdate("""
				update statement_entry set unallocated = ?, state = ?, version = version + 1
				where id = ? and version = ?""", receiptUpdates);
		for (int count : updated) {
			if (count != 1) {
				throw new org.springframework.dao.OptimisticLockingFailureException(
						"A receipt was allocated meanwhile; nothing was booked");
			}
		}
		settlements.settlePayments(companyId, payments);
	}

	private record Booking(UUID id, ReceiptRow receipt, PlannedAllocation allocation, JournalEntry entry) {
	}

}
