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

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.NumberAndSumOfTransactions4;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.ReferredDocumentInformation7;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.TotalTransactions6;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;

import io.cessio.banking.Camt053Document.Amount;
import io.cessio.banking.Camt053Document.Balance;
import io.cessio.banking.Camt053Document.Entry;
import io.cessio.banking.Camt053Document.Party;
import io.cessio.banking.Camt053Document.Statement;
import io.cessio.banking.Camt053Document.Totals;
import io.cessio.banking.Camt053Document.Transaction;

/** camt.053.001.08 (Prowide's {@link MxCamt05300108}) as a {@link Camt053Document}. */
final class Camt053V08 {

	private Camt053V08() {
	}

	static Camt053Document document(MxCamt05300108 message) {
		BankToCustomerStatementV08 body = message.getBkToCstmrStmt();
		if (body == null) {
			return new Camt053Document(null, List.of());
		}
		List<Statement> statements = new ArrayList<>();
		for (AccountStatement9 statement : body.getStmt()) {
			statements.add(statement(statement));
		}
		return new Camt053Document((body.getGrpHdr() != null) ? text(body.getGrpHdr().getMsgId()) : null, statements);
	}

	private static Statement statement(AccountStatement9 statement) {
		List<Balance> balances = new ArrayList<>();
		for (CashBalance8 balance : statement.getBal()) {
			DateAndDateTime2Choice date = balance.getDt();
			String code = null;
			if (balance.getTp() != null && balance.getTp().getCdOrPrtry() != null) {
				code = (text(balance.getTp().getCdOrPrtry().getCd()) != null)
						? text(balance.getTp().getCdOrPrtry().getCd())
						: text(balance.getTp().getCdOrPrtry().getPrtry());
			}
			balances.add(new Balance(code, amount(balance.getAmt()), credit(balance.getCdtDbtInd()),
					(date != null) ? date.getDt() : null, (date != null) ? date.getDtTm() : null));
		}
		List<Entry> entries = new ArrayList<>(statement.getNtry().size());
		for (ReportEntry10 entry : statement.getNtry()) {
			entries.add(entry(entry));
		}
		return new Statement(text(statement.getId()),
				(statement.getAcct() != null) ? iban(statement.getAcct().getId()) : null,
				(statement.getAcct() != null) ? text(statement.getAcct().getCcy()) : null, statement.getElctrncSeqNb(),
				balances, totals(statement.getTxsSummry()), entries);
	}

	private static @Nullable Totals totals(@Nullable TotalTransactions6 summary) {
		if (summary == null) {
			return null;
		}
		NumberAndSumOfTransactions4 all = summary.getTtlNtries();
		boolean hasNet = all != null && all.getTtlNetNtry() != null;
		return new Totals((all != null) ? all.getSum() : null, hasNet ? all.getTtlNetNtry().getAmt() : null,
				hasNet ? credit(all.getTtlNetNtry().getCdtDbtInd()) : null,
				(summary.getTtlCdtNtries() != null) ? summary.getTtlCdtNtries().getSum() : null,
				(summary.getTtlDbtNtries() != null) ? summary.getTtlDbtNtries().getSum() : null);
	}

	private static Entry entry(ReportEntry10 entry) {
		List<Transaction> transactions = new ArrayList<>();
		for (EntryDetails9 details : entry.getNtryDtls()) {
			for (EntryTransaction10 transaction : details.getTxDtls()) {
				transactions.add(transaction(transaction));
			}
		}
		DateAndDateTime2Choice booking = entry.getBookgDt();
		DateAndDateTime2Choice value = entry.getValDt();
		String status = null;
		if (entry.getSts() != null) {
			status = (text(entry.getSts().getCd()) != null) ? text(entry.getSts().getCd())
					: text(entry.getSts().getPrtry());
		}
		return new Entry(amount(entry.getAmt()), credit(entry.getCdtDbtInd()), Boolean.TRUE.equals(entry.isRvslInd()),
				status, (booking != null) ? booking.getDt() : null, (booking != null) ? booking.getDtTm() : null,
				(value != null) ? value.getDt() : null, (value != null) ? value.getDtTm() : null,
				text(entry.getAcctSvcrRef()), bankTransactionCode(entry.getBkTxCd()), text(entry.getAddtlNtryInf()),
				transactions);
	}

	private static Transaction transaction(EntryTransaction10 transaction) {
		TransactionParties6 parties = transaction.getRltdPties();
		RemittanceInformation16 remittance = transaction.getRmtInf();
		String creditorReference = null;
		List<String> documents = new ArrayList<>();
		if (remittance != null) {
			for (StructuredRemittanceInformation16 structured : remittance.getStrd()) {
				if (creditorReference == null) {
					creditorReference = creditorReference(structured.getCdtrRefInf());
				}
				for (ReferredDocumentInformation7 document : structured.getRfrdDocInf()) {
					if (text(document.getNb()) != null) {
						documents.add(text(document.getNb()));
					}
				}
			}
		}
		TransactionReferences6 refs = transaction.getRefs();
		return new Transaction(transactionAmount(transaction), credit(transaction.getCdtDbtInd()),
				(refs != null) ? text(refs.getAcctSvcrRef()) : null, (refs != null) ? text(refs.getEndToEndId()) : null,
				(parties != null) ? party(parties.getDbtr(), parties.getDbtrAcct()) : null,
				(parties != null) ? party(parties.getCdtr(), parties.getCdtrAcct()) : null, creditorReference,
				documents, (remittance != null) ? remittance.getUstrd() : List.of(), text(transaction.getAddtlTxInf()),
				bankTransactionCode(transaction.getBkTxCd()),
				(transaction.getRtrInf() != null) ? returnReason(transaction.getRtrInf().getRsn()) : null);
	}

	/** {@code TxDtls/Amt}, else the booked amount {@code AmtDtls/TxAmt}. */
	private static @Nullable Amount transactionAmount(EntryTransaction10 transaction) {
		if (transaction.getAmt() != null) {
			return amount(transaction.getAmt());
		}
		if (transaction.getAmtDtls() != null && transaction.getAmtDtls().getTxAmt() != null) {
			return amount(transaction.getAmtDtls().getTxAmt().getAmt());
		}
		return null;
	}

	private static @Nullable Party party(@Nullable Party40Choice choice, @Nullable CashAccount38 account) {
		PartyIdentification135 party = (choice != null) ? choice.getPty() : null;
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
