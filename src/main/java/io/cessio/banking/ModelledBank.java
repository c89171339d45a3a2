package io.cessio.banking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.ledger.InsufficientBalance;
import io.cessio.ledger.JournalEntry;
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

	private final DedicatedAccountRows rows;

	ModelledBank(DedicatedAccountRepository accounts, TransferRecords records, Ledger ledger, Clock clock,
			DedicatedAccountRows rows) {
		this.accounts = accounts;
		this.rows = rows;
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
	public List<OutgoingTransfer> sweep(List<SweepOrder> orders) {
		Map<String, OutgoingTransfer> executed = records
			.byRequestKeys(orders.stream().map(SweepOrder::requestKey).toList());
		List<SweepOrder> toExecute = orders.stream()
			.filter(order -> !executed.containsKey(order.requestKey()))
			.toList();
		if (!toExecute.isEmpty()) {
			execute(toExecute).forEach(transfer -> executed.put(transfer.requestKey(), transfer.transfer()));
		}
		return orders.stream().map(order -> executed.get(order.requestKey())).toList();
	}

	private List<KeyedTransfer> execute(List<SweepOrder> orders) {
		Map<DedicatedAccountId, DedicatedAccountRows.Row> accounts = rows
			.byIds(orders.stream().map(SweepOrder::from).toList());
		List<JournalEntry> entries = new ArrayList<>();
		for (SweepOrder order : orders) {
			DedicatedAccountRows.Row account = accounts.get(order.from());
			if (account == null) {
				throw new DedicatedAccountNotFound(order.from().toString());
			}
			entries.add(
					PostingRules.sweep(account.ledgerKey(), order.requestKey(), order.executionDate(), order.amount()));
		}
		List<Long> entryIds;
		try {
			entryIds = ledger.postAll(entries);
		}
		catch (InsufficientBalance refused) {
			throw new WithdrawalRefused(refused.requested(), refused.available());
		}
		List<OutgoingTransfer> transfers = new ArrayList<>();
		for (int i = 0; i < orders.size(); i++) {
			SweepOrder order = orders.get(i);
			DedicatedAccountRows.Row account = accounts.get(order.from());
			String compact = compact(order.requestKey());
			transfers.add(new OutgoingTransfer(UUID.randomUUID(), account.id(), "SWEEP",
					"CESSIO-MSG-" + compact.substring(0, 24), "CESSIO-S-" + compact.substring(0, 26), order.amount(),
					order.factorName(), account.iban(), account.bic(), order.factorName(), order.factorIban().value(),
					order.factorCity(), order.factorCountry(), order.remittanceInfo(), order.executionDate(),
					clock.instant(), order.requestedBy(), entryIds.get(i)));
		}
		List<String> keys = orders.stream().map(SweepOrder::requestKey).toList();
		Set<String> inserted = records.insertAllIfNew(transfers, "SWEEP", keys);
		List<KeyedTransfer> result = new ArrayList<>();
		for (int i = 0; i < orders.size(); i++) {
			String key = keys.get(i);
			// a request committed meanwhile: the ledger returned its entry, return its
			// record
			result.add(new KeyedTransfer(key,
					inserted.contains(key) ? transfers.get(i) : records.byRequestKey(key).orElseThrow()));
		}
		return result;
	}

	private record KeyedTransfer(String requestKey, OutgoingTransfer transfer) {
	}

	private static String compact(String requestKey) {
		return UUID.nameUUIDFromBytes(requestKey.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString()
			.replace("-", "")
			.toUpperCase(Locale.ROOT);
	}

}
