package io.cessio.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The bounded search for the one combination of open amounts that a payment covers. */
class SubsetSumTests {

	@Test
	void findsTheOnlyCombinationThatAddsUp() {
		long[] amounts = { 120_000, 35_050, 80_000, 12_345, 9_999 };
		SubsetSum.Result result = SubsetSum.find(amounts, 35_050 + 12_345 + 9_999, 6, SubsetSum.DEFAULT_BUDGET);
		assertThat(result.kind()).isEqualTo(SubsetSum.Kind.UNIQUE);
		assertThat(result.indices()).containsExactly(1, 3, 4);
	}

	@Test
	void twoCombinationsThatAddUpAreAmbiguous() {
		long[] amounts = { 10_000, 20_000, 30_000, 45_000 };
		assertThat(SubsetSum.find(amounts, 30_000, 6, SubsetSum.DEFAULT_BUDGET).kind())
			.as("30 000 alone, or 10 000 + 20 000")
			.isEqualTo(SubsetSum.Kind.AMBIGUOUS);
		assertThat(SubsetSum.find(amounts, 60_000, 6, SubsetSum.DEFAULT_BUDGET).kind())
			.as("only 10 000 + 20 000 + 30 000")
			.isEqualTo(SubsetSum.Kind.UNIQUE);
	}

	@Test
	void twoInvoicesOfTheSameAmountMakeTheCombinationAmbiguous() {
		long[] amounts = { 50_000, 50_000, 25_000 };
		assertThat(SubsetSum.find(amounts, 75_000, 6, SubsetSum.DEFAULT_BUDGET).kind())
			.isEqualTo(SubsetSum.Kind.AMBIGUOUS);
		assertThat(SubsetSum.find(amounts, 125_000, 6, SubsetSum.DEFAULT_BUDGET).kind())
			.isEqualTo(SubsetSum.Kind.UNIQUE);
	}

	@Test
	void noCombinationAddsUp() {
		long[] amounts = { 10_000, 20_000, 40_000 };
		assertThat(SubsetSum.find(amounts, 35_000, 6, SubsetSum.DEFAULT_BUDGET).kind()).isEqualTo(SubsetSum.Kind.NONE);
		assertThat(SubsetSum.find(new long[0], 35_000, 6, SubsetSum.DEFAULT_BUDGET).kind())
			.isEqualTo(SubsetSum.Kind.NONE);
	}

	@Test
	void combinationsAreLimitedInSize() {
		long[] amounts = { 100, 200, 300, 400, 500, 600, 700 };
		long all = 2_800;
		assertThat(SubsetSum.find(amounts, all, 6, SubsetSum.DEFAULT_BUDGET).kind()).isEqualTo(SubsetSum.Kind.NONE);
		assertThat(SubsetSum.find(amounts, all, 7, SubsetSum.DEFAULT_BUDGET).kind()).isEqualTo(SubsetSum.Kind.UNIQUE);
	}

	@Test
	void givesUpWhenTheBudgetRunsOut() {
		long[] amounts = new long[20];
		for (int i = 0; i < amounts.length; i++) {
			amounts[i] = 1_000_003L * (i + 1) + 7;
		}
		// a target nothing reaches exactly, so that the search must visit everything
		long target = amounts[0] + amounts[5] + amounts[10] + amounts[15] + amounts[19] + 1;
		assertThat(SubsetSum.find(amounts, target, 6, 50).kind()).isEqualTo(SubsetSum.Kind.GAVE_UP);
		assertThat(SubsetSum.find(amounts, target, 6, SubsetSum.DEFAULT_BUDGET).kind()).isEqualTo(SubsetSum.Kind.NONE);
	}

	@Test
	void twentyAmountsInCombinationsOfSixAlwaysFitTheDefaultBudget() {
		Random random = new Random(552109878L);
		for (int n = 0; n < 200; n++) {
			long[] amounts = new long[20];
			for (int i = 0; i < amounts.length; i++) {
				amounts[i] = random.nextLong(1, 2_000_000);
			}
			long target = random.nextLong(1, 12_000_000);
			assertThat(SubsetSum.find(amounts, target, 6, SubsetSum.DEFAULT_BUDGET).kind())
				.isNotEqualTo(SubsetSum.Kind.GAVE_UP);
		}
	}

	@Test
	void agreesWithAnExhaustiveCountOnSmallInputs() {
		Random random = new Random(403123458L);
		for (int n = 0; n < 3_000; n++) {
			int size = random.nextInt(0, 11);
			long[] amounts = new long[size];
			for (int i = 0; i < size; i++) {
				amounts[i] = random.nextLong(1, 20) * 100;
			}
			long target = random.nextLong(1, 60) * 100;
			int maxSize = random.nextInt(1, 7);
			int count = 0;
			int only = -1;
			for (int mask = 1; mask < (1 << size); mask++) {
				if (Integer.bitCount(mask) <= maxSize && sum(amounts, mask) == target) {
					count++;
					only = mask;
				}
			}
			SubsetSum.Result result = SubsetSum.find(amounts, target, maxSize, SubsetSum.DEFAULT_BUDGET);
			SubsetSum.Kind expected = (count == 0) ? SubsetSum.Kind.NONE
					: (count == 1) ? SubsetSum.Kind.UNIQUE : SubsetSum.Kind.AMBIGUOUS;
			assertThat(result.kind()).as("case %d", n).isEqualTo(expected);
			if (count == 1) {
				int mask = 0;
				for (int index : result.indices()) {
					mask |= 1 << index;
				}
				assertThat(mask).as("case %d", n).isEqualTo(only);
			}
		}
	}

	private static long sum(long[] amounts, int mask) {
		long sum = 0;
		for (int i = 0; i < amounts.length; i++) {
			if ((mask & (1 << i)) != 0) {
				sum += amounts[i];
			}
		}
		return sum;
	}

}
