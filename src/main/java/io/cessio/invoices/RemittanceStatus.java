package io.cessio.invoices;

/**
 * Where a remittance stands: submitted and under review; reviewed but waiting for a
 * second analyst (four-eyes); purchased (whatever was approved); or entirely rejected.
 */
public enum RemittanceStatus {

	SUBMITTED, AWAITING_SECOND_ANALYST, PURCHASED, REJECTED;

	public boolean isUnderReview() {
		return this == SUBMITTED || this == AWAITING_SECOND_ANALYST;
	}

}
