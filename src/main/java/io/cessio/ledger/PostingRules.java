package io.cessio.ledger;

import static io.cessio.ledger.AccountCode.CLIENT_CURRENT_ACCOUNT;
import static io.cessio.ledger.AccountCode.COLLECTIONS_IN_TRANSIT;
import static io.cessio.ledger.AccountCode.COMMISSION_INCOME;
import static io.cessio.ledger.AccountCode.DEDICATED_CASH;
import static io.cessio.ledger.AccountCode.DEDICATED_COMPANY_AVAILABLE;
import static io.cessio.ledger.AccountCode.DEDICATED_FACTOR_COLLECTIONS;
import static io.cessio.ledger.AccountCode.DEDICATED_UNIDENTIFIED;
import static io.cessio.ledger.AccountCode.FACTOR_BANK;
import static io.cessio.ledger.AccountCode.FINANCING_INCOME;
import static io.cessio.ledger.AccountCode.INVOICE_FEE_INCOME;
import static io.cessio.ledger.AccountCode.RECEIVABLES;
import static io.cessio.ledger.AccountCode.VAT_COLLECTED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.cessio.shared.Money;

/**
 * Which accounts each business event moves, and on which side (docs/ledger.md gives the
 * same table in words). Every method returns a balanced entry; {@code company} is the
 * company's opaque key and {@code sourceRef} the business reference that makes the entry
 * idempotent.
 */
public final class PostingRules {

	private PostingRules() {
	}

	/**
	 * Purchase of a remittance: the receivables enter the books against the company's
	 * current account (amounts incl. VAT), and the fees with their VAT are debited to
	 * that account.
	 */
	public static JournalEntry purchase(String company, String sourceRef, LocalDate date, Money invoicesInclVat,
			Money commissionExclVat, Money invoiceFeesExclVat, Money vatOnFees) {
		List<Posting> postings = new ArrayList<>();
		postings.add(Posting.debit(company(RECEIVABLES, company), invoicesInclVat));
		postings.add(Posting.credit(company(CLIENT_CURRENT_ACCOUNT, company), invoicesInclVat));
		Money fees = commissionExclVat.plus(invoiceFeesExclVat).plus(vatOnFees);
		if (fees.isPositive()) {
			postings.add(Posting.debit(company(CLIENT_CURRENT_ACCOUNT, company), fees));
			addIfPositive(postings, Posting::credit, AccountRef.factor(COMMISSION_INCOME), commissionExclVat);
			addIfPositive(postings, Posting::credit, AccountRef.factor(INVOICE_FEE_INCOME), invoiceFeesExclVat);
			addIfPositive(postings, Posting::credit, AccountRef.factor(VAT_COLLECTED), vatOnFees);
		}
		return new JournalEntry("PURCHASE", sourceRef, date, "Achat du bordereau " + sourceRef, postings);
	}

	/**
	 * Payout (or reserve refund) from the factor's bank to the company's dedicated
	 * account: the current account is debited, and the money lands in the
	 * company-available portion.
	 */
	public static JournalEntry payout(String company, String sourceRef, LocalDate date, Money amount) {
		return new JournalEntry("PAYOUT", sourceRef, date, "Financement versé sur le compte dédié",
				List.of(Posting.debit(company(CLIENT_CURRENT_ACCOUNT, company), amount),
						Posting.credit(AccountRef.factor(FACTOR_BANK), amount),
						Posting.debit(company(DEDICATED_CASH, company), amount),
						Posting.credit(company(DEDICATED_COMPANY_AVAILABLE, company), amount)));
	}

	/**
	 * The company moves available money from its dedicated account to its operating
	 * account.
	 */
	public static JournalEntry withdrawal(String company, String sourceRef, LocalDate date, Money amount) {
		return new JournalEntry("WITHDRAWAL", sourceRef, date, "Virement vers le compte d'exploitation",
				List.of(Posting.debit(company(DEDICATED_COMPANY_AVAILABLE, company), amount),
						Posting.credit(company(DEDICATED_CASH, company), amount)));
	}

	/**
	 * Money arrives on the dedicated account; until identified it sits in the suspense
	 * portion.
	 */
	public static JournalEntry incomingTransfer(String company, String sourceRef, LocalDate date, Money amount,
			String description) {
		return new JournalEntry("INCOMING_TRANSFER", sourceRef, date, description,
				List.of(Posting.debit(company(DEDICATED_CASH, company), amount),
						Posting.credit(company(DEDICATED_UNIDENTIFIED, company), amount)));
	}

	/**
	 * A receipt identified as payment of an assigned invoice: the receivable falls, and
	 * the money moves from suspense to the portion owed to the factor until the sweep.
	 */
	public static JournalEntry identifiedCollection(String company, String sourceRef, LocalDate valueDate,
			Money amount) {
		return new JournalEntry("COLLECTION", sourceRef, valueDate, "Encaissement lettré",
				List.of(Posting.debit(company(DEDICATED_UNIDENTIFIED, company), amount),
						Posting.credit(company(DEDICATED_FACTOR_COLLECTIONS, company), amount),
						Posting.debit(company(COLLECTIONS_IN_TRANSIT, company), amount),
						Posting.credit(company(RECEIVABLES, company), amount)));
	}

	/**
	 * A receipt that is not the factor's (an invoice never assigned, or returned from
	 * suspense): it becomes available to the company.
	 */
	public static JournalEntry releaseToCompany(String company, String sourceRef, LocalDate date, Money amount) {
		return new JournalEntry("RELEASE_TO_COMPANY", sourceRef, date, "Encaissement rendu disponible à l'adhérent",
				List.of(Posting.debit(company(DEDICATED_UNIDENTIFIED, company), amount),
						Posting.credit(company(DEDICATED_COMPANY_AVAILABLE, company), amount)));
	}

	/**
	 * The sweep moves the collections owed to the factor from the dedicated account to
	 * the factor's bank.
	 */
	public static JournalEntry sweep(String company, String sourceRef, LocalDate date, Money amount) {
		return new JournalEntry("SWEEP", sourceRef, date, "Nivellement du compte dédié",
				List.of(Posting.debit(company(DEDICATED_FACTOR_COLLECTIONS, company), amount),
						Posting.credit(company(DEDICATED_CASH, company), amount),
						Posting.debit(AccountRef.factor(FACTOR_BANK), amount),
						Posting.credit(company(COLLECTIONS_IN_TRANSIT, company), amount)));
	}

	/**
	 * The accounts {@link #sweep} moves, so that a batch of sweeps can lock them before
	 * it reads the amounts held.
	 */
	public static List<AccountRef> sweepAccounts(String company) {
		return List.of(company(DEDICATED_FACTOR_COLLECTIONS, company), company(DEDICATED_CASH, company),
				AccountRef.factor(FACTOR_BANK), company(COLLECTIONS_IN_TRANSIT, company));
	}

	/** The month's financing charge, debited to the current account (no VAT). */
	public static JournalEntry financingCharge(String company, String sourceRef, LocalDate date, Money amount) {
		return new JournalEntry("FINANCING_CHARGE", sourceRef, date, "Commission de financement " + sourceRef,
				List.of(Posting.debit(company(CLIENT_CURRENT_ACCOUNT, company), amount),
						Posting.credit(AccountRef.factor(FINANCING_INCOME), amount)));
	}

	/**
	 * A remitted credit note reduces the receivables and the current account alike
	 * (dilution).
	 */
	public static JournalEntry creditNote(String company, String sourceRef, LocalDate date, Money amount) {
		return new JournalEntry("CREDIT_NOTE", sourceRef, date, "Avoir " + sourceRef,
				List.of(Posting.debit(company(CLIENT_CURRENT_ACCOUNT, company), amount),
						Posting.credit(company(RECEIVABLES, company), amount)));
	}

	private static AccountRef company(AccountCode code, String company) {
		return AccountRef.of(code, company);
	}

	private interface PostingFactory {

		Posting create(AccountRef account, Money amount);

	}

	private static void addIfPositive(List<Posting> postings, PostingFactory factory, AccountRef account,
			Money amount) {
		if (amount.isPositive()) {
			postings.add(factory.create(account, amount));
		}
	}

}
