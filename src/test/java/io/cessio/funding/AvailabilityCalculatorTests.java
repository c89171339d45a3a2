package io.cessio.funding;

import static io.cessio.shared.Money.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.cessio.companies.ContractTerms;
import io.cessio.debtors.Approval;
import io.cessio.debtors.DebtorId;
import io.cessio.funding.Availability.IneligibleLine;
import io.cessio.funding.Availability.Portion;
import io.cessio.invoices.InvoiceId;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * The availability formula (DOMAIN.md §3.2): the worked example's figures (§3.3), each
 * ineligible reason with the receivables behind it, and generated portfolios (seeded,
 * replay with {@code -Davailability.seed=N}). Every computed availability is checked
 * against {@link #assertConsistent}: the lines' portions add up, each receivable is
 * counted at most once over, eligible is outstanding less the lines, and the figures
 * below follow from it.
 */
class AvailabilityCalculatorTests {

	static final Money ZERO = Money.zero(Money.EUR);

	static final LocalDate PURCHASE_DAY = LocalDate.of(2026, 3, 3);

	static final LocalDate AS_OF = PURCHASE_DAY;

	static final LocalDate APPROVED_UNTIL = LocalDate.of(2030, 12, 31);

	static final int CASES = 2_000;

	// DOMAIN.md §3.3: F1 BETA, F2 GAMMA, F3 DELTA, concentration 100 %

	final DebtorId beta = DebtorId.newId();

	final DebtorId gamma = DebtorId.newId();

	final DebtorId delta = DebtorId.newId();

	final Receivable f1 = invoice(beta, "F1", LocalDate.of(2026, 4, 28), "12000.00");

	final Receivable f2 = invoice(gamma, "F2", LocalDate.of(2026, 4, 15), "6000.00");

	final Receivable f3 = invoice(delta, "F3", LocalDate.of(2026, 4, 30), "2400.00");

	final Map<DebtorId, DebtorStanding> workedExampleStandings = Map.of(beta, approved("50000.00"), gamma,
			approved("50000.00"), delta, approved("50000.00"));

	final ContractTerms workedExampleTerms = terms("90", "500000.00", "100", 60);

	@Test
	void reproducesTheWorkedExampleOnThePurchaseDayAfterTheFees() {
		Availability availability = compute(PURCHASE_DAY, workedExampleTerms, List.of(f1, f2, f3),
				workedExampleStandings, eur("84.24"), ZERO);

		assertThat(availability.outstanding()).isEqualTo(eur("20400.00"));
		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.eligible()).isEqualTo(eur("20400.00"));
		assertThat(availability.advance()).isEqualTo(eur("18360.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("18360.00"));
		assertThat(availability.cappedByFacility()).isFalse();
		assertThat(availability.reserve()).isEqualTo(eur("2040.00"));
		assertThat(availability.fundsInUse()).isEqualTo(eur("84.24"));
		assertThat(availability.availability()).isEqualTo(eur("18275.76"));
		assertThat(availability.drawable()).isEqualTo(eur("18275.76"));
	}

	@Test
	void leavesNothingAvailableAfterTheWorkedExamplePayout() {
		Availability availability = compute(PURCHASE_DAY, workedExampleTerms, List.of(f1, f2, f3),
				workedExampleStandings, eur("18360.00"), ZERO);

		assertThat(availability.fundingBase()).isEqualTo(eur("18360.00"));
		assertThat(availability.availability()).isEqualTo(eur("0.00"));
		assertThat(availability.drawable()).isEqualTo(eur("0.00"));
	}

	@Test
	void goesNegativeByTheMarchFinancingChargeAtMonthEnd() {
		Availability availability = compute(LocalDate.of(2026, 3, 31), workedExampleTerms, List.of(f1, f2, f3),
				workedExampleStandings, eur("18412.21"), ZERO);

		assertThat(availability.outstanding()).isEqualTo(eur("20400.00"));
		assertThat(availability.eligible()).isEqualTo(eur("20400.00"));
		assertThat(availability.availability()).isEqualTo(eur("-52.21"));
		assertThat(availability.drawable()).isEqualTo(eur("-52.21"));
	}

	@Test
	void releasesTheReserveOfF2LessTheMarchChargeWhenGammaPays() {
		Availability availability = compute(LocalDate.of(2026, 4, 15), workedExampleTerms, List.of(f1, f3),
				workedExampleStandings, eur("12412.21"), ZERO);

		assertThat(availability.outstanding()).isEqualTo(eur("14400.00"));
		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.eligible()).isEqualTo(eur("14400.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("12960.00"));
		assertThat(availability.reserve()).isEqualTo(eur("1440.00"));
		assertThat(availability.availability()).isEqualTo(eur("547.79"));
		assertThat(availability.drawable()).isEqualTo(eur("547.79"));
	}

	@Test
	void leavesNothingToDrawWhileTheDrawOfTheReleasedReserveIsPending() {
		Availability availability = compute(LocalDate.of(2026, 4, 15), workedExampleTerms, List.of(f1, f3),
				workedExampleStandings, eur("12412.21"), eur("547.79"));

		assertThat(availability.availability()).isEqualTo(eur("547.79"));
		assertThat(availability.pendingPayouts()).isEqualTo(eur("547.79"));
		assertThat(availability.drawable()).isEqualTo(eur("0.00"));
	}

	@Test
	void capsBetaAtThirtyPercentOfTheWorkedExampleOnStandardTerms() {
		// 30 % of 20 400,00 = 6 120,00: BETA's 12 000,00 is 5 880,00 above, GAMMA's
		// 6 000,00 is not
		Availability availability = compute(PURCHASE_DAY, ContractTerms.standard(), List.of(f1, f2, f3),
				workedExampleStandings, eur("84.24"), ZERO);

		assertThat(availability.ineligible()).extracting(IneligibleLine::reason)
			.containsExactly(IneligibleReason.OVER_CONCENTRATION);
		assertThat(line(availability, IneligibleReason.OVER_CONCENTRATION).portions())
			.containsExactly(new Portion(f1, eur("5880.00")));
		assertThat(availability.eligible()).isEqualTo(eur("14520.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("13068.00"));
		assertThat(availability.availability()).isEqualTo(eur("12983.76"));
	}

	// DEFUNDED

	@Test
	void defundsAnInvoiceTheDayAfterItsDefundingDelay() {
		DebtorId debtor = DebtorId.newId();
		// 01/01 + 60 days = 02/03: defunded on 03/03
		Receivable overdue = invoice(debtor, "F-001", LocalDate.of(2026, 1, 1), "1000.00");
		Receivable current = invoice(debtor, "F-002", LocalDate.of(2026, 2, 15), "500.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(overdue, current),
				Map.of(debtor, approved("50000.00")), ZERO, ZERO);

		assertThat(availability.ineligible()).extracting(IneligibleLine::reason)
			.containsExactly(IneligibleReason.DEFUNDED);
		IneligibleLine defunded = line(availability, IneligibleReason.DEFUNDED);
		assertThat(defunded.amount()).isEqualTo(eur("1000.00"));
		assertThat(defunded.portions()).containsExactly(new Portion(overdue, eur("1000.00")));
		assertThat(availability.outstanding()).isEqualTo(eur("1500.00"));
		assertThat(availability.eligible()).isEqualTo(eur("500.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("450.00"));
	}

	@Test
	void keepsAnInvoiceEligibleOnTheLastDayOfItsDefundingDelay() {
		DebtorId debtor = DebtorId.newId();
		Receivable overdue = invoice(debtor, "F-001", LocalDate.of(2026, 1, 1), "1000.00");
		Receivable current = invoice(debtor, "F-002", LocalDate.of(2026, 2, 15), "500.00");

		Availability availability = compute(LocalDate.of(2026, 3, 2), terms("90", "500000.00", "100", 60),
				List.of(overdue, current), Map.of(debtor, approved("50000.00")), ZERO, ZERO);

		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.eligible()).isEqualTo(eur("1500.00"));
	}

	@Test
	void defundsTheDayAfterTheDueDateWithoutADefundingDelay() {
		DebtorId debtor = DebtorId.newId();
		Receivable dueYesterday = invoice(debtor, "F-001", AS_OF.minusDays(1), "1000.00");
		Receivable dueToday = invoice(debtor, "F-002", AS_OF, "500.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 0), List.of(dueYesterday, dueToday),
				Map.of(debtor, approved("50000.00")), ZERO, ZERO);

		assertThat(line(availability, IneligibleReason.DEFUNDED).portions())
			.containsExactly(new Portion(dueYesterday, eur("1000.00")));
		assertThat(availability.eligible()).isEqualTo(eur("500.00"));
	}

	@Test
	void neverDefundsACreditNote() {
		DebtorId debtor = DebtorId.newId();
		Receivable invoice = invoice(debtor, "F-001", LocalDate.of(2026, 4, 30), "1000.00");
		Receivable oldCreditNote = creditNote(debtor, "AV-001", LocalDate.of(2025, 6, 30), "300.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(invoice, oldCreditNote),
				Map.of(debtor, approved("50000.00")), ZERO, ZERO);

		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.outstanding()).isEqualTo(eur("700.00"));
		assertThat(availability.eligible()).isEqualTo(eur("700.00"));
	}

	@Test
	void takesDefundedInvoicesBeforeTheRestOfAnUnapprovedDebtor() {
		DebtorId debtor = DebtorId.newId();
		Receivable overdue = invoice(debtor, "F-001", LocalDate.of(2025, 12, 1), "1000.00");
		Receivable current = invoice(debtor, "F-002", LocalDate.of(2026, 4, 1), "500.00");

		Availability availability = compute(AS_OF, ContractTerms.standard(), List.of(overdue, current), Map.of(), ZERO,
				ZERO);

		assertThat(availability.ineligible()).extracting(IneligibleLine::reason)
			.containsExactly(IneligibleReason.DEFUNDED, IneligibleReason.UNAPPROVED_DEBTOR);
		assertThat(line(availability, IneligibleReason.DEFUNDED).portions())
			.containsExactly(new Portion(overdue, eur("1000.00")));
		assertThat(line(availability, IneligibleReason.UNAPPROVED_DEBTOR).portions())
			.containsExactly(new Portion(current, eur("500.00")));
		assertThat(availability.eligible()).isEqualTo(eur("0.00"));
	}

	// UNAPPROVED_DEBTOR

	static Stream<Named<DebtorStanding>> standingsNotApprovedOnTheDay() {
		return Stream.of(Named.of("no approval", new DebtorStanding(null, false)),
				Named.of("a zero limit", new DebtorStanding(new Approval(eur("0.00"), APPROVED_UNTIL), false)),
				Named.of("an approval expired the day before",
						new DebtorStanding(new Approval(eur("50000.00"), AS_OF.minusDays(1)), false)),
				Named.of("a blocked debtor", new DebtorStanding(new Approval(eur("50000.00"), APPROVED_UNTIL), true)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("standingsNotApprovedOnTheDay")
	void excludesAllOfADebtorWithoutAValidApproval(DebtorStanding standing) {
		DebtorId unapproved = DebtorId.newId();
		DebtorId approved = DebtorId.newId();
		Receivable first = invoice(unapproved, "F-001", LocalDate.of(2026, 4, 10), "1000.00");
		Receivable second = invoice(unapproved, "F-002", LocalDate.of(2026, 4, 20), "2000.00");
		Receivable other = invoice(approved, "F-003", LocalDate.of(2026, 4, 30), "4000.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(first, second, other),
				Map.of(unapproved, standing, approved, approved("50000.00")), ZERO, ZERO);

		assertThat(availability.ineligible()).extracting(IneligibleLine::reason)
			.containsExactly(IneligibleReason.UNAPPROVED_DEBTOR);
		IneligibleLine line = line(availability, IneligibleReason.UNAPPROVED_DEBTOR);
		assertThat(line.amount()).isEqualTo(eur("3000.00"));
		assertThat(line.portions()).containsExactly(new Portion(second, eur("2000.00")),
				new Portion(first, eur("1000.00")));
		assertThat(availability.eligible()).isEqualTo(eur("4000.00"));
	}

	@Test
	void excludesADebtorWithNoStandingAtAll() {
		DebtorId unknown = DebtorId.newId();
		Receivable invoice = invoice(unknown, "F-001", LocalDate.of(2026, 4, 10), "1000.00");

		Availability availability = compute(AS_OF, ContractTerms.standard(), List.of(invoice), Map.of(), ZERO, ZERO);

		assertThat(line(availability, IneligibleReason.UNAPPROVED_DEBTOR).portions())
			.containsExactly(new Portion(invoice, eur("1000.00")));
		assertThat(availability.eligible()).isEqualTo(eur("0.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("0.00"));
	}

	@Test
	void stillFinancesADebtorOnTheDayItsApprovalExpires() {
		DebtorId debtor = DebtorId.newId();
		Receivable invoice = invoice(debtor, "F-001", LocalDate.of(2026, 4, 10), "1000.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(invoice),
				Map.of(debtor, new DebtorStanding(new Approval(eur("50000.00"), AS_OF), false)), ZERO, ZERO);

		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.eligible()).isEqualTo(eur("1000.00"));
	}

	@Test
	void excludesOnlyTheNetOfAnUnapprovedDebtorWithACreditNote() {
		DebtorId debtor = DebtorId.newId();
		Receivable first = invoice(debtor, "F-001", LocalDate.of(2026, 4, 1), "1000.00");
		Receivable last = invoice(debtor, "F-002", LocalDate.of(2026, 5, 1), "400.00");
		Receivable credit = creditNote(debtor, "AV-001", LocalDate.of(2026, 4, 15), "300.00");

		Availability availability = compute(AS_OF, ContractTerms.standard(), List.of(first, last, credit),
				Map.of(debtor, new DebtorStanding(null, false)), ZERO, ZERO);

		IneligibleLine line = line(availability, IneligibleReason.UNAPPROVED_DEBTOR);
		assertThat(line.amount()).isEqualTo(eur("1100.00"));
		assertThat(line.portions()).containsExactly(new Portion(last, eur("400.00")),
				new Portion(first, eur("700.00")));
		assertThat(availability.outstanding()).isEqualTo(eur("1100.00"));
		assertThat(availability.eligible()).isEqualTo(eur("0.00"));
	}

	// OVER_APPROVAL

	@Test
	void excludesThePartAboveTheApprovalFromTheInvoiceDueLast() {
		DebtorId debtor = DebtorId.newId();
		Receivable dueLast = invoice(debtor, "F-001", LocalDate.of(2026, 4, 20), "5000.00");
		Receivable dueFirst = invoice(debtor, "F-002", LocalDate.of(2026, 4, 10), "6000.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(dueLast, dueFirst),
				Map.of(debtor, approved("10000.00")), ZERO, ZERO);

		assertThat(availability.ineligible()).extracting(IneligibleLine::reason)
			.containsExactly(IneligibleReason.OVER_APPROVAL);
		IneligibleLine line = line(availability, IneligibleReason.OVER_APPROVAL);
		assertThat(line.amount()).isEqualTo(eur("1000.00"));
		assertThat(line.portions()).containsExactly(new Portion(dueLast, eur("1000.00")));
		assertThat(availability.eligible()).isEqualTo(eur("10000.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("9000.00"));
	}

	@Test
	void splitsThePartAboveTheApprovalAcrossTwoInvoicesWhenTheLastIsTooSmall() {
		DebtorId debtor = DebtorId.newId();
		Receivable dueFirst = invoice(debtor, "F-001", LocalDate.of(2026, 4, 10), "4000.00");
		Receivable dueLast = invoice(debtor, "F-002", LocalDate.of(2026, 4, 20), "2500.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(dueFirst, dueLast),
				Map.of(debtor, approved("3000.00")), ZERO, ZERO);

		IneligibleLine line = line(availability, IneligibleReason.OVER_APPROVAL);
		assertThat(line.amount()).isEqualTo(eur("3500.00"));
		assertThat(line.portions()).containsExactly(new Portion(dueLast, eur("2500.00")),
				new Portion(dueFirst, eur("1000.00")));
		assertThat(availability.eligible()).isEqualTo(eur("3000.00"));
	}

	@Test
	void financesADebtorUpToExactlyItsApproval() {
		DebtorId debtor = DebtorId.newId();
		Receivable invoice = invoice(debtor, "F-001", LocalDate.of(2026, 4, 10), "10000.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(invoice),
				Map.of(debtor, approved("10000.00")), ZERO, ZERO);

		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.eligible()).isEqualTo(eur("10000.00"));
	}

	@Test
	void comparesTheApprovalWithTheDebtorsNetOfCreditNotes() {
		DebtorId debtor = DebtorId.newId();
		Receivable first = invoice(debtor, "F-001", LocalDate.of(2026, 4, 10), "6000.00");
		Receivable second = invoice(debtor, "F-002", LocalDate.of(2026, 4, 20), "5000.00");
		Receivable credit = creditNote(debtor, "AV-001", LocalDate.of(2026, 3, 1), "1500.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(first, second, credit),
				Map.of(debtor, approved("10000.00")), ZERO, ZERO);

		// 11 000,00 − 1 500,00 = 9 500,00, within the approval
		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.outstanding()).isEqualTo(eur("9500.00"));
		assertThat(availability.eligible()).isEqualTo(eur("9500.00"));
	}

	@Test
	void excludesWhatANetOfCreditNotesLeavesAboveTheApproval() {
		DebtorId debtor = DebtorId.newId();
		Receivable first = invoice(debtor, "F-001", LocalDate.of(2026, 4, 10), "6000.00");
		Receivable second = invoice(debtor, "F-002", LocalDate.of(2026, 4, 20), "5000.00");
		Receivable credit = creditNote(debtor, "AV-001", LocalDate.of(2026, 3, 1), "500.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(first, second, credit),
				Map.of(debtor, approved("10000.00")), ZERO, ZERO);

		assertThat(line(availability, IneligibleReason.OVER_APPROVAL).portions())
			.containsExactly(new Portion(second, eur("500.00")));
		assertThat(availability.outstanding()).isEqualTo(eur("10500.00"));
		assertThat(availability.eligible()).isEqualTo(eur("10000.00"));
	}

	// OVER_CONCENTRATION

	@Test
	void excludesOnlyWhatTheDebtorsAboveTheConcentrationLimitHaveAboveIt() {
		DebtorId a = DebtorId.newId();
		DebtorId b = DebtorId.newId();
		DebtorId c = DebtorId.newId();
		Receivable a1 = invoice(a, "F-001", LocalDate.of(2026, 4, 10), "3000.00");
		Receivable a2 = invoice(a, "F-002", LocalDate.of(2026, 4, 20), "2000.00");
		Receivable b1 = invoice(b, "F-003", LocalDate.of(2026, 4, 15), "3500.00");
		Receivable c1 = invoice(c, "F-004", LocalDate.of(2026, 4, 30), "1500.00");

		// 30 % of 10 000,00 = 3 000,00: A is 2 000,00 above, B 500,00, C is below
		Availability availability = compute(AS_OF, ContractTerms.standard(), List.of(a1, a2, b1, c1),
				Map.of(a, approved("50000.00"), b, approved("50000.00"), c, approved("50000.00")), ZERO, ZERO);

		assertThat(availability.ineligible()).extracting(IneligibleLine::reason)
			.containsExactly(IneligibleReason.OVER_CONCENTRATION);
		IneligibleLine line = line(availability, IneligibleReason.OVER_CONCENTRATION);
		assertThat(line.amount()).isEqualTo(eur("2500.00"));
		assertThat(line.portions()).containsExactlyInAnyOrder(new Portion(a2, eur("2000.00")),
				new Portion(b1, eur("500.00")));
		assertThat(availability.eligible()).isEqualTo(eur("7500.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("6750.00"));
	}

	@Test
	void splitsAConcentrationExcessAcrossTheDebtorsInvoicesDueLastFirst() {
		DebtorId a = DebtorId.newId();
		DebtorId b = DebtorId.newId();
		Receivable a1 = invoice(a, "F-001", LocalDate.of(2026, 4, 10), "5000.00");
		Receivable a2 = invoice(a, "F-002", LocalDate.of(2026, 4, 30), "2000.00");
		Receivable a3 = invoice(a, "F-003", LocalDate.of(2026, 4, 20), "1000.00");
		Receivable b1 = invoice(b, "F-004", LocalDate.of(2026, 4, 15), "2000.00");

		// 30 % of 10 000,00 = 3 000,00: A is 5 000,00 above
		Availability availability = compute(AS_OF, ContractTerms.standard(), List.of(a1, a2, a3, b1),
				Map.of(a, approved("50000.00"), b, approved("50000.00")), ZERO, ZERO);

		assertThat(line(availability, IneligibleReason.OVER_CONCENTRATION).portions()).containsExactly(
				new Portion(a2, eur("2000.00")), new Portion(a3, eur("1000.00")), new Portion(a1, eur("2000.00")));
		assertThat(availability.eligible()).isEqualTo(eur("5000.00"));
	}

	@Test
	void roundsTheConcentrationLimitDownToTheCent() {
		DebtorId a = DebtorId.newId();
		DebtorId b = DebtorId.newId();
		DebtorId c = DebtorId.newId();
		Receivable a1 = invoice(a, "F-001", LocalDate.of(2026, 4, 10), "7000.03");
		Receivable b1 = invoice(b, "F-002", LocalDate.of(2026, 4, 10), "1500.00");
		Receivable c1 = invoice(c, "F-003", LocalDate.of(2026, 4, 10), "1500.00");

		// 30 % of 10 000,03 = 3 000,009: 3 000,00 (half-up would give 3 000,01)
		Availability availability = compute(AS_OF, ContractTerms.standard(), List.of(a1, b1, c1),
				Map.of(a, approved("50000.00"), b, approved("50000.00"), c, approved("50000.00")), ZERO, ZERO);

		IneligibleLine line = line(availability, IneligibleReason.OVER_CONCENTRATION);
		assertThat(line.amount()).isEqualTo(eur("4000.03"));
		assertThat(line.portions()).containsExactly(new Portion(a1, eur("4000.03")));
		assertThat(availability.eligible()).isEqualTo(eur("6000.00"));
	}

	@Test
	void measuresConcentrationOnWhatTheOtherReasonsLeaveEligible() {
		DebtorId a = DebtorId.newId();
		DebtorId b = DebtorId.newId();
		DebtorId c = DebtorId.newId();
		DebtorId d = DebtorId.newId();
		Receivable a1 = invoice(a, "F-001", LocalDate.of(2026, 4, 10), "5000.00");
		Receivable a2 = invoice(a, "F-002", LocalDate.of(2026, 4, 20), "3000.00");
		Receivable b1 = invoice(b, "F-003", LocalDate.of(2026, 4, 15), "3000.00");
		Receivable c1 = invoice(c, "F-004", LocalDate.of(2026, 4, 15), "2000.00");
		Receivable d1 = invoice(d, "F-005", LocalDate.of(2025, 12, 1), "4000.00");

		// D defunded, C unapproved, A 3 000,00 above its approval: 30 % of
		// (5 000,00 + 3 000,00) = 2 400,00; A is 2 600,00 above, B 600,00
		Availability availability = compute(AS_OF, ContractTerms.standard(), List.of(a1, a2, b1, c1, d1),
				Map.of(a, approved("5000.00"), b, approved("50000.00"), d, approved("50000.00")), ZERO, ZERO);

		assertThat(availability.ineligible()).extracting(IneligibleLine::reason)
			.containsExactly(IneligibleReason.DEFUNDED, IneligibleReason.UNAPPROVED_DEBTOR,
					IneligibleReason.OVER_APPROVAL, IneligibleReason.OVER_CONCENTRATION);
		assertThat(line(availability, IneligibleReason.DEFUNDED).portions())
			.containsExactly(new Portion(d1, eur("4000.00")));
		assertThat(line(availability, IneligibleReason.UNAPPROVED_DEBTOR).portions())
			.containsExactly(new Portion(c1, eur("2000.00")));
		assertThat(line(availability, IneligibleReason.OVER_APPROVAL).portions())
			.containsExactly(new Portion(a2, eur("3000.00")));
		IneligibleLine concentration = line(availability, IneligibleReason.OVER_CONCENTRATION);
		assertThat(concentration.amount()).isEqualTo(eur("3200.00"));
		assertThat(concentration.portions()).containsExactlyInAnyOrder(new Portion(a1, eur("2600.00")),
				new Portion(b1, eur("600.00")));
		assertThat(availability.outstanding()).isEqualTo(eur("17000.00"));
		assertThat(availability.eligible()).isEqualTo(eur("4800.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("4320.00"));
	}

	@Test
	void appliesNoConcentrationLimitAtOneHundredPercent() {
		DebtorId a = DebtorId.newId();
		Receivable a1 = invoice(a, "F-001", LocalDate.of(2026, 4, 10), "10000.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(a1),
				Map.of(a, approved("50000.00")), ZERO, ZERO);

		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.eligible()).isEqualTo(eur("10000.00"));
	}

	// credit notes

	@Test
	void letsADebtorsCreditNotesAboveItsInvoicesReduceTheEligibleOutstanding() {
		DebtorId credited = DebtorId.newId();
		DebtorId other = DebtorId.newId();
		Receivable invoice = invoice(credited, "F-001", LocalDate.of(2026, 4, 10), "1000.00");
		Receivable credit = creditNote(credited, "AV-001", LocalDate.of(2026, 3, 1), "1500.00");
		Receivable otherInvoice = invoice(other, "F-002", LocalDate.of(2026, 4, 20), "5000.00");

		// blocked, but with nothing positive to exclude: no line, and its −500,00 counts
		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60),
				List.of(invoice, credit, otherInvoice),
				Map.of(credited, new DebtorStanding(null, true), other, approved("50000.00")), eur("1000.00"), ZERO);

		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.outstanding()).isEqualTo(eur("4500.00"));
		assertThat(availability.eligible()).isEqualTo(eur("4500.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("4050.00"));
		assertThat(availability.availability()).isEqualTo(eur("3050.00"));
	}

	// funding base

	@Test
	void capsTheFundingBaseAtTheFacilityLimit() {
		DebtorId debtor = DebtorId.newId();
		Receivable invoice = invoice(debtor, "F-001", LocalDate.of(2026, 4, 10), "20000.00");

		Availability availability = compute(AS_OF, terms("90", "10000.00", "100", 60), List.of(invoice),
				Map.of(debtor, approved("50000.00")), eur("2500.00"), eur("1000.00"));

		assertThat(availability.eligible()).isEqualTo(eur("20000.00"));
		assertThat(availability.advance()).isEqualTo(eur("18000.00"));
		assertThat(availability.facilityLimit()).isEqualTo(eur("10000.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("10000.00"));
		assertThat(availability.cappedByFacility()).isTrue();
		assertThat(availability.reserve()).isEqualTo(eur("10000.00"));
		assertThat(availability.availability()).isEqualTo(eur("7500.00"));
		assertThat(availability.drawable()).isEqualTo(eur("6500.00"));
	}

	@Test
	void isNotCappedWhenTheAdvanceEqualsTheFacilityLimit() {
		DebtorId debtor = DebtorId.newId();
		Receivable invoice = invoice(debtor, "F-001", LocalDate.of(2026, 4, 10), "20000.00");

		Availability availability = compute(AS_OF, terms("90", "18000.00", "100", 60), List.of(invoice),
				Map.of(debtor, approved("50000.00")), ZERO, ZERO);

		assertThat(availability.fundingBase()).isEqualTo(eur("18000.00"));
		assertThat(availability.cappedByFacility()).isFalse();
	}

	@Test
	void roundsTheAdvanceHalfUpToTheCent() {
		DebtorId debtor = DebtorId.newId();
		Receivable invoice = invoice(debtor, "F-001", LocalDate.of(2026, 4, 10), "100.05");

		// 90 % of 100,05 = 90,045
		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60), List.of(invoice),
				Map.of(debtor, approved("50000.00")), ZERO, ZERO);

		assertThat(availability.advance()).isEqualTo(eur("90.05"));
		assertThat(availability.reserve()).isEqualTo(eur("10.00"));
	}

	@Test
	void neverGivesANegativeFundingBaseWhenCreditNotesOutweighTheEligibleInvoices() {
		DebtorId credited = DebtorId.newId();
		DebtorId other = DebtorId.newId();
		Receivable invoice = invoice(credited, "F-001", LocalDate.of(2026, 4, 10), "500.00");
		Receivable credit = creditNote(credited, "AV-001", LocalDate.of(2026, 3, 1), "2000.00");
		Receivable otherInvoice = invoice(other, "F-002", LocalDate.of(2026, 4, 20), "1000.00");

		Availability availability = compute(AS_OF, terms("90", "500000.00", "100", 60),
				List.of(invoice, credit, otherInvoice),
				Map.of(credited, approved("50000.00"), other, approved("50000.00")), eur("100.00"), eur("50.00"));

		assertThat(availability.outstanding()).isEqualTo(eur("-500.00"));
		assertThat(availability.eligible()).isEqualTo(eur("-500.00"));
		assertThat(availability.advance()).isEqualTo(eur("0.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("0.00"));
		assertThat(availability.reserve()).isEqualTo(eur("0.00"));
		assertThat(availability.availability()).isEqualTo(eur("-100.00"));
		assertThat(availability.drawable()).isEqualTo(eur("-150.00"));
	}

	@Test
	void neverGivesANegativeFundingBaseWhenACreditNoteOutlivesItsDefundedInvoice() {
		DebtorId debtor = DebtorId.newId();
		Receivable overdue = invoice(debtor, "F-001", LocalDate.of(2025, 12, 1), "1000.00");
		Receivable credit = creditNote(debtor, "AV-001", LocalDate.of(2026, 3, 1), "300.00");

		Availability availability = compute(AS_OF, ContractTerms.standard(), List.of(overdue, credit),
				Map.of(debtor, approved("50000.00")), ZERO, ZERO);

		assertThat(line(availability, IneligibleReason.DEFUNDED).portions())
			.containsExactly(new Portion(overdue, eur("1000.00")));
		assertThat(availability.eligible()).isEqualTo(eur("-300.00"));
		assertThat(availability.fundingBase()).isEqualTo(eur("0.00"));
		assertThat(availability.availability()).isEqualTo(eur("0.00"));
	}

	@Test
	void computesNothingFromNoReceivables() {
		Availability availability = compute(AS_OF, ContractTerms.standard(), List.of(), Map.of(), eur("-25.00"), ZERO);

		assertThat(availability.outstanding()).isEqualTo(eur("0.00"));
		assertThat(availability.ineligible()).isEmpty();
		assertThat(availability.fundingBase()).isEqualTo(eur("0.00"));
		assertThat(availability.availability()).isEqualTo(eur("25.00"));
	}

	// generated portfolios

	@Test
	void keepsItsInvariantsOnGeneratedPortfolios(TestInfo test) {
		long seed = seed(test);
		Random random = new Random(seed);
		Map<IneligibleReason, Integer> casesWith = new EnumMap<>(IneligibleReason.class);
		int capped = 0;
		int negativeEligible = 0;
		for (int n = 1; n <= CASES; n++) {
			LocalDate asOf = AS_OF.plusDays(random.nextInt(0, 400));
			ContractTerms terms = randomTerms(random);
			List<DebtorId> debtors = new ArrayList<>();
			Map<DebtorId, DebtorStanding> standings = new HashMap<>();
			int debtorCount = random.nextInt(1, 7);
			for (int d = 0; d < debtorCount; d++) {
				DebtorId debtor = DebtorId.newId();
				debtors.add(debtor);
				randomStanding(random, asOf).ifPresent(standing -> standings.put(debtor, standing));
			}
			List<Receivable> receivables = new ArrayList<>();
			int receivableCount = random.nextInt(1, 31);
			for (int i = 1; i <= receivableCount; i++) {
				DebtorId debtor = debtors.get(random.nextInt(debtors.size()));
				// mostly within the définancement delay, some long overdue
				LocalDate dueDate = asOf
					.plusDays((random.nextInt(4) == 0) ? random.nextInt(-420, 0) : random.nextInt(-60, 121));
				Money amount = randomAmount(random);
				Receivable receivable = (random.nextInt(5) == 0)
						? creditNote(debtor, "AV-%03d".formatted(i), dueDate, amount.amount().toPlainString())
						: invoice(debtor, "F-%03d".formatted(i), dueDate, amount.amount().toPlainString());
				if (!receivable.creditNote() && random.nextInt(8) == 0) {
					// an open dispute on part (or all) of the invoice
					Money disputed = Money.eur(receivable.amount()
						.amount()
						.multiply(java.math.BigDecimal.valueOf(random.nextInt(1, 101)))
						.divide(java.math.BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN)
						.max(new java.math.BigDecimal("0.01")));
					receivable = new Receivable(receivable.invoiceId(), receivable.debtorId(), receivable.debtorName(),
							receivable.number(), false, receivable.dueDate(), receivable.amount(), disputed);
				}
				receivables.add(receivable);
			}
			Money fundsInUse = Money.eur(BigDecimal.valueOf(random.nextLong(-1_000_000, 50_000_000), 2));
			Money pending = (random.nextBoolean()) ? ZERO
					: Money.eur(BigDecimal.valueOf(random.nextLong(1, 5_000_000), 2));

			Availability availability = AvailabilityCalculator.compute(asOf, terms, receivables, standings, fundsInUse,
					pending);

			String context = "seed=%d case=%d asOf %s terms %s standings %s receivables %s".formatted(seed, n, asOf,
					terms, standings, receivables);
			assertConsistent(context, receivables, terms, fundsInUse, pending, availability);
			availability.ineligible().forEach(line -> casesWith.merge(line.reason(), 1, Integer::sum));
			capped += availability.cappedByFacility() ? 1 : 0;
			negativeEligible += availability.eligible().isNegative() ? 1 : 0;
		}
		System.out.println("Availability properties: seed=" + seed + ", cases=" + CASES + ", with " + casesWith
				+ ", capped " + capped + ", negative eligible " + negativeEligible + ", violations=0");
		// the generator reaches every reason and the facility cap
		assertThat(casesWith).as("seed=%d", seed).containsOnlyKeys(IneligibleReason.values());
		assertThat(capped).as("seed=%d", seed).isPositive();
	}

	// the invariants

	/** Computes and checks {@link #assertConsistent} on the result. */
	static Availability compute(LocalDate asOf, ContractTerms terms, List<Receivable> receivables,
			Map<DebtorId, DebtorStanding> standings, Money fundsInUse, Money pendingPayouts) {
		Availability availability = AvailabilityCalculator.compute(asOf, terms, receivables, standings, fundsInUse,
				pendingPayouts);
		assertConsistent("asOf " + asOf + " receivables " + receivables, receivables, terms, fundsInUse, pendingPayouts,
				availability);
		return availability;
	}

	/**
	 * Each line is made of positive parts of the input invoices that add up to it; no
	 * receivable is counted above its amount over all lines; eligible is outstanding less
	 * the lines, and the funding base, reserve, availability and drawable follow.
	 */
	static void assertConsistent(String context, List<Receivable> inputs, ContractTerms terms, Money fundsInUse,
			Money pendingPayouts, Availability availability) {
		Map<Receivable, Money> counted = new HashMap<>();
		Money ineligible = ZERO;
		for (IneligibleLine line : availability.ineligible()) {
			String where = context + " line " + line;
			assertThat(line.amount().isPositive()).as("%s: a line has an amount", where).isTrue();
			assertThat(line.portions().stream().map(Portion::amount).reduce(ZERO, Money::plus))
				.as("%s: portions add up to the line", where)
				.isEqualTo(line.amount());
			for (Portion portion : line.portions()) {
				assertThat(inputs).as("%s: %s is an input", where, portion.receivable()).contains(portion.receivable());
				assertThat(portion.receivable().creditNote()).as("%s: %s is an invoice", where, portion).isFalse();
				assertThat(portion.amount().isPositive()).as("%s: %s is positive", where, portion).isTrue();
				assertThat(portion.amount().amount().scale()).as("%s: %s scale", where, portion).isEqualTo(2);
				counted.merge(portion.receivable(), portion.amount(), Money::plus);
			}
			ineligible = ineligible.plus(line.amount());
		}
		counted.forEach(
				(receivable, amount) -> assertThat(amount).as("%s: %s counted at most its amount", context, receivable)
					.isLessThanOrEqualTo(receivable.amount()));
		assertThat(availability.ineligible()).extracting(IneligibleLine::reason)
			.as("%s: one line per reason", context)
			.doesNotHaveDuplicates();

		Money outstanding = inputs.stream().map(Receivable::signedAmount).reduce(ZERO, Money::plus);
		assertThat(availability.outstandingItems()).as(context).isEqualTo(inputs);
		assertThat(availability.outstanding()).as("%s: outstanding", context).isEqualTo(outstanding);
		assertThat(availability.eligible()).as("%s: eligible = outstanding − ineligible", context)
			.isEqualTo(outstanding.minus(ineligible));
		assertThat(availability.facilityLimit()).as(context).isEqualTo(terms.facilityLimit());
		assertThat(availability.fundingBase()).as("%s: funding base ≤ facility", context)
			.isLessThanOrEqualTo(terms.facilityLimit());
		assertThat(availability.fundingBase()).as("%s: funding base ≤ advance", context)
			.isLessThanOrEqualTo(availability.advance());
		assertThat(availability.fundingBase().isNegative()).as("%s: funding base ≥ 0", context).isFalse();
		Money positiveEligible = availability.eligible().isPositive() ? availability.eligible() : ZERO;
		assertThat(availability.reserve()).as("%s: reserve = eligible − funding base", context)
			.isEqualTo(positiveEligible.minus(availability.fundingBase()));
		assertThat(availability.fundsInUse()).as(context).isEqualTo(fundsInUse);
		assertThat(availability.availability()).as("%s: availability = funding base − funds in use", context)
			.isEqualTo(availability.fundingBase().minus(fundsInUse));
		assertThat(availability.pendingPayouts()).as(context).isEqualTo(pendingPayouts);
		assertThat(availability.drawable()).as("%s: drawable = availability − pending payouts", context)
			.isEqualTo(availability.availability().minus(pendingPayouts));
		assertThat(List.of(availability.outstanding(), availability.eligible(), availability.advance(),
				availability.facilityLimit(), availability.fundingBase(), availability.reserve(),
				availability.fundsInUse(), availability.availability(), availability.pendingPayouts(),
				availability.drawable()))
			.as("%s: scale 2", context)
			.allSatisfy(amount -> assertThat(amount.amount().scale()).isEqualTo(2));
	}

	// fixtures

	static Receivable invoice(DebtorId debtor, String number, LocalDate dueDate, String amount) {
		return new Receivable(InvoiceId.newId(), debtor, "DEBTOR " + debtor, number, false, dueDate, eur(amount));
	}

	static Receivable creditNote(DebtorId debtor, String number, LocalDate dueDate, String amount) {
		return new Receivable(InvoiceId.newId(), debtor, "DEBTOR " + debtor, number, true, dueDate, eur(amount));
	}

	static DebtorStanding approved(String limit) {
		return new DebtorStanding(new Approval(eur(limit), APPROVED_UNTIL), false);
	}

	static ContractTerms terms(String advancePercent, String facilityLimit, String concentrationPercent,
			int defundingDays) {
		return terms(Rate.ofPercent(advancePercent), eur(facilityLimit), Rate.ofPercent(concentrationPercent),
				defundingDays);
	}

	static ContractTerms terms(Rate advanceRate, Money facilityLimit, Rate concentrationLimit, int defundingDays) {
		ContractTerms standard = ContractTerms.standard();
		return new ContractTerms(advanceRate, standard.commissionRate(), standard.perInvoiceFee(),
				standard.feeVatRate(), standard.financingMargin(), facilityLimit, concentrationLimit, defundingDays,
				standard.maxTermDays(), standard.fourEyesThreshold(), standard.autoPayout());
	}

	static IneligibleLine line(Availability availability, IneligibleReason reason) {
		return availability.ineligible()
			.stream()
			.filter(line -> line.reason() == reason)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + reason + " line in " + availability.ineligible()));
	}

	static ContractTerms randomTerms(Random random) {
		Rate advance = Rate.ofPercent(BigDecimal.valueOf(random.nextInt(1, 10_001), 2));
		Rate concentration = (random.nextInt(4) == 0) ? Rate.ofPercent("100")
				: Rate.ofPercent(BigDecimal.valueOf(random.nextInt(1, 10_001), 2));
		Money facility = (random.nextInt(3) == 0) ? Money.eur(BigDecimal.valueOf(random.nextLong(1, 10_000_000), 2))
				: eur("500000.00");
		int defundingDays = (random.nextBoolean()) ? 60 : random.nextInt(0, 366);
		return terms(advance, facility, concentration, defundingDays);
	}

	/** No standing at all, none of the ways not to be approved, or a valid approval. */
	static Optional<DebtorStanding> randomStanding(Random random, LocalDate asOf) {
		Money limit = randomAmount(random).plus(randomAmount(random));
		return switch (random.nextInt(10)) {
			case 0 -> Optional.empty();
			case 1 -> Optional.of(new DebtorStanding(null, false));
			case 2 -> Optional.of(new DebtorStanding(new Approval(limit, APPROVED_UNTIL), true));
			case 3 ->
				Optional.of(new DebtorStanding(new Approval(limit, asOf.minusDays(random.nextInt(1, 100))), false));
			case 4 -> Optional.of(new DebtorStanding(new Approval(eur("0.00"), APPROVED_UNTIL), false));
			case 5 -> Optional.of(new DebtorStanding(new Approval(limit, asOf), false));
			default -> Optional.of(new DebtorStanding(new Approval(limit, APPROVED_UNTIL), false));
		};
	}

	/** Mostly everyday amounts, sometimes a few cents. */
	static Money randomAmount(Random random) {
		long maxCents = (random.nextInt(10) == 0) ? 100 : 5_000_000;
		return Money.eur(BigDecimal.valueOf(random.nextLong(1, maxCents + 1), 2));
	}

	static long seed(TestInfo test) {
		Long replay = Long.getLong("availability.seed");
		long seed = (replay != null) ? replay : new Random().nextLong();
		System.out.println("seed=" + seed + " (" + test.getTestMethod().map(Method::getName).orElse("") + ")");
		return seed;
	}

}
