package io.cessio.invoices;

import java.time.LocalDate;
import java.util.Objects;

import io.cessio.shared.Bic;
import io.cessio.shared.Iban;

/**
 * What the letter notifying a debtor of the subrogation shows (DOMAIN §4.4): written by
 * the adhérent ({@code company}) to the {@code debtor}, with the factor's visa. From
 * {@code date} (also the letter's date) the debtor must pay only into the dedicated
 * account {@code dedicatedIban}/{@code bic} held by {@code accountHolder}, quoting the
 * invoice number and its RF reference.
 */
public record NotificationLetterDocument(LocalDate date, Party company, Party factor, Party debtor, Iban dedicatedIban,
		Bic bic, String accountHolder, String contractReference) {

	public NotificationLetterDocument {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(company, "company");
		Objects.requireNonNull(factor, "factor");
		Objects.requireNonNull(debtor, "debtor");
		Objects.requireNonNull(dedicatedIban, "dedicatedIban");
		Objects.requireNonNull(bic, "bic");
		Objects.requireNonNull(accountHolder, "accountHolder");
		Objects.requireNonNull(contractReference, "contractReference");
	}

}
