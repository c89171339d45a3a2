package io.cessio.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Bic} as its normalised text. */
@Converter(autoApply = true)
public class BicConverter implements AttributeConverter<Bic, String> {

	@Override
	public String convertToDatabaseColumn(Bic attribute) {
		return attribute == null ? null : attribute.value();
	}

	@Override
	public Bic convertToEntityAttribute(String column) {
		return column == null ? null : new Bic(column);
	}

}
