package io.cessio.debtors;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.platform.security.CurrentUser;
import io.cessio.shared.Iban;

/**
 * The bank accounts each debtor was seen paying from. A person's allocation of a receipt
 * teaches it; the lettrage then recognises the debtor by its IBAN.
 */
@Service
@Transactional
public class PayerAccounts {

	private final DebtorManagement debtors;

	private final CompanyManagement companies;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final JdbcClient jdbc;

	private final Clock clock;

	PayerAccounts(DebtorManagement debtors, CompanyManagement companies, AuditTrail auditTrail, CurrentUser currentUser,
			JdbcClient jdbc, Clock clock) {
		this.debtors = debtors;
		this.companies = companies;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Remembers that the debtor pays from this account; once. */
	@PreAuthorize("isAuthenticated()")
	public void remember(DebtorId debtorId, Iban iban) {
		debtors.find(debtorId);
		int added = jdbc.sql("""
				insert into debtor_known_iban (debtor_id, iban, learned_at, learned_by) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(debtorId.value(), iban.value(), Timestamp.from(clock.instant()), currentUser.actorName())
			.update();
		if (added == 1) {
			auditTrail.record("DEBTOR_IBAN_LEARNED", DebtorManagement.ENTITY, debtorId.toString(), iban.masked());
		}
	}

	/** The known accounts of each of the company's debtors. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<DebtorId, Set<Iban>> of(CompanyId companyId) {
		companies.find(companyId);
		Map<DebtorId, Set<Iban>> known = new HashMap<>();
		jdbc.sql("""
				select k.debtor_id, k.iban from debtor_known_iban k join debtor d on d.id = k.debtor_id
				where d.company_id = ?""")
			.param(companyId.value())
			.query((rs, n) -> known.computeIfAbsent(new DebtorId(rs.getObject(1, UUID.class)), id -> new HashSet<>())
				.add(new Iban(rs.getString(2))))
			.list();
		return known;
	}

	/**
	 * The company's debtors with their known accounts, by legal name: read in one query
	 * without loading the debtors, for a matching book of thousands of them.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<PayerView> listPayers(CompanyId companyId) {
		companies.find(companyId);
		return jdbc.sql("""
				select d.id, d.legal_name, d.siren,
				  coalesce(array_agg(k.iban order by k.iban) filter (where k.iban is not null), '{}') as ibans
				from debtor d left join debtor_known_iban k on k.debtor_id = d.id
				where d.company_id = ?
				group by d.id
				order by d.legal_name""")
			.param(companyId.value())
			.query((rs, n) -> new PayerView(new DebtorId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray())))
			.list();
	}

}
