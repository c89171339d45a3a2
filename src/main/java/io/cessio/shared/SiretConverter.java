package io.cessio.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Siret} as its normalised text. */
@Converter(autoApply = true)
public class SiretConverter implements AttributeConverter<Siret, String> {

	@Override
	public String convertToDatabaseColumn(Siret attribute) {
		return attribute == null ? null : attribute.value();
	}

	@Override
	public Siret convertToEntityAttribute(String column) {
		return column == null ? null : new Siret(column);
	}

}
