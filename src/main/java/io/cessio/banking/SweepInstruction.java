package io.cessio.banking;

import java.time.LocalDate;
import java.util.Objects;

/**
 * For the sweep: transfer whatever the dedicated account holds for the factor at that
 * moment, once per one-time request key.
 */
public record SweepInstruction(DedicatedAccountId account, String requestKey, String remittanceInfo,
		LocalDate executionDate) {

	public SweepInstruction {
		Objects.requireNonNull(account);
		Objects.requireNonNull(requestKey);
		Objects.requireNonNull(remittanceInfo);
		Objects.requireNonNull(executionDate);
	}

}
