package io.cessio.banking;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.ledger.InsufficientBalance;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;

/**
 * The bank, modelled inside Cessio: a transfer out of a dedicated account is a ledger
 * entry plus an outgoing SEPA credit transfer record, committed together in the caller's
 * transaction. The request key makes the whole execution idempotent: the ledger posts it
 * once, the record is written once, and a replay returns the first transfer.
 */
@Component
class ModelledBank implements Bank {

	/** The modelled bank's identifiers, printed on RIBs and in payment files. */
	static final String BANK_CODE = "17999";

	static final String BRANCH_CODE = "00001";

	static final String BIC = "CESSFRP1XXX";

	private final DedicatedAccountRepository accounts;

	private final TransferRecords records;

	private final Ledger ledger;

	private final Clock clock;

	ModelledBank(DedicatedAccountRepository accounts, TransferRecords records, Ledger ledger, Clock clock) {
		this.accounts = accounts;
		this.records = records;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public java.util.Optional<OutgoingTransfer> executed(String requestKey) {
		return records.byRequestKey(requestKey);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public OutgoingTransfer execute(TransferOrder order) {
		var existing = records.byRequestKey(order.requestKey());
		if (existing.isPresent()) {
			return existing.get();
		}
		DedicatedAccount account = accounts.findById(order.from())
			.orElseThrow(() -> new DedicatedAccountNotFound(order.from().toString()));
		long entryId;
		try {
			entryId = ledger.post(PostingRules.withdrawal(account.ledgerKey(), order.requestKey(),
					order.executionDate(), order.amount()));
		}
		catch (InsufficientBalance refused) {
			throw new WithdrawalRefused(order.amount(), refused.available());
		}
		String compact = compact(order.requestKey());
		OutgoingTransfer transfer = new OutgoingTransfer(UUID.randomUUID(), account.id(), "WITHDRAWAL",
				"CESSIO-MSG-" + compact.substring(0, 24), "CESSIO-W-" + compact.substring(0, 26), order.amount(),
				order.creditorName(), account.iban().value(), account.bic().value(), order.creditorName(),
				order.creditorIban().value(), order.creditorAddress().city(), order.creditorAddress().country(),
				order.remittanceInfo(), order.executionDate(), clock.instant(), order.requestedBy(), entryId);
		if (!records.insertIfNew(transfer, "WITHDRAWAL", order.requestKey())) {
			// the same request committed meanwhile: the ledger returned its entry, return
			// its record
			return records.byRequestKey(order.requestKey()).orElseThrow();
		}
		return transfer;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public OutgoingTransfer fund(FundingOrder order) {
		var existing = records.byRequestKey(order.requestKey());
		if (existing.isPresent()) {
			return existing.get();
		}
		DedicatedAccount account = accounts.findById(order.to())
			.orElseThrow(() -> new DedicatedAccountNotFound(order.to().toString()));
		long entryId = ledger
			.post(PostingRules.payout(account.ledgerKey(), order.requestKey(), order.executionDate(), order.amount()));
		String compact = compact(order.requestKey());
		OutgoingTransfer transfer = new OutgoingTransfer(UUID.randomUUID(), account.id(), "PAYOUT",
				"CESSIO-MSG-" + compact.substring(0, 24), "CESSIO-P-" + compact.substring(0, 26), order.amount(),
				order.factorName(), order.factorIban().value(), order.factorBic().value(), order.holderName(),
				account.iban().value(), order.holderAddress().city(), order.holderAddress().country(),
				order.remittanceInfo(), order.executionDate(), clock.instant(), order.requestedBy(), entryId);
		if (!records.insertIfNew(transfer, "PAYOUT", order.requestKey())) {
			return records.byRequestKey(order.requestKey()).orElseThrow();
		}
		return transfer;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public OutgoingTransfer sweep(SweepOrder order) {
		var existing = records.byRequestKey(order.requestKey());
		if (existing.isPresent()) {
			return existing.get();
		}
		DedicatedAccount account = accounts.findById(order.from())
			.orElseThrow(() -> new DedicatedAccountNotFound(order.from().toString()));
		long entryId;
		try {
			entryId = ledger.post(
					PostingRules.sweep(account.ledgerKey(), order.requestKey(), order.executionDate(), order.amount()));
		}
		catch (InsufficientBalance refused) {
			throw new WithdrawalRefused(order.amount(), refused.available());
		}
		String compact = compact(order.requestKey());
		OutgoingTransfer transfer = new OutgoingTransfer(UUID.randomUUID(), account.id(), "SWEEP",
				"CESSIO-MSG-" + compact.substring(0, 24), "CESSIO-S-" + compact.substring(0, 26), order.amount(),
				order.factorName(), account.iban().value(), account.bic().value(), order.factorName(),
				order.factorIban().value(), order.factorCity(), order.factorCountry(), order.remittanceInfo(),
				order.executionDate(), clock.instant(), order.requestedBy(), entryId);
		if (!records.insertIfNew(transfer, "SWEEP", order.requestKey())) {
			return records.byRequestKey(order.requestKey()).orElseThrow();
		}
		return transfer;
	}

	private static String compact(String requestKey) {
		return UUID.nameUUIDFromBytes(requestKey.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString()
			.replace("-", "")
			.toUpperCase(Locale.ROOT);
	}

}
