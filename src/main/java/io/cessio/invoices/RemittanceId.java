package io.cessio.invoices;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Identifies a remittance (bordereau). */
@Embeddable
public record RemittanceId(@Column(name = "id") UUID value) implements Serializable {

	public RemittanceId {
		Objects.requireNonNull(value, "value");
	}

	public static RemittanceId newId() {
		return new RemittanceId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
