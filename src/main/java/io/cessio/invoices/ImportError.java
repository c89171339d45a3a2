package io.cessio.invoices;

import java.util.List;

/**
 * One problem of an imported file: the line (1 = the header), the column, a message key
 * with its arguments, and the value found.
 */
public record ImportError(long line, String column, String messageKey, List<Object> arguments, String value) {

	public ImportError {
		arguments = List.copyOf(arguments);
	}

}
