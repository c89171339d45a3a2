package io.cessio;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import io.cessio.ledger.InvariantViolation;
import io.cessio.ledger.Ledger;

/**
 * Runs the ledger invariant check (BENCHMARKS.md R1) after every integration test class:
 * every entry balanced, trial balance zero, cached balances equal to posting sums, no
 * portion negative, each dedicated account equal to its three portions. A feature that
 * breaks the books fails here.
 */
public class LedgerInvariantsCheck implements AfterAllCallback {

	@Override
	public void afterAll(ExtensionContext context) {
		Ledger ledger = SpringExtension.getApplicationContext(context).getBean(Ledger.class);
		List<InvariantViolation> violations = ledger.invariantViolations();
		System.out.println("R1 ledger invariants after " + context.getRequiredTestClass().getSimpleName()
				+ ": checks=1, violations=" + violations.size());
		if (!violations.isEmpty()) {
			throw new AssertionError("Ledger invariants broken after " + context.getRequiredTestClass().getSimpleName()
					+ ": " + violations);
		}
	}

}
