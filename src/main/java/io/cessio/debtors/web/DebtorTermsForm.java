package io.cessio.debtors.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.cessio.shared.ValidAmount;
import io.cessio.shared.ValidPercent;

/**
 * What the analyst sets on a debtor: the approval (limit and expiry, both or neither) and
 * the credit insurance (insurer, insured limit and cover, all or none).
 */
public class DebtorTermsForm {

	@ValidAmount
	private BigDecimal approvalLimit;

	private LocalDate approvalExpiresOn;

	private String insurer;

	@ValidAmount
	private BigDecimal insuredLimit;

	@ValidPercent(exclusiveMin = true)
	private BigDecimal coverPercent;

	private String blockReason;

	public BigDecimal getApprovalLimit() {
		return approvalLimit;
	}

	public void setApprovalLimit(BigDecimal approvalLimit) {
		this.approvalLimit = approvalLimit;
	}

	public LocalDate getApprovalExpiresOn() {
		return approvalExpiresOn;
	}

	public void setApprovalExpiresOn(LocalDate approvalExpiresOn) {
		this.approvalExpiresOn = approvalExpiresOn;
	}

	public String getInsurer() {
		return insurer;
	}

	public void setInsurer(String insurer) {
		this.insurer = insurer;
	}

	public BigDecimal getInsuredLimit() {
		return insuredLimit;
	}

	public void setInsuredLimit(BigDecimal insuredLimit) {
		this.insuredLimit = insuredLimit;
	}

	public BigDecimal getCoverPercent() {
		return coverPercent;
	}

	public void setCoverPercent(BigDecimal coverPercent) {
		this.coverPercent = coverPercent;
	}

	public String getBlockReason() {
		return blockReason;
	}

	public void setBlockReason(String blockReason) {
		this.blockReason = blockReason;
	}

}
