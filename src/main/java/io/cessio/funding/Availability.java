package io.cessio.funding;

import java.time.LocalDate;
import java.util.List;

import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * A company's availability at a date, line by line (DOMAIN.md §3.2), each line with the
 * receivables behind it. Never stored: computed from the ledger and the invoices.
 *
 * @param outstanding the open purchased invoices less credit notes, incl. VAT
 * @param ineligible what is not financed, by reason (only reasons with an amount)
 * @param eligible outstanding less ineligible
 * @param advance advance rate × eligible, rounded half-up to the cent
 * @param fundingBase the advance, capped by the facility limit
 * @param reserve what eligible outstanding the factor keeps back: eligible − funding base
 * @param fundsInUse advanced and charged, less collected (the ledger)
 * @param availability funding base − funds in use; may be negative
 * @param pendingPayouts payouts requested but not executed yet
 * @param drawable what the company can still ask for: availability − pending payouts
 */
public record Availability(LocalDate asOf, List<Receivable> outstandingItems, Money outstanding,
		List<IneligibleLine> ineligible, Money eligible, Rate advanceRate, Money advance, Money facilityLimit,
		Money fundingBase, Money reserve, Money fundsInUse, Money availability, Money pendingPayouts, Money drawable) {

	public Availability {
		outstandingItems = List.copyOf(outstandingItems);
		ineligible = List.copyOf(ineligible);
	}

	public boolean cappedByFacility() {
		return fundingBase.compareTo(advance) < 0;
	}

	/**
	 * What is not financed for one reason, and the part of each receivable that makes it
	 * up (the parts add up to the amount).
	 */
	public record IneligibleLine(IneligibleReason reason, Money amount, List<Portion> portions) {

		public IneligibleLine {
			portions = List.copyOf(portions);
		}

	}

	/** The part of a receivable counted in a line. */
	public record Portion(Receivable receivable, Money amount) {
	}

}
