package io.cessio.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Generated cases (BENCHMARKS.md R12, seeded, no property-testing library): however an
 * amount is split with {@link Money} arithmetic — partial payments, advance and reserve,
 * fees, a payment spread over several invoices — the parts add up to the original to the
 * cent, nothing goes negative that may not, and every amount keeps scale 2.
 *
 * <p>
 * Rounding: allocations and advances round HALF_EVEN (R12), fees HALF_UP per document
 * (DOMAIN.md, product decisions). Each test prints its seed; replay a failure with
 * {@code -Dmoney.seed=N}.
 */
class MoneyAllocationPropertyTests {

	static final int CASES = 10_000;

	static final Rate VAT = Rate.ofPercent("20");

	static final Money ZERO = Money.zero(Money.EUR);

	static final BigInteger RATE_UNIT = BigInteger.TEN.pow(Rate.SCALE);

	@Test
	void partialPaymentsSettleAnInvoiceToTheCent(TestInfo test) {
		long seed = seed(test);
		Random random = new Random(seed);
		for (int n = 1; n <= CASES; n++) {
			Money invoice = amount(random);
			Money outstanding = invoice;
			Money paid = ZERO;
			long paidCents = 0;
			List<Money> payments = new ArrayList<>();
			int count = random.nextInt(1, 13);
			for (int i = 1; i <= count && outstanding.isPositive(); i++) {
				// the last payment settles the invoice, unless it stays partly open
				Money payment = (i == count && random.nextBoolean()) ? outstanding : upTo(random, outstanding);
				payments.add(payment);
				outstanding = outstanding.minus(payment);
				paid = paid.plus(payment);
				paidCents += cents(payment);
				assertThat(outstanding.isNegative()).as("seed=%d case=%d %s after %s", seed, n, invoice, payments)
					.isFalse();
				assertThat(outstanding.amount().scale()).as("seed=%d case=%d scale", seed, n).isEqualTo(2);
			}
			assertThat(paid.plus(outstanding)).as("seed=%d case=%d %s paid by %s", seed, n, invoice, payments)
				.isEqualTo(invoice);
			assertThat(cents(paid)).as("seed=%d case=%d paid in whole cents %s", seed, n, payments)
				.isEqualTo(paidCents);
			assertThat(paid.amount().scale()).as("seed=%d case=%d scale", seed, n).isEqualTo(2);
		}
		summary("partial payments", seed);
	}

	@Test
	void advanceReserveAndFeesSplitAnInvoiceToTheCent(TestInfo test) {
		long seed = seed(test);
		Random random = new Random(seed);
		for (int n = 1; n <= CASES; n++) {
			Money invoice = amount(random);
			Rate advanceRate = Rate.ofPercent(BigDecimal.valueOf(random.nextInt(5_000, 10_001), 2));
			Rate commissionRate = Rate.ofPercent(BigDecimal.valueOf(random.nextInt(0, 1_300_001), 6));
			Money invoiceFee = Money.eur(BigDecimal.valueOf(random.nextInt(0, 5_001), 2));
			String example = "seed=%d case=%d invoice %s advance %s commission %s fee %s";
			Object[] facts = { seed, n, invoice, advanceRate, commissionRate, invoiceFee };

			Money advance = invoice.times(advanceRate, RoundingMode.HALF_EVEN);
			Money reserve = invoice.minus(advance);
			Money commission = invoice.times(commissionRate, RoundingMode.HALF_UP);
			Money vat = commission.plus(invoiceFee).times(VAT, RoundingMode.HALF_UP);
			Money payout = advance.minus(commission).minus(invoiceFee).minus(vat);

			assertThat(advance.plus(reserve)).as(example, facts).isEqualTo(invoice);
			assertThat(payout.plus(commission).plus(invoiceFee).plus(vat)).as(example, facts).isEqualTo(advance);
			assertThat(advance.isNegative() || advance.isGreaterThan(invoice)).as(example, facts).isFalse();
			assertThat(reserve.isNegative()).as(example, facts).isFalse();
			assertThat(List.of(advance, reserve, commission, vat, payout)).as(example, facts)
				.allSatisfy(part -> assertThat(part.amount().scale()).isEqualTo(2));
			assertWithinHalfACent(advance, invoice.amount().multiply(advanceRate.value()), example, facts);
			assertWithinHalfACent(commission, invoice.amount().multiply(commissionRate.value()), example, facts);
		}
		summary("advance, reserve and fees", seed);
	}

	/**
	 * A payment spread over open invoices in proportion to what each still owes. Each
	 * part is the difference of two roundings of cumulative shares, so the parts add up
	 * to the payment exactly and none is negative.
	 */
	@Test
	void proRataAllocationOfAPaymentAddsUpToThePayment(TestInfo test) {
		long seed = seed(test);
		Random random = new Random(seed);
		for (int n = 1; n <= CASES; n++) {
			int invoices = random.nextInt(1, 21);
			List<Money> owed = new ArrayList<>();
			Money totalOwed = ZERO;
			for (int i = 0; i < invoices; i++) {
				Money due = amount(random);
				owed.add(due);
				totalOwed = totalOwed.plus(due);
			}
			Money payment = upTo(random, totalOwed);
			List<Money> parts = allocate(payment, owed, totalOwed);
			String example = "seed=%d case=%d payment %s over %s";

			assertThat(parts.stream().reduce(ZERO, Money::plus)).as(example, seed, n, payment, owed).isEqualTo(payment);
			for (int i = 0; i < invoices; i++) {
				Money part = parts.get(i);
				assertThat(part.isNegative()).as(example + " part %d = %s", seed, n, payment, owed, i, part).isFalse();
				assertThat(part.amount().scale()).as(example, seed, n, payment, owed).isEqualTo(2);
				// two roundings of a cent, plus the shares' own rounding to 8 decimals
				BigDecimal exact = payment.amount()
					.multiply(owed.get(i).amount())
					.divide(totalOwed.amount(), MathContext.DECIMAL128);
				BigDecimal tolerance = new BigDecimal("0.01").add(payment.amount().movePointLeft(Rate.SCALE));
				assertThat(part.amount().subtract(exact).abs())
					.as(example + " part %d = %s, exact %s", seed, n, payment, owed, i, part, exact)
					.isLessThanOrEqualTo(tolerance);
			}
		}
		summary("pro-rata allocation", seed);
	}

	/**
	 * {@link Money#times(Rate, RoundingMode)} against whole-number arithmetic: cents ×
	 * rate units, divided with remainder, rounded by hand.
	 */
	@Test
	void roundingByARateMatchesWholeCentArithmetic(TestInfo test) {
		long seed = seed(test);
		Random random = new Random(seed);
		for (int n = 1; n <= CASES; n++) {
			Money amount = random.nextInt(4) == 0 ? amount(random).negate() : amount(random);
			// few decimals, like real rates (90 %, 0.3 %), make exact half-cent ties
			// common
			int decimals = random.nextInt(1, Rate.SCALE + 1);
			long units = random.nextLong(0, 2 * BigInteger.TEN.pow(decimals).longValueExact() + 1);
			Rate rate = new Rate(BigDecimal.valueOf(units, decimals));
			for (RoundingMode mode : List.of(RoundingMode.HALF_EVEN, RoundingMode.HALF_UP)) {
				Money product = amount.times(rate, mode);
				assertThat(product.amount().scale()).as("seed=%d case=%d %s × %s", seed, n, amount, rate).isEqualTo(2);
				assertThat(product.amount().unscaledValue())
					.as("seed=%d case=%d %s × %s %s", seed, n, amount, rate, mode)
					.isEqualTo(roundedProductInCents(amount, rate, mode));
			}
		}
		summary("rounding by a rate", seed);
	}

	/** Cumulative shares rounded once each: Σ parts telescopes to the payment. */
	static List<Money> allocate(Money payment, List<Money> owed, Money totalOwed) {
		List<Money> parts = new ArrayList<>();
		Money cumulativeOwed = ZERO;
		Money allocatedSoFar = ZERO;
		for (int i = 0; i < owed.size(); i++) {
			cumulativeOwed = cumulativeOwed.plus(owed.get(i));
			Rate share = (i == owed.size() - 1) ? Rate.ofFraction("1")
					: new Rate(cumulativeOwed.amount().divide(totalOwed.amount(), Rate.SCALE, RoundingMode.HALF_EVEN));
			Money allocatedUpToHere = payment.times(share, RoundingMode.HALF_EVEN);
			parts.add(allocatedUpToHere.minus(allocatedSoFar));
			allocatedSoFar = allocatedUpToHere;
		}
		return parts;
	}

	static BigInteger roundedProductInCents(Money amount, Rate rate, RoundingMode mode) {
		BigInteger product = amount.amount().unscaledValue().multiply(rate.value().unscaledValue());
		BigInteger[] quotientAndRemainder = product.abs().divideAndRemainder(RATE_UNIT);
		BigInteger quotient = quotientAndRemainder[0];
		int versusHalf = quotientAndRemainder[1].shiftLeft(1).compareTo(RATE_UNIT);
		boolean up = switch (mode) {
			case HALF_UP -> versusHalf >= 0;
			case HALF_EVEN -> versusHalf > 0 || (versusHalf == 0 && quotient.testBit(0));
			default -> throw new IllegalArgumentException(mode.name());
		};
		BigInteger magnitude = up ? quotient.add(BigInteger.ONE) : quotient;
		return (product.signum() < 0) ? magnitude.negate() : magnitude;
	}

	static void assertWithinHalfACent(Money rounded, BigDecimal exact, String example, Object[] facts) {
		assertThat(rounded.amount().subtract(exact).abs()).as(example, facts)
			.isLessThanOrEqualTo(new BigDecimal("0.005"));
	}

	/** Mostly everyday amounts, sometimes a cent or two, sometimes very large ones. */
	static Money amount(Random random) {
		long maxCents = switch (random.nextInt(10)) {
			case 0 -> 10;
			case 1 -> 100_000_000_000_000L;
			case 2, 3 -> 100_00;
			default -> 1_000_000_00;
		};
		return Money.eur(BigDecimal.valueOf(random.nextLong(1, maxCents + 1), 2));
	}

	/** From one cent to {@code max}, both edges drawn often. */
	static Money upTo(Random random, Money max) {
		long maxCents = cents(max);
		long picked = switch (random.nextInt(8)) {
			case 0 -> 1;
			case 1 -> maxCents;
			default -> random.nextLong(1, maxCents + 1);
		};
		return Money.eur(BigDecimal.valueOf(picked, 2));
	}

	static long cents(Money money) {
		return money.amount().movePointRight(2).longValueExact();
	}

	static long seed(TestInfo test) {
		Long replay = Long.getLong("money.seed");
		long seed = (replay != null) ? replay : new Random().nextLong();
		System.out.println("seed=" + seed + " (" + test.getTestMethod().map(Method::getName).orElse("") + ")");
		return seed;
	}

	static void summary(String property, long seed) {
		System.out
			.println("R12 money properties, " + property + ": seed=" + seed + ", cases=" + CASES + ", violations=0");
	}

}
