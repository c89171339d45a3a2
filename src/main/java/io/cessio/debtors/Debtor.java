package io.cessio.debtors;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cessio.companies.CompanyId;
import io.cessio.shared.Money;
import io.cessio.shared.PostalAddress;
import io.cessio.shared.Rate;
import io.cessio.shared.Siren;

/**
 * A customer of one client company. The company keeps its details; the factor alone sets
 * the approval, the blocking and the credit insurance.
 */
@Entity
@Table(name = "debtor")
class Debtor {

	@EmbeddedId
	private DebtorId id;

	@Version
	private Long version;

	private UUID companyId;

	private String legalName;

	private Siren siren;

	private String street;

	private String postalCode;

	private String city;

	private String country;

	private String email;

	private String currency;

	private @Nullable BigDecimal approvalLimit;

	private @Nullable LocalDate approvalExpiresOn;

	private boolean blocked;

	private @Nullable String blockedReason;

	private @Nullable String insurer;

	private @Nullable BigDecimal insuredLimit;

	private @Nullable BigDecimal insuranceCover;

	private @Nullable Instant notifiedAt;

	private Instant registeredAt;

	protected Debtor() {
	}

	Debtor(DebtorId id, CompanyId companyId, DebtorDetails details, Instant registeredAt) {
		this.id = id;
		this.companyId = companyId.value();
		this.currency = Money.EUR.getCurrencyCode();
		this.registeredAt = registeredAt;
		apply(details);
	}

	DebtorId id() {
		return id;
	}

	CompanyId companyId() {
		return new CompanyId(companyId);
	}

	long version() {
		return version == null ? 0 : version;
	}

	/** Returns what changed, in words, for the audit trail. */
	List<String> change(DebtorDetails details) {
		DebtorDetails before = details();
		List<String> changes = new ArrayList<>();
		changed(changes, "legalName", before.legalName(), details.legalName());
		changed(changes, "siren", before.siren(), details.siren());
		changed(changes, "address", before.address().oneLine(), details.address().oneLine());
		changed(changes, "email", before.email(), details.email());
		apply(details);
		return changes;
	}

	void approve(@Nullable Approval approval) {
		this.approvalLimit = approval == null ? null : approval.limit().amount();
		this.approvalExpiresOn = approval == null ? null : approval.expiresOn();
	}

	void block(String reason) {
		this.blocked = true;
		this.blockedReason = reason;
	}

	void unblock() {
		this.blocked = false;
		this.blockedReason = null;
	}

	void insure(@Nullable CreditInsurance insurance) {
		this.insurer = insurance == null ? null : insurance.insurer();
		this.insuredLimit = insurance == null ? null : insurance.insuredLimit().amount();
		this.insuranceCover = insurance == null ? null : insurance.cover().value();
	}

	/** Keeps the first notification: later letters repeat it, they do not replace it. */
	boolean markNotified(Instant at) {
		if (notifiedAt != null) {
			return false;
		}
		notifiedAt = at;
		return true;
	}

	DebtorDetails details() {
		return new DebtorDetails(legalName, siren, new PostalAddress(street, postalCode, city, country), email);
	}

	DebtorView toView() {
		Approval approval = approvalLimit == null || approvalExpiresOn == null ? null
				: new Approval(Money.eur(approvalLimit), approvalExpiresOn);
		CreditInsurance insurance = insurer == null || insuredLimit == null || insuranceCover == null ? null
				: new CreditInsurance(insurer, Money.eur(insuredLimit), new Rate(insuranceCover));
		return new DebtorView(id, companyId(), details(), approval, blocked, blockedReason, insurance, notifiedAt,
				registeredAt, version());
	}

	private void apply(DebtorDetails details) {
		this.legalName = details.legalName();
		this.siren = details.siren();
		this.street = details.address().street();
		this.postalCode = details.address().postalCode();
		this.city = details.address().city();
		this.country = details.address().country();
		this.email = details.email();
	}

	private static void changed(List<String> changes, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changes.add(name + ": " + before + " → " + after);
		}
	}

}
