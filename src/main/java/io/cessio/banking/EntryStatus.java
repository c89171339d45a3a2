package io.cessio.banking;

/**
 * The bank's status of a statement entry: only booked entries move money; pending and
 * information entries are kept for the record.
 */
public enum EntryStatus {

	BOOKED, PENDING, INFO

}
