package io.cessio.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.Generated;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cessio.companies.CompanyId;
import io.cessio.debtors.DebtorId;
import io.cessio.shared.CreditorReference;
import io.cessio.shared.Money;

/**
 * An invoice or credit note of a client company. Editable while {@code OPEN}; once in a
 * remittance its values are frozen and only the analyst's decision and the purchase
 * change its status.
 */
@Entity
@Table(name = "invoice")
class Invoice {

	@EmbeddedId
	private InvoiceId id;

	@Version
	private Long version;

	private UUID companyId;

	private UUID debtorId;

	@Enumerated(EnumType.STRING)
	private InvoiceKind kind;

	private String number;

	private LocalDate issueDate;

	private LocalDate dueDate;

	private BigDecimal amountExclVat;

	private BigDecimal vatAmount;

	private BigDecimal amountInclVat;

	/** What remains to be paid incl. VAT: the amount less the settlements. */
	private BigDecimal openAmount;

	private String currency;

	@Enumerated(EnumType.STRING)
	private InvoiceStatus status;

	@Enumerated(EnumType.STRING)
	private InvoiceSource source;

	private @Nullable String einvoiceId;

	// assigned by the database (rf_creditor_reference over a sequence), read back after
	// insert
	@Generated
	@Column(insertable = false, updatable = false)
	private String creditorReference;

	private @Nullable UUID remittanceId;

	private @Nullable String decisionReasonCode;

	private @Nullable String decisionReason;

	private @Nullable String overrideJustification;

	private @Nullable String failedChecks;

	private @Nullable String decidedBy;

	private @Nullable Instant decidedAt;

	private Instant createdAt;

	private String createdBy;

	protected Invoice() {
	}

	Invoice(InvoiceId id, CompanyId companyId, InvoiceDraft draft, InvoiceSource source, @Nullable String einvoiceId,
			Instant createdAt, String createdBy) {
		this.id = id;
		this.companyId = companyId.value();
		this.status = InvoiceStatus.OPEN;
		this.source = source;
		this.einvoiceId = einvoiceId;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.currency = Money.EUR.getCurrencyCode();
		apply(draft);
	}

	InvoiceId id() {
		return id;
	}

	CompanyId companyId() {
		return new CompanyId(companyId);
	}

	InvoiceStatus status() {
		return status;
	}

	InvoiceKind kind() {
		return kind;
	}

	String number() {
		return number;
	}

	Money amountInclVat() {
		return Money.eur(amountInclVat);
	}

	long version() {
		return version == null ? 0 : version;
	}

	void change(InvoiceDraft draft) {
		requireEditable();
		apply(draft);
	}

	void requireEditable() {
		if (!status.isEditable()) {
			throw new InvoiceLocked(number);
		}
	}

	void submitIn(RemittanceId remittance) {
		requireEditable();
		this.remittanceId = remittance.value();
		this.status = InvoiceStatus.SUBMITTED;
	}

	/**
	 * Records (or replaces, until the remittance is completed) the analyst's decision.
	 */
	void decide(InvoiceDecision decision) {
		if (status != InvoiceStatus.SUBMITTED && status != InvoiceStatus.APPROVED && status != InvoiceStatus.REJECTED) {
			throw new IllegalStateException("Invoice " + number + " is not under review");
		}
		this.status = decision.approved() ? InvoiceStatus.APPROVED : InvoiceStatus.REJECTED;
		this.decisionReasonCode = decision.reasonCode();
		this.decisionReason = decision.reason();
		this.overrideJustification = decision.overrideJustification();
		this.failedChecks = decision.failedChecks().isEmpty() ? null : String.join(",", decision.failedChecks());
		this.decidedBy = decision.decidedBy();
		this.decidedAt = decision.decidedAt();
	}

	void markPurchased() {
		if (status != InvoiceStatus.APPROVED) {
			throw new IllegalStateException("Only an approved invoice is purchased: " + number);
		}
		this.status = InvoiceStatus.PURCHASED;
	}

	/**
	 * Sets a payment or a credit note against what remains open; the invoice is settled
	 * when nothing remains.
	 */
	void settle(Money amount) {
		if (status != InvoiceStatus.PURCHASED) {
			throw new IllegalStateException("Only a purchased item is settled: " + number + " is " + status);
		}
		if (!amount.isPositive() || amount.amount().compareTo(openAmount) > 0) {
			throw new IllegalArgumentException(
					"Settlement of " + amount + " on " + number + " whose open amount is " + openAmount);
		}
		this.openAmount = openAmount.subtract(amount.amount());
		if (openAmount.signum() == 0) {
			this.status = InvoiceStatus.SETTLED;
		}
	}

	InvoiceView toView() {
		InvoiceDecision decision = decidedBy == null || decidedAt == null ? null : new InvoiceDecision(
				status != InvoiceStatus.REJECTED, decisionReasonCode, decisionReason, overrideJustification,
				failedChecks == null ? List.of() : Arrays.asList(failedChecks.split(",")), decidedBy, decidedAt);
		return new InvoiceView(id, companyId(), new DebtorId(debtorId), kind, number, issueDate, dueDate,
				Money.eur(amountExclVat), Money.eur(vatAmount), Money.eur(amountInclVat), Money.eur(openAmount), status,
				source, einvoiceId, new CreditorReference(creditorReference),
				remittanceId == null ? null : new RemittanceId(remittanceId), decision, createdAt, version());
	}

	private void apply(InvoiceDraft draft) {
		this.debtorId = draft.debtorId().value();
		this.kind = draft.kind();
		this.number = draft.number();
		this.issueDate = draft.issueDate();
		this.dueDate = draft.dueDate();
		this.amountExclVat = draft.amountExclVat().amount();
		this.vatAmount = draft.vatAmount().amount();
		this.amountInclVat = draft.amountInclVat().amount();
		this.openAmount = amountInclVat;
	}

}
