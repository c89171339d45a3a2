package io.cessio.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.CreditorReference;
import io.cessio.shared.Iban;
import io.cessio.shared.Siren;

/**
 * A seeded company-sized matching workload: 50 000 open items of about 2 000 debtors (a
 * few large ones, many small), and 10 000 receipts that each know which invoices they
 * pay.
 *
 * <ul>
 * <li>60 % quote invoice numbers (15 % of them two invoices of one debtor), printed as
 * debtors do: with or without dashes, spaced, lower case, in the text or the structured
 * fields. 5 % drop the "FA" prefix and 3 % drop a digit (a typo): those numbers exist
 * nowhere, and only the payer's IBAN and the amount can still match them.</li>
 * <li>20 % quote the invoice's RF reference, in the structured field or printed in the
 * text.</li>
 * <li>10 % say nothing but who paid (a known IBAN, or a SIREN in the identifier or the
 * text) and an amount that is the open amount of exactly one of that debtor's
 * invoices.</li>
 * <li>10 % are noise: private persons paying from unknown accounts with unrelated text
 * and any amount. Their amounts may well equal open amounts; since the payer is unknown
 * and the text quotes no invoice, no pass may allocate them: any allocation is a wrong
 * match.</li>
 * </ul>
 * Every invoice is paid by at most one receipt, and every receipt pays its invoices in
 * full, so the expectations hold whatever order the receipts are matched in.
 *
 * <p>
 * For a benchmark on the database ({@code io.cessio.perf.MatchBenchmark}),
 * {@link #generate(long, boolean, Store)} hands the debtors and items to a {@link Store}
 * before it writes the receipts, so that these quote the invoices as stored (their RF
 * references are the database's); the same seed draws the same data either way.
 */
public final class MatchBenchmarkData {

	static final int DEBTORS = 2_000;

	static final int ITEMS = 50_000;

	static final int RECEIPTS = 10_000;

	static final LocalDate FIRST_ISSUE = LocalDate.of(2025, 10, 1);

	static final LocalDate VALUE_DATE = LocalDate.of(2026, 4, 15);

	/** No receipt has a later value date. */
	public static final LocalDate LAST_VALUE_DATE = VALUE_DATE.plusDays(10);

	private static final String[] TRADES = { "TRANSPORTS", "BOULANGERIE", "GARAGE", "CABINET", "ATELIER",
			"ETABLISSEMENTS", "INDUSTRIES", "LABORATOIRE", "MENUISERIE", "IMPRIMERIE", "HOTEL", "RESTAURANT",
			"PHARMACIE", "AGENCE", "CLINIQUE", "CONSEIL", "BATIMENT", "ELECTRICITE", "PLOMBERIE", "SERRURERIE",
			"DISTRIBUTION", "LOGISTIQUE", "EDITIONS", "CONFISERIE", "FROMAGERIE" };

	private static final String[] FAMILY_NAMES = { "MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD",
			"PETIT", "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID",
			"BERTRAND", "ROUX", "VINCENT", "FOURNIER", "MOREL", "GIRARD", "ANDRE", "MERCIER", "DUPONT", "LAMBERT",
			"BONNET", "FRANCOIS", "MARTINEZ", "LEGRAND", "GARNIER", "FAURE", "ROUSSEL", "BLANC", "GUERIN" };

	private static final String[] SUFFIXES = { "", "", "", "ET FILS", "FRERES", "NORD", "SUD", "OUEST", "EST",
			"ATLANTIQUE", "PROVENCE", "ALPES", "BRETAGNE", "NORMANDIE", "LYON", "BORDEAUX", "LILLE", "NANTES" };

	private static final String[] LEGAL_FORMS = { "SA", "SAS", "SARL", "SASU", "EURL", "SNC", "" };

	/** Private persons: first and family names that no company name uses. */
	private static final String[] PERSON_FIRST_NAMES = { "JEAN", "MARIE", "PIERRE", "CLAIRE", "LUC", "SOPHIE", "PAUL",
			"ANNE", "JULIEN", "CAMILLE", "NICOLAS", "LEA", "HUGO", "CHLOE", "LOUIS", "EMMA" };

	private static final String[] PERSON_FAMILY_NAMES = { "ABADIE", "BARTHE", "CAZENAVE", "DARRIGADE", "ETCHEVERRY",
			"FABRE", "GOYHENECHE", "HARISPE", "IRIGOYEN", "JAUREGUY", "LABORDE", "MENDIBURU", "NOGUES", "OSPITAL",
			"POUEY", "SALLABERRY" };

	private static final String[] NOISE_TEXTS = { "LOYER MARS", "REMBOURSEMENT", "CAF ALLOCATIONS", "VIR INSTANTANE",
			"CADEAU ANNIVERSAIRE", "REMB FRAIS REPAS", "PARTICIPATION VACANCES", "COTISATION CLUB",
			"VIREMENT PERMANENT", "" };

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

	final long seed;

	final List<KnownDebtor> debtors = new ArrayList<>();

	final List<OpenItem> items = new ArrayList<>();

	final List<ExpectedReceipt> receipts = new ArrayList<>();

	private final Random random;

	private final Map<UUID, List<OpenItem>> itemsOfDebtor = new HashMap<>();

	private final Map<UUID, KnownDebtor> debtorById = new HashMap<>();

	private final Set<UUID> used = new HashSet<>();

	private final Set<String> knownIbans = new HashSet<>();

	private final Set<String> sirens = new HashSet<>();

	/** Items of a debtor in random order, for picking unpaid ones quickly. */
	private final List<OpenItem> shuffled;

	private int nextPick;

	private MatchBenchmarkData(long seed, boolean allAssigned, @Nullable Store store) {
		this.seed = seed;
		this.random = new Random(seed);
		generateDebtors();
		generateItems(allAssigned);
		if (store != null) {
			replaceItems(store.store(List.copyOf(debtors), List.copyOf(items)));
		}
		this.shuffled = new ArrayList<>(items);
		Collections.shuffle(shuffled, random);
		generateReceipts();
		Collections.shuffle(receipts, random);
	}

	static MatchBenchmarkData generate(long seed) {
		return new MatchBenchmarkData(seed, false, null);
	}

	/**
	 * The workload of that seed, every item assigned if {@code allAssigned} (else one in
	 * ten is not), its receipts quoting the items as {@code store} stored them.
	 */
	public static MatchBenchmarkData generate(long seed, boolean allAssigned, Store store) {
		return new MatchBenchmarkData(seed, allAssigned, store);
	}

	/** Where the generated debtors and open items go before the receipts are drawn. */
	@FunctionalInterface
	public interface Store {

		/**
		 * Stores them and returns the items as stored: the same invoices in the same
		 * order, with the creditor reference the store gave each.
		 */
		List<OpenItem> store(List<KnownDebtor> debtors, List<OpenItem> items);

	}

	public List<KnownDebtor> debtors() {
		return Collections.unmodifiableList(debtors);
	}

	public List<OpenItem> items() {
		return Collections.unmodifiableList(items);
	}

	/** In the order they are to be matched. */
	public List<ExpectedReceipt> receipts() {
		return Collections.unmodifiableList(receipts);
	}

	public enum Kind {

		INVOICE_NUMBER, RF_REFERENCE, AMOUNT_AND_PAYER, NOISE

	}

	/**
	 * @param expected the invoices it pays in full; empty for noise
	 */
	public record ExpectedReceipt(Receipt receipt, Kind kind, Set<UUID> expected, String variant) {

	}

	private void generateDebtors() {
		Set<String> names = new HashSet<>();
		while (debtors.size() < DEBTORS) {
			String name = String.join(" ", pick(TRADES), pick(FAMILY_NAMES), pick(SUFFIXES), pick(LEGAL_FORMS))
				.replaceAll(" +", " ")
				.trim();
			if (!names.add(CompanyName.normalise(name))) {
				continue;
			}
			Set<String> ibans = new LinkedHashSet<>();
			int count = random.nextInt(1, 3);
			while (ibans.size() < count) {
				String iban = randomIban();
				if (knownIbans.add(iban)) {
					ibans.add(iban);
				}
			}
			String siren;
			do {
				siren = randomSiren();
			}
			while (!sirens.add(siren));
			KnownDebtor debtor = new KnownDebtor(uuid(), name, siren, ibans);
			debtors.add(debtor);
			debtorById.put(debtor.debtorId(), debtor);
		}
	}

	/**
	 * Invoices numbered FA{year}-{6 digits} in order of issue, each with the RF reference
	 * of its sequence number (as the database issues them). A third have round amounts,
	 * so that a debtor often has several invoices of the same amount.
	 */
	private void generateItems(boolean allAssigned) {
		record Draft(UUID debtorId, LocalDate issued, int term, BigDecimal amount, boolean assigned) {
		}
		List<Draft> drafts = new ArrayList<>();
		for (int i = 0; i < ITEMS; i++) {
			// a few large debtors, many small: the index is skewed towards 0
			int debtor = (int) (DEBTORS * Math.pow(random.nextDouble(), 1.5));
			LocalDate issued = FIRST_ISSUE.plusDays(random.nextInt(0, 190));
			int term = new int[] { 30, 45, 60, 60 }[random.nextInt(4)];
			// drawn either way, so that a seed gives the same data
			boolean assigned = random.nextInt(10) != 0 || allAssigned;
			drafts.add(new Draft(debtors.get(debtor).debtorId(), issued, term, randomAmount(), assigned));
		}
		drafts.sort(Comparator.comparing(Draft::issued));
		int sequence = 100;
		for (Draft draft : drafts) {
			sequence++;
			String number = "FA%d-%06d".formatted(draft.issued().getYear(), sequence);
			String reference = CreditorReference.forBody("%012d".formatted(sequence)).value();
			OpenItem item = new OpenItem(uuid(), draft.debtorId(), number, reference, draft.amount(), draft.issued(),
					draft.issued().plusDays(draft.term()), draft.assigned());
			items.add(item);
			itemsOfDebtor.computeIfAbsent(item.debtorId(), d -> new ArrayList<>()).add(item);
		}
	}

	private void replaceItems(List<OpenItem> stored) {
		if (stored.size() != items.size()) {
			throw new IllegalStateException("The store returned " + stored.size() + " items of " + items.size());
		}
		for (int i = 0; i < stored.size(); i++) {
			OpenItem generated = items.get(i);
			OpenItem kept = stored.get(i);
			if (!kept.invoiceId().equals(generated.invoiceId()) || !kept.number().equals(generated.number())
					|| kept.openAmount().compareTo(generated.openAmount()) != 0) {
				throw new IllegalStateException("The store changed " + generated + " into " + kept);
			}
		}
		items.clear();
		items.addAll(stored);
		itemsOfDebtor.clear();
		stored.forEach(item -> itemsOfDebtor.computeIfAbsent(item.debtorId(), d -> new ArrayList<>()).add(item));
	}

	private void generateReceipts() {
		int numbers = RECEIPTS * 60 / 100;
		int references = RECEIPTS * 20 / 100;
		int amounts = RECEIPTS * 10 / 100;
		int noise = RECEIPTS - numbers - references - amounts;
		for (int i = 0; i < numbers; i++) {
			receipts.add(random.nextInt(100) < 15 ? twoInvoicesByNumber() : oneInvoiceByNumber());
		}
		for (int i = 0; i < references; i++) {
			receipts.add(byReference());
		}
		for (int i = 0; i < amounts; i++) {
			receipts.add(byAmountAndPayer());
		}
		for (int i = 0; i < noise; i++) {
			receipts.add(noise());
		}
	}

	private ExpectedReceipt oneInvoiceByNumber() {
		OpenItem item = unpaid();
		KnownDebtor debtor = debtorById.get(item.debtorId());
		int roll = random.nextInt(100);
		String variant;
		String printed;
		if (roll < 5) {
			variant = "number without its prefix";
			printed = item.number().substring(2);
		}
		else if (roll < 8) {
			variant = "number with a digit missing";
			int at = item.number().length() - 1 - random.nextInt(6);
			printed = item.number().substring(0, at) + item.number().substring(at + 1);
		}
		else {
			variant = "number";
			printed = printed(item.number());
		}
		Receipt receipt = numberReceipt(item.openAmount(), debtor, List.of(printed));
		return new ExpectedReceipt(receipt, Kind.INVOICE_NUMBER, Set.of(item.invoiceId()), variant);
	}

	private ExpectedReceipt twoInvoicesByNumber() {
		OpenItem first = unpaid();
		OpenItem second = null;
		for (OpenItem other : itemsOfDebtor.get(first.debtorId())) {
			if (!used.contains(other.invoiceId())) {
				second = other;
				break;
			}
		}
		if (second == null) {
			used.remove(first.invoiceId());
			return oneInvoiceByNumber();
		}
		used.add(second.invoiceId());
		KnownDebtor debtor = debtorById.get(first.debtorId());
		Receipt receipt = numberReceipt(first.openAmount().add(second.openAmount()), debtor,
				List.of(printed(first.number()), printed(second.number())));
		return new ExpectedReceipt(receipt, Kind.INVOICE_NUMBER, Set.of(first.invoiceId(), second.invoiceId()),
				"two numbers");
	}

	private Receipt numberReceipt(BigDecimal amount, KnownDebtor debtor, List<String> numbers) {
		List<String> documents = new ArrayList<>();
		String text;
		String joined = String.join(random.nextBoolean() ? " ET " : " + ", numbers);
		int shape = random.nextInt(6);
		if (shape == 0) {
			documents.addAll(numbers);
			text = "VIREMENT FOURNISSEUR";
		}
		else if (shape == 1) {
			text = "FACTURE " + joined;
		}
		else if (shape == 2) {
			text = "REGLEMENT FACT. " + joined + " DU " + FRENCH_DATE.format(VALUE_DATE.minusDays(3));
		}
		else if (shape == 3) {
			text = bankName(debtor) + " " + joined;
		}
		else if (shape == 4) {
			text = "PAIEMENT N° " + joined + " MONTANT " + amount.toPlainString().replace('.', ',') + " EUR";
		}
		else {
			text = joined;
		}
		return payment(amount, debtor, null, documents, text);
	}

	private ExpectedReceipt byReference() {
		OpenItem item = unpaid();
		KnownDebtor debtor = debtorById.get(item.debtorId());
		CreditorReference reference = new CreditorReference(item.creditorReference());
		Receipt receipt;
		String variant;
		int shape = random.nextInt(5);
		if (shape <= 1) {
			variant = "structured reference";
			receipt = payment(item.openAmount(), debtor, reference.value(), List.of(), "VIR SEPA");
		}
		else if (shape == 2) {
			variant = "structured reference, printed";
			receipt = payment(item.openAmount(), debtor, reference.formatted(), List.of(), "");
		}
		else if (shape == 3) {
			variant = "reference printed in the text";
			receipt = payment(item.openAmount(), debtor, null, List.of(), "REF " + reference.formatted() + " MERCI");
		}
		else {
			variant = "reference in the text, lower case";
			receipt = payment(item.openAmount(), debtor, null, List.of(),
					"virement " + reference.value().toLowerCase(Locale.ROOT));
		}
		return new ExpectedReceipt(receipt, Kind.RF_REFERENCE, Set.of(item.invoiceId()), variant);
	}

	/**
	 * The payer by its IBAN or SIREN, and the amount of its only invoice of that amount.
	 */
	private ExpectedReceipt byAmountAndPayer() {
		OpenItem item;
		do {
			item = unpaid();
			if (!isUniqueAmountOfItsDebtor(item)) {
				used.remove(item.invoiceId());
				item = null;
			}
		}
		while (item == null);
		KnownDebtor debtor = debtorById.get(item.debtorId());
		String text = pick(new String[] { "VIREMENT", "REGLEMENT FOURNISSEUR", "PAIEMENT", "", "ECHEANCE AVRIL" });
		String iban = randomIban();
		String identifier = null;
		String variant;
		int shape = random.nextInt(4);
		if (shape <= 1) {
			variant = "known IBAN";
			iban = pick(debtor.knownIbans().stream().sorted().toArray(String[]::new));
		}
		else if (shape == 2) {
			variant = "SIREN in the identifier";
			identifier = debtor.siren();
		}
		else {
			variant = "SIREN in the text";
			text = text + " SIREN " + new Siren(debtor.siren()).formatted();
		}
		Receipt receipt = new Receipt(item.openAmount(), VALUE_DATE, bankName(debtor), iban, identifier, null,
				List.of(), text);
		return new ExpectedReceipt(receipt, Kind.AMOUNT_AND_PAYER, Set.of(item.invoiceId()), variant);
	}

	private ExpectedReceipt noise() {
		String name = (random.nextBoolean() ? "M " : "MME ") + pick(PERSON_FIRST_NAMES) + " "
				+ pick(PERSON_FAMILY_NAMES);
		String iban;
		do {
			iban = randomIban();
		}
		while (knownIbans.contains(iban));
		String text = pick(NOISE_TEXTS) + (random.nextBoolean() ? " REF " + random.nextInt(1_000, 99_999) : "");
		BigDecimal amount = random.nextInt(4) == 0 ? pick(items).openAmount() : randomAmount();
		Receipt receipt = new Receipt(amount, VALUE_DATE, name, iban, null, null, List.of(), text.trim());
		return new ExpectedReceipt(receipt, Kind.NOISE, Set.of(), "noise");
	}

	/**
	 * As the debtor's bank sends it: its IBAN known to us 60 % of the time, the name as
	 * registered, without legal form, or cut at 20 characters.
	 */
	private Receipt payment(BigDecimal amount, KnownDebtor debtor, @Nullable String reference, List<String> documents,
			String text) {
		String iban = random.nextInt(100) < 60 ? pick(debtor.knownIbans().stream().sorted().toArray(String[]::new))
				: randomIban();
		return new Receipt(amount, VALUE_DATE.plusDays(random.nextInt(-10, 10)), bankName(debtor), iban, null,
				reference, documents, text);
	}

	private String bankName(KnownDebtor debtor) {
		return switch (random.nextInt(3)) {
			case 0 -> debtor.legalName();
			case 1 -> CompanyName.normalise(debtor.legalName());
			default -> debtor.legalName().substring(0, Math.min(20, debtor.legalName().length()));
		};
	}

	/** An invoice number as debtors type it. */
	private String printed(String number) {
		return switch (random.nextInt(6)) {
			case 0 -> number.replace("-", "");
			case 1 -> number.replace("-", " ");
			case 2 -> number.toLowerCase(Locale.ROOT);
			case 3 -> number.replace("-", "/");
			case 4 -> number.substring(0, 2) + " " + number.substring(2);
			default -> number;
		};
	}

	private boolean isUniqueAmountOfItsDebtor(OpenItem item) {
		return itemsOfDebtor.get(item.debtorId())
			.stream()
			.filter(other -> other.openAmount().compareTo(item.openAmount()) == 0)
			.count() == 1;
	}

	private OpenItem unpaid() {
		while (used.contains(shuffled.get(nextPick).invoiceId())) {
			nextPick++;
		}
		OpenItem item = shuffled.get(nextPick++);
		used.add(item.invoiceId());
		return item;
	}

	private BigDecimal randomAmount() {
		if (random.nextInt(3) == 0) {
			return BigDecimal.valueOf(random.nextInt(2, 100) * 50L).setScale(2);
		}
		// log-uniform from 50 € to 15 000 €
		double euros = 50 * Math.pow(300, random.nextDouble());
		return BigDecimal.valueOf(Math.round(euros * 100), 2);
	}

	private String randomIban() {
		String bank = "%05d".formatted(random.nextInt(10_000, 99_999));
		String branch = "%05d".formatted(random.nextInt(0, 99_999));
		String account = "%011d".formatted(random.nextLong(0, 99_999_999_999L));
		return Iban.french(bank, branch, account).value();
	}

	private String randomSiren() {
		String body = "%08d".formatted(random.nextInt(10_000_000, 99_999_999));
		for (int check = 0; check <= 9; check++) {
			if (Siren.isValid(body + check)) {
				return body + check;
			}
		}
		throw new IllegalStateException();
	}

	private UUID uuid() {
		return new UUID(random.nextLong(), random.nextLong());
	}

	private String pick(String[] values) {
		return values[random.nextInt(values.length)];
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	Map<Kind, Long> countByKind() {
		return receipts.stream().collect(Collectors.groupingBy(ExpectedReceipt::kind, Collectors.counting()));
	}

}
