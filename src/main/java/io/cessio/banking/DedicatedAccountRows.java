package io.cessio.banking;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.cessio.companies.CompanyId;

/**
 * Dedicated accounts read with plain SQL for the sweep, batch after batch: no entity to
 * hydrate, validate and check for changes at every flush.
 */
@Repository
class DedicatedAccountRows {

	private final JdbcClient jdbc;

	DedicatedAccountRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The accounts with these ids, by id; unknown ids are left out. */
	Map<DedicatedAccountId, Row> byIds(Collection<DedicatedAccountId> ids) {
		Map<DedicatedAccountId, Row> rows = new HashMap<>();
		jdbc.sql("select id, company_id, iban, bic from dedicated_account where id = any(?)")
			.param(ids.stream().map(DedicatedAccountId::value).toArray(UUID[]::new))
			.query((rs, n) -> new Row(new DedicatedAccountId(rs.getObject("id", UUID.class)),
					new CompanyId(rs.getObject("company_id", UUID.class)), rs.getString("iban"), rs.getString("bic")))
			.list()
			.forEach(row -> rows.put(row.id(), row));
		return rows;
	}

	record Row(DedicatedAccountId id, CompanyId companyId, String iban, String bic) {

		/** As {@link DedicatedAccount#ledgerKey()}. */
		String ledgerKey() {
			return companyId.toString();
		}

	}

}
