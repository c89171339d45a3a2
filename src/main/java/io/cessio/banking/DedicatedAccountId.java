package io.cessio.banking;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Identifies a dedicated account. */
@Embeddable
public record DedicatedAccountId(@Column(name = "id") UUID value) implements Serializable {

	public DedicatedAccountId {
		Objects.requireNonNull(value, "value");
	}

	public static DedicatedAccountId newId() {
		return new DedicatedAccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
