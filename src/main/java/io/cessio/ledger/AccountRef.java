package io.cessio.ledger;

import java.util.Objects;

/**
 * One ledger account: a code and, for per-company accounts, the company's opaque key. The
 * factor's own accounts have an empty counterparty.
 */
public record AccountRef(AccountCode code, String counterparty) {

	public AccountRef {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(counterparty, "counterparty");
		if (code.isPerCompany() == counterparty.isEmpty()) {
			throw new IllegalArgumentException(code + (code.isPerCompany() ? " is kept per company: name the company"
					: " is the factor's own account: no counterparty"));
		}
		if (counterparty.length() > 100) {
			throw new IllegalArgumentException("counterparty key too long");
		}
	}

	public static AccountRef factor(AccountCode code) {
		return new AccountRef(code, "");
	}

	public static AccountRef of(AccountCode code, String companyKey) {
		return new AccountRef(code, companyKey);
	}

	@Override
	public String toString() {
		return counterparty.isEmpty() ? code.name() : code + "/" + counterparty;
	}

}
