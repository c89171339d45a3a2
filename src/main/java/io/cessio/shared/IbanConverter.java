package io.cessio.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Iban} as its normalised text. */
@Converter(autoApply = true)
public class IbanConverter implements AttributeConverter<Iban, String> {

	@Override
	public String convertToDatabaseColumn(Iban attribute) {
		return attribute == null ? null : attribute.value();
	}

	@Override
	public Iban convertToEntityAttribute(String column) {
		return column == null ? null : new Iban(column);
	}

}
