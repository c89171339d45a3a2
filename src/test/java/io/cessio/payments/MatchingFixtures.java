package io.cessio.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.CreditorReference;

/** Builders of open items, debtors and receipts for matching tests. */
final class MatchingFixtures {

	static final LocalDate VALUE_DATE = LocalDate.of(2026, 4, 15);

	private MatchingFixtures() {
	}

	static BigDecimal eur(String amount) {
		return new BigDecimal(amount);
	}

	/** A stable id from a name, so that failures name the debtor or invoice. */
	static UUID id(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	static KnownDebtor debtor(String legalName, @Nullable String siren, String... ibans) {
		return new KnownDebtor(id("debtor " + legalName), legalName, siren, Set.of(ibans));
	}

	/** The creditor reference Cessio prints on an invoice: RF + check + the number. */
	static String referenceOf(String number) {
		return CreditorReference.forBody("ALPHA" + NormalisedText.compact(number)).value();
	}

	static ItemBuilder anItem(String number) {
		return new ItemBuilder(number);
	}

	static ReceiptBuilder aReceipt(String amount) {
		return new ReceiptBuilder(eur(amount));
	}

	static final class ItemBuilder {

		private final String number;

		private UUID debtorId = id("debtor nobody");

		private BigDecimal open = eur("1000.00");

		private LocalDate issued = LocalDate.of(2026, 2, 27);

		private LocalDate due = LocalDate.of(2026, 4, 28);

		private boolean assigned = true;

		private @Nullable String reference;

		private ItemBuilder(String number) {
			this.number = number;
		}

		ItemBuilder of(KnownDebtor debtor) {
			this.debtorId = debtor.debtorId();
			return this;
		}

		ItemBuilder open(String amount) {
			this.open = eur(amount);
			return this;
		}

		ItemBuilder issued(LocalDate date) {
			this.issued = date;
			return this;
		}

		ItemBuilder due(LocalDate date) {
			this.due = date;
			return this;
		}

		ItemBuilder due(String isoDate) {
			return due(LocalDate.parse(isoDate));
		}

		ItemBuilder notAssigned() {
			this.assigned = false;
			return this;
		}

		ItemBuilder reference(String reference) {
			this.reference = reference;
			return this;
		}

		OpenItem build() {
			return new OpenItem(id("invoice " + number), debtorId, number,
					(reference != null) ? reference : referenceOf(number), open, issued, due, assigned);
		}

	}

	static final class ReceiptBuilder {

		private final BigDecimal amount;

		private LocalDate valueDate = VALUE_DATE;

		private @Nullable String payerName;

		private @Nullable String payerIban;

		private @Nullable String payerIdentifier;

		private @Nullable String creditorReference;

		private final List<String> referredDocuments = new ArrayList<>();

		private String text = "";

		private ReceiptBuilder(BigDecimal amount) {
			this.amount = amount;
		}

		ReceiptBuilder on(LocalDate date) {
			this.valueDate = date;
			return this;
		}

		ReceiptBuilder from(String name) {
			this.payerName = name;
			return this;
		}

		ReceiptBuilder iban(String iban) {
			this.payerIban = iban;
			return this;
		}

		ReceiptBuilder identifier(String identifier) {
			this.payerIdentifier = identifier;
			return this;
		}

		ReceiptBuilder reference(String reference) {
			this.creditorReference = reference;
			return this;
		}

		ReceiptBuilder document(String number) {
			this.referredDocuments.add(number);
			return this;
		}

		ReceiptBuilder text(String text) {
			this.text = text;
			return this;
		}

		Receipt build() {
			return new Receipt(amount, valueDate, payerName, payerIban, payerIdentifier, creditorReference,
					referredDocuments, text);
		}

	}

}
