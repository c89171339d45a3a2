package io.cessio.payments;

import static io.cessio.payments.MatchingFixtures.aReceipt;
import static io.cessio.payments.MatchingFixtures.anItem;
import static io.cessio.payments.MatchingFixtures.debtor;
import static io.cessio.payments.MatchingFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.cessio.shared.CreditorReference;

/**
 * Matching receipts to open items, pass by pass (DOMAIN.md §5.5), and applying what was
 * matched to the book.
 */
class MatchingBookTests {

	static final String BETA_IBAN = "FR7630006000011234567890189";

	static final String GAMMA_IBAN = "FR7610278060000002058740118";

	static final KnownDebtor BETA = debtor("BETA SA", "552109878", BETA_IBAN);

	static final KnownDebtor GAMMA = debtor("GAMMA SARL", "403123458", GAMMA_IBAN);

	static final KnownDebtor DELTA = debtor("DELTA SAS", "888777661");

	static final List<KnownDebtor> DEBTORS = List.of(BETA, GAMMA, DELTA);

	/** DOMAIN.md §3.3: remittance R-2026-0001 of ALPHA SAS and its three payments. */
	@Nested
	class ReferenceScenario {

		final OpenItem f1 = anItem("F1").of(BETA).open("12000.00").due("2026-04-28").build();

		final OpenItem f2 = anItem("F2").of(GAMMA).open("6000.00").due("2026-04-15").build();

		final OpenItem f3 = anItem("F3").of(DELTA).open("2400.00").due("2026-04-30").build();

		final MatchingBook book = new MatchingBook(List.of(f1, f2, f3), DEBTORS);

		@Test
		void gammaPaysF2InFullQuotingItsNumber() {
			Receipt receipt = aReceipt("6000.00").from("GAMMA SARL").text("FACTURE F2").build();
			MatchOutcome outcome = matched(book, receipt);
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(f2.invoiceId(), eur("6000.00"), MatchPass.INVOICE_NUMBER, eur("0.98")));
			assertThat(outcome.unallocated()).isEqualByComparingTo("0");
			assertThat(outcome.identifiedDebtor()).isEqualTo(GAMMA.debtorId());
			assertThat(outcome.suggestions()).isEmpty();
			assertThat(book.openAmountOf(f2.invoiceId())).isEqualTo(eur("0.00"));
		}

		@Test
		void deltaPays2000OnF3And400StayOpen() {
			Receipt receipt = aReceipt("2000.00").from("DELTA SAS").on(f3.dueDate()).text("F3").build();
			MatchOutcome outcome = matched(book, receipt);
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(f3.invoiceId(), eur("2000.00"), MatchPass.INVOICE_NUMBER, eur("0.95")));
			assertThat(book.openAmountOf(f3.invoiceId())).isEqualTo(eur("400.00"));
		}

		@Test
		void betaPaysF1InFullWithItsCreditorReference() {
			Receipt receipt = aReceipt("12000.00").from("BETA").reference(f1.creditorReference()).build();
			MatchOutcome outcome = matched(book, receipt);
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(f1.invoiceId(), eur("12000.00"), MatchPass.RF_REFERENCE, eur("1.00")));
			assertThat(outcome.identifiedDebtor()).isEqualTo(BETA.debtorId());
			assertThat(book.openAmountOf(f1.invoiceId())).isEqualTo(eur("0.00"));
		}

		@Test
		void deltasLaterPaymentOfTheRestClosesF3() {
			matched(book, aReceipt("2000.00").from("DELTA SAS").text("F3").build());
			MatchOutcome rest = matched(book, aReceipt("400.00").from("DELTA SAS").text("SOLDE F3").build());
			assertThat(rest.allocations()).containsExactly(
					new ProposedAllocation(f3.invoiceId(), eur("400.00"), MatchPass.INVOICE_NUMBER, eur("0.98")));
			assertThat(book.openAmountOf(f3.invoiceId())).isEqualTo(eur("0.00"));
		}

		@Test
		void theThreePaymentsInTurnLeaveOnlyDeltasShortPaymentOpen() {
			matched(book, aReceipt("6000.00").from("GAMMA SARL").text("FACTURE F2").build());
			matched(book, aReceipt("2000.00").from("DELTA SAS").text("F3").build());
			matched(book, aReceipt("12000.00").reference(f1.creditorReference()).build());
			assertThat(List.of(f1, f2, f3)).extracting(item -> book.openAmountOf(item.invoiceId()))
				.containsExactly(eur("0.00"), eur("0.00"), eur("400.00"));
		}

	}

	@Nested
	class ByCreditorReference {

		final OpenItem f1 = anItem("F1").of(BETA).open("12000.00").due("2026-04-28").build();

		final OpenItem f4 = anItem("F4").of(BETA).open("300.00").due("2026-05-28").build();

		final MatchingBook book = new MatchingBook(List.of(f1, f4), DEBTORS);

		@Test
		void aReferencePrintedInGroupsOfFourInTheTextPaysTheInvoice() {
			String printed = new CreditorReference(f1.creditorReference()).formatted();
			MatchOutcome outcome = matched(book, aReceipt("12000.00").text("VIR SEPA " + printed + " MERCI").build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId, ProposedAllocation::pass)
				.containsExactly(tuple(f1.invoiceId(), MatchPass.RF_REFERENCE));
			assertThat(outcome.identifiedDebtor()).as("the debtor of the invoice paid").isEqualTo(BETA.debtorId());
		}

		@Test
		void aShortPaymentIsAllocatedToTheReferencedInvoiceAndTheRestPaidLater() {
			MatchOutcome first = matched(book, aReceipt("11000.00").reference(f1.creditorReference()).build());
			assertThat(first.allocations()).containsExactly(
					new ProposedAllocation(f1.invoiceId(), eur("11000.00"), MatchPass.RF_REFERENCE, eur("0.97")));
			assertThat(book.openAmountOf(f1.invoiceId())).isEqualTo(eur("1000.00"));
			MatchOutcome second = matched(book, aReceipt("1000.00").reference(f1.creditorReference()).build());
			assertThat(second.allocations()).containsExactly(
					new ProposedAllocation(f1.invoiceId(), eur("1000.00"), MatchPass.RF_REFERENCE, eur("1.00")));
			assertThat(book.openAmountOf(f1.invoiceId())).isEqualTo(eur("0.00"));
		}

		@Test
		void whatExceedsTheReferencedInvoiceGoesOnToTheDebtorsOtherInvoices() {
			MatchOutcome outcome = matched(book, aReceipt("12300.00").reference(f1.creditorReference()).build());
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(f1.invoiceId(), eur("12000.00"), MatchPass.RF_REFERENCE, eur("1.00")),
					new ProposedAllocation(f4.invoiceId(), eur("300.00"), MatchPass.DEBTOR_UNIQUE_AMOUNT, eur("0.95")));
			assertThat(outcome.unallocated()).isEqualTo(eur("0.00"));
		}

		@Test
		void whatExceedsEverythingTheDebtorOwesStaysUnallocated() {
			MatchOutcome outcome = matched(book, aReceipt("12500.00").reference(f1.creditorReference()).build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId, ProposedAllocation::amount)
				.containsExactly(tuple(f1.invoiceId(), eur("12000.00")), tuple(f4.invoiceId(), eur("300.00")));
			assertThat(outcome.unallocated()).isEqualTo(eur("200.00"));
		}

		@Test
		void aReferenceWithWrongCheckDigitsIsIgnored() {
			String reference = f1.creditorReference();
			int check = Integer.parseInt(reference.substring(2, 4));
			String wrong = "RF%02d".formatted(check == 97 ? 2 : check + 1) + reference.substring(4);
			assertThat(CreditorReference.isValid(wrong)).isFalse();
			MatchOutcome outcome = matched(book, aReceipt("12000.00").reference(wrong).text(wrong).build());
			assertThat(outcome.allocations()).isEmpty();
			assertThat(outcome.unallocated()).isEqualTo(eur("12000.00"));
		}

		@Test
		void aSecondPaymentQuotingAPaidInvoiceIsNotAllocatedToAnother() {
			OpenItem twin = anItem("F9").of(BETA).open("12000.00").due("2026-06-28").build();
			MatchingBook book = new MatchingBook(List.of(f1, twin), DEBTORS);
			matched(book, aReceipt("12000.00").iban(BETA_IBAN).reference(f1.creditorReference()).build());
			MatchOutcome duplicate = matched(book,
					aReceipt("12000.00").iban(BETA_IBAN).reference(f1.creditorReference()).build());
			assertThat(duplicate.allocations()).as("a duplicate payment, for a person").isEmpty();
			assertThat(duplicate.identifiedDebtor()).isEqualTo(BETA.debtorId());
			assertThat(duplicate.suggestions()).extracting(Suggestion::invoiceId).containsExactly(twin.invoiceId());
		}

	}

	@Nested
	class ByInvoiceNumber {

		final OpenItem f1 = anItem("F1").of(GAMMA).open("1000.00").due("2026-03-31").build();

		final OpenItem f12 = anItem("F12").of(GAMMA).open("1200.00").due("2026-04-30").build();

		final OpenItem f13 = anItem("F13").of(GAMMA).open("1300.00").due("2026-04-15").build();

		final OpenItem f20 = anItem("F20").of(BETA).open("2000.00").due("2026-04-15").build();

		final MatchingBook book = new MatchingBook(List.of(f1, f12, f13, f20), DEBTORS);

		@Test
		void f1DoesNotMatchInsideF12() {
			MatchOutcome outcome = matched(book, aReceipt("1200.00").text("REGLEMENT FACT F12").build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId)
				.containsExactly(f12.invoiceId());
			assertThat(book.openAmountOf(f1.invoiceId())).isEqualTo(eur("1000.00"));
		}

		@Test
		void onePaymentForTwoInvoicesPaysBoth() {
			MatchOutcome outcome = matched(book, aReceipt("2500.00").text("FACTURES F12 + F13").build());
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(f12.invoiceId(), eur("1200.00"), MatchPass.INVOICE_NUMBER, eur("0.98")),
					new ProposedAllocation(f13.invoiceId(), eur("1300.00"), MatchPass.INVOICE_NUMBER, eur("0.98")));
		}

		@Test
		void numbersInReferredDocumentsCount() {
			MatchOutcome outcome = matched(book, aReceipt("2500.00").document("F12").document("F-13").build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId)
				.containsExactlyInAnyOrder(f12.invoiceId(), f13.invoiceId());
		}

		@Test
		void twoInvoicesPaidShortArePaidOldestDueFirst() {
			MatchOutcome outcome = matched(book, aReceipt("2000.00").text("F12 F13").build());
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(f13.invoiceId(), eur("1300.00"), MatchPass.INVOICE_NUMBER, eur("0.90")),
					new ProposedAllocation(f12.invoiceId(), eur("700.00"), MatchPass.INVOICE_NUMBER, eur("0.90")));
			assertThat(book.openAmountOf(f12.invoiceId())).isEqualTo(eur("500.00"));
		}

		@Test
		void whatExceedsTheQuotedInvoicesGoesOnToTheDebtorPasses() {
			MatchOutcome outcome = matched(book, aReceipt("2200.00").from("GAMMA").text("F12").build());
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(f12.invoiceId(), eur("1200.00"), MatchPass.INVOICE_NUMBER, eur("0.98")),
					new ProposedAllocation(f1.invoiceId(), eur("1000.00"), MatchPass.DEBTOR_UNIQUE_AMOUNT,
							eur("0.95")));
		}

		@Test
		void numbersOfSeveralDebtorsNarrowToThePayers() {
			MatchOutcome outcome = matched(book, aReceipt("3000.00").iban(BETA_IBAN).text("F13 F20").build());
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(f20.invoiceId(), eur("2000.00"), MatchPass.INVOICE_NUMBER, eur("0.98")));
			assertThat(outcome.unallocated()).as("BETA owes nothing more").isEqualTo(eur("1000.00"));
		}

		@Test
		void anotherDebtorsNumberThatDoesNotAddUpIsNotTakenOnTrust() {
			MatchOutcome outcome = matched(book, aReceipt("2000.00").iban(BETA_IBAN).text("FACTURE F13").build());
			assertThat(outcome.allocations()).isEmpty();
			assertThat(outcome.suggestions()).extracting(Suggestion::invoiceId)
				.contains(f13.invoiceId(), f20.invoiceId());
		}

		@Test
		void anotherDebtorsNumberThatAddsUpIsTaken() {
			MatchOutcome outcome = matched(book, aReceipt("1300.00").iban(BETA_IBAN).text("FACTURE F13").build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId)
				.containsExactly(f13.invoiceId());
		}

		@Test
		void numbersAreComparedWithoutCaseAccentsOrPunctuation() {
			OpenItem numbered = anItem("FA-2026/00042").of(DELTA).open("99.90").build();
			MatchingBook book = new MatchingBook(List.of(numbered), DEBTORS);
			MatchOutcome outcome = matched(book, aReceipt("99.90").text("réglement fa 2026 00042 échéance").build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId)
				.containsExactly(numbered.invoiceId());
		}

	}

	@Nested
	class ByDebtor {

		final OpenItem g1 = anItem("G1").of(GAMMA).open("500.00").due("2026-03-15").build();

		final OpenItem g2 = anItem("G2").of(GAMMA).open("750.00").due("2026-04-15").build();

		final OpenItem g3 = anItem("G3").of(GAMMA).open("1250.00").due("2026-05-15").build();

		final OpenItem g4 = anItem("G4").of(GAMMA).open("333.33").due("2026-06-15").build();

		final MatchingBook book = new MatchingBook(List.of(g1, g2, g3, g4), DEBTORS);

		@Test
		void theDebtorsOnlyInvoiceOfThatAmountIsPaid() {
			MatchOutcome outcome = matched(book, aReceipt("750.00").iban(GAMMA_IBAN).text("VIREMENT").build());
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(g2.invoiceId(), eur("750.00"), MatchPass.DEBTOR_UNIQUE_AMOUNT, eur("0.95")));
			assertThat(outcome.identifiedDebtor()).isEqualTo(GAMMA.debtorId());
		}

		@Test
		void aPaidInvoiceIsNotPaidTwice() {
			matched(book, aReceipt("750.00").iban(GAMMA_IBAN).build());
			MatchOutcome second = matched(book, aReceipt("750.00").iban(GAMMA_IBAN).build());
			assertThat(second.allocations()).extracting(ProposedAllocation::invoiceId).doesNotContain(g2.invoiceId());
			assertThat(book.openAmountOf(g2.invoiceId())).isEqualTo(eur("0.00"));
		}

		@Test
		void twoInvoicesOfTheSameAmountAreLeftToAPerson() {
			OpenItem twin = anItem("G5").of(GAMMA).open("750.00").due("2026-07-15").build();
			MatchingBook book = new MatchingBook(List.of(g1, g2, g3, twin), DEBTORS);
			MatchOutcome outcome = matched(book, aReceipt("750.00").iban(GAMMA_IBAN).build());
			assertThat(outcome.allocations()).isEmpty();
			assertThat(outcome.unallocated()).isEqualTo(eur("750.00"));
			assertThat(outcome.suggestions()).extracting(Suggestion::invoiceId, Suggestion::why)
				.startsWith(tuple(g2.invoiceId(), "same amount, debtor by IBAN"),
						tuple(twin.invoiceId(), "same amount, debtor by IBAN"));
		}

		@Test
		void theOnlyCombinationThatAddsUpIsPaid() {
			MatchOutcome outcome = matched(book, aReceipt("2083.33").iban(GAMMA_IBAN).build());
			assertThat(outcome.allocations())
				.extracting(ProposedAllocation::invoiceId, ProposedAllocation::pass, ProposedAllocation::score)
				.containsExactlyInAnyOrder(tuple(g3.invoiceId(), MatchPass.DEBTOR_SUBSET_SUM, eur("0.93")),
						tuple(g1.invoiceId(), MatchPass.DEBTOR_SUBSET_SUM, eur("0.93")),
						tuple(g4.invoiceId(), MatchPass.DEBTOR_SUBSET_SUM, eur("0.93")));
			assertThat(outcome.unallocated()).isEqualTo(eur("0.00"));
		}

		@Test
		void twoCombinationsThatAddUpAreLeftToAPerson() {
			// 500 + 1250 = 1750 = 1000 + 750
			OpenItem g6 = anItem("G6").of(GAMMA).open("1000.00").due("2026-08-15").build();
			MatchingBook book = new MatchingBook(List.of(g1, g2, g3, g6), DEBTORS);
			MatchOutcome outcome = matched(book, aReceipt("1750.00").iban(GAMMA_IBAN).build());
			assertThat(outcome.allocations()).isEmpty();
			assertThat(outcome.unallocated()).isEqualTo(eur("1750.00"));
		}

		@Test
		void withoutAnExactCombinationTheOldestInvoicesArePaidFirstTheLastPartly() {
			MatchOutcome outcome = matched(book, aReceipt("1000.00").iban(GAMMA_IBAN).build());
			assertThat(outcome.allocations()).containsExactly(
					new ProposedAllocation(g1.invoiceId(), eur("500.00"), MatchPass.DEBTOR_PARTIAL_OLDEST_FIRST,
							eur("0.85")),
					new ProposedAllocation(g2.invoiceId(), eur("500.00"), MatchPass.DEBTOR_PARTIAL_OLDEST_FIRST,
							eur("0.85")));
			assertThat(book.openAmountOf(g2.invoiceId())).isEqualTo(eur("250.00"));
		}

		@Test
		void anOverpaymentPaysEverythingAndLeavesTheRestUnallocated() {
			MatchOutcome outcome = matched(book, aReceipt("3000.00").iban(GAMMA_IBAN).build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId)
				.containsExactly(g1.invoiceId(), g2.invoiceId(), g3.invoiceId(), g4.invoiceId());
			assertThat(outcome.unallocated()).isEqualTo(eur("166.67"));
			assertThat(outcome.identifiedDebtor()).isEqualTo(GAMMA.debtorId());
			assertThat(outcome.suggestions()).as("nothing left open for it").isEmpty();
		}

		@Test
		void aSirenInTheTextIdentifiesTheDebtor() {
			MatchOutcome outcome = matched(book, aReceipt("1250.00").text("VIR SIREN 403 123 458").build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId).containsExactly(g3.invoiceId());
		}

		@Test
		void aSiretInThePayerIdentifierIdentifiesTheDebtor() {
			String siret = siretOf(GAMMA.siren());
			MatchOutcome outcome = matched(book, aReceipt("1250.00").identifier(siret).build());
			assertThat(outcome.identifiedDebtor()).isEqualTo(GAMMA.debtorId());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId).containsExactly(g3.invoiceId());
		}

		@Test
		void aDebtorKnownByNameOnlyIsPaidAnExactAmountButNoCombination() {
			assertThat(matched(book, aReceipt("2083.33").from("GAMMA SARL").build()).allocations())
				.as("G1 + G3 + G4, but a name is not an account")
				.isEmpty();
			assertThat(matched(book, aReceipt("100.00").from("GAMMA SARL").build()).allocations())
				.as("nor oldest first")
				.isEmpty();
			assertThat(matched(book, aReceipt("1250.00").from("GAMMA SARL").build()).allocations())
				.extracting(ProposedAllocation::invoiceId)
				.containsExactly(g3.invoiceId());
		}

		@Test
		void aPayerNameWithAccentsAndALegalFormIdentifiesTheDebtor() {
			KnownDebtor epicerie = debtor("Épicerie Générale du Marché", null);
			OpenItem e1 = anItem("E1").of(epicerie).open("42.00").build();
			MatchingBook book = new MatchingBook(List.of(e1), List.of(epicerie));
			MatchOutcome outcome = matched(book,
					aReceipt("42.00").from("EPICERIE GENERALE DU MARCHE S.A.R.L.").build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId).containsExactly(e1.invoiceId());
		}

		@Test
		void aPayerNameSpeltSlightlyDifferentlyIdentifiesTheDebtor() {
			MatchOutcome outcome = matched(book, aReceipt("1250.00").from("GAMMMA").build());
			assertThat(outcome.identifiedDebtor()).isEqualTo(GAMMA.debtorId());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId).containsExactly(g3.invoiceId());
		}

		@Test
		void anIbanLearntAfterAManualMatchIdentifiesTheDebtorNextTime() {
			String newIban = "FR7630004000031234567890143";
			Receipt receipt = aReceipt("750.00").iban(newIban).text("PAIEMENT").build();
			MatchOutcome before = matched(book, receipt);
			assertThat(before.allocations()).isEmpty();
			assertThat(before.identifiedDebtor()).isNull();
			assertThat(before.suggestions()).extracting(Suggestion::invoiceId).containsExactly(g2.invoiceId());
			// a person allocates it to G2 elsewhere, and the book learns the account
			book.rememberIban(GAMMA.debtorId(), newIban);
			MatchOutcome after = matched(book, receipt);
			assertThat(after.identifiedDebtor()).isEqualTo(GAMMA.debtorId());
			assertThat(after.allocations()).extracting(ProposedAllocation::invoiceId, ProposedAllocation::pass)
				.containsExactly(tuple(g2.invoiceId(), MatchPass.DEBTOR_UNIQUE_AMOUNT));
		}

		@Test
		void nonAssignedInvoicesAreMatchedLikeAssignedOnes() {
			OpenItem own = anItem("N1").of(GAMMA).open("640.00").notAssigned().build();
			MatchingBook book = new MatchingBook(List.of(g1, own), DEBTORS);
			MatchOutcome outcome = matched(book, aReceipt("640.00").iban(GAMMA_IBAN).build());
			assertThat(outcome.allocations()).extracting(ProposedAllocation::invoiceId)
				.containsExactly(own.invoiceId());
		}

	}

	@Nested
	class Unmatched {

		final OpenItem g2 = anItem("G2").of(GAMMA).open("750.00").due("2026-04-15").build();

		final OpenItem b1 = anItem("B1").of(BETA).open("750.00").due("2026-04-20").build();

		final MatchingBook book = new MatchingBook(List.of(g2, b1), DEBTORS);

		@Test
		void aReceiptFromAnUnknownPayerStaysWhollyUnallocated() {
			Receipt noise = aReceipt("1234.56").from("M JEAN DURAND")
				.iban("FR7611111111111111111111111")
				.text("REMBOURSEMENT LOYER MARS")
				.build();
			MatchOutcome outcome = matched(book, noise);
			assertThat(outcome.allocations()).isEmpty();
			assertThat(outcome.unallocated()).isEqualTo(eur("1234.56"));
			assertThat(outcome.identifiedDebtor()).isNull();
			assertThat(outcome.suggestions()).isEmpty();
		}

		@Test
		void sameAmountsFromAnUnknownPayerAreSuggestedNotAllocated() {
			MatchOutcome outcome = matched(book, aReceipt("750.00").from("M JEAN DURAND").build());
			assertThat(outcome.allocations()).isEmpty();
			assertThat(outcome.suggestions()).extracting(Suggestion::invoiceId, Suggestion::score, Suggestion::why)
				.containsExactly(tuple(g2.invoiceId(), eur("0.35"), "same amount"),
						tuple(b1.invoiceId(), eur("0.34"), "same amount"));
		}

		@Test
		void suggestingAllocatesNothing() {
			Receipt receipt = aReceipt("750.00").iban(GAMMA_IBAN).build();
			List<Suggestion> suggestions = book.suggest(receipt, 1);
			assertThat(suggestions).extracting(Suggestion::invoiceId, Suggestion::score, Suggestion::why)
				.containsExactly(tuple(g2.invoiceId(), eur("0.50"), "same amount, debtor by IBAN"));
			assertThat(book.openAmountOf(g2.invoiceId())).isEqualTo(eur("750.00"));
		}

		@Test
		void suggestionsAreTheFiveBestScoringAtLeastThirtyHundredths() {
			List<OpenItem> items = new java.util.ArrayList<>();
			for (int day = 1; day <= 9; day++) {
				items.add(anItem("H" + day).of(DELTA).open("100.00").due("2026-04-%02d".formatted(day * 3)).build());
			}
			items.add(anItem("FAR").of(DELTA).open("50.00").due("2029-01-01").build());
			MatchingBook book = new MatchingBook(items, DEBTORS);
			Receipt receipt = aReceipt("100.00").from("DELTA").build();
			MatchOutcome outcome = matched(book, receipt);
			assertThat(outcome.allocations()).isEmpty();
			assertThat(outcome.suggestions()).hasSize(5)
				.extracting(Suggestion::number)
				.containsExactly("H5", "H4", "H6", "H3", "H7");
			assertThat(outcome.suggestions()).allSatisfy(suggestion -> {
				assertThat(suggestion.score()).isGreaterThanOrEqualTo(eur("0.30")).isLessThanOrEqualTo(eur("1.00"));
				assertThat(suggestion.score().scale()).isEqualTo(2);
			});
			assertThat(book.suggest(receipt, 20)).extracting(Suggestion::number).doesNotContain("FAR").hasSize(9);
		}

		@Test
		void whatIsLeftOfAReceiptCanBeSuggestedOnItsOwn() {
			Receipt receipt = aReceipt("900.00").iban(GAMMA_IBAN).build();
			assertThat(book.suggest(receipt.withAmount(eur("750.00")), 5)).extracting(Suggestion::invoiceId)
				.first()
				.isEqualTo(g2.invoiceId());
		}

	}

	static MatchOutcome matched(MatchingBook book, Receipt receipt) {
		MatchOutcome outcome = book.match(receipt);
		assertThat(outcome.allocated().add(outcome.unallocated())).as("allocated + unallocated")
			.isEqualTo(receipt.amount());
		assertThat(outcome.allocations()).allSatisfy(allocation -> {
			assertThat(allocation.amount().signum()).isPositive();
			assertThat(allocation.amount().scale()).isEqualTo(2);
			assertThat(allocation.score()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
		});
		assertThat(outcome.unallocated().scale()).isEqualTo(2);
		if (outcome.fullyAllocated()) {
			assertThat(outcome.suggestions()).isEmpty();
		}
		return outcome;
	}

	/** The head office's SIRET: SIREN + NIC 0001 + the Luhn digit. */
	static String siretOf(String siren) {
		for (int check = 0; check <= 9; check++) {
			String siret = siren + "0001" + check;
			if (io.cessio.shared.Siret.isValid(siret)) {
				return siret;
			}
		}
		throw new IllegalStateException();
	}

}
