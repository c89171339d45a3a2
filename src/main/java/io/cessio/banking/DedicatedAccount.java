package io.cessio.banking;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Bic;
import io.cessio.shared.Iban;

/**
 * A company's dedicated account at the (modelled) bank; its money lives in the ledger.
 */
@Entity
@Table(name = "dedicated_account")
class DedicatedAccount {

	@EmbeddedId
	private DedicatedAccountId id;

	@Version
	private Long version;

	private UUID companyId;

	private Iban iban;

	private Bic bic;

	private Instant openedAt;

	protected DedicatedAccount() {
	}

	DedicatedAccount(DedicatedAccountId id, CompanyId companyId, Iban iban, Bic bic, Instant openedAt) {
		this.id = id;
		this.companyId = companyId.value();
		this.iban = iban;
		this.bic = bic;
		this.openedAt = openedAt;
	}

	DedicatedAccountId id() {
		return id;
	}

	CompanyId companyId() {
		return new CompanyId(companyId);
	}

	/** The key of this account's company in the ledger's sub-ledgers. */
	String ledgerKey() {
		return companyId.toString();
	}

	Iban iban() {
		return iban;
	}

	Bic bic() {
		return bic;
	}

	DedicatedAccountView toView(String companyName) {
		return new DedicatedAccountView(id, companyId(), companyName, iban, bic, openedAt);
	}

}
