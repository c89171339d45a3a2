package io.cessio.funding;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cessio.companies.ContractTerms;
import io.cessio.debtors.DebtorId;
import io.cessio.funding.Availability.IneligibleLine;
import io.cessio.funding.Availability.Portion;
import io.cessio.shared.Money;

/**
 * The availability formula (DOMAIN.md §3.2) as a pure function of the open receivables,
 * the debtors' standing, the contract and the funds in use. Ineligible amounts are taken
 * in this order, each from what the previous ones left: the amount of an open dispute,
 * définancement (overdue past the contract's delay), unapproved or blocked debtor, the
 * part above a debtor's approval, the part above the concentration limit (a share of the
 * eligible outstanding before concentration, summed over the debtors whose eligible
 * balance is positive: a debtor whose credit notes exceed its invoices does not shrink
 * the others' limit). A partial amount is attributed to the debtor's invoices due last
 * first, so that every line lists exactly the parts of invoices that make it up.
 */
public final class AvailabilityCalculator {

	private AvailabilityCalculator() {
	}

	public static Availability compute(LocalDate asOf, ContractTerms terms, List<Receivable> receivables,
			Map<DebtorId, DebtorStanding> standings, Money fundsInUse, Money pendingPayouts) {
		Money zero = Money.zero(Money.EUR);
		Map<IneligibleReason, List<Portion>> ineligible = new EnumMap<>(IneligibleReason.class);
		Map<Receivable, Money> eligibleLeft = new LinkedHashMap<>();
		Map<DebtorId, List<Receivable>> byDebtor = new LinkedHashMap<>();
		Money outstanding = zero;
		for (Receivable receivable : receivables) {
			outstanding = outstanding.plus(receivable.signedAmount());
			byDebtor.computeIfAbsent(receivable.debtorId(), id -> new ArrayList<>()).add(receivable);
		}
		Map<DebtorId, Money> debtorEligible = new LinkedHashMap<>();
		for (Map.Entry<DebtorId, List<Receivable>> debtor : byDebtor.entrySet()) {
			Money net = zero;
			List<Receivable> invoices = new ArrayList<>();
			for (Receivable receivable : debtor.getValue()) {
				if (receivable.creditNote()) {
					net = net.minus(receivable.amount());
				}
				else {
					Money left = receivable.amount();
					if (receivable.disputed().isPositive()) {
						Money disputed = receivable.disputed().isGreaterThan(left) ? left : receivable.disputed();
						add(ineligible, IneligibleReason.DISPUTED, new Portion(receivable, disputed));
						left = left.minus(disputed);
					}
					if (!left.isPositive()) {
						continue;
					}
					if (receivable.dueDate().plusDays(terms.defundingDays()).isBefore(asOf)) {
						add(ineligible, IneligibleReason.DEFUNDED, new Portion(receivable, left));
					}
					else {
						net = net.plus(left);
						invoices.add(receivable);
						eligibleLeft.put(receivable, left);
					}
				}
			}
			invoices.sort(Comparator.comparing(Receivable::dueDate).thenComparing(Receivable::number).reversed());
			if (!net.isPositive()) {
				debtorEligible.put(debtor.getKey(), net);
				continue;
			}
			DebtorStanding standing = standings.getOrDefault(debtor.getKey(), new DebtorStanding(null, false));
			if (!standing.isApprovedOn(asOf)) {
				allocate(ineligible, IneligibleReason.UNAPPROVED_DEBTOR, net, invoices, eligibleLeft);
				debtorEligible.put(debtor.getKey(), zero);
				continue;
			}
			Money limit = standing.approval().limit();
			if (net.isGreaterThan(limit)) {
				allocate(ineligible, IneligibleReason.OVER_APPROVAL, net.minus(limit), invoices, eligibleLeft);
				net = limit;
			}
			debtorEligible.put(debtor.getKey(), net);
		}
		if (terms.concentrationLimit().compareTo(io.cessio.shared.Rate.ofPercent("100")) < 0) {
			Money beforeConcentration = debtorEligible.values()
				.stream()
				.filter(Money::isPositive)
				.reduce(zero, Money::plus);
			Money perDebtor = beforeConcentration.times(terms.concentrationLimit(), RoundingMode.DOWN);
			for (Map.Entry<DebtorId, Money> debtor : debtorEligible.entrySet()) {
				if (debtor.getValue().isGreaterThan(perDebtor)) {
					List<Receivable> invoices = byDebtor.get(debtor.getKey())
						.stream()
						.filter(eligibleLeft::containsKey)
						.sorted(Comparator.comparing(Receivable::dueDate).thenComparing(Receivable::number).reversed())
						.toList();
					allocate(ineligible, IneligibleReason.OVER_CONCENTRATION, debtor.getValue().minus(perDebtor),
							invoices, eligibleLeft);
				}
			}
		}
		List<IneligibleLine> lines = new ArrayList<>();
		Money totalIneligible = zero;
		for (Map.Entry<IneligibleReason, List<Portion>> line : ineligible.entrySet()) {
			Money amount = line.getValue().stream().map(Portion::amount).reduce(zero, Money::plus);
			totalIneligible = totalIneligible.plus(amount);
			lines.add(new IneligibleLine(line.getKey(), amount, line.getValue()));
		}
		Money eligible = outstanding.minus(totalIneligible);
		Money advance = eligible.isPositive() ? eligible.times(terms.advanceRate(), RoundingMode.HALF_UP) : zero;
		Money fundingBase = advance.isGreaterThan(terms.facilityLimit()) ? terms.facilityLimit() : advance;
		Money reserve = eligible.isPositive() ? eligible.minus(fundingBase) : zero;
		Money availability = fundingBase.minus(fundsInUse);
		return new Availability(asOf, receivables, outstanding, lines, eligible, terms.advanceRate(), advance,
				terms.facilityLimit(), fundingBase, reserve, fundsInUse, availability, pendingPayouts,
				availability.minus(pendingPayouts));
	}

	/** Takes {@code amount} from the invoices' eligible parts, in the order given. */
	private static void allocate(Map<IneligibleReason, List<Portion>> ineligible, IneligibleReason reason, Money amount,
			List<Receivable> invoices, Map<Receivable, Money> eligibleLeft) {
		Money left = amount;
		for (Receivable invoice : invoices) {
			if (!left.isPositive()) {
				return;
			}
			Money available = eligibleLeft.getOrDefault(invoice, Money.zero(Money.EUR));
			if (!available.isPositive()) {
				continue;
			}
			Money part = available.isGreaterThan(left) ? left : available;
			add(ineligible, reason, new Portion(invoice, part));
			eligibleLeft.put(invoice, available.minus(part));
			left = left.minus(part);
		}
	}

	private static void add(Map<IneligibleReason, List<Portion>> ineligible, IneligibleReason reason, Portion portion) {
		ineligible.computeIfAbsent(reason, r -> new ArrayList<>()).add(portion);
	}

}
