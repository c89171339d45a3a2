package io.cessio.banking.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cessio.shared.Money;

/**
 * Exported cells cannot be read as formulas by a spreadsheet (R5: = + - @ tab CR
 * escaped).
 */
class CsvTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "=HYPERLINK(\"http://x\")|\"'=HYPERLINK(\"\"http://x\"\")\"",
			"+cmd|\"'+cmd\"", "-2+3|\"'-2+3\"", "@SUM(A1)|\"'@SUM(A1)\"", "VIR GAMMA|\"VIR GAMMA\"", "a;b|\"a;b\"" })
	void neutralisesFormulasAndQuotesText(String text, String expected) {
		assertThat(Csv.cell(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "'-300.00', '-300,00'", "'1234.5', '1234,50'" })
	void writesAmountsAsPlainNumbersWithADecimalComma(String amount, String expected) {
		assertThat(Csv.amount(Money.eur(amount))).isEqualTo(expected);
	}

}
