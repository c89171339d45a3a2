package io.cessio.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cessio.shared.CreditorReference;

/**
 * Generated books and receipts (seeded, no property-testing library): whatever the
 * receipts say, every receipt's allocations and unallocated rest add up to its amount to
 * the cent, no invoice receives more than it owed, nothing is negative, and the book's
 * open amounts follow the allocations. Replay a failure with {@code -Dmatching.seed=N}.
 */
class MatchingPropertyTests {

	static final int CASES = 2_500;

	static final String[] WORDS = { "VIR", "SEPA", "FACTURE", "FACT", "REGLEMENT", "ACOMPTE", "SOLDE", "MERCI", "REF",
			"N", "ET", "+", "/", "-", "DU", "15/04/2026", "1 200,00" };

	@Test
	void allocationsAndRestAlwaysAddUpAndNeverExceedWhatIsOwed() {
		Long replay = Long.getLong("matching.seed");
		long seed = (replay != null) ? replay : new Random().nextLong();
		System.out.println("matching.seed=" + seed);
		Random random = new Random(seed);
		int receipts = 0;
		int allocations = 0;
		int fullyAllocated = 0;
		Map<MatchPass, Integer> byPass = new EnumMap<>(MatchPass.class);
		for (int n = 1; n <= CASES; n++) {
			Case generated = new Case(random);
			MatchingBook book = new MatchingBook(generated.items, generated.debtors);
			Map<UUID, BigDecimal> owed = new HashMap<>();
			generated.items.forEach(item -> owed.put(item.invoiceId(), item.openAmount()));
			int count = random.nextInt(1, 12);
			for (int r = 0; r < count; r++) {
				Receipt receipt = generated.receipt(random);
				String example = "seed=%d case=%d receipt=%d %s".formatted(seed, n, r, receipt);
				MatchOutcome outcome = book.match(receipt);
				receipts++;
				allocations += outcome.allocations().size();
				fullyAllocated += outcome.fullyAllocated() ? 1 : 0;
				assertThat(outcome.allocated().add(outcome.unallocated())).as(example).isEqualTo(receipt.amount());
				assertThat(outcome.unallocated().signum()).as(example).isNotNegative();
				assertThat(outcome.unallocated().scale()).as(example).isEqualTo(2);
				for (ProposedAllocation allocation : outcome.allocations()) {
					BigDecimal before = owed.get(allocation.invoiceId());
					assertThat(before).as(example).isNotNull();
					assertThat(allocation.amount().signum()).as(example).isPositive();
					assertThat(allocation.amount().scale()).as(example).isEqualTo(2);
					assertThat(allocation.amount()).as(example + " %s", allocation).isLessThanOrEqualTo(before);
					assertThat(allocation.pass()).as(example).isNotEqualTo(MatchPass.MANUAL);
					assertThat(allocation.score()).as(example).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
					owed.put(allocation.invoiceId(), before.subtract(allocation.amount()));
					byPass.merge(allocation.pass(), 1, Integer::sum);
				}
				assertThat(outcome.suggestions()).as(example).hasSizeLessThanOrEqualTo(5);
				if (outcome.fullyAllocated()) {
					assertThat(outcome.suggestions()).as(example).isEmpty();
				}
				for (Suggestion suggestion : outcome.suggestions()) {
					assertThat(suggestion.score()).as(example).isBetween(new BigDecimal("0.30"), BigDecimal.ONE);
					assertThat(owed.get(suggestion.invoiceId()).signum()).as(example + " suggests a paid invoice")
						.isPositive();
				}
				if (outcome.identifiedDebtor() != null) {
					assertThat(generated.debtorIds).as(example).contains(outcome.identifiedDebtor());
				}
				for (OpenItem item : generated.items) {
					assertThat(book.openAmountOf(item.invoiceId())).as(example + " " + item.number())
						.isEqualTo(owed.get(item.invoiceId()));
				}
			}
		}
		System.out.printf("matching.seed=%d: %d books, %d receipts, %d allocations %s, %d receipts fully allocated%n",
				seed, CASES, receipts, allocations, byPass, fullyAllocated);
		assertThat(fullyAllocated).as("the generator exercises matching").isGreaterThan(receipts / 5);
		assertThat(byPass.keySet()).as("every automatic pass is exercised")
			.containsAll(EnumSet.complementOf(EnumSet.of(MatchPass.MANUAL)));
	}

	/** A small book: a few debtors, up to 30 items with colliding amounts and numbers. */
	static final class Case {

		final List<KnownDebtor> debtors = new ArrayList<>();

		final Set<UUID> debtorIds = new HashSet<>();

		final List<OpenItem> items = new ArrayList<>();

		final List<String> ibans = new ArrayList<>();

		Case(Random random) {
			int debtorCount = random.nextInt(1, 6);
			for (int d = 0; d < debtorCount; d++) {
				String iban = "FR76" + random.nextLong(1_000_000_000L, 9_999_999_999L) + d;
				ibans.add(iban);
				String siren = random.nextBoolean() ? sirenFor(random.nextInt(10_000_000, 99_999_999)) : null;
				KnownDebtor debtor = new KnownDebtor(new UUID(random.nextLong(), random.nextLong()),
						"DEBITEUR " + (char) ('A' + d) + " SARL", siren,
						random.nextBoolean() ? Set.of(iban) : Set.of());
				debtors.add(debtor);
				debtorIds.add(debtor.debtorId());
			}
			int itemCount = random.nextInt(0, 31);
			Set<String> references = new HashSet<>();
			for (int i = 0; i < itemCount; i++) {
				KnownDebtor debtor = debtors.get(random.nextInt(debtors.size()));
				String number = "F" + random.nextInt(1, 40) + (random.nextInt(5) == 0 ? "-" + i : "");
				String reference = CreditorReference.forBody("C" + i + number.replace("-", "")).value();
				if (!references.add(reference)) {
					continue;
				}
				LocalDate due = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(0, 200));
				items.add(new OpenItem(new UUID(random.nextLong(), random.nextLong()), debtor.debtorId(), number,
						reference, amount(random), due, due.plusDays(random.nextInt(0, 90)), random.nextInt(4) != 0));
			}
		}

		Receipt receipt(Random random) {
			OpenItem target = items.isEmpty() ? null : items.get(random.nextInt(items.size()));
			BigDecimal amount = switch (random.nextInt(4)) {
				case 0 -> (target != null) ? target.openAmount() : amount(random);
				case 1 -> (target != null) ? target.openAmount().add(amount(random)) : amount(random);
				case 2 -> (target != null && target.openAmount().compareTo(new BigDecimal("0.01")) > 0)
						? target.openAmount().subtract(new BigDecimal("0.01")) : amount(random);
				default -> amount(random);
			};
			StringBuilder text = new StringBuilder();
			int words = random.nextInt(0, 6);
			for (int w = 0; w < words; w++) {
				text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
				if (target != null && random.nextInt(3) == 0) {
					text.append(items.get(random.nextInt(items.size())).number()).append(' ');
				}
			}
			String reference = null;
			if (target != null && random.nextInt(4) == 0) {
				reference = random.nextBoolean() ? target.creditorReference()
						: new CreditorReference(target.creditorReference()).formatted();
				if (random.nextInt(5) == 0) {
					reference = reference.substring(0, reference.length() - 1) + "X";
				}
				if (random.nextBoolean()) {
					text.append(reference);
					reference = null;
				}
			}
			KnownDebtor payer = debtors.get(random.nextInt(debtors.size()));
			String iban = random.nextBoolean() ? ibans.get(random.nextInt(ibans.size())) : null;
			String name = switch (random.nextInt(3)) {
				case 0 -> payer.legalName();
				case 1 -> payer.legalName().replace("DEBITEUR", "DEBITEURS");
				default -> null;
			};
			String identifier = (payer.siren() != null && random.nextInt(3) == 0) ? payer.siren() : null;
			List<String> documents = (target != null && random.nextInt(6) == 0) ? List.of(target.number()) : List.of();
			return new Receipt(amount, LocalDate.of(2026, 4, 15), name, iban, identifier, reference, documents,
					text.toString());
		}

		static BigDecimal amount(Random random) {
			if (random.nextInt(3) == 0) {
				return BigDecimal.valueOf(random.nextInt(1, 20) * 100L).setScale(2);
			}
			return BigDecimal.valueOf(random.nextLong(1, 2_000_000), 2);
		}

		static String sirenFor(int eightDigits) {
			String body = Integer.toString(eightDigits);
			for (int check = 0; check <= 9; check++) {
				if (io.cessio.shared.Siren.isValid(body + check)) {
					return body + check;
				}
			}
			throw new IllegalStateException();
		}

	}

}
