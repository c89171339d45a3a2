package io.cessio.banking;

import java.time.ZoneId;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.PostalAddress24;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;

/**
 * Renders an executed transfer as an ISO 20022 pain.001.001.09 customer credit transfer
 * initiation (one payment, one transaction), with the structured creditor address SEPA
 * requires from November 2026 (town and country) and SEPA's character set.
 */
final class Pain001 {

	static {
		ProwideContexts.cache();
	}

	private Pain001() {
	}

	static String render(OutgoingTransfer transfer, ZoneId zone) {
		GroupHeader85 header = new GroupHeader85().setMsgId(transfer.messageId())
			.setCreDtTm(transfer.requestedAt().atZone(zone).toOffsetDateTime())
			.setNbOfTxs("1")
			.setCtrlSum(transfer.amount().amount())
			.setInitgPty(new PartyIdentification135().setNm(sepa(transfer.debtorName())));
		CreditTransferTransaction34 transaction = new CreditTransferTransaction34()
			.setPmtId(new PaymentIdentification6().setInstrId(transfer.messageId().substring(11))
				.setEndToEndId(transfer.endToEndId()))
			.setAmt(new AmountType4Choice().setInstdAmt(
					new ActiveOrHistoricCurrencyAndAmount().setValue(transfer.amount().amount()).setCcy("EUR")))
			.setCdtr(new PartyIdentification135().setNm(sepa(transfer.creditorName()))
				.setPstlAdr(new PostalAddress24().setTwnNm(sepa(transfer.creditorCity()))
					.setCtry(transfer.creditorCountry())))
			.setCdtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(transfer.creditorIban())))
			.setRmtInf(new RemittanceInformation16().addUstrd(sepa(transfer.remittanceInfo())));
		PaymentInstruction30 payment = new PaymentInstruction30().setPmtInfId(transfer.messageId() + "-1")
			.setPmtMtd(PaymentMethod3Code.TRF)
			.setBtchBookg(false)
			.setNbOfTxs("1")
			.setCtrlSum(transfer.amount().amount())
			.setPmtTpInf(new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")))
			.setReqdExctnDt(new DateAndDateTime2Choice().setDt(transfer.executionDate()))
			.setDbtr(new PartyIdentification135().setNm(sepa(transfer.debtorName())))
			.setDbtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(transfer.debtorIban())))
			.setDbtrAgt(new BranchAndFinancialInstitutionIdentification6()
				.setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(transfer.debtorBic())))
			.setChrgBr(ChargeBearerType1Code.SLEV)
			.addCdtTrfTxInf(transaction);
		MxPain00100109 message = new MxPain00100109()
			.setCstmrCdtTrfInitn(new CustomerCreditTransferInitiationV09().setGrpHdr(header).addPmtInf(payment));
		return message.message();
	}

	/**
	 * SEPA's Latin character set: accents are transliterated and anything else becomes a
	 * space, at most 140 characters.
	 */
	static String sepa(String text) {
		String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String allowed = ascii.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ").replaceAll(" {2,}", " ").strip();
		return allowed.length() <= 140 ? allowed : allowed.substring(0, 140);
	}

}
