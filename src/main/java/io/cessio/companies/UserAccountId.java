package io.cessio.companies;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Identifies a person who signs in (company user or factor staff). */
@Embeddable
public record UserAccountId(@Column(name = "id") UUID value) implements Serializable {

	public UserAccountId {
		Objects.requireNonNull(value, "value");
	}

	public static UserAccountId newId() {
		return new UserAccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
