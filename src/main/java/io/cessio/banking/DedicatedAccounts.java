package io.cessio.banking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyView;
import io.cessio.companies.FactorDetails;
import io.cessio.companies.FactorManagement;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.ledger.StatementLine;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Bic;
import io.cessio.shared.Iban;
import io.cessio.shared.Money;

/**
 * The dedicated accounts: opened with each company, read by the company (its own only)
 * and by the factor's staff, debited by the company's withdrawals, credited by receipts
 * that operations record. Every money movement is a ledger entry in the same transaction
 * as its record.
 */
@Service
@Transactional
public class DedicatedAccounts {

	static final String ENTITY = "DEDICATED_ACCOUNT";

	private final DedicatedAccountRepository accounts;

	private final TransferRecords records;

	private final Bank bank;

	private final Ledger ledger;

	private final CompanyManagement companies;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final FactorManagement factor;

	private final DedicatedAccountRows rows;

	DedicatedAccounts(DedicatedAccountRepository accounts, TransferRecords records, Bank bank, Ledger ledger,
			CompanyManagement companies, AuditTrail auditTrail, CurrentUser currentUser, JdbcClient jdbc, Clock clock,
			FactorManagement factor, DedicatedAccountRows rows) {
		this.factor = factor;
		this.rows = rows;
		this.accounts = accounts;
		this.records = records;
		this.bank = bank;
		this.ledger = ledger;
		this.companies = companies;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Opens the company's dedicated account with a new modelled IBAN; does nothing if it
	 * has one.
	 */
	void open(CompanyId companyId) {
		if (accounts.findByCompanyId(companyId.value()).isPresent()) {
			return;
		}
		long number = jdbc.sql("select nextval('dedicated_account_number_seq')").query(Long.class).single();
		Iban iban = Iban.french(ModelledBank.BANK_CODE, ModelledBank.BRANCH_CODE, String.format("%011d", number));
		DedicatedAccount account = new DedicatedAccount(DedicatedAccountId.newId(), companyId, iban,
				new Bic(ModelledBank.BIC), clock.instant());
		accounts.save(account);
		auditTrail.record("DEDICATED_ACCOUNT_OPENED", ENTITY, account.id().toString(),
				"company " + companyId + ", IBAN " + iban.formatted());
	}

	/** The company's dedicated account, if the current user may see that company. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public DedicatedAccountView of(CompanyId companyId) {
		CompanyView company = companies.find(companyId);
		return load(companyId).toView(company.legalName());
	}

	/** The balance and its three portions, from the ledger. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public DedicatedAccountBalance balance(CompanyId companyId) {
		companies.find(companyId);
		String key = load(companyId).ledgerKey();
		Money available = ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_COMPANY_AVAILABLE, key));
		Money collections = ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_FACTOR_COLLECTIONS, key));
		Money unidentified = ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_UNIDENTIFIED, key));
		return new DedicatedAccountBalance(available, collections, unidentified,
				ledger.currentBalance(AccountRef.of(AccountCode.DEDICATED_CASH, key)));
	}

	/** The account's movements, newest first, with the bank balance after each. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<StatementLine> movements(CompanyId companyId, Pageable pageable) {
		companies.find(companyId);
		return ledger.statement(AccountRef.of(AccountCode.DEDICATED_CASH, load(companyId).ledgerKey()), pageable);
	}

	/**
	 * Moves money available to the company to its operating account. Only the company's
	 * own users may; the same {@code requestKey} (the form's one-time token) withdraws
	 * once, however often it is submitted.
	 * @throws WithdrawalRefused above the company-available portion
	 */
	@PreAuthorize("hasRole('COMPANY_USER')")
	public OutgoingTransfer withdraw(CompanyId companyId, Money amount, String requestKey) {
		CompanyView company = companies.find(companyId);
		DedicatedAccount account = load(companyId);
		String key = "WITHDRAWAL:" + requestKey;
		var replay = bank.executed(key);
		if (replay.isPresent()) {
			return replay.get();
		}
		OutgoingTransfer transfer = bank.execute(new TransferOrder(account.id(), key, amount, company.legalName(),
				company.details().operatingIban(), company.details().address(),
				"RETRAIT COMPTE DEDIE " + company.legalName(), LocalDate.now(clock), currentUser.actorName()));
		auditTrail.record("WITHDRAWAL_EXECUTED", ENTITY, account.id().toString(), transfer.amount() + " to "
				+ company.details().operatingIban().masked() + ", EndToEndId " + transfer.endToEndId());
		return transfer;
	}

	/**
	 * Operations record money received on a dedicated account; it waits, unidentified,
	 * for matching.
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public UUID recordIncomingTransfer(IncomingTransfer transfer) {
		DedicatedAccount account = accounts.findById(transfer.to())
			.orElseThrow(() -> new DedicatedAccountNotFound(transfer.to().toString()));
		UUID id = UUID.randomUUID();
		long entryId = ledger.post(PostingRules.incomingTransfer(account.ledgerKey(), id.toString(),
				transfer.valueDate(), transfer.amount(), "Virement reçu de " + transfer.payerName()));
		records.insertIncoming(id, account.id(), transfer.amount(), transfer.valueDate(), transfer.payerName(),
				transfer.payerIban().value(), transfer.remittanceInfo(), clock.instant(), currentUser.actorName(),
				entryId);
		auditTrail.record("INCOMING_TRANSFER_RECORDED", ENTITY, account.id().toString(),
				transfer.amount() + " from " + transfer.payerName() + " (" + transfer.payerIban().masked() + ")");
		return id;
	}

	/**
	 * Pays money from the factor's account into the company's dedicated account (a payout
	 * of its availability), once per {@code requestKey}; for the funding service.
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public OutgoingTransfer fund(CompanyId companyId, Money amount, String requestKey, String remittanceInfo,
			LocalDate executionDate) {
		CompanyView company = companies.find(companyId);
		FactorDetails factor = this.factor.details()
			.orElseThrow(() -> new IllegalStateException("The factor's identity is not set up"));
		DedicatedAccount account = load(companyId);
		OutgoingTransfer transfer = bank.fund(new FundingOrder(account.id(), requestKey, amount, factor.legalName(),
				factor.iban(), factor.bic(), company.legalName(), company.details().address(), remittanceInfo,
				executionDate, currentUser.actorName()));
		auditTrail.record("PAYOUT_EXECUTED", ENTITY, account.id().toString(),
				transfer.amount() + " from " + factor.iban().masked() + ", EndToEndId " + transfer.endToEndId());
		return transfer;
	}

	/**
	 * For the sweep, in the caller's transaction: for each instruction, transfers the
	 * whole of the collections held for the factor in that dedicated account to the
	 * factor's account, once per request key (a replayed key returns the first transfer).
	 * The ledger accounts of all the instructions are locked first, in id order, so the
	 * amount transferred is what the account holds at that moment and cannot change
	 * before commit. An account that holds nothing gets no transfer.
	 * @return the transfers, by account
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<DedicatedAccountId, OutgoingTransfer> sweepHeld(List<SweepInstruction> instructions) {
		Map<DedicatedAccountId, OutgoingTransfer> transfers = new LinkedHashMap<>();
		Map<String, OutgoingTransfer> replays = records
			.byRequestKeys(instructions.stream().map(SweepInstruction::requestKey).toList());
		List<SweepInstruction> fresh = new ArrayList<>();
		for (SweepInstruction instruction : instructions) {
			OutgoingTransfer replay = replays.get(instruction.requestKey());
			if (replay != null) {
				transfers.put(instruction.account(), replay);
			}
			else {
				fresh.add(instruction);
			}
		}
		if (fresh.isEmpty()) {
			return transfers;
		}
		FactorDetails factor = this.factor.details()
			.orElseThrow(() -> new IllegalStateException("The factor's identity is not set up"));
		Map<DedicatedAccountId, String> ledgerKeys = new HashMap<>();
		rows.byIds(fresh.stream().map(SweepInstruction::account).toList())
			.forEach((id, row) -> ledgerKeys.put(id, row.ledgerKey()));
		Map<AccountRef, Money> held = ledger.lockBalances(fresh.stream()
			.flatMap(instruction -> PostingRules.sweepAccounts(ledgerKeyOf(ledgerKeys, instruction)).stream())
			.toList());
		List<SweepOrder> orders = new ArrayList<>();
		for (SweepInstruction instruction : fresh) {
			Money amount = held
				.get(AccountRef.of(AccountCode.DEDICATED_FACTOR_COLLECTIONS, ledgerKeyOf(ledgerKeys, instruction)));
			if (amount.isPositive()) {
				orders.add(new SweepOrder(instruction.account(), instruction.requestKey(), amount, factor.legalName(),
						factor.iban(), factor.address().city(), factor.address().country(),
						instruction.remittanceInfo(), instruction.executionDate(), currentUser.actorName()));
			}
		}
		if (orders.isEmpty()) {
			return transfers;
		}
		List<OutgoingTransfer> executed = bank.sweep(orders);
		executed.forEach(transfer -> transfers.put(transfer.from(), transfer));
		auditTrail.recordAll(executed.stream()
			.map(transfer -> new AuditTrail.Action("SWEEP_EXECUTED", ENTITY, transfer.from().toString(),
					transfer.amount() + " to " + factor.iban().masked() + ", EndToEndId " + transfer.endToEndId()))
			.toList());
		return transfers;
	}

	/**
	 * The dedicated accounts holding collections for the factor (what a sweep transfers),
	 * in the order they were opened.
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<AccountHoldingCollections> accountsHoldingCollections() {
		return jdbc.sql("""
				select d.id, d.company_id from dedicated_account d
				join ledger_account a on a.code = 'DEDICATED_FACTOR_COLLECTIONS' and a.counterparty = d.company_id::text
				where a.balance <> 0 order by d.opened_at, d.id""")
			.query((rs, n) -> new AccountHoldingCollections(new DedicatedAccountId(rs.getObject(1, UUID.class)),
					new CompanyId(rs.getObject(2, UUID.class))))
			.list();
	}

	/** The dedicated account with this IBAN, for statement imports. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public java.util.Optional<DedicatedAccountView> findByIban(Iban iban) {
		return accounts.findByIban(iban)
			.map(account -> account.toView(companies.find(account.companyId()).legalName()));
	}

	/**
	 * The transfer Cessio itself initiated with this end-to-end id (a payout, a
	 * withdrawal, a sweep), to recognise it on a statement.
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public java.util.Optional<OutgoingTransfer> ownTransfer(String endToEndId) {
		return records.byEndToEndId(endToEndId);
	}

	/** Every dedicated account, for operations' forms. */
	@PreAuthorize("hasAnyRole('ANALYST', 'OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<DedicatedAccountView> list() {
		Map<CompanyId, String> names = companies.list()
			.stream()
			.collect(Collectors.toMap(CompanyView::id, CompanyView::legalName, (a, b) -> a));
		return accounts.findAllByOrderByOpenedAtAsc()
			.stream()
			.map(account -> account.toView(names.getOrDefault(account.companyId(), "?")))
			.toList();
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<IncomingTransferRecord> recentIncomingTransfers() {
		return records.recentIncoming(100);
	}

	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<OutgoingTransfer> recentOutgoingTransfers() {
		return records.recentOutgoing(100);
	}

	/** The transfer as the pain.001.001.09 file sent to the bank. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public String pain001(UUID transferId) {
		OutgoingTransfer transfer = records.outgoing(transferId)
			.orElseThrow(() -> new DedicatedAccountNotFound("transfer " + transferId));
		return Pain001.render(transfer, clock.getZone());
	}

	private static String ledgerKeyOf(Map<DedicatedAccountId, String> ledgerKeys, SweepInstruction instruction) {
		String key = ledgerKeys.get(instruction.account());
		if (key == null) {
			throw new DedicatedAccountNotFound(instruction.account().toString());
		}
		return key;
	}

	private DedicatedAccount load(CompanyId companyId) {
		return accounts.findByCompanyId(companyId.value())
			.orElseThrow(() -> new DedicatedAccountNotFound("company " + companyId));
	}

}
