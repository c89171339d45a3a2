package io.cessio.debtors;

import java.util.List;

/**
 * A debtor as the lettrage recognises a payer: its name, SIREN and the accounts it was
 * seen paying from.
 *
 * @param siren 9 digits, as registered
 * @param knownIbans as stored: upper case without spaces, valid when learned
 */
public record PayerView(DebtorId id, String legalName, String siren, List<String> knownIbans) {

	public PayerView {
		knownIbans = List.copyOf(knownIbans);
	}

}
