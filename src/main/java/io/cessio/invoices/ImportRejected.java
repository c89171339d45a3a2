package io.cessio.invoices;

import java.util.List;

/**
 * The file was refused as a whole and nothing was stored. {@link #errors()} lists the
 * first problems line by line; {@link #errorCount()} counts them all.
 */
public class ImportRejected extends RuntimeException {

	private final List<ImportError> errors;

	private final long errorCount;

	public ImportRejected(List<ImportError> errors, long errorCount) {
		super("Import refused: " + errorCount + " error(s), first: "
				+ (errors.isEmpty() ? "-" : errors.get(0).line() + " " + errors.get(0).messageKey()));
		this.errors = List.copyOf(errors);
		this.errorCount = errorCount;
	}

	public List<ImportError> errors() {
		return errors;
	}

	public long errorCount() {
		return errorCount;
	}

}
