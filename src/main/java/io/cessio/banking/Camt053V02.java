package io.cessio.banking;

import static io.cessio.banking.Camt053Types.amount;
import static io.cessio.banking.Camt053Types.bankTransactionCode;
import static io.cessio.banking.Camt053Types.credit;
import static io.cessio.banking.Camt053Types.creditorReference;
import static io.cessio.banking.Camt053Types.iban;
import static io.cessio.banking.Camt053Types.organisationId;
import static io.cessio.banking.Camt053Types.returnReason;
import static io.cessio.banking.Camt053Types.text;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement2;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchangeDetails3;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV02;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.CashBalance3;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails1;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction2;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.ReferredDocumentInformation3;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry2;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation7;
import com.prowidesoftware.swift.model.mx.dic.TotalTransactions2;
import com.prowidesoftware.swift.model.mx.dic.TransactionParty2;

import io.cessio.banking.Camt053Document.Amount;
import io.cessio.banking.Camt053Document.Balance;
import io.cessio.banking.Camt053Document.Entry;
import io.cessio.banking.Camt053Document.Party;
import io.cessio.banking.Camt053Document.Statement;
import io.cessio.banking.Camt053Document.Totals;
import io.cessio.banking.Camt053Document.Transaction;

/** camt.053.001.02 (Prowide's {@link MxCamt05300102}) as a {@link Camt053Document}. */
final class Camt053V02 {

	private Camt053V02() {
	}

	static Camt053Document document(MxCamt05300102 message) {
		BankToCustomerStatementV02 body = message.getBkToCstmrStmt();
		if (body == null) {
			return new Camt053Document(null, List.of());
		}
		List<Statement> statements = new ArrayList<>();
		for (AccountStatement2 statement : body.getStmt()) {
			statements.add(statement(statement));
		}
		return new Camt053Document((body.getGrpHdr() != null) ? text(body.getGrpHdr().getMsgId()) : null, statements);
	}

	private static Statement statement(AccountStatement2 statement) {
		List<Balance> balances = new ArrayList<>();
		for (CashBalance3 balance : statement.getBal()) {
			DateAndDateTimeChoice date = balance.getDt();
			String code = null;
			if (balance.getTp() != null && balance.getTp().getCdOrPrtry() != null) {
				code = (balance.getTp().getCdOrPrtry().getCd() != null) ? balance.getTp().getCdOrPrtry().getCd().value()
						: text(balance.getTp().getCdOrPrtry().getPrtry());
			}
			balances.add(new Balance(code, amount(balance.getAmt()), credit(balance.getCdtDbtInd()),
					(date != null) ? date.getDt() : null, (date != null) ? date.getDtTm() : null));
		}
		List<Entry> entries = new ArrayList<>(statement.getNtry().size());
		for (ReportEntry2 entry : statement.getNtry()) {
			entries.add(entry(entry));
		}
		return new Statement(text(statement.getId()),
				(statement.getAcct() != null) ? iban(statement.getAcct().getId()) : null,
				(statement.getAcct() != null) ? text(statement.getAcct().getCcy()) : null, statement.getElctrncSeqNb(),
				balances, totals(statement.getTxsSummry()), entries);
	}

	private static @Nullable Totals totals(@Nullable TotalTransactions2 summary) {
		if (summary == null) {
			return null;
		}
		var all = summary.getTtlNtries();
		return new Totals((all != null) ? all.getSum() : null, (all != null) ? all.getTtlNetNtryAmt() : null,
				(all != null) ? credit(all.getCdtDbtInd()) : null,
				(summary.getTtlCdtNtries() != null) ? summary.getTtlCdtNtries().getSum() : null,
				(summary.getTtlDbtNtries() != null) ? summary.getTtlDbtNtries().getSum() : null);
	}

	private static Entry entry(ReportEntry2 entry) {
		List<Transaction> transactions = new ArrayList<>();
		for (EntryDetails1 details : entry.getNtryDtls()) {
			for (EntryTransaction2 transaction : details.getTxDtls()) {
				transactions.add(transaction(transaction));
			}
		}
		DateAndDateTimeChoice booking = entry.getBookgDt();
		DateAndDateTimeChoice value = entry.getValDt();
		return new Entry(amount(entry.getAmt()), credit(entry.getCdtDbtInd()), Boolean.TRUE.equals(entry.isRvslInd()),
				(entry.getSts() != null) ? entry.getSts().value() : null, (booking != null) ? booking.getDt() : null,
				(booking != null) ? booking.getDtTm() : null, (value != null) ? value.getDt() : null,
				(value != null) ? value.getDtTm() : null, text(entry.getAcctSvcrRef()),
				bankTransactionCode(entry.getBkTxCd()), text(entry.getAddtlNtryInf()), transactions);
	}

	private static Transaction transaction(EntryTransaction2 transaction) {
		TransactionParty2 parties = transaction.getRltdPties();
		RemittanceInformation5 remittance = transaction.getRmtInf();
		String creditorReference = null;
		List<String> documents = new ArrayList<>();
		if (remittance != null) {
			for (StructuredRemittanceInformation7 structured : remittance.getStrd()) {
				if (creditorReference == null) {
					creditorReference = creditorReference(structured.getCdtrRefInf());
				}
				for (ReferredDocumentInformation3 document : structured.getRfrdDocInf()) {
					if (text(document.getNb()) != null) {
						documents.add(text(document.getNb()));
					}
				}
			}
		}
		var refs = transaction.getRefs();
		return new Transaction(transactionAmount(transaction.getAmtDtls()), null,
				(refs != null) ? text(refs.getAcctSvcrRef()) : null, (refs != null) ? text(refs.getEndToEndId()) : null,
				(parties != null) ? party(parties.getDbtr(), parties.getDbtrAcct()) : null,
				(parties != null) ? party(parties.getCdtr(), parties.getCdtrAcct()) : null, creditorReference,
				documents, (remittance != null) ? remittance.getUstrd() : List.of(), text(transaction.getAddtlTxInf()),
				bankTransactionCode(transaction.getBkTxCd()),
				(transaction.getRtrInf() != null) ? returnReason(transaction.getRtrInf().getRsn()) : null);
	}

	/**
	 * The amount booked for the transaction ({@code AmtDtls/TxAmt}), else the instructed
	 * amount if it is in euros.
	 */
	private static @Nullable Amount transactionAmount(@Nullable AmountAndCurrencyExchange3 details) {
		if (details == null) {
			return null;
		}
		AmountAndCurrencyExchangeDetails3 booked = details.getTxAmt();
		if (booked != null && booked.getAmt() != null) {
			return amount(booked.getAmt());
		}
		AmountAndCurrencyExchangeDetails3 instructed = details.getInstdAmt();
		if (instructed != null && instructed.getAmt() != null && "EUR".equals(instructed.getAmt().getCcy())) {
			return amount(instructed.getAmt());
		}
		return null;
	}

	private static @Nullable Party party(@Nullable PartyIdentification32 party, @Nullable CashAccount16 account) {
		if (party == null && account == null) {
			return null;
		}
		String organisationId = null;
		if (party != null && party.getId() != null && party.getId().getOrgId() != null) {
			organisationId = organisationId(party.getId().getOrgId().getOthr());
		}
		return new Party((party != null) ? text(party.getNm()) : null, (account != null) ? iban(account.getId()) : null,
				organisationId);
	}

}
