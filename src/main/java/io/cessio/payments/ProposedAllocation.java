package io.cessio.payments;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * Part of a receipt allocated to one invoice.
 *
 * @param amount positive, scale 2, never more than the invoice's open amount
 * @param score the confidence of the rule, 0 to 1, scale 2
 */
public record ProposedAllocation(UUID invoiceId, BigDecimal amount, MatchPass pass, BigDecimal score) {

	public ProposedAllocation {
		Objects.requireNonNull(invoiceId, "invoiceId");
		amount = Cents.requirePositive(amount, "Allocated amount");
		Objects.requireNonNull(pass, "pass");
		Objects.requireNonNull(score, "score");
	}

}
