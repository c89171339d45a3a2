package io.cessio.banking;

/** Whether a statement entry brought money in or took it out of the account. */
public enum EntryDirection {

	CREDIT, DEBIT

}
