package io.cessio.debtors;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Identifies a debtor of one client company. */
@Embeddable
public record DebtorId(@Column(name = "id") UUID value) implements Serializable {

	public DebtorId {
		Objects.requireNonNull(value, "value");
	}

	public static DebtorId newId() {
		return new DebtorId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
