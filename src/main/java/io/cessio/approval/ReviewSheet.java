package io.cessio.approval;

import java.util.List;

import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorView;
import io.cessio.invoices.InvoiceStatus;
import io.cessio.invoices.InvoiceView;
import io.cessio.invoices.RemittanceView;

/**
 * A remittance as the analyst reviews it: each item with its debtor and failed checks.
 *
 * @param fourEyes whether the remittance is above the contract's four-eyes threshold
 */
public record ReviewSheet(RemittanceView remittance, String companyName, ContractTerms terms, List<Line> lines,
		boolean fourEyes) {

	public ReviewSheet {
		lines = List.copyOf(lines);
	}

	public boolean allDecided() {
		return lines.stream().noneMatch(line -> line.item().status() == InvoiceStatus.SUBMITTED);
	}

	public Line line(io.cessio.invoices.InvoiceId id) {
		return lines.stream()
			.filter(line -> line.item().id().equals(id))
			.findFirst()
			.orElseThrow(() -> new io.cessio.invoices.InvoiceNotFound("invoice " + id));
	}

	/** One item of the remittance under review. */
	public record Line(InvoiceView item, DebtorView debtor, List<EligibilityFinding> findings) {

		public Line {
			findings = List.copyOf(findings);
		}

		public boolean eligible() {
			return findings.isEmpty();
		}

		public List<String> failedCodes() {
			return findings.stream().map(finding -> finding.check().name()).toList();
		}

	}

}
