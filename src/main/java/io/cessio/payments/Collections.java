package io.cessio.payments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.companies.CompanyId;
import io.cessio.debtors.DebtorId;
import io.cessio.debtors.DebtorManagement;
import io.cessio.debtors.DebtorView;
import io.cessio.invoices.InvoiceId;
import io.cessio.invoices.InvoiceManagement;
import io.cessio.invoices.InvoiceView;
import io.cessio.shared.Money;

/**
 * The collections identified on assigned invoices, as the sweep sees them: which ones a
 * sweep transferred to the factor, and which wait for the next one.
 */
@Service
@Transactional
public class Collections {

	private final JdbcClient jdbc;

	private final InvoiceManagement invoices;

	private final DebtorManagement debtors;

	Collections(JdbcClient jdbc, InvoiceManagement invoices, DebtorManagement debtors) {
		this.jdbc = jdbc;
		this.invoices = invoices;
		this.debtors = debtors;
	}

	/**
	 * Marks each company's collections not swept yet as taken by its sweep line, in the
	 * sweep's transaction (one statement for them all).
	 * @return what each line took, for every company given
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<CompanyId, SweptCollections> markSwept(Map<CompanyId, UUID> sweepLineByCompany) {
		List<Map.Entry<CompanyId, UUID>> lines = List.copyOf(sweepLineByCompany.entrySet());
		Map<CompanyId, List<UUID>> invoicesByCompany = new HashMap<>();
		lines.forEach(line -> invoicesByCompany.put(line.getKey(), new ArrayList<>()));
		jdbc.sql("""
				update allocation a set sweep_line_id = line.id
				from unnest(?::uuid[], ?::uuid[]) as line(company_id, id)
				where a.company_id = line.company_id and a.kind = 'COLLECTION' and a.sweep_line_id is null
				returning a.company_id, a.invoice_id""")
			.params(lines.stream().map(line -> line.getKey().value()).toArray(UUID[]::new),
					lines.stream().map(Map.Entry::getValue).toArray(UUID[]::new))
			.query((rs, n) -> Map.entry(new CompanyId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
			.list()
			.forEach(row -> invoicesByCompany.get(row.getKey()).add(row.getValue()));
		Map<CompanyId, SweptCollections> swept = new HashMap<>();
		invoicesByCompany.forEach((company, invoices) -> swept.put(company,
				new SweptCollections(invoices.size(), (int) invoices.stream().distinct().count())));
		return swept;
	}

	/** The collections a sweep line transferred, invoice by invoice. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<CollectedInvoice> sweptBy(UUID sweepLineId) {
		record Row(UUID id, InvoiceId invoiceId, Money amount, LocalDate valueDate, String pass, String payerName) {
		}
		List<Row> rows = jdbc.sql("""
				select a.id, a.invoice_id, a.amount, a.value_date, a.pass, coalesce(e.payer_name, '') as payer_name
				from allocation a join statement_entry e on e.id = a.statement_entry_id
				where a.sweep_line_id = ? order by a.value_date, a.id""")
			.param(sweepLineId)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class),
					new InvoiceId(rs.getObject("invoice_id", UUID.class)), Money.eur(rs.getBigDecimal("amount")),
					rs.getDate("value_date").toLocalDate(), rs.getString("pass"), rs.getString("payer_name")))
			.list();
		Map<InvoiceId, InvoiceView> invoiceViews = new HashMap<>();
		rows.forEach(row -> invoiceViews.computeIfAbsent(row.invoiceId(), invoices::find));
		Map<DebtorId, DebtorView> debtorViews = debtors
			.findAll(invoiceViews.values().stream().map(InvoiceView::debtorId).collect(Collectors.toSet()));
		return rows.stream().map(row -> {
			InvoiceView invoice = invoiceViews.get(row.invoiceId());
			return new CollectedInvoice(row.id(), row.invoiceId().value(), invoice.number(),
					debtorViews.get(invoice.debtorId()).legalName(), row.amount(), row.valueDate(), row.pass(),
					row.payerName());
		}).toList();
	}

}
