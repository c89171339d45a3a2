package io.cessio.approval;

import java.util.List;

/**
 * A failed check, with the figures its explanation quotes (amounts already formatted by
 * the page, dates, percentages).
 */
public record EligibilityFinding(EligibilityCheck check, List<Object> arguments) {

	public EligibilityFinding {
		arguments = List.copyOf(arguments);
	}

	static EligibilityFinding of(EligibilityCheck check, Object... arguments) {
		return new EligibilityFinding(check, List.of(arguments));
	}

}
