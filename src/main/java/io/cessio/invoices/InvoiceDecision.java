package io.cessio.invoices;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An analyst's decision on one invoice of a remittance. A rejection carries a reason; an
 * approval despite failed eligibility checks carries the analyst's justification, and the
 * checks it overrides.
 */
public record InvoiceDecision(boolean approved, @Nullable String reasonCode, @Nullable String reason,
		@Nullable String overrideJustification, List<String> failedChecks, String decidedBy, Instant decidedAt) {

	public InvoiceDecision {
		Objects.requireNonNull(decidedBy, "decidedBy");
		Objects.requireNonNull(decidedAt, "decidedAt");
		failedChecks = List.copyOf(failedChecks);
		reason = blankToNull(reason);
		overrideJustification = blankToNull(overrideJustification);
		if (!approved && reason == null) {
			throw new DecisionRefused("approval.error.reasonRequired", "A rejection needs a reason");
		}
		if (approved && !failedChecks.isEmpty() && overrideJustification == null) {
			throw new DecisionRefused("approval.error.justificationRequired",
					"Approving despite failed checks needs a justification");
		}
		if ((reason != null && reason.length() > 1000)
				|| (overrideJustification != null && overrideJustification.length() > 1000)) {
			throw new DecisionRefused("approval.error.tooLong",
					"Reasons and justifications have at most 1000 characters");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
