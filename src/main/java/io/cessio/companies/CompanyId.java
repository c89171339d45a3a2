package io.cessio.companies;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Identifies a client company (adhérent). */
@Embeddable
public record CompanyId(@Column(name = "id") UUID value) implements Serializable {

	public CompanyId {
		Objects.requireNonNull(value, "value");
	}

	public static CompanyId newId() {
		return new CompanyId(UUID.randomUUID());
	}

	public static CompanyId of(String value) {
		return new CompanyId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
