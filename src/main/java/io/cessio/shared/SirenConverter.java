package io.cessio.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Siren} as its normalised text. */
@Converter(autoApply = true)
public class SirenConverter implements AttributeConverter<Siren, String> {

	@Override
	public String convertToDatabaseColumn(Siren attribute) {
		return attribute == null ? null : attribute.value();
	}

	@Override
	public Siren convertToEntityAttribute(String column) {
		return column == null ? null : new Siren(column);
	}

}
