package io.cessio.invoices;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Identifies an invoice or credit note. */
@Embeddable
public record InvoiceId(@Column(name = "id") UUID value) implements Serializable {

	public InvoiceId {
		Objects.requireNonNull(value, "value");
	}

	public static InvoiceId newId() {
		return new InvoiceId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
