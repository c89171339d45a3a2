package io.cessio.invoices.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.cessio.debtors.DebtorId;
import io.cessio.invoices.InvoiceDraft;
import io.cessio.invoices.InvoiceKind;
import io.cessio.invoices.InvoiceView;
import io.cessio.shared.Money;
import io.cessio.shared.ValidAmount;

/** An invoice or credit note typed in the form; amounts in euros, dates dd/MM/yyyy. */
public class InvoiceForm {

	@NotNull
	private UUID debtorId;

	@NotNull
	private InvoiceKind kind = InvoiceKind.INVOICE;

	@NotBlank
	@Size(max = InvoiceDraft.MAX_NUMBER_LENGTH)
	private String number;

	@NotNull
	private LocalDate issueDate;

	@NotNull
	private LocalDate dueDate;

	@NotNull
	@ValidAmount
	private BigDecimal amountExclVat;

	@NotNull
	@ValidAmount
	private BigDecimal vatAmount;

	@NotNull
	@ValidAmount
	private BigDecimal amountInclVat;

	private long version;

	static InvoiceForm of(InvoiceView invoice) {
		InvoiceForm form = new InvoiceForm();
		form.debtorId = invoice.debtorId().value();
		form.kind = invoice.kind();
		form.number = invoice.number();
		form.issueDate = invoice.issueDate();
		form.dueDate = invoice.dueDate();
		form.amountExclVat = invoice.amountExclVat().amount();
		form.vatAmount = invoice.vatAmount().amount();
		form.amountInclVat = invoice.amountInclVat().amount();
		form.version = invoice.version();
		return form;
	}

	InvoiceDraft toDraft() {
		return new InvoiceDraft(new DebtorId(debtorId), kind, number, issueDate, dueDate, Money.eur(amountExclVat),
				Money.eur(vatAmount), Money.eur(amountInclVat));
	}

	public UUID getDebtorId() {
		return debtorId;
	}

	public void setDebtorId(UUID debtorId) {
		this.debtorId = debtorId;
	}

	public InvoiceKind getKind() {
		return kind;
	}

	public void setKind(InvoiceKind kind) {
		this.kind = kind;
	}

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public LocalDate getIssueDate() {
		return issueDate;
	}

	public void setIssueDate(LocalDate issueDate) {
		this.issueDate = issueDate;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public BigDecimal getAmountExclVat() {
		return amountExclVat;
	}

	public void setAmountExclVat(BigDecimal amountExclVat) {
		this.amountExclVat = amountExclVat;
	}

	public BigDecimal getVatAmount() {
		return vatAmount;
	}

	public void setVatAmount(BigDecimal vatAmount) {
		this.vatAmount = vatAmount;
	}

	public BigDecimal getAmountInclVat() {
		return amountInclVat;
	}

	public void setAmountInclVat(BigDecimal amountInclVat) {
		this.amountInclVat = amountInclVat;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
