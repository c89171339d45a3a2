package io.cessio.banking;

import java.time.Instant;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Bic;
import io.cessio.shared.Iban;

/** A dedicated account as pages show it. */
public record DedicatedAccountView(DedicatedAccountId id, CompanyId companyId, String companyName, Iban iban, Bic bic,
		Instant openedAt) {
}
