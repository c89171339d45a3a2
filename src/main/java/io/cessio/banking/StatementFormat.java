package io.cessio.banking;

/** The bank statement formats Cessio reads (DOMAIN.md §5.2 and §5.4). */
public enum StatementFormat {

	/** ISO 20022 camt.053.001.02 (the 2009 version most banks still send). */
	CAMT_053_001_02,

	/** ISO 20022 camt.053.001.08 (2019 version). */
	CAMT_053_001_08,

	/** The French fixed-width « relevé AFB 120 » (records 01, 04, 05, 07). */
	CFONB_120

}
