package io.cessio.shared;

import java.math.BigDecimal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Rate} as its fraction in a {@code numeric(12,8)} column. */
@Converter(autoApply = true)
public class RateConverter implements AttributeConverter<Rate, BigDecimal> {

	@Override
	public BigDecimal convertToDatabaseColumn(Rate attribute) {
		return attribute == null ? null : attribute.value();
	}

	@Override
	public Rate convertToEntityAttribute(BigDecimal column) {
		return column == null ? null : new Rate(column);
	}

}
