package io.cessio.ledger;

import static io.cessio.ledger.AccountCode.CLIENT_CURRENT_ACCOUNT;
import static io.cessio.ledger.AccountCode.DEDICATED_CASH;
import static io.cessio.ledger.AccountCode.DEDICATED_COMPANY_AVAILABLE;
import static io.cessio.ledger.AccountCode.DEDICATED_FACTOR_COLLECTIONS;
import static io.cessio.ledger.AccountCode.DEDICATED_UNIDENTIFIED;
import static io.cessio.ledger.AccountCode.RECEIVABLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cessio.CessioIntegrationTest;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * Seeded random sequences of ledger operations (BENCHMARKS.md R12/R13): whatever valid
 * operations run, in whatever order, the trial balance stays at zero, no portion of a
 * dedicated account goes negative and every cached balance equals its postings; an
 * operation the ledger refuses leaves no trace.
 *
 * <p>
 * The test keeps its own model of every balance, computed from what it posted, and never
 * reads an expectation back from the ledger (except the starting balances of the factor's
 * own accounts, which other test classes share). Each ledger call runs in its own
 * transaction, as a business facade's would. A failure names its seed and step: replay it
 * with {@code -Dledger.seed=N}.
 */
@CessioIntegrationTest
class LedgerRandomOperationsTests {

	/** Seeds per run; {@code -Dledger.seeds=N} runs more (a nightly job, say). */
	static final int SEEDS_PER_RUN = Integer.getInteger("ledger.seeds", 3);

	static final int STEPS = 400;

	static final int COMPANIES = 3;

	static final int FULL_CHECK_EVERY = 50;

	static final LocalDate START = LocalDate.of(2026, 3, 2);

	static final LocalDate FAR_FUTURE = LocalDate.of(2999, 12, 31);

	static final Rate VAT = Rate.ofPercent("20");

	static final List<AccountCode> PORTIONS = List.of(DEDICATED_COMPANY_AVAILABLE, DEDICATED_FACTOR_COLLECTIONS,
			DEDICATED_UNIDENTIFIED);

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	TransactionTemplate readOnly;

	@Autowired
	void readOnlyTransactions(PlatformTransactionManager transactionManager) {
		readOnly = new TransactionTemplate(transactionManager);
		readOnly.setReadOnly(true);
	}

	@Test
	void randomOperationsKeepTheBooksSoundAndRefusedOnesLeaveNoTrace() {
		Long replay = Long.getLong("ledger.seed");
		List<Long> seeds = (replay != null) ? List.of(replay) : new Random().longs(SEEDS_PER_RUN).boxed().toList();
		Tally tally = new Tally();
		for (long seed : seeds) {
			System.out.println("seed=" + seed);
			new Run(seed, tally).play();
			tally.seeds++;
		}
		List<InvariantViolation> violations = ledger.invariantViolations();
		System.out.println("R12/R13 ledger random operations: seeds=" + tally.seeds + ", steps=" + tally.steps
				+ ", valid=" + tally.valid + ", idempotent_replays=" + tally.replayed + ", rejected_cleanly="
				+ tally.rejected + ", violations=" + violations.size());
		assertThat(violations).as("seeds=%s", seeds).isEmpty();
		assertThat(tally.rejected).as("seeds=%s: refused operations were tried", seeds).isPositive();
	}

	// The two cases below are the shortest sequences the random runs found to break the
	// ledger: a transaction that opens an account and then rolls back must not leave the
	// account unusable (its id must not outlive the rollback).

	@Test
	void anEntryRefusedOnAccountsNotYetOpenedDoesNotBlockTheirNextEntry() {
		// only the company's own accounts, so that a failure here cannot spill into
		// others
		String company = UUID.randomUUID().toString();
		LocalDate date = START;
		assertThatExceptionOfType(InsufficientBalance.class).isThrownBy(() -> transaction.execute(
				status -> ledger.post(PostingRules.withdrawal(company, company + "-W1", date, Money.eur("10.00")))));

		transaction.execute(status -> ledger
			.post(PostingRules.incomingTransfer(company, company + "-T1", date, Money.eur("10.00"), "VIR")));
		transaction.execute(status -> ledger
			.post(PostingRules.releaseToCompany(company, company + "-R1", date, Money.eur("10.00"))));
		transaction
			.execute(status -> ledger.post(PostingRules.withdrawal(company, company + "-W2", date, Money.eur("4.00"))));

		assertThat(ledger.currentBalance(AccountRef.of(DEDICATED_COMPANY_AVAILABLE, company)))
			.isEqualTo(Money.eur("6.00"));
		assertThat(ledger.currentBalance(AccountRef.of(DEDICATED_CASH, company))).isEqualTo(Money.eur("6.00"));
	}

	@Test
	void aBusinessTransactionRolledBackAfterPostingDoesNotBlockTheAccountsItOpened() {
		String company = UUID.randomUUID().toString();
		LocalDate date = START;
		assertThatIllegalStateException().isThrownBy(() -> transaction.executeWithoutResult(status -> {
			ledger.post(PostingRules.incomingTransfer(company, company + "-T1", date, Money.eur("25.00"), "VIR"));
			throw new IllegalStateException("the business step after the posting failed");
		}));

		transaction.execute(status -> ledger
			.post(PostingRules.incomingTransfer(company, company + "-T2", date, Money.eur("30.00"), "VIR")));

		assertThat(ledger.currentBalance(AccountRef.of(DEDICATED_UNIDENTIFIED, company))).isEqualTo(Money.eur("30.00"));
		assertThat(ledger.currentBalance(AccountRef.of(DEDICATED_CASH, company))).isEqualTo(Money.eur("30.00"));
	}

	/** What the runs did, for the summary line. */
	static final class Tally {

		int seeds;

		int steps;

		int valid;

		int replayed;

		int rejected;

	}

	/**
	 * Operations and how often each is drawn. The last five are always refused; a
	 * reversal is refused when it would take a portion below zero.
	 */
	enum Op {

		PURCHASE(10), PAYOUT(10), INCOMING_TRANSFER(14), IDENTIFIED_COLLECTION(12), RELEASE_TO_COMPANY(5),
		WITHDRAWAL(8), SWEEP(8), FINANCING_CHARGE(4), CREDIT_NOTE(4), REVERSAL(7), REPOST(5),
		WITHDRAWAL_ABOVE_AVAILABLE(3), SWEEP_ABOVE_COLLECTIONS(3), COLLECTION_ABOVE_UNIDENTIFIED(3),
		CONFLICTING_REPOST(3), UNBALANCED_ENTRY(2);

		static final int TOTAL_WEIGHT = Arrays.stream(values()).mapToInt(op -> op.weight).sum();

		final int weight;

		Op(int weight) {
			this.weight = weight;
		}

		static Op draw(Random random) {
			int ticket = random.nextInt(TOTAL_WEIGHT);
			for (Op op : values()) {
				ticket -= op.weight;
				if (ticket < 0) {
					return op;
				}
			}
			throw new IllegalStateException();
		}

	}

	/** Rows in the ledger's tables. */
	record Counts(long entries, long postings, long accounts) {

		Counts plus(long entries, long postings, long accounts) {
			return new Counts(this.entries + entries, this.postings + postings, this.accounts + accounts);
		}

	}

	/**
	 * An entry the test posted, with the amount it was built from and how to build it
	 * again with another amount ({@code null} for reversals).
	 */
	record Recorded(long id, JournalEntry entry, @Nullable Money amount,
			@Nullable Function<Money, JournalEntry> rebuild) {

	}

	/** One movement the model applied, so that balances can be computed as of a date. */
	record Applied(LocalDate date, AccountRef account, BigDecimal normalDelta) {

	}

	/** One seed's sequence: its own companies, model and random stream. */
	final class Run {

		final long seed;

		final Tally tally;

		final Random random;

		final String runKey = UUID.randomUUID().toString();

		final List<String> companies = new ArrayList<>();

		/** Expected balances on each account's normal side. */
		final Map<AccountRef, BigDecimal> model = new LinkedHashMap<>();

		final List<Applied> applied = new ArrayList<>();

		final Map<AccountRef, Integer> postingsPerAccount = new HashMap<>();

		final Set<AccountRef> opened = new HashSet<>();

		final List<Recorded> posted = new ArrayList<>();

		final List<Recorded> plain = new ArrayList<>();

		/** Original entry id → id of the entry reversing it. */
		final Map<Long, Long> reversals = new HashMap<>();

		/** The last steps, printed with a failure. */
		final Deque<String> trail = new ArrayDeque<>();

		LocalDate today = START;

		int step;

		String op = "start";

		Run(long seed, Tally tally) {
			this.seed = seed;
			this.tally = tally;
			this.random = new Random(seed);
		}

		void play() {
			for (int i = 0; i < COMPANIES; i++) {
				companies.add(UUID.randomUUID().toString());
			}
			// The factor's own accounts are shared with every other test class of this
			// JVM: their balance at the start is the only figure read from the ledger.
			jdbc.sql("select code from ledger_account where counterparty = ''")
				.query(String.class)
				.list()
				.forEach(code -> opened.add(AccountRef.factor(AccountCode.valueOf(code))));
			for (AccountCode code : AccountCode.values()) {
				if (!code.isPerCompany()) {
					AccountRef account = AccountRef.factor(code);
					model.put(account, ledger.currentBalance(account).amount());
				}
			}
			checkAccounts(model.keySet());
			for (step = 1; step <= STEPS; step++) {
				if (random.nextInt(5) == 0) {
					today = today.plusDays(1 + random.nextInt(3));
				}
				try {
					boolean done = false;
					while (!done) {
						done = perform(Op.draw(random));
					}
					if (step % FULL_CHECK_EVERY == 0 || step == STEPS) {
						reading(this::checkWholeBooks);
					}
				}
				catch (AssertionError ex) {
					String message = String.valueOf(ex.getMessage());
					throw new AssertionError((message.contains("seed=") ? message : where() + ": " + message) + trail(),
							ex);
				}
				catch (RuntimeException ex) {
					throw new AssertionError(where() + ": unexpected " + ex + trail(), ex);
				}
				trail.addLast(step + " " + op);
				if (trail.size() > 12) {
					trail.removeFirst();
				}
				tally.steps++;
			}
		}

		/** Performs the operation, or returns false when it cannot apply now. */
		boolean perform(Op drawn) {
			String company = companies.get(random.nextInt(COMPANIES));
			String ref = runKey + "-" + step;
			LocalDate date = today;
			op = drawn + " " + company.substring(0, 8);
			switch (drawn) {
				case PURCHASE -> {
					Money invoices = anyAmount();
					Rate commissionRate = (random.nextInt(5) == 0) ? Rate.ZERO
							: Rate.ofPercent(BigDecimal.valueOf(random.nextInt(15, 131), 2));
					Money commission = invoices.times(commissionRate, RoundingMode.HALF_UP);
					Money invoiceFees = Money.eur("3.00").times(random.nextInt(0, 6));
					Money vat = commission.plus(invoiceFees).times(VAT, RoundingMode.HALF_UP);
					op += " fees " + commission + " + " + invoiceFees + " + " + vat;
					postValid(invoices,
							amount -> PostingRules.purchase(company, ref, date, amount, commission, invoiceFees, vat));
				}
				case PAYOUT -> postValid(anyAmount(), amount -> PostingRules.payout(company, ref, date, amount));
				case INCOMING_TRANSFER -> postValid(anyAmount(),
						amount -> PostingRules.incomingTransfer(company, ref, date, amount, "VIR " + ref));
				case IDENTIFIED_COLLECTION -> {
					Money unidentified = model(company, DEDICATED_UNIDENTIFIED);
					Money receivables = model(company, RECEIVABLES);
					Money bound = unidentified.isLessThan(receivables) ? unidentified : receivables;
					if (!bound.isPositive()) {
						return false;
					}
					// a collection counts from its value date, which may be a few days
					// back
					LocalDate valueDate = Collections.max(List.of(START, today.minusDays(random.nextInt(4))));
					op += " value " + valueDate;
					postValid(upTo(bound),
							amount -> PostingRules.identifiedCollection(company, ref, valueDate, amount));
				}
				case RELEASE_TO_COMPANY -> {
					Money unidentified = model(company, DEDICATED_UNIDENTIFIED);
					if (!unidentified.isPositive()) {
						return false;
					}
					postValid(upTo(unidentified), amount -> PostingRules.releaseToCompany(company, ref, date, amount));
				}
				case WITHDRAWAL -> {
					Money available = model(company, DEDICATED_COMPANY_AVAILABLE);
					if (!available.isPositive()) {
						return false;
					}
					postValid(upTo(available), amount -> PostingRules.withdrawal(company, ref, date, amount));
				}
				case SWEEP -> {
					Money collections = model(company, DEDICATED_FACTOR_COLLECTIONS);
					if (!collections.isPositive()) {
						return false;
					}
					postValid(upTo(collections), amount -> PostingRules.sweep(company, ref, date, amount));
				}
				case FINANCING_CHARGE -> postValid(upTo(Money.eur("500.00")),
						amount -> PostingRules.financingCharge(company, ref, date, amount));
				case CREDIT_NOTE -> {
					Money receivables = model(company, RECEIVABLES);
					if (!receivables.isPositive()) {
						return false;
					}
					postValid(upTo(receivables), amount -> PostingRules.creditNote(company, ref, date, amount));
				}
				case REVERSAL -> {
					if (posted.isEmpty()) {
						return false;
					}
					reverse(posted.get(random.nextInt(posted.size())));
				}
				case REPOST -> {
					if (plain.isEmpty()) {
						return false;
					}
					repost(plain.get(random.nextInt(plain.size())));
				}
				case WITHDRAWAL_ABOVE_AVAILABLE -> postRefused(above(model(company, DEDICATED_COMPANY_AVAILABLE)),
						amount -> PostingRules.withdrawal(company, ref, date, amount));
				case SWEEP_ABOVE_COLLECTIONS -> postRefused(above(model(company, DEDICATED_FACTOR_COLLECTIONS)),
						amount -> PostingRules.sweep(company, ref, date, amount));
				case COLLECTION_ABOVE_UNIDENTIFIED -> postRefused(above(model(company, DEDICATED_UNIDENTIFIED)),
						amount -> PostingRules.identifiedCollection(company, ref, date, amount));
				case CONFLICTING_REPOST -> {
					if (plain.isEmpty()) {
						return false;
					}
					conflict(plain.get(random.nextInt(plain.size())));
				}
				case UNBALANCED_ENTRY -> unbalanced(company, ref);
			}
			return true;
		}

		// --- valid operations

		void postValid(Money amount, Function<Money, JournalEntry> rebuild) {
			JournalEntry entry = rebuild.apply(amount);
			op += " " + amount;
			assertThat(wouldGoNegative(entry)).as("%s: the generator drew a valid operation", where()).isEmpty();
			Counts before = counts();
			long id = inTransaction(() -> ledger.post(entry));
			assertThat(posted).as(where()).noneMatch(r -> r.id() == id);
			accepted(id, entry, before);
			Recorded recorded = new Recorded(id, entry, amount, rebuild);
			posted.add(recorded);
			plain.add(recorded);
		}

		void reverse(Recorded target) {
			op = "REVERSAL of #" + target.id() + " " + target.entry().sourceType();
			Long earlier = reversals.get(target.id());
			if (earlier != null) {
				op += " (already reversed)";
				Counts before = counts();
				long id = inTransaction(() -> ledger.reverse(target.id(), today, "again"));
				assertThat(id).as(where()).isEqualTo(earlier);
				unchanged(before, accountsOf(target.entry()));
				tally.replayed++;
				return;
			}
			// the expected reversal is built here, side for side, not by the code under
			// test
			List<Posting> opposite = target.entry()
				.postings()
				.stream()
				.map(p -> new Posting(p.account(), (p.side() == Side.DEBIT) ? Side.CREDIT : Side.DEBIT, p.amount()))
				.toList();
			JournalEntry reversal = new JournalEntry("REVERSAL", String.valueOf(target.id()), today, "random", opposite,
					target.id());
			Map<AccountRef, BigDecimal> negative = wouldGoNegative(reversal);
			if (negative.isEmpty()) {
				Counts before = counts();
				long id = inTransaction(() -> ledger.reverse(target.id(), today, "random"));
				accepted(id, reversal, before);
				reversals.put(target.id(), id);
				posted.add(new Recorded(id, reversal, null, null));
			}
			else {
				op += " (would take a portion below zero)";
				refusedForInsufficientBalance(() -> ledger.reverse(target.id(), today, "random"), reversal, negative);
			}
		}

		void repost(Recorded target) {
			JournalEntry again = target.rebuild().apply(target.amount());
			op = "REPOST of #" + target.id() + " " + target.entry().sourceType() + " " + target.amount();
			Counts before = counts();
			long id = inTransaction(() -> ledger.post(again));
			assertThat(id).as("%s: the same key returns the first entry", where()).isEqualTo(target.id());
			unchanged(before, accountsOf(again));
			tally.replayed++;
		}

		void accepted(long id, JournalEntry entry, Counts before) {
			Set<AccountRef> accounts = accountsOf(entry);
			long newAccounts = accounts.stream().filter(a -> !opened.contains(a)).count();
			apply(entry);
			opened.addAll(accounts);
			assertThat(counts()).as("%s: one entry and its postings written (#%d)", where(), id)
				.isEqualTo(before.plus(1, entry.postings().size(), newAccounts));
			reading(() -> {
				checkAccounts(accounts);
				checkPortions(companiesOf(accounts));
			});
			tally.valid++;
		}

		// --- operations the ledger must refuse

		void postRefused(Money amount, Function<Money, JournalEntry> build) {
			JournalEntry entry = build.apply(amount);
			op += " " + amount;
			Map<AccountRef, BigDecimal> negative = wouldGoNegative(entry);
			assertThat(negative).as("%s: the generator drew an operation to refuse", where()).isNotEmpty();
			refusedForInsufficientBalance(() -> ledger.post(entry), entry, negative);
		}

		void refusedForInsufficientBalance(Supplier<Long> call, JournalEntry entry,
				Map<AccountRef, BigDecimal> negative) {
			refused(InsufficientBalance.class, call, accountsOf(entry), ex -> {
				InsufficientBalance refusal = (InsufficientBalance) ex;
				assertThat(negative).as("%s: the account named by %s", where(), refusal).containsKey(refusal.account());
				assertThat(refusal.available()).as("%s: available in %s", where(), refusal.account())
					.isEqualTo(model(refusal.account()));
				assertThat(refusal.requested()).as("%s: requested from %s", where(), refusal.account())
					.isEqualTo(Money.eur(negative.get(refusal.account()).negate()));
			});
		}

		void conflict(Recorded target) {
			Money original = target.amount();
			Money other = (random.nextBoolean() || original.equals(Money.eur("0.01")))
					? original.plus(upTo(Money.eur("1000.00"))) : upTo(original.minus(Money.eur("0.01")));
			JournalEntry conflicting = target.rebuild().apply(other);
			op = "CONFLICTING_REPOST of #" + target.id() + " " + target.entry().sourceType() + " " + original + " as "
					+ other;
			Set<AccountRef> accounts = accountsOf(conflicting);
			accounts.addAll(accountsOf(target.entry()));
			refused(IdempotencyConflict.class, () -> ledger.post(conflicting), accounts, ex -> {
			});
		}

		void unbalanced(String company, String ref) {
			AccountRef cash = AccountRef.of(DEDICATED_CASH, company);
			AccountRef unidentified = AccountRef.of(DEDICATED_UNIDENTIFIED, company);
			Money debit = anyAmount();
			Money credit = (debit.equals(Money.eur("0.01")) || random.nextBoolean())
					? debit.plus(upTo(Money.eur("1.00"))) : upTo(debit.minus(Money.eur("0.01")));
			List<Posting> postings = (random.nextInt(4) == 0) ? List.of(Posting.debit(cash, debit))
					: List.of(Posting.debit(cash, debit), Posting.credit(unidentified, credit));
			op += (postings.size() == 1) ? " single debit " + debit : " debit " + debit + " credit " + credit;
			// the entry is built inside the call: it must fail before the ledger is
			// reached
			refused(UnbalancedJournalEntry.class,
					() -> ledger.post(new JournalEntry("INCOMING_TRANSFER", ref, today, "VIR déséquilibré", postings)),
					List.of(cash, unidentified), ex -> {
					});
		}

		void refused(Class<? extends RuntimeException> expected, Supplier<Long> call, Collection<AccountRef> affected,
				Consumer<Throwable> details) {
			Counts before = counts();
			Throwable thrown = catchThrowable(() -> inTransaction(call));
			assertThat(thrown).as("%s: refused with %s", where(), expected.getSimpleName())
				.isInstanceOf(expected)
				.satisfies(details::accept);
			// No entry, no posting, no balance moved. The ledger may keep the accounts it
			// opened for the refused entry (in a transaction of their own, so that their
			// ids outlive the rollback): they must be empty, which the model checks.
			Set<AccountRef> openedNow = affected.stream()
				.filter(account -> !opened.contains(account) && exists(account))
				.collect(Collectors.toSet());
			if (expected == UnbalancedJournalEntry.class) {
				assertThat(openedNow).as("%s: an unbalanced entry never reaches the database", where()).isEmpty();
			}
			opened.addAll(openedNow);
			unchanged(before.plus(0, 0, openedNow.size()), affected);
			tally.rejected++;
		}

		boolean exists(AccountRef account) {
			return jdbc
				.sql("select count(*) from ledger_account where code = ? and counterparty = ? and currency = 'EUR'")
				.params(account.code().name(), account.counterparty())
				.query(Long.class)
				.single() > 0;
		}

		void unchanged(Counts before, Collection<AccountRef> affected) {
			assertThat(counts()).as("%s: no row written", where()).isEqualTo(before);
			reading(() -> {
				checkAccounts(affected);
				checkPortions(companiesOf(affected));
			});
		}

		// --- the model

		void apply(JournalEntry entry) {
			normalDeltas(entry).forEach((account, delta) -> {
				model.merge(account, delta, BigDecimal::add);
				applied.add(new Applied(entry.effectiveDate(), account, delta));
			});
			entry.postings().forEach(p -> postingsPerAccount.merge(p.account(), 1, Integer::sum));
		}

		/** Net change of each account, on its normal side. */
		Map<AccountRef, BigDecimal> normalDeltas(JournalEntry entry) {
			Map<AccountRef, BigDecimal> deltas = new LinkedHashMap<>();
			for (Posting posting : entry.postings()) {
				BigDecimal amount = posting.amount().amount();
				boolean grows = (posting.side() == Side.DEBIT) == posting.account().code().type().isDebitNormal();
				deltas.merge(posting.account(), grows ? amount : amount.negate(), BigDecimal::add);
			}
			return deltas;
		}

		/**
		 * The never-negative accounts the entry would take below zero, with their change.
		 */
		Map<AccountRef, BigDecimal> wouldGoNegative(JournalEntry entry) {
			Map<AccountRef, BigDecimal> negative = new LinkedHashMap<>();
			normalDeltas(entry).forEach((account, delta) -> {
				if (account.code().isNeverNegative() && model(account).amount().add(delta).signum() < 0) {
					negative.put(account, delta);
				}
			});
			return negative;
		}

		Money model(AccountRef account) {
			return Money.eur(model.getOrDefault(account, BigDecimal.ZERO));
		}

		Money model(String company, AccountCode code) {
			return model(AccountRef.of(code, company));
		}

		/**
		 * A company account's expected balance counting entries effective up to the date.
		 */
		Money modelAsOf(AccountRef account, LocalDate date) {
			return Money.eur(applied.stream()
				.filter(a -> a.account().equals(account) && !a.date().isAfter(date))
				.map(Applied::normalDelta)
				.reduce(BigDecimal.ZERO, BigDecimal::add));
		}

		// --- checks against the ledger

		void checkAccounts(Collection<AccountRef> accounts) {
			for (AccountRef account : accounts) {
				Money expected = model(account);
				assertThat(ledger.currentBalance(account)).as("%s: cached balance of %s", where(), account)
					.isEqualTo(expected);
				assertThat(ledger.balance(account, FAR_FUTURE)).as("%s: sum of postings of %s", where(), account)
					.isEqualTo(expected);
			}
		}

		void checkPortions(Set<String> companiesTouched) {
			for (String company : companiesTouched) {
				Money cash = ledger.currentBalance(AccountRef.of(DEDICATED_CASH, company));
				Money portions = Money.zero(Money.EUR);
				for (AccountCode code : PORTIONS) {
					Money portion = ledger.currentBalance(AccountRef.of(code, company));
					assertThat(portion.isNegative()).as("%s: %s/%s = %s is negative", where(), code, company, portion)
						.isFalse();
					portions = portions.plus(portion);
				}
				assertThat(portions).as("%s: the three portions of %s add up to its dedicated cash", where(), company)
					.isEqualTo(cash);
			}
		}

		void checkWholeBooks() {
			checkAccounts(model.keySet());
			checkPortions(new LinkedHashSet<>(companies));
			LocalDate earlier = START.plusDays(random.nextInt((int) (today.toEpochDay() - START.toEpochDay()) + 1));
			for (LocalDate date : List.of(today, earlier)) {
				for (String company : companies) {
					for (AccountCode code : AccountCode.values()) {
						if (code.isPerCompany()) {
							AccountRef account = AccountRef.of(code, company);
							assertThat(ledger.balance(account, date)).as("%s: %s as of %s", where(), account, date)
								.isEqualTo(modelAsOf(account, date));
						}
					}
					assertThat(ledger.fundsInUse(company, date))
						.as("%s: funds in use of %s as of %s", where(), company, date)
						.isEqualTo(modelAsOf(AccountRef.of(RECEIVABLES, company), date)
							.minus(modelAsOf(AccountRef.of(CLIENT_CURRENT_ACCOUNT, company), date)));
				}
				assertThat(ledger.trialBalance(date).isBalanced()).as("%s: trial balance as of %s", where(), date)
					.isTrue();
			}
			for (String company : companies) {
				for (AccountCode code : AccountCode.values()) {
					if (!code.isPerCompany()) {
						continue;
					}
					AccountRef account = AccountRef.of(code, company);
					if (postingsPerAccount.containsKey(account)) {
						Page<StatementLine> statement = ledger.statement(account, PageRequest.of(0, 1));
						assertThat(statement.getTotalElements()).as("%s: movements of %s", where(), account)
							.isEqualTo(postingsPerAccount.get(account).longValue());
						assertThat(statement.getContent().get(0).runningBalance())
							.as("%s: balance after the last movement of %s", where(), account)
							.isEqualTo(model(account));
					}
				}
			}
			TrialBalance trialBalance = ledger.trialBalance(FAR_FUTURE);
			assertThat(trialBalance.total()).as("%s: trial balance total", where()).isEqualTo(Money.zero(Money.EUR));
			for (TrialBalance.Line line : trialBalance.lines()) {
				if (model.containsKey(line.account())) {
					BigDecimal normal = model.get(line.account());
					assertThat(line.debitMinusCredit()).as("%s: trial balance line of %s", where(), line.account())
						.isEqualTo(Money.eur(line.type().isDebitNormal() ? normal : normal.negate()));
				}
			}
			assertThat(ledger.invariantViolations()).as("%s: invariant violations", where()).isEmpty();
		}

		Counts counts() {
			return jdbc.sql("""
					select (select count(*) from journal_entry), (select count(*) from posting),
					       (select count(*) from ledger_account)""")
				.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
				.single();
		}

		/**
		 * The checks share one read-only transaction: the same reads, in fewer round
		 * trips.
		 */
		void reading(Runnable checks) {
			readOnly.executeWithoutResult(status -> checks.run());
		}

		/**
		 * Each ledger call in its own transaction, as a business facade would make it.
		 */
		long inTransaction(Supplier<Long> call) {
			Long id = transaction.execute(status -> call.get());
			assertThat(id).as(where()).isNotNull();
			return id;
		}

		// --- amounts, always whole cents

		/** From one cent to {@code max}, both edges drawn often. */
		Money upTo(Money max) {
			long maxCents = max.amount().movePointRight(2).longValueExact();
			long cents = switch (random.nextInt(8)) {
				case 0 -> 1;
				case 1 -> maxCents;
				default -> random.nextLong(1, maxCents + 1);
			};
			return Money.eur(BigDecimal.valueOf(cents, 2));
		}

		Money anyAmount() {
			return upTo(switch (random.nextInt(3)) {
				case 0 -> Money.eur("100.00");
				case 1 -> Money.eur("10000.00");
				default -> Money.eur("250000.00");
			});
		}

		/** Just above the bound (one cent, often) or well above it. */
		Money above(Money bound) {
			return bound.plus(random.nextBoolean() ? Money.eur("0.01") : upTo(Money.eur("5000.00")));
		}

		Set<AccountRef> accountsOf(JournalEntry entry) {
			Set<AccountRef> accounts = new LinkedHashSet<>();
			entry.postings().forEach(p -> accounts.add(p.account()));
			return accounts;
		}

		Set<String> companiesOf(Collection<AccountRef> accounts) {
			Set<String> result = new LinkedHashSet<>();
			accounts.stream().filter(a -> a.code().isPerCompany()).forEach(a -> result.add(a.counterparty()));
			return result;
		}

		String trail() {
			return "\nprevious steps:\n  " + String.join("\n  ", trail);
		}

		String where() {
			return String.format("seed=%d step=%d op=%s", seed, step, op);
		}

	}

}
