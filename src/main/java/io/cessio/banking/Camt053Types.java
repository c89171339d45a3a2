package io.cessio.banking;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure5;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CreditorReferenceInformation2;
import com.prowidesoftware.swift.model.mx.dic.GenericOrganisationIdentification1;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;

import io.cessio.banking.Camt053Document.Amount;

/** Reads the Prowide types that camt.053.001.02 and .001.08 share. */
final class Camt053Types {

	private Camt053Types() {
	}

	static @Nullable Amount amount(@Nullable ActiveOrHistoricCurrencyAndAmount amount) {
		return (amount == null) ? null : new Amount(amount.getValue(), text(amount.getCcy()));
	}

	static @Nullable Boolean credit(@Nullable CreditDebitCode code) {
		return (code == null) ? null : code == CreditDebitCode.CRDT;
	}

	static @Nullable String iban(@Nullable AccountIdentification4Choice id) {
		return (id == null) ? null : text(id.getIBAN());
	}

	/** Domain/family/sub-family joined with "/", else the proprietary code. */
	static @Nullable String bankTransactionCode(@Nullable BankTransactionCodeStructure4 code) {
		if (code == null) {
			return null;
		}
		BankTransactionCodeStructure5 domain = code.getDomn();
		if (domain != null && text(domain.getCd()) != null) {
			StringBuilder joined = new StringBuilder(domain.getCd().strip());
			if (domain.getFmly() != null) {
				appendCode(joined, domain.getFmly().getCd());
				appendCode(joined, domain.getFmly().getSubFmlyCd());
			}
			return joined.toString();
		}
		return (code.getPrtry() != null) ? text(code.getPrtry().getCd()) : null;
	}

	private static void appendCode(StringBuilder joined, @Nullable String code) {
		if (text(code) != null) {
			joined.append('/').append(code.strip());
		}
	}

	static @Nullable String returnReason(@Nullable ReturnReason5Choice reason) {
		if (reason == null) {
			return null;
		}
		return (text(reason.getCd()) != null) ? text(reason.getCd()) : text(reason.getPrtry());
	}

	static @Nullable String creditorReference(@Nullable CreditorReferenceInformation2 reference) {
		return (reference == null) ? null : text(reference.getRef());
	}

	static @Nullable String organisationId(List<GenericOrganisationIdentification1> others) {
		for (GenericOrganisationIdentification1 other : others) {
			if (text(other.getId()) != null) {
				return text(other.getId());
			}
		}
		return null;
	}

	/** The text without surrounding blanks, or null if blank. */
	static @Nullable String text(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
