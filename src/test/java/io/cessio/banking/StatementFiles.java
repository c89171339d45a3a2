package io.cessio.banking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cessio.shared.CreditorReference;
import io.cessio.shared.Iban;

/**
 * Test fixture: writes valid bank statement files that {@link StatementReader} reads, for
 * unit tests, integration tests and benchmarks. One builder describes one account's
 * statement (an opening balance and date, then credits and debits in order); the closing
 * balance is computed. The same statement can be written as camt.053.001.08,
 * camt.053.001.02 or CFONB 120:
 *
 * <pre class="code">
 * byte[] camt = StatementFiles.aStatement("FR7630006000011234567890189")
 * 	.opening("1000.00", LocalDate.of(2026, 3, 2))
 * 	.credit(StatementFiles.credit("1250.00")
 * 		.endToEndId("E2E-1")
 * 		.payer("ALPHA SAS", "FR7610107001011234567890129")
 * 		.creditorReference("RF18539007547034")
 * 		.remittance("FACTURE F-2026-0001"))
 * 	.debit(StatementFiles.debit("300.00").payer("CESSIO FACTOR", null))
 * 	.camt053v08();
 * </pre>
 *
 * Several statements go into one file with {@link #camt053v08(String, Builder...)} or
 * {@link #cfonb120(Builder...)}. Files are built with one {@link StringBuilder} and no
 * parsing: 100 000 movements (a 74 MB camt.053.001.08, a 61 MB CFONB 120) take about a
 * second each; {@link Builder#generatedCredits(int)} adds that many varied credits.
 * Readers of such files need a {@link StatementReader} with a larger cap than the default
 * 50 MiB.
 *
 * <p>
 * What each format carries: camt.053 keeps every field of a {@link Movement} (the payer's
 * IBAN in {@code DbtrAcct}, or {@code CdtrAcct} for a debit). CFONB 120 has no IBAN,
 * organisation id or referred documents for the payer; its 04 label is "VIR SEPA RECU" or
 * "VIR SEPA EMIS", so the entry's remittance text reads as that label followed by the
 * movement's remittance (written in LCC/LC2 complements), the payer's name is an NPY
 * complement (NBE for a debit), the RF reference an LCS complement, the end-to-end id an
 * RCN complement; the bank reference must then fit in 16 characters.
 */
public final class StatementFiles {

	/** Where the fixture's default amounts and dates come from. */
	public static final LocalDate DEFAULT_DATE = LocalDate.of(2026, 3, 2);

	private StatementFiles() {
	}

	/**
	 * A statement of an account, opening at 0.00 on {@link #DEFAULT_DATE}. For CFONB 120
	 * the account must be French: its RIB (bank, branch, account number) is read from the
	 * IBAN.
	 */
	public static Builder aStatement(String iban) {
		return new Builder(Iban.of(iban));
	}

	/** A statement of the French account with this RIB (the RIB key is computed). */
	public static Builder aStatement(String bankCode, String branchCode, String accountNumber) {
		return new Builder(Iban.french(bankCode, branchCode, accountNumber));
	}

	/** A credit (money in) of a positive amount such as {@code "1250.00"}. */
	public static Movement credit(String amount) {
		return new Movement(new BigDecimal(amount), true);
	}

	/** A debit (money out) of a positive amount such as {@code "300.00"}. */
	public static Movement debit(String amount) {
		return new Movement(new BigDecimal(amount), false);
	}

	/** One camt.053.001.08 message holding these statements, in order. */
	public static byte[] camt053v08(String messageId, Builder... statements) {
		return camt(true, messageId, statements).getBytes(StandardCharsets.UTF_8);
	}

	/** One camt.053.001.02 message holding these statements, in order. */
	public static byte[] camt053v02(String messageId, Builder... statements) {
		return camt(false, messageId, statements).getBytes(StandardCharsets.UTF_8);
	}

	/** One CFONB 120 file holding these statements (01…07 groups), CR LF line ends. */
	public static byte[] cfonb120(Builder... statements) {
		StringBuilder file = new StringBuilder();
		for (Builder statement : statements) {
			statement.appendCfonb(file);
		}
		return file.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String camt(boolean v08, String messageId, Builder... statements) {
		int size = 0;
		for (Builder statement : statements) {
			size += statement.movements.size();
		}
		StringBuilder xml = new StringBuilder(1024 + size * 900);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.")
			.append(v08 ? "08" : "02")
			.append("\">\n<BkToCstmrStmt>\n<GrpHdr><MsgId>");
		escaped(xml, messageId).append("</MsgId><CreDtTm>")
			.append(statements.length > 0 ? statements[0].closingDate : DEFAULT_DATE)
			.append("T20:00:00+01:00</CreDtTm></GrpHdr>\n");
		for (Builder statement : statements) {
			statement.appendCamt(xml, v08);
		}
		return xml.append("</BkToCstmrStmt>\n</Document>\n").toString();
	}

	/** One account's statement; see {@link StatementFiles}. */
	public static final class Builder {

		private final Iban iban;

		private final List<Movement> movements = new ArrayList<>();

		private String statementId;

		private @Nullable Long electronicSequence = 1L;

		private BigDecimal openingBalance = new BigDecimal("0.00");

		private LocalDate openingDate = DEFAULT_DATE;

		private LocalDate closingDate = DEFAULT_DATE;

		private boolean totals = true;

		private Builder(Iban iban) {
			this.iban = iban;
			this.statementId = "STMT-" + iban.value().substring(iban.value().length() - 6) + "-" + DEFAULT_DATE;
		}

		/**
		 * The opening balance (negative if overdrawn) and its date; the closing date and
		 * the movements' dates default to the same day.
		 */
		public Builder opening(String balance, LocalDate date) {
			this.openingBalance = new BigDecimal(balance).setScale(2, RoundingMode.UNNECESSARY);
			this.openingDate = date;
			this.closingDate = date;
			this.statementId = "STMT-" + iban.value().substring(iban.value().length() - 6) + "-" + date;
			return this;
		}

		public Builder closingDate(LocalDate date) {
			this.closingDate = date;
			return this;
		}

		/** camt.053 {@code Stmt/Id}. */
		public Builder statementId(String id) {
			this.statementId = id;
			return this;
		}

		/** camt.053 {@code Stmt/ElctrncSeqNb}; null leaves it out. */
		public Builder electronicSequence(@Nullable Long sequence) {
			this.electronicSequence = sequence;
			return this;
		}

		/**
		 * Leaves out camt.053 {@code TxsSummry} (written by default, with true totals).
		 */
		public Builder withoutTotals() {
			this.totals = false;
			return this;
		}

		/** Adds a movement; its dates default to the opening date. */
		public Builder credit(Movement credit) {
			return add(credit, true);
		}

		public Builder debit(Movement debit) {
			return add(debit, false);
		}

		/**
		 * Adds {@code count} credits of varied amounts (1.00 to 9 999.99), each with its
		 * own bank reference, end-to-end id, RF reference and remittance text; 500 payers
		 * with valid IBANs take turns. Deterministic.
		 */
		public Builder generatedCredits(int count) {
			int start = movements.size();
			String[] payerIbans = new String[Math.min(count, 500)];
			for (int i = 0; i < count; i++) {
				int n = start + i + 1;
				int payer = i % 500;
				if (payerIbans[payer] == null) {
					payerIbans[payer] = Iban.french("10107", "00101", String.format("%011d", payer + 1)).value();
				}
				long cents = 100 + (n * 7919L) % 999_900;
				movements.add(new Movement(BigDecimal.valueOf(cents, 2), true).bankReference("BR" + n)
					.endToEndId("E2E-" + n)
					.payer("DEBITEUR " + (payer + 1) + " SAS", payerIbans[payer])
					.creditorReference(rfReference("F" + n))
					.remittance("FACTURE F-" + n));
			}
			return this;
		}

		private Builder add(Movement movement, boolean credit) {
			if (movement.credit != credit) {
				throw new IllegalArgumentException("A credit is added with credit(…), a debit with debit(…)");
			}
			movements.add(movement);
			return this;
		}

		/** Opening balance + credits − debits. */
		public BigDecimal closingBalance() {
			BigDecimal closing = openingBalance;
			for (Movement movement : movements) {
				closing = closing.add(movement.signedAmount());
			}
			return closing;
		}

		public Iban iban() {
			return iban;
		}

		/**
		 * This statement alone in a camt.053.001.08 message (message id "MSG-" + its id).
		 */
		public byte[] camt053v08() {
			return StatementFiles.camt053v08("MSG-" + statementId, this);
		}

		public String camt053v08Text() {
			return camt(true, "MSG-" + statementId, this);
		}

		/**
		 * This statement alone in a camt.053.001.02 message (message id "MSG-" + its id).
		 */
		public byte[] camt053v02() {
			return StatementFiles.camt053v02("MSG-" + statementId, this);
		}

		public String camt053v02Text() {
			return camt(false, "MSG-" + statementId, this);
		}

		/** This statement alone in a CFONB 120 file. */
		public byte[] cfonb120() {
			return StatementFiles.cfonb120(this);
		}

		private void appendCamt(StringBuilder xml, boolean v08) {
			xml.append("<Stmt>\n<Id>");
			escaped(xml, statementId).append("</Id>");
			if (electronicSequence != null) {
				xml.append("<ElctrncSeqNb>").append(electronicSequence).append("</ElctrncSeqNb>");
			}
			xml.append("<CreDtTm>").append(closingDate).append("T20:00:00+01:00</CreDtTm>\n");
			xml.append("<Acct><Id><IBAN>").append(iban.value()).append("</IBAN></Id><Ccy>EUR</Ccy></Acct>\n");
			appendBalance(xml, "OPBD", openingBalance, openingDate);
			appendBalance(xml, "CLBD", closingBalance(), closingDate);
			if (totals) {
				appendTotals(xml, v08);
			}
			for (Movement movement : movements) {
				movement.appendCamt(xml, v08, openingDate);
			}
			xml.append("</Stmt>\n");
		}

		private static void appendBalance(StringBuilder xml, String code, BigDecimal balance, LocalDate date) {
			xml.append("<Bal><Tp><CdOrPrtry><Cd>")
				.append(code)
				.append("</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">")
				.append(balance.abs().toPlainString())
				.append("</Amt><CdtDbtInd>")
				.append(balance.signum() < 0 ? "DBIT" : "CRDT")
				.append("</CdtDbtInd><Dt><Dt>")
				.append(date)
				.append("</Dt></Dt></Bal>\n");
		}

		private void appendTotals(StringBuilder xml, boolean v08) {
			int creditCount = 0;
			BigDecimal credits = new BigDecimal("0.00");
			BigDecimal debits = new BigDecimal("0.00");
			for (Movement movement : movements) {
				if (movement.credit) {
					creditCount++;
					credits = credits.add(movement.amount);
				}
				else {
					debits = debits.add(movement.amount);
				}
			}
			BigDecimal net = credits.subtract(debits);
			xml.append("<TxsSummry><TtlNtries><NbOfNtries>")
				.append(movements.size())
				.append("</NbOfNtries><Sum>")
				.append(credits.add(debits).toPlainString())
				.append("</Sum>");
			String sign = net.signum() < 0 ? "DBIT" : "CRDT";
			if (v08) {
				xml.append("<TtlNetNtry><Amt>")
					.append(net.abs().toPlainString())
					.append("</Amt><CdtDbtInd>")
					.append(sign)
					.append("</CdtDbtInd></TtlNetNtry>");
			}
			else {
				xml.append("<TtlNetNtryAmt>")
					.append(net.abs().toPlainString())
					.append("</TtlNetNtryAmt><CdtDbtInd>")
					.append(sign)
					.append("</CdtDbtInd>");
			}
			xml.append("</TtlNtries><TtlCdtNtries><NbOfNtries>")
				.append(creditCount)
				.append("</NbOfNtries><Sum>")
				.append(credits.toPlainString())
				.append("</Sum></TtlCdtNtries><TtlDbtNtries><NbOfNtries>")
				.append(movements.size() - creditCount)
				.append("</NbOfNtries><Sum>")
				.append(debits.toPlainString())
				.append("</Sum></TtlDbtNtries></TxsSummry>\n");
		}

		private void appendCfonb(StringBuilder file) {
			String bank = iban.value().substring(4, 9);
			String branch = iban.value().substring(9, 14);
			String account = iban.value().substring(14, 25);
			if (!iban.countryCode().equals("FR")) {
				throw new IllegalStateException("CFONB 120 statements are for French accounts: " + iban.masked());
			}
			file.append(balanceRecord("01", bank, branch, account, openingDate, openingBalance));
			int entryNumber = 0;
			for (Movement movement : movements) {
				movement.appendCfonb(file, bank, branch, account, openingDate, ++entryNumber);
			}
			file.append(balanceRecord("07", bank, branch, account, closingDate, closingBalance()));
		}

		private static String balanceRecord(String code, String bank, String branch, String account, LocalDate date,
				BigDecimal balance) {
			StringBuilder line = new StringBuilder(122);
			line.append(code).append(bank).append("    ").append(branch).append("EUR2 ").append(account).append("  ");
			line.append(cfonbDate(date)).append(" ".repeat(50)).append(cfonbAmount(balance));
			line.append(" ".repeat(16));
			return line.append("\r\n").toString();
		}

	}

	/** A credit or debit; all fields but the amount are optional. */
	public static final class Movement {

		private final BigDecimal amount;

		private final boolean credit;

		private @Nullable LocalDate bookingDate;

		private @Nullable LocalDate valueDate;

		private @Nullable String bankReference;

		private @Nullable String endToEndId;

		private @Nullable String payerName;

		private @Nullable String payerIban;

		private @Nullable String remittance;

		private @Nullable String creditorReference;

		private @Nullable String payerIdentifier;

		private List<String> referredDocuments = List.of();

		private Movement(BigDecimal amount, boolean credit) {
			if (amount.signum() <= 0) {
				throw new IllegalArgumentException("A movement amount is positive: " + amount);
			}
			this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
			this.credit = credit;
		}

		/**
		 * Booked that day; the value date is the same unless {@link #valueDate} is given.
		 */
		public Movement bookedOn(LocalDate date) {
			this.bookingDate = date;
			return this;
		}

		public Movement valueDate(LocalDate date) {
			this.valueDate = date;
			return this;
		}

		/** camt.053 {@code Ntry/AcctSvcrRef}; CFONB 04 positions 105–120 (16 at most). */
		public Movement bankReference(String reference) {
			this.bankReference = reference;
			return this;
		}

		public Movement endToEndId(String endToEndId) {
			this.endToEndId = endToEndId;
			return this;
		}

		/**
		 * The counterpart: who paid for a credit, who was paid for a debit. The IBAN is
		 * only written in camt.053.
		 */
		public Movement payer(String name, @Nullable String iban) {
			this.payerName = name;
			this.payerIban = iban;
			return this;
		}

		/**
		 * Unstructured remittance text (camt.053 Ustrd; CFONB LCC then LC2, 140 at most).
		 */
		public Movement remittance(String text) {
			this.remittance = text;
			return this;
		}

		/** An ISO 11649 RF reference (camt.053 Strd/CdtrRefInf/Ref; CFONB LCS). */
		public Movement creditorReference(String reference) {
			this.creditorReference = reference;
			return this;
		}

		/**
		 * An organisation id of the counterpart, such as its SIREN (camt.053
		 * {@code Dbtr/Id/OrgId/Othr/Id}, {@code Cdtr} for a debit; not in CFONB 120).
		 */
		public Movement payerIdentifier(String identifier) {
			this.payerIdentifier = identifier;
			return this;
		}

		/**
		 * Numbers of the documents paid (camt.053 {@code Strd/RfrdDocInf/Nb}; not in
		 * CFONB 120).
		 */
		public Movement referredDocuments(List<String> numbers) {
			this.referredDocuments = List.copyOf(numbers);
			return this;
		}

		public BigDecimal amount() {
			return amount;
		}

		public BigDecimal signedAmount() {
			return credit ? amount : amount.negate();
		}

		private LocalDate booking(LocalDate statementDate) {
			return (bookingDate != null) ? bookingDate : statementDate;
		}

		private LocalDate value(LocalDate statementDate) {
			return (valueDate != null) ? valueDate : booking(statementDate);
		}

		private void appendCamt(StringBuilder xml, boolean v08, LocalDate statementDate) {
			String sign = credit ? "CRDT" : "DBIT";
			xml.append("<Ntry><Amt Ccy=\"EUR\">")
				.append(amount.toPlainString())
				.append("</Amt><CdtDbtInd>")
				.append(sign)
				.append("</CdtDbtInd>")
				.append(v08 ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>")
				.append("<BookgDt><Dt>")
				.append(booking(statementDate))
				.append("</Dt></BookgDt><ValDt><Dt>")
				.append(value(statementDate))
				.append("</Dt></ValDt>");
			if (bankReference != null) {
				escaped(xml.append("<AcctSvcrRef>"), bankReference).append("</AcctSvcrRef>");
			}
			xml.append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>")
				.append(credit ? "RCDT" : "ICDT")
				.append("</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>");
			xml.append("<NtryDtls><TxDtls><Refs><EndToEndId>");
			escaped(xml, (endToEndId != null) ? endToEndId : "NOTPROVIDED").append("</EndToEndId></Refs>");
			if (v08) {
				xml.append("<Amt Ccy=\"EUR\">")
					.append(amount.toPlainString())
					.append("</Amt><CdtDbtInd>")
					.append(sign)
					.append("</CdtDbtInd>");
			}
			else {
				xml.append("<AmtDtls><TxAmt><Amt Ccy=\"EUR\">")
					.append(amount.toPlainString())
					.append("</Amt></TxAmt></AmtDtls>");
			}
			if (payerName != null || payerIban != null || payerIdentifier != null) {
				String party = credit ? "Dbtr" : "Cdtr";
				xml.append("<RltdPties>");
				if (payerName != null || payerIdentifier != null) {
					xml.append('<').append(party).append('>').append(v08 ? "<Pty>" : "");
					if (payerName != null) {
						escaped(xml.append("<Nm>"), payerName).append("</Nm>");
					}
					if (payerIdentifier != null) {
						escaped(xml.append("<Id><OrgId><Othr><Id>"), payerIdentifier)
							.append("</Id></Othr></OrgId></Id>");
					}
					xml.append(v08 ? "</Pty>" : "").append("</").append(party).append('>');
				}
				if (payerIban != null) {
					xml.append('<').append(party).append("Acct><Id><IBAN>");
					escaped(xml, payerIban).append("</IBAN></Id></").append(party).append("Acct>");
				}
				xml.append("</RltdPties>");
			}
			if (remittance != null || creditorReference != null || !referredDocuments.isEmpty()) {
				xml.append("<RmtInf>");
				if (remittance != null) {
					escaped(xml.append("<Ustrd>"), remittance).append("</Ustrd>");
				}
				if (creditorReference != null || !referredDocuments.isEmpty()) {
					xml.append("<Strd>");
					for (String number : referredDocuments) {
						escaped(xml.append("<RfrdDocInf><Nb>"), number).append("</Nb></RfrdDocInf>");
					}
					if (creditorReference != null) {
						xml.append("<CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>");
						escaped(xml, creditorReference).append("</Ref></CdtrRefInf>");
					}
					xml.append("</Strd>");
				}
				xml.append("</RmtInf>");
			}
			xml.append("</TxDtls></NtryDtls></Ntry>\n");
		}

		private void appendCfonb(StringBuilder file, String bank, String branch, String account,
				LocalDate statementDate, int entryNumber) {
			String header = bank + "0000" + branch + "EUR2 " + account;
			String booking = cfonbDate(booking(statementDate));
			StringBuilder line = new StringBuilder(122);
			line.append("04").append(header).append(credit ? "05" : "06").append(booking).append("  ");
			line.append(cfonbDate(value(statementDate)));
			line.append(fixed(credit ? "VIR SEPA RECU" : "VIR SEPA EMIS", 31)).append("  ");
			line.append(zeroPadded(entryNumber, 7)).append("  ").append(cfonbAmount(signedAmount()));
			line.append(fixed((bankReference != null) ? bankReference : "", 16));
			file.append(line).append("\r\n");
			String complementHeader = "05" + header + "  " + booking + "     ";
			if (payerName != null) {
				file.append(complement(complementHeader, credit ? "NPY" : "NBE", payerName));
			}
			if (endToEndId != null) {
				file.append(complement(complementHeader, "RCN", endToEndId));
			}
			if (remittance != null) {
				file.append(complement(complementHeader, "LCC",
						remittance.substring(0, Math.min(70, remittance.length()))));
				if (remittance.length() > 70) {
					file.append(complement(complementHeader, "LC2",
							remittance.substring(70, Math.min(140, remittance.length()))));
				}
			}
			if (creditorReference != null) {
				file.append(complement(complementHeader, "LCS", creditorReference));
			}
		}

		private static String complement(String header, String qualifier, String text) {
			return header + qualifier + fixed(text, 70) + "  \r\n";
		}

	}

	/** 13 digits and a last character holding the last digit and the sign (§5.4). */
	static String cfonbAmount(BigDecimal signed) {
		String digits = zeroPadded(signed.abs().movePointRight(2).longValueExact(), 14);
		int last = digits.charAt(13) - '0';
		char sign = (signed.signum() < 0) ? "}JKLMNOPQR".charAt(last) : "{ABCDEFGHI".charAt(last);
		return digits.substring(0, 13) + sign;
	}

	/** JJMMAA. */
	private static String cfonbDate(LocalDate date) {
		return zeroPadded(date.getDayOfMonth(), 2) + zeroPadded(date.getMonthValue(), 2)
				+ zeroPadded(date.getYear() % 100, 2);
	}

	private static String zeroPadded(long number, int width) {
		String digits = Long.toString(number);
		return "0".repeat(width - digits.length()) + digits;
	}

	/**
	 * The ISO 11649 reference of a body of letters and digits: "RF", then 98 − (body +
	 * "RF00" in digits, letters as 10–35) mod 97. Computed here, without
	 * {@link CreditorReference}, for speed.
	 */
	static String rfReference(String body) {
		int remainder = 0;
		for (char c : (body + "RF00").toCharArray()) {
			int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
			remainder = (value < 10) ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
		}
		return "RF" + zeroPadded(98 - remainder, 2) + body;
	}

	private static String fixed(String text, int width) {
		String latin = Objects.requireNonNull(text);
		if (latin.length() > width) {
			throw new IllegalArgumentException("'" + text + "' is longer than " + width + " characters");
		}
		return latin + " ".repeat(width - latin.length());
	}

	private static StringBuilder escaped(StringBuilder xml, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> xml.append("&amp;");
				case '<' -> xml.append("&lt;");
				case '>' -> xml.append("&gt;");
				case '"' -> xml.append("&quot;");
				default -> xml.append(c);
			}
		}
		return xml;
	}

}
