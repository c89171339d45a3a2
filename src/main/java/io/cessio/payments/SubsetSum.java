package io.cessio.payments;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Whether exactly one combination of a few amounts adds up to a target: depth-first over
 * the amounts, largest first, pruned when the rest cannot reach the target, and stopped
 * after a budget of visited combinations so that the cost stays bounded whatever the
 * input. Twenty amounts in combinations of up to six give at most 60 459 combinations,
 * well within the default budget, so the search is exhaustive in matching.
 */
final class SubsetSum {

	static final int DEFAULT_BUDGET = 100_000;

	private final long[] amounts;

	private final int[] originalIndex;

	/** {@code reachable[i]} is the sum of the amounts from i on. */
	private final long[] reachable;

	private final int maxSize;

	private int budget;

	private int solutions;

	private int[] solution = new int[0];

	private final int[] chosen;

	private SubsetSum(long[] amounts, int maxSize, int budget) {
		Integer[] order = IntStream.range(0, amounts.length).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingLong((Integer i) -> amounts[i]).reversed());
		this.amounts = new long[amounts.length];
		this.originalIndex = new int[amounts.length];
		for (int i = 0; i < order.length; i++) {
			this.amounts[i] = amounts[order[i]];
			this.originalIndex[i] = order[i];
		}
		this.reachable = new long[amounts.length + 1];
		for (int i = amounts.length - 1; i >= 0; i--) {
			this.reachable[i] = this.reachable[i + 1] + this.amounts[i];
		}
		this.maxSize = maxSize;
		this.budget = budget;
		this.chosen = new int[maxSize];
	}

	/**
	 * Searches the combinations of 1 to {@code maxSize} amounts (all positive) that add
	 * up to {@code target}.
	 */
	static Result find(long[] amounts, long target, int maxSize, int budget) {
		for (long amount : amounts) {
			if (amount <= 0) {
				throw new IllegalArgumentException("Amounts are positive: " + amount);
			}
		}
		SubsetSum search = new SubsetSum(amounts, maxSize, budget);
		boolean finished = search.search(0, 0, target);
		if (!finished) {
			return new Result(Kind.GAVE_UP, new int[0]);
		}
		if (search.solutions == 0) {
			return new Result(Kind.NONE, new int[0]);
		}
		return (search.solutions == 1) ? new Result(Kind.UNIQUE, search.solution)
				: new Result(Kind.AMBIGUOUS, new int[0]);
	}

	/** False when the budget ran out or a second solution made the answer known. */
	private boolean search(int from, int size, long rest) {
		for (int i = from; i < amounts.length; i++) {
			// amounts are in decreasing order: from here on, nothing can reach the rest
			if (reachable[i] < rest || (maxSize - size) * amounts[i] < rest) {
				return true;
			}
			if (amounts[i] > rest) {
				continue;
			}
			if (--budget < 0) {
				return false;
			}
			chosen[size] = i;
			if (amounts[i] == rest) {
				solutions++;
				if (solutions > 1) {
					return true;
				}
				solution = originalIndices(size + 1);
			}
			else if (size + 1 < maxSize && !search(i + 1, size + 1, rest - amounts[i])) {
				return false;
			}
			if (solutions > 1) {
				return true;
			}
		}
		return true;
	}

	private int[] originalIndices(int size) {
		int[] indices = new int[size];
		for (int k = 0; k < size; k++) {
			indices[k] = originalIndex[chosen[k]];
		}
		Arrays.sort(indices);
		return indices;
	}

	enum Kind {

		/** No combination adds up. */
		NONE,

		/** Exactly one does. */
		UNIQUE,

		/** At least two different ones do: not for automatic matching. */
		AMBIGUOUS,

		/** The budget ran out before the answer was known. */
		GAVE_UP

	}

	/**
	 * @param indices the positions, in the input, of the unique combination's amounts
	 */
	record Result(Kind kind, int[] indices) {

	}

}
