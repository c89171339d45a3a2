package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ValidIban}, {@link ValidBic}, {@link ValidSiren} and {@link ValidSiret} through
 * a real Bean Validation provider.
 */
class ValidatorTests {

	static ValidatorFactory factory;

	static Validator validator;

	record BankDetails(@ValidIban String iban, @ValidBic String bic, @ValidSiren String siren,
			@ValidSiret String siret) {

		static BankDetails valid() {
			return new BankDetails("FR76 3000 6000 0112 3456 7890 189", "BNPAFRPP", "123 456 782", "73282932000074");
		}

		BankDetails with(String property, String value) {
			return switch (property) {
				case "iban" -> new BankDetails(value, this.bic, this.siren, this.siret);
				case "bic" -> new BankDetails(this.iban, value, this.siren, this.siret);
				case "siren" -> new BankDetails(this.iban, this.bic, value, this.siret);
				case "siret" -> new BankDetails(this.iban, this.bic, this.siren, value);
				default -> throw new IllegalArgumentException(property);
			};
		}

	}

	@BeforeAll
	static void startValidator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void stopValidator() {
		factory.close();
	}

	@Test
	void acceptsValidIdentifiers() {
		assertThat(validator.validate(BankDetails.valid())).isEmpty();
		assertThat(validator.validate(
				new BankDetails("fr1420041010050500013m02606", " bnpafrppxxx ", "552109878", "356 000 000 00001")))
			.isEmpty();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   " })
	void leavesNullAndBlankToNotBlank(String missing) {
		assertThat(validator.validate(new BankDetails(missing, missing, missing, missing))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "iban, FR7630006000011234567890188, {shared.validation.iban}",
			"iban, FR0630006000011234567890188, {shared.validation.iban}",
			"iban, not an iban, {shared.validation.iban}", "bic, BNPAFRP, {shared.validation.bic}",
			"bic, BNP1FRPP, {shared.validation.bic}", "siren, 123456789, {shared.validation.siren}",
			"siren, 12345678, {shared.validation.siren}", "siret, 73282932000075, {shared.validation.siret}",
			"siret, 35600000000014, {shared.validation.siret}", "siret, 123456782, {shared.validation.siret}" })
	void reportsAnInvalidIdentifierOnItsProperty(String property, String value, String messageTemplate) {
		Set<ConstraintViolation<BankDetails>> violations = validator
			.validate(BankDetails.valid().with(property, value));

		assertThat(violations).singleElement().satisfies((violation) -> {
			assertThat(violation.getPropertyPath()).hasToString(property);
			assertThat(violation.getMessageTemplate()).isEqualTo(messageTemplate);
			assertThat(violation.getInvalidValue()).isEqualTo(value);
		});
	}

	@Test
	void reportsEveryInvalidIdentifier() {
		BankDetails allWrong = new BankDetails("FR7730006000011234567890189", "BNPAFRPPXX", "123456789",
				"12345678200011");

		assertThat(validator.validate(allWrong)).extracting((violation) -> violation.getPropertyPath().toString())
			.containsExactlyInAnyOrder("iban", "bic", "siren", "siret");
	}

}
