package io.cessio.approval;

import static io.cessio.approval.EligibilityCheck.ALREADY_OVERDUE;
import static io.cessio.approval.EligibilityCheck.APPROVAL_EXPIRED;
import static io.cessio.approval.EligibilityCheck.APPROVAL_LIMIT_EXCEEDED;
import static io.cessio.approval.EligibilityCheck.CONCENTRATION_EXCEEDED;
import static io.cessio.approval.EligibilityCheck.DEBTOR_BLOCKED;
import static io.cessio.approval.EligibilityCheck.DEBTOR_NOT_APPROVED;
import static io.cessio.approval.EligibilityCheck.DUPLICATE;
import static io.cessio.approval.EligibilityCheck.FACILITY_LIMIT_EXCEEDED;
import static io.cessio.approval.EligibilityCheck.ISSUE_DATE_IN_FUTURE;
import static io.cessio.approval.EligibilityCheck.NON_POSITIVE_AMOUNT;
import static io.cessio.approval.EligibilityCheck.TERM_OVER_CONTRACT_LIMIT;
import static io.cessio.approval.EligibilityCheck.TERM_OVER_LEGAL_LIMIT;
import static io.cessio.shared.Money.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cessio.debtors.Approval;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * The eligibility checks of an assigned invoice (DOMAIN.md §2.2 step 10, §4.6), rule by
 * rule, then all together on the worked example of DOMAIN.md §3.3.
 */
class EligibilityRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 3);

	@Test
	void theDefaultInputOfTheseTestsPassesEveryCheck() {
		assertThat(EligibilityRules.check(anInput().build())).isEmpty();
		assertThat(EligibilityRules.check(anInput().creditNote().build())).isEmpty();
	}

	@Nested
	class DebtorApproved {

		@Test
		void passesADebtorWithAPositiveApproval() {
			assertThat(EligibilityRules.debtorApproved(anInput().approval("0.01", TODAY).build())).isEmpty();
		}

		@Test
		void flagsADebtorWithoutApproval() {
			assertThat(EligibilityRules.debtorApproved(anInput().noApproval().build()))
				.contains(finding(DEBTOR_NOT_APPROVED));
		}

		@Test
		void flagsADebtorWhoseApprovalIsZero() {
			assertThat(EligibilityRules.debtorApproved(anInput().approval("0.00", TODAY.plusYears(1)).build()))
				.contains(finding(DEBTOR_NOT_APPROVED));
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules.debtorApproved(anInput().creditNote().noApproval().build())).isEmpty();
		}

	}

	@Nested
	class ApprovalNotExpired {

		@Test
		void flagsAnApprovalThatExpiredYesterdayWithItsExpiryDate() {
			assertThat(EligibilityRules.approvalNotExpired(anInput().approval("50000.00", TODAY.minusDays(1)).build()))
				.contains(finding(APPROVAL_EXPIRED, TODAY.minusDays(1)));
		}

		@Test
		void passesAnApprovalExpiringTodayAsItIsValidUntilItsExpiryDateIncluded() {
			assertThat(EligibilityRules.approvalNotExpired(anInput().approval("50000.00", TODAY).build())).isEmpty();
		}

		@Test
		void leavesAMissingApprovalToTheApprovedCheck() {
			EligibilityInput input = anInput().noApproval().build();
			assertThat(EligibilityRules.approvalNotExpired(input)).isEmpty();
			assertThat(EligibilityRules.check(input)).containsExactly(finding(DEBTOR_NOT_APPROVED));
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules
				.approvalNotExpired(anInput().creditNote().approval("50000.00", TODAY.minusDays(1)).build())).isEmpty();
		}

	}

	@Nested
	class WithinApprovalLimit {

		@Test
		void passesWhenExposurePlusAmountEqualsTheLimit() {
			assertThat(EligibilityRules.withinApprovalLimit(
					anInput().approval("50000.00", TODAY).debtorExposure("45000.00").amount("5000.00").build()))
				.isEmpty();
		}

		@Test
		void flagsAnInvoiceOverTheApprovalLimitWithItsHeadroom() {
			assertThat(EligibilityRules.withinApprovalLimit(
					anInput().approval("50000.00", TODAY).debtorExposure("45000.00").amount("5000.01").build()))
				.contains(finding(APPROVAL_LIMIT_EXCEEDED, eur("50000.00"), eur("45000.00"), eur("5000.00"),
						eur("0.01")));
		}

		@Test
		void quotesNoHeadroomWhenTheExposureIsAlreadyOverTheLimit() {
			assertThat(EligibilityRules.withinApprovalLimit(
					anInput().approval("50000.00", TODAY).debtorExposure("52000.00").amount("1000.00").build()))
				.contains(finding(APPROVAL_LIMIT_EXCEEDED, eur("50000.00"), eur("52000.00"), eur("0.00"),
						eur("3000.00")));
		}

		@Test
		void stillAppliesWhenTheApprovalHasExpired() {
			assertThat(EligibilityRules
				.withinApprovalLimit(anInput().approval("1000.00", TODAY.minusDays(1)).amount("1500.00").build()))
				.contains(finding(APPROVAL_LIMIT_EXCEEDED, eur("1000.00"), eur("0.00"), eur("1000.00"), eur("500.00")));
		}

		@Test
		void leavesAMissingOrZeroApprovalToTheApprovedCheck() {
			assertThat(EligibilityRules.withinApprovalLimit(anInput().noApproval().amount("5000.00").build()))
				.isEmpty();
			EligibilityInput zero = anInput().approval("0.00", TODAY).amount("5000.00").build();
			assertThat(EligibilityRules.withinApprovalLimit(zero)).isEmpty();
			assertThat(EligibilityRules.check(zero)).containsExactly(finding(DEBTOR_NOT_APPROVED));
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules.withinApprovalLimit(anInput().creditNote()
				.approval("50000.00", TODAY)
				.debtorExposure("52000.00")
				.amount("1000.00")
				.build())).isEmpty();
		}

	}

	@Nested
	class DebtorNotBlocked {

		@Test
		void passesADebtorThatIsNotBlocked() {
			assertThat(EligibilityRules.debtorNotBlocked(anInput().build())).isEmpty();
		}

		@Test
		void flagsABlockedDebtor() {
			assertThat(EligibilityRules.debtorNotBlocked(anInput().blocked().build()))
				.contains(finding(DEBTOR_BLOCKED));
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules.debtorNotBlocked(anInput().creditNote().blocked().build())).isEmpty();
		}

	}

	@Nested
	class WithinConcentration {

		@Test
		void passesAShareExactlyAtTheLimit() {
			assertThat(EligibilityRules.withinConcentration(
					anInput().amount("6000.00").portfolioAfterRemittance("20000.00").concentrationLimit("30").build()))
				.isEmpty();
		}

		@Test
		void flagsAShareOverTheLimitWithTheShareAndTheLimitInPercent() {
			assertThat(EligibilityRules.withinConcentration(
					anInput().amount("12000.00").portfolioAfterRemittance("20400.00").concentrationLimit("30").build()))
				.contains(finding(CONCENTRATION_EXCEEDED, new BigDecimal("58.8"), "30"));
		}

		@Test
		void flagsAShareOneCentOverTheLimitEvenOnALargePortfolio() {
			// 30 000,01 / 100 000,00 = 30.00001 %: over the limit, though it prints as
			// 30.0
			assertThat(EligibilityRules.withinConcentration(anInput().amount("30000.01")
				.portfolioAfterRemittance("100000.00")
				.concentrationLimit("30")
				.build())).contains(finding(CONCENTRATION_EXCEEDED, new BigDecimal("30.0"), "30"));
		}

		@Test
		void quotesTheShareRoundedOnceToATenthOfAPercent() {
			// 58 899,90 / 200 000,00 = 29.44995 %: 29.4, not 29.45 rounded again to 29.5
			assertThat(EligibilityRules.withinConcentration(anInput().amount("58899.90")
				.portfolioAfterRemittance("200000.00")
				.concentrationLimit("20")
				.build())).contains(finding(CONCENTRATION_EXCEEDED, new BigDecimal("29.4"), "20"));
		}

		@Test
		void countsWhatIsAlreadyHeldOnTheDebtor() {
			EligibilityInput input = anInput().debtorExposure("10000.00")
				.amount("2000.00")
				.portfolioAfterRemittance("40000.00")
				.concentrationLimit("25")
				.build();
			assertThat(EligibilityRules.withinConcentration(input))
				.contains(finding(CONCENTRATION_EXCEEDED, new BigDecimal("30.0"), "25"));
		}

		@Test
		void quotesAFractionalLimitWithoutTrailingZeros() {
			assertThat(EligibilityRules.withinConcentration(anInput().amount("1300.00")
				.portfolioAfterRemittance("10000.00")
				.concentrationLimit("12.50")
				.build())).contains(finding(CONCENTRATION_EXCEEDED, new BigDecimal("13.0"), "12.5"));
		}

		@ParameterizedTest
		@CsvSource({ "0.00", "-100.00" })
		void passesWhenThePortfolioAfterTheRemittanceIsNotPositive(String portfolio) {
			assertThat(EligibilityRules.withinConcentration(
					anInput().amount("1000.00").portfolioAfterRemittance(portfolio).concentrationLimit("30").build()))
				.isEmpty();
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules.withinConcentration(anInput().creditNote()
				.amount("12000.00")
				.portfolioAfterRemittance("20400.00")
				.concentrationLimit("30")
				.build())).isEmpty();
		}

	}

	@Nested
	class WithinLegalTerm {

		@Test
		void passesSixtyDaysFromTheInvoiceDate() {
			assertThat(EligibilityRules.withinLegalTerm(
					anInput().issuedOn(LocalDate.of(2026, 2, 27)).dueOn(LocalDate.of(2026, 4, 28)).build()))
				.isEmpty();
		}

		@Test
		void flagsSixtyOneDaysWithTheTermAndTheLegalMaximum() {
			assertThat(EligibilityRules.withinLegalTerm(
					anInput().issuedOn(LocalDate.of(2026, 2, 27)).dueOn(LocalDate.of(2026, 4, 29)).build()))
				.contains(finding(TERM_OVER_LEGAL_LIMIT, 61L, 60));
		}

		@Test
		void countsCalendarDaysNotMonths() {
			// 30/01 → 31/03 is two months but 60 days (February 2026 has 28)
			assertThat(EligibilityRules.withinLegalTerm(
					anInput().issuedOn(LocalDate.of(2026, 1, 30)).dueOn(LocalDate.of(2026, 3, 31)).build()))
				.isEmpty();
			// 31/12 → 01/03 is two months and a day but 60 days
			assertThat(EligibilityRules.withinLegalTerm(
					anInput().issuedOn(LocalDate.of(2025, 12, 31)).dueOn(LocalDate.of(2026, 3, 1)).build()))
				.isEmpty();
		}

		@Test
		void appliesWhateverTheContractAllows() {
			assertThat(EligibilityRules.withinLegalTerm(anInput().maxTermDays(120)
				.issuedOn(LocalDate.of(2026, 1, 1))
				.dueOn(LocalDate.of(2026, 4, 1))
				.build())).contains(finding(TERM_OVER_LEGAL_LIMIT, 90L, 60));
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules.withinLegalTerm(anInput().creditNote()
				.issuedOn(LocalDate.of(2026, 2, 27))
				.dueOn(LocalDate.of(2026, 6, 30))
				.build())).isEmpty();
		}

	}

	@Nested
	class WithinContractTerm {

		@Test
		void passesATermExactlyAtTheContractMaximum() {
			assertThat(EligibilityRules.withinContractTerm(anInput().maxTermDays(45)
				.issuedOn(LocalDate.of(2026, 3, 1))
				.dueOn(LocalDate.of(2026, 4, 15))
				.build())).isEmpty();
		}

		@Test
		void flagsATermOneDayOverTheContractMaximumWithTheTermAndTheMaximum() {
			assertThat(EligibilityRules.withinContractTerm(anInput().maxTermDays(45)
				.issuedOn(LocalDate.of(2026, 3, 1))
				.dueOn(LocalDate.of(2026, 4, 16))
				.build())).contains(finding(TERM_OVER_CONTRACT_LIMIT, 46L, 45));
		}

		@Test
		void flagsTogetherWithTheLegalTermWhenBothAreExceeded() {
			EligibilityInput input = anInput().maxTermDays(45)
				.issuedOn(LocalDate.of(2026, 2, 1))
				.dueOn(LocalDate.of(2026, 4, 30))
				.build();
			assertThat(EligibilityRules.check(input)).containsExactly(finding(TERM_OVER_LEGAL_LIMIT, 88L, 60),
					finding(TERM_OVER_CONTRACT_LIMIT, 88L, 45));
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules.withinContractTerm(anInput().creditNote()
				.maxTermDays(45)
				.issuedOn(LocalDate.of(2026, 3, 1))
				.dueOn(LocalDate.of(2026, 4, 16))
				.build())).isEmpty();
		}

	}

	@Nested
	class IssuedNotInFuture {

		@Test
		void passesAnItemIssuedToday() {
			assertThat(EligibilityRules.issuedNotInFuture(anInput().issuedOn(TODAY).dueOn(TODAY.plusDays(30)).build()))
				.isEmpty();
		}

		@Test
		void flagsAnItemIssuedTomorrowWithItsIssueDate() {
			assertThat(EligibilityRules
				.issuedNotInFuture(anInput().issuedOn(TODAY.plusDays(1)).dueOn(TODAY.plusDays(30)).build()))
				.contains(finding(ISSUE_DATE_IN_FUTURE, TODAY.plusDays(1)));
		}

		@Test
		void appliesToCreditNotesToo() {
			assertThat(EligibilityRules
				.issuedNotInFuture(anInput().creditNote().issuedOn(TODAY.plusDays(1)).dueOn(TODAY.plusDays(1)).build()))
				.contains(finding(ISSUE_DATE_IN_FUTURE, TODAY.plusDays(1)));
		}

	}

	@Nested
	class NotDuplicate {

		@Test
		void passesAnItemThatIsNotADuplicate() {
			assertThat(EligibilityRules.notDuplicate(anInput().build())).isEmpty();
		}

		@Test
		void flagsALikelyDuplicate() {
			assertThat(EligibilityRules.notDuplicate(anInput().duplicate().build())).contains(finding(DUPLICATE));
		}

		@Test
		void appliesToCreditNotesToo() {
			assertThat(EligibilityRules.notDuplicate(anInput().creditNote().duplicate().build()))
				.contains(finding(DUPLICATE));
		}

	}

	@Nested
	class PositiveAmount {

		@Test
		void passesOneCent() {
			assertThat(EligibilityRules.positiveAmount(anInput().amount("0.01").build())).isEmpty();
		}

		@ParameterizedTest
		@CsvSource({ "0.00", "-0.01", "-1200.00" })
		void flagsAnAmountThatIsNotPositiveWithTheAmount(String amount) {
			assertThat(EligibilityRules.positiveAmount(anInput().amount(amount).build()))
				.contains(finding(NON_POSITIVE_AMOUNT, eur(amount)));
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules.positiveAmount(anInput().creditNote().amount("0.00").build())).isEmpty();
		}

	}

	@Nested
	class WithinFacility {

		@Test
		void passesWhenExposurePlusAmountEqualsTheFacility() {
			assertThat(EligibilityRules.withinFacility(
					anInput().facilityLimit("500000.00").portfolioExposure("495000.00").amount("5000.00").build()))
				.isEmpty();
		}

		@Test
		void flagsAnInvoiceOverTheFacilityWithTheFacilityAndItsHeadroom() {
			assertThat(EligibilityRules.withinFacility(
					anInput().facilityLimit("500000.00").portfolioExposure("495000.00").amount("5000.01").build()))
				.contains(finding(FACILITY_LIMIT_EXCEEDED, eur("500000.00"), eur("5000.00")));
		}

		@Test
		void quotesNoHeadroomWhenTheExposureIsAlreadyOverTheFacility() {
			assertThat(EligibilityRules.withinFacility(
					anInput().facilityLimit("500000.00").portfolioExposure("510000.00").amount("100.00").build()))
				.contains(finding(FACILITY_LIMIT_EXCEEDED, eur("500000.00"), eur("0.00")));
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules.withinFacility(anInput().creditNote()
				.facilityLimit("500000.00")
				.portfolioExposure("510000.00")
				.amount("100.00")
				.build())).isEmpty();
		}

	}

	@Nested
	class NotOverdue {

		@Test
		void passesAnInvoiceDueToday() {
			assertThat(EligibilityRules.notOverdue(anInput().issuedOn(TODAY.minusDays(30)).dueOn(TODAY).build()))
				.isEmpty();
		}

		@Test
		void flagsAnInvoiceDueYesterdayWithItsDueDate() {
			assertThat(EligibilityRules
				.notOverdue(anInput().issuedOn(TODAY.minusDays(30)).dueOn(TODAY.minusDays(1)).build()))
				.contains(finding(ALREADY_OVERDUE, TODAY.minusDays(1)));
		}

		@Test
		void exemptsCreditNotes() {
			assertThat(EligibilityRules
				.notOverdue(anInput().creditNote().issuedOn(TODAY.minusDays(30)).dueOn(TODAY.minusDays(1)).build()))
				.isEmpty();
		}

	}

	@Nested
	class Check {

		@Test
		void returnsTheFindingsInTheDeclaredOrder() {
			EligibilityInput failsAllButTwo = anInput().approval("50000.00", TODAY.minusDays(1))
				.blocked()
				.amount("0.00")
				.issuedOn(LocalDate.of(2025, 10, 1))
				.dueOn(LocalDate.of(2026, 1, 30))
				.debtorExposure("60000.00")
				.portfolioExposure("600000.00")
				.portfolioAfterRemittance("100000.00")
				.concentrationLimit("30")
				.duplicate()
				.build();
			assertThat(EligibilityRules.check(failsAllButTwo)).containsExactly(
					finding(APPROVAL_EXPIRED, TODAY.minusDays(1)),
					finding(APPROVAL_LIMIT_EXCEEDED, eur("50000.00"), eur("60000.00"), eur("0.00"), eur("10000.00")),
					finding(DEBTOR_BLOCKED), finding(CONCENTRATION_EXCEEDED, new BigDecimal("60.0"), "30"),
					finding(TERM_OVER_LEGAL_LIMIT, 121L, 60), finding(TERM_OVER_CONTRACT_LIMIT, 121L, 90),
					finding(DUPLICATE), finding(NON_POSITIVE_AMOUNT, eur("0.00")),
					finding(FACILITY_LIMIT_EXCEEDED, eur("500000.00"), eur("0.00")),
					finding(ALREADY_OVERDUE, LocalDate.of(2026, 1, 30)));

			EligibilityInput failsTheOtherTwo = anInput().noApproval()
				.issuedOn(TODAY.plusDays(1))
				.dueOn(TODAY.plusDays(31))
				.build();
			assertThat(EligibilityRules.check(failsTheOtherTwo)).containsExactly(finding(DEBTOR_NOT_APPROVED),
					finding(ISSUE_DATE_IN_FUTURE, TODAY.plusDays(1)));
		}

		@Test
		void declaresTheRulesInTheOrderOfTheReasonCodes() {
			// one input per reason code, each failing that check alone
			List<EligibilityInput> oneFailureEach = List.of(anInput().noApproval().build(),
					anInput().approval("50000.00", TODAY.minusDays(1)).build(),
					anInput().debtorExposure("49999.99").amount("0.02").portfolioAfterRemittance("100000.00").build(),
					anInput().blocked().build(), anInput().amount("12000.00").concentrationLimit("30").build(),
					anInput().maxTermDays(90).issuedOn(TODAY).dueOn(TODAY.plusDays(61)).build(),
					anInput().maxTermDays(30).issuedOn(TODAY).dueOn(TODAY.plusDays(31)).build(),
					anInput().issuedOn(TODAY.plusDays(1)).dueOn(TODAY.plusDays(30)).build(),
					anInput().duplicate().build(), anInput().amount("0.00").build(),
					anInput().portfolioExposure("499999.99").amount("0.02").build(),
					anInput().issuedOn(TODAY.minusDays(30)).dueOn(TODAY.minusDays(1)).build());
			assertThat(oneFailureEach).hasSameSizeAs(EligibilityRules.ALL).hasSameSizeAs(EligibilityCheck.values());
			for (int i = 0; i < oneFailureEach.size(); i++) {
				EligibilityInput input = oneFailureEach.get(i);
				assertThat(EligibilityRules.check(input)).as("input %d", i)
					.extracting(EligibilityFinding::check)
					.containsExactly(EligibilityCheck.values()[i]);
				assertThat(EligibilityRules.ALL.get(i).apply(input)).as("rule %d", i)
					.map(EligibilityFinding::check)
					.contains(EligibilityCheck.values()[i]);
			}
		}

	}

	/**
	 * DOMAIN.md §3.3: remittance R-2026-0001 of ALPHA, reviewed on 03/03/2026, no earlier
	 * outstanding, each debtor approved up to 50 000,00, facility 500 000,00, longest
	 * term 90 days.
	 */
	@Nested
	class WorkedExample {

		static final Money PORTFOLIO_AFTER = eur("20400.00");

		EligibilityInput f1(String concentrationLimit) {
			return reference(concentrationLimit).issuedOn(LocalDate.of(2026, 2, 27))
				.dueOn(LocalDate.of(2026, 4, 28))
				.amount("12000.00")
				.portfolioExposure("0.00")
				.build();
		}

		EligibilityInput f2(String concentrationLimit) {
			return reference(concentrationLimit).issuedOn(LocalDate.of(2026, 2, 28))
				.dueOn(LocalDate.of(2026, 4, 15))
				.amount("6000.00")
				.portfolioExposure("12000.00")
				.build();
		}

		EligibilityInput f3(String concentrationLimit) {
			return reference(concentrationLimit).issuedOn(LocalDate.of(2026, 3, 1))
				.dueOn(LocalDate.of(2026, 4, 30))
				.amount("2400.00")
				.portfolioExposure("18000.00")
				.build();
		}

		InputBuilder reference(String concentrationLimit) {
			// BETA, GAMMA and DELTA each appear once: nothing is held on them before
			return anInput().today(LocalDate.of(2026, 3, 3))
				.approval("50000.00", LocalDate.of(2026, 12, 31))
				.debtorExposure("0.00")
				.portfolioAfterRemittance(PORTFOLIO_AFTER.amount().toPlainString())
				.facilityLimit("500000.00")
				.maxTermDays(90)
				.concentrationLimit(concentrationLimit);
		}

		@Test
		void passesEveryCheckWithAConcentrationLimitOfOneHundredPercent() {
			assertThat(EligibilityRules.check(f1("100"))).isEmpty();
			assertThat(EligibilityRules.check(f2("100"))).isEmpty();
			assertThat(EligibilityRules.check(f3("100"))).isEmpty();
		}

		@Test
		void flagsOnlyBetaWithAConcentrationLimitOfThirtyPercent() {
			assertThat(EligibilityRules.check(f1("30")))
				.containsExactly(finding(CONCENTRATION_EXCEEDED, new BigDecimal("58.8"), "30"));
			// GAMMA: 6 000,00 / 20 400,00 = 29.4 %; DELTA: 2 400,00 / 20 400,00 = 11.8 %
			assertThat(EligibilityRules.check(f2("30"))).isEmpty();
			assertThat(EligibilityRules.check(f3("30"))).isEmpty();
		}

		@Test
		void flagsGammaOnceTheLimitFallsBelowItsShare() {
			assertThat(EligibilityRules.check(f2("29")))
				.containsExactly(finding(CONCENTRATION_EXCEEDED, new BigDecimal("29.4"), "29"));
		}

	}

	static EligibilityFinding finding(EligibilityCheck check, Object... arguments) {
		return new EligibilityFinding(check, Arrays.asList(arguments));
	}

	/**
	 * An invoice of 1 000,00 issued on 01/03/2026, due on 15/04/2026, reviewed on
	 * 03/03/2026, on a debtor approved up to 50 000,00 until the end of 2026, that passes
	 * every check.
	 */
	static InputBuilder anInput() {
		return new InputBuilder();
	}

	static final class InputBuilder {

		private boolean creditNote;

		private Money amount = eur("1000.00");

		private LocalDate issueDate = LocalDate.of(2026, 3, 1);

		private LocalDate dueDate = LocalDate.of(2026, 4, 15);

		private LocalDate today = TODAY;

		private @Nullable Approval approval = new Approval(eur("50000.00"), LocalDate.of(2026, 12, 31));

		private boolean debtorBlocked;

		private Money debtorExposure = eur("0.00");

		private Money portfolioExposure = eur("0.00");

		private Money portfolioAfterRemittance = eur("20400.00");

		private Rate concentrationLimit = Rate.ofPercent("100");

		private Money facilityLimit = eur("500000.00");

		private int maxTermDays = 90;

		private boolean duplicate;

		InputBuilder creditNote() {
			this.creditNote = true;
			return this;
		}

		InputBuilder amount(String amount) {
			this.amount = eur(amount);
			return this;
		}

		InputBuilder issuedOn(LocalDate issueDate) {
			this.issueDate = issueDate;
			return this;
		}

		InputBuilder dueOn(LocalDate dueDate) {
			this.dueDate = dueDate;
			return this;
		}

		InputBuilder today(LocalDate today) {
			this.today = today;
			return this;
		}

		InputBuilder approval(String limit, LocalDate expiresOn) {
			this.approval = new Approval(eur(limit), expiresOn);
			return this;
		}

		InputBuilder noApproval() {
			this.approval = null;
			return this;
		}

		InputBuilder blocked() {
			this.debtorBlocked = true;
			return this;
		}

		InputBuilder debtorExposure(String exposure) {
			this.debtorExposure = eur(exposure);
			return this;
		}

		InputBuilder portfolioExposure(String exposure) {
			this.portfolioExposure = eur(exposure);
			return this;
		}

		InputBuilder portfolioAfterRemittance(String portfolio) {
			this.portfolioAfterRemittance = eur(portfolio);
			return this;
		}

		InputBuilder concentrationLimit(String percent) {
			this.concentrationLimit = Rate.ofPercent(percent);
			return this;
		}

		InputBuilder facilityLimit(String limit) {
			this.facilityLimit = eur(limit);
			return this;
		}

		InputBuilder maxTermDays(int days) {
			this.maxTermDays = days;
			return this;
		}

		InputBuilder duplicate() {
			this.duplicate = true;
			return this;
		}

		EligibilityInput build() {
			return new EligibilityInput(creditNote, amount, issueDate, dueDate, today, approval, debtorBlocked,
					debtorExposure, portfolioExposure, portfolioAfterRemittance, concentrationLimit, facilityLimit,
					maxTermDays, duplicate);
		}

	}

}
