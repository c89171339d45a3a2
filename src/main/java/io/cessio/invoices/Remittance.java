package io.cessio.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;

/**
 * A remittance (bordereau): the invoices and credit notes a company assigns in one go,
 * with its number and control totals frozen at submission, the review (one or two
 * analysts) and the purchase.
 */
@Entity
@Table(name = "remittance")
class Remittance {

	@EmbeddedId
	private RemittanceId id;

	@Version
	private Long version;

	private UUID companyId;

	private String number;

	@Enumerated(EnumType.STRING)
	private RemittanceStatus status;

	private int invoiceCount;

	private int creditNoteCount;

	private BigDecimal totalInvoices;

	private BigDecimal totalCreditNotes;

	private BigDecimal controlTotal;

	private String currency;

	private Instant submittedAt;

	private String submittedBy;

	private @Nullable String reviewedBy;

	private @Nullable Instant reviewedAt;

	private @Nullable String secondAnalyst;

	private @Nullable Instant secondAnalystAt;

	private @Nullable LocalDate purchasedOn;

	private @Nullable Long purchaseEntryId;

	private @Nullable BigDecimal commission;

	private @Nullable BigDecimal invoiceFees;

	private @Nullable BigDecimal vatOnFees;

	protected Remittance() {
	}

	Remittance(RemittanceId id, CompanyId companyId, String number, List<Invoice> items, Instant submittedAt,
			String submittedBy) {
		if (items.isEmpty()) {
			throw new IllegalArgumentException("A remittance needs at least one invoice or credit note");
		}
		this.id = id;
		this.companyId = companyId.value();
		this.number = number;
		this.status = RemittanceStatus.SUBMITTED;
		this.currency = Money.EUR.getCurrencyCode();
		this.submittedAt = submittedAt;
		this.submittedBy = submittedBy;
		Money invoices = Money.zero(Money.EUR);
		Money creditNotes = Money.zero(Money.EUR);
		for (Invoice item : items) {
			if (item.kind() == InvoiceKind.CREDIT_NOTE) {
				creditNotes = creditNotes.plus(item.amountInclVat());
				creditNoteCount++;
			}
			else {
				invoices = invoices.plus(item.amountInclVat());
				invoiceCount++;
			}
			item.submitIn(id);
		}
		this.totalInvoices = invoices.amount();
		this.totalCreditNotes = creditNotes.amount();
		this.controlTotal = invoices.minus(creditNotes).amount();
	}

	RemittanceId id() {
		return id;
	}

	CompanyId companyId() {
		return new CompanyId(companyId);
	}

	String number() {
		return number;
	}

	RemittanceStatus status() {
		return status;
	}

	Money controlTotal() {
		return Money.eur(controlTotal);
	}

	void requireUnderReview() {
		if (status != RemittanceStatus.SUBMITTED) {
			throw new IllegalStateException("Remittance " + number + " is not open for decisions");
		}
	}

	/**
	 * The first analyst has decided every item. Above the threshold the remittance waits
	 * for a second analyst; returns whether it may be purchased now.
	 */
	boolean reviewed(String analyst, Instant at, boolean needsSecondAnalyst) {
		requireUnderReview();
		this.reviewedBy = analyst;
		this.reviewedAt = at;
		if (needsSecondAnalyst) {
			this.status = RemittanceStatus.AWAITING_SECOND_ANALYST;
			return false;
		}
		return true;
	}

	/** The second analyst confirms the review; it must be someone else. */
	void confirmedBy(String analyst, Instant at) {
		if (status != RemittanceStatus.AWAITING_SECOND_ANALYST) {
			throw new IllegalStateException("Remittance " + number + " is not waiting for a second analyst");
		}
		if (analyst.equals(reviewedBy)) {
			throw new FourEyesRequired(number);
		}
		this.secondAnalyst = analyst;
		this.secondAnalystAt = at;
	}

	/** The second analyst sends the review back: decisions can be changed again. */
	void sentBack() {
		if (status != RemittanceStatus.AWAITING_SECOND_ANALYST) {
			throw new IllegalStateException("Remittance " + number + " is not waiting for a second analyst");
		}
		this.status = RemittanceStatus.SUBMITTED;
		this.reviewedBy = null;
		this.reviewedAt = null;
	}

	void purchased(LocalDate on, @Nullable Long entryId, Money commission, Money invoiceFees, Money vatOnFees) {
		this.status = RemittanceStatus.PURCHASED;
		this.purchasedOn = on;
		this.purchaseEntryId = entryId;
		this.commission = commission.amount();
		this.invoiceFees = invoiceFees.amount();
		this.vatOnFees = vatOnFees.amount();
	}

	void rejectedEntirely() {
		this.status = RemittanceStatus.REJECTED;
	}

	RemittanceView toView() {
		return new RemittanceView(id, companyId(), number, status, invoiceCount, creditNoteCount,
				Money.eur(totalInvoices), Money.eur(totalCreditNotes), Money.eur(controlTotal), submittedAt,
				submittedBy, reviewedBy, reviewedAt, secondAnalyst, secondAnalystAt, purchasedOn,
				commission == null ? null : Money.eur(commission), invoiceFees == null ? null : Money.eur(invoiceFees),
				vatOnFees == null ? null : Money.eur(vatOnFees));
	}

}
