package io.cessio.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.cessio.payments.MatchBenchmarkData.ExpectedReceipt;
import io.cessio.payments.MatchBenchmarkData.Kind;

/**
 * The engine over a company-sized workload ({@link MatchBenchmarkData}): 10 000 receipts
 * against 50 000 open items of 2 000 debtors. A receipt is auto-matched when it is fully
 * allocated to exactly the invoices it pays; a wrong match is any allocation to another
 * invoice (for noise: any allocation at all). The rate is over the 9 000 receipts that
 * pay invoices; noise is counted apart.
 */
class MatchingBenchmarkTests {

	static final long SEED = 20260415L;

	@Test
	void matchesAtLeastNinetyPercentAutomaticallyAndNeverWrongly() {
		MatchBenchmarkData data = MatchBenchmarkData.generate(Long.getLong("matching.benchmark.seed", SEED));
		assertTheDataIsWhatItClaims(data);

		long building = System.nanoTime();
		MatchingBook book = new MatchingBook(data.items, data.debtors);
		building = System.nanoTime() - building;
		long matching = System.nanoTime();
		long matchingCpu = cpuTime();
		List<MatchOutcome> outcomes = new ArrayList<>();
		for (ExpectedReceipt receipt : data.receipts) {
			outcomes.add(book.match(receipt.receipt()));
		}
		matching = System.nanoTime() - matching;
		matchingCpu = cpuTime() - matchingCpu;

		Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
		Map<String, int[]> byVariant = new TreeMap<>();
		Map<MatchPass, Integer> byPass = new EnumMap<>(MatchPass.class);
		List<String> wrong = new ArrayList<>();
		int matchable = 0;
		int matched = 0;
		for (int i = 0; i < outcomes.size(); i++) {
			ExpectedReceipt expected = data.receipts.get(i);
			MatchOutcome outcome = outcomes.get(i);
			assertThat(outcome.allocated().add(outcome.unallocated())).isEqualTo(expected.receipt().amount());
			Set<UUID> allocated = outcome.allocations()
				.stream()
				.map(ProposedAllocation::invoiceId)
				.collect(Collectors.toSet());
			outcome.allocations().forEach(allocation -> byPass.merge(allocation.pass(), 1, Integer::sum));
			if (!expected.expected().containsAll(allocated)) {
				wrong.add(expected.kind() + " " + expected.variant() + " " + expected.receipt() + " -> " + outcome);
			}
			boolean auto = outcome.fullyAllocated() && allocated.equals(expected.expected());
			int[] kindCounts = byKind.computeIfAbsent(expected.kind(), k -> new int[2]);
			int[] variantCounts = byVariant.computeIfAbsent(expected.kind() + " / " + expected.variant(),
					k -> new int[2]);
			kindCounts[0]++;
			variantCounts[0]++;
			boolean right = (expected.kind() == Kind.NOISE) ? outcome.allocations().isEmpty() : auto;
			if (right) {
				kindCounts[1]++;
				variantCounts[1]++;
			}
			if (expected.kind() != Kind.NOISE) {
				matchable++;
				matched += auto ? 1 : 0;
			}
		}
		double rate = 100.0 * matched / matchable;
		System.out.printf("matching benchmark (seed %d): %d receipts, %d open items, %d debtors%n", data.seed,
				data.receipts.size(), data.items.size(), data.debtors.size());
		System.out.printf(
				"  book built in %d ms; %d receipts matched in %d ms (%d ms CPU, %.1f µs per receipt), cold JVM%n",
				building / 1_000_000, outcomes.size(), matching / 1_000_000, matchingCpu / 1_000_000,
				matching / 1_000.0 / outcomes.size());
		System.out.printf("  auto-match rate %.2f %% (%d of %d paying receipts), wrong matches %d%n", rate, matched,
				matchable, wrong.size());
		byKind.forEach((kind, counts) -> System.out.printf("  %-16s %5d of %5d right%n", kind, counts[1], counts[0]));
		byVariant
			.forEach((variant, counts) -> System.out.printf("    %-48s %5d of %5d%n", variant, counts[1], counts[0]));
		System.out.println("  allocations by pass: " + byPass);
		wrong.stream().limit(10).forEach(line -> System.out.println("  WRONG " + line));

		assertThat(wrong).as("wrong matches").isEmpty();
		assertThat(rate).as("auto-match rate, %").isGreaterThanOrEqualTo(90.0);
		assertThat(byKind.get(Kind.NOISE)[1]).as("noise left unallocated").isEqualTo(byKind.get(Kind.NOISE)[0]);
	}

	@Test
	void matchesTenThousandReceiptsWellUnderASecond() {
		MatchBenchmarkData data = MatchBenchmarkData.generate(SEED);
		long best = Long.MAX_VALUE;
		for (int run = 1; run <= 3; run++) {
			MatchingBook book = new MatchingBook(data.items, data.debtors);
			long started = System.nanoTime();
			long startedCpu = cpuTime();
			for (ExpectedReceipt receipt : data.receipts) {
				book.match(receipt.receipt());
			}
			long elapsed = System.nanoTime() - started;
			long cpu = cpuTime() - startedCpu;
			best = Math.min(best, cpu);
			System.out.printf("  run %d: %d receipts in %d ms (%d ms CPU)%n", run, data.receipts.size(),
					elapsed / 1_000_000, cpu / 1_000_000);
		}
		// generous, against a pathological slowdown rather than for a figure: see the
		// printout
		assertThat(best / 1_000_000).as("ms of CPU for 10 000 receipts, best of 3").isLessThan(2_000);
	}

	/** The thread's CPU time, less sensitive than the wall clock to a busy machine. */
	private static long cpuTime() {
		return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
	}

	/**
	 * The generator's promises, checked so that the test cannot pass on a broken data
	 * set.
	 */
	private static void assertTheDataIsWhatItClaims(MatchBenchmarkData data) {
		assertThat(data.items).hasSize(MatchBenchmarkData.ITEMS);
		assertThat(data.debtors).hasSize(MatchBenchmarkData.DEBTORS);
		assertThat(data.receipts).hasSize(MatchBenchmarkData.RECEIPTS);
		assertThat(data.countByKind()).containsEntry(Kind.INVOICE_NUMBER, 6_000L)
			.containsEntry(Kind.RF_REFERENCE, 2_000L)
			.containsEntry(Kind.AMOUNT_AND_PAYER, 1_000L)
			.containsEntry(Kind.NOISE, 1_000L);
		Map<UUID, OpenItem> items = data.items.stream().collect(Collectors.toMap(OpenItem::invoiceId, item -> item));
		Set<String> knownIbans = data.debtors.stream()
			.flatMap(debtor -> debtor.knownIbans().stream())
			.collect(Collectors.toSet());
		Set<String> debtorNames = data.debtors.stream()
			.map(debtor -> CompanyName.normalise(debtor.legalName()))
			.collect(Collectors.toSet());
		Set<UUID> paid = new HashSet<>();
		long twoInvoices = 0;
		for (ExpectedReceipt expected : data.receipts) {
			Receipt receipt = expected.receipt();
			if (expected.kind() == Kind.NOISE) {
				assertThat(expected.expected()).isEmpty();
				assertThat(knownIbans).doesNotContain(receipt.payerIban());
				assertThat(debtorNames).doesNotContain(CompanyName.normalise(receipt.payerName()));
				assertThat(receipt.payerIdentifier()).isNull();
				continue;
			}
			assertThat(expected.expected()).isNotEmpty();
			for (UUID invoice : expected.expected()) {
				assertThat(paid.add(invoice)).as("an invoice paid by two receipts").isTrue();
			}
			assertThat(expected.expected()
				.stream()
				.map(items::get)
				.map(OpenItem::openAmount)
				.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).as("a receipt pays its invoices in full")
				.isEqualTo(receipt.amount());
			assertThat(expected.expected().stream().map(items::get).map(OpenItem::debtorId).distinct()).hasSize(1);
			twoInvoices += (expected.expected().size() == 2) ? 1 : 0;
			if (expected.kind() == Kind.AMOUNT_AND_PAYER) {
				OpenItem item = items.get(expected.expected().iterator().next());
				assertThat(receipt.creditorReference()).isNull();
				assertThat(receipt.referredDocuments()).isEmpty();
				assertThat(receipt.remittanceText()).doesNotContain("FA").doesNotContain("RF");
				assertThat(data.items.stream()
					.filter(other -> other.debtorId().equals(item.debtorId())
							&& other.openAmount().compareTo(item.openAmount()) == 0)
					.count()).as("the only invoice of that amount for its debtor").isEqualTo(1);
			}
		}
		assertThat(twoInvoices).as("payments of two invoices").isGreaterThan(500);
	}

}
