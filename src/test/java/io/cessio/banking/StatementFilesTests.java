package io.cessio.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cessio.shared.CreditorReference;

/** The fixture's own shortcuts agree with the domain's rules. */
class StatementFilesTests {

	@ParameterizedTest
	@ValueSource(strings = { "F1", "F99999", "539007547034", "ALPHA20260107", "Z" })
	void computesTheCreditorReferenceOfIso11649(String body) {
		assertThat(StatementFiles.rfReference(body)).isEqualTo(CreditorReference.forBody(body).value());
	}

	@ParameterizedTest
	@CsvSource({ "12345.60, 0000000123456{", "-12345.60, 0000000123456}", "0.11, 0000000000001A",
			"-1250.09, 0000000012500R" })
	void writesCfonbAmountsAsDomainSection54Says(BigDecimal amount, String written) {
		assertThat(StatementFiles.cfonbAmount(amount)).isEqualTo(written);
	}

}
