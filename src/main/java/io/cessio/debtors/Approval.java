package io.cessio.debtors;

import java.time.LocalDate;
import java.util.Objects;

import io.cessio.shared.Money;

/**
 * The factor's approval (agrément) of a debtor: the most it finances on that debtor,
 * until the expiry date included.
 */
public record Approval(Money limit, LocalDate expiresOn) {

	public Approval {
		Objects.requireNonNull(limit, "limit");
		Objects.requireNonNull(expiresOn, "expiresOn");
		if (limit.isNegative() || !limit.currency().equals(Money.EUR)) {
			throw new IllegalArgumentException("An approval limit is a non-negative amount in euros");
		}
	}

	public boolean isExpiredOn(LocalDate date) {
		return date.isAfter(expiresOn);
	}

}
