package io.cessio.funding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cessio.audit.AuditTrail;
import io.cessio.companies.CompanyId;
import io.cessio.companies.CompanyManagement;
import io.cessio.companies.CompanyView;
import io.cessio.ledger.AccountCode;
import io.cessio.ledger.AccountRef;
import io.cessio.ledger.Ledger;
import io.cessio.ledger.PostingRules;
import io.cessio.shared.Money;
import io.cessio.shared.Rate;

/**
 * The financing charge (DOMAIN.md §3.2, "Product decisions"): end-of-day funds in use are
 * recorded each day; at month end the month's charge is Σ over its days of max(funds in
 * use, 0) × (max(reference rate in force, 0) + the contract's margin) / 360, rounded
 * half-up to the cent once, and debited to the current account on the month's last day. A
 * month is charged once per company (a database key and the ledger's idempotency key),
 * whichever instance gets there first; missed months are caught up.
 */
@Service
@Transactional
public class FinancingCharges {

	static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(360);

	private final CompanyManagement companies;

	private final Ledger ledger;

	private final ReferenceRates rates;

	private final AuditTrail auditTrail;

	private final JdbcClient jdbc;

	private final Clock clock;

	FinancingCharges(CompanyManagement companies, Ledger ledger, ReferenceRates rates, AuditTrail auditTrail,
			JdbcClient jdbc, Clock clock) {
		this.companies = companies;
		this.ledger = ledger;
		this.rates = rates;
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a company's end-of-day funds in use (once per day; later calls keep it).
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public Money recordEndOfDay(CompanyId company, LocalDate day) {
		Optional<BigDecimal> recorded = jdbc
			.sql("select amount from funds_in_use_eod where company_id = ? and business_date = ?")
			.params(company.value(), Date.valueOf(day))
			.query(BigDecimal.class)
			.optional();
		if (recorded.isPresent()) {
			return Money.eur(recorded.get());
		}
		Money endOfDay = ledger.endOfDayFundsInUse(company.toString(), day);
		jdbc.sql("""
				insert into funds_in_use_eod (company_id, business_date, amount, recorded_at) values (?, ?, ?, ?)
				on conflict (company_id, business_date) do nothing""")
			.params(company.value(), Date.valueOf(day), endOfDay.amount(), Timestamp.from(clock.instant()))
			.update();
		return endOfDay;
	}

	/**
	 * Computes and debits the month's charge, once; returns it (zero when nothing was in
	 * use).
	 * @throws IllegalStateException when no reference rate is in force on a day of the
	 * month
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public Money chargeMonth(CompanyId company, YearMonth month) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('cessio.financing-charge'), hashtext(?))")
			.param(company + ":" + month)
			.query()
			.singleValue();
		Optional<BigDecimal> charged = jdbc
			.sql("select amount from financing_charge where company_id = ? and month = ?")
			.params(company.value(), Date.valueOf(month.atDay(1)))
			.query(BigDecimal.class)
			.optional();
		if (charged.isPresent()) {
			return Money.eur(charged.get());
		}
		CompanyView view = companies.find(company);
		Rate margin = view.terms().financingMargin();
		BigDecimal basis = BigDecimal.ZERO;
		for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
			BigDecimal inUse = recordEndOfDay(company, day).amount();
			if (inUse.signum() <= 0) {
				continue;
			}
			LocalDate date = day;
			Rate reference = rates.inForceOn(day)
				.orElseThrow(() -> new IllegalStateException("No reference rate in force on " + date));
			BigDecimal rate = reference.value().max(BigDecimal.ZERO).add(margin.value());
			basis = basis.add(inUse.multiply(rate));
		}
		Money amount = Money.eur(basis.divide(DAYS_IN_YEAR, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP));
		Long entryId = null;
		if (amount.isPositive()) {
			entryId = ledger.post(PostingRules.financingCharge(company.toString(), company + ":" + month,
					month.atEndOfMonth(), amount));
			auditTrail.record("FINANCING_CHARGED", "COMPANY", company.toString(), month + ": " + amount
					+ " (Act/360, margin " + margin.percent().stripTrailingZeros().toPlainString() + " %)");
		}
		jdbc.sql(
				"""
						insert into financing_charge (company_id, month, amount, days, interest_basis, journal_entry_id, computed_at)
						values (?, ?, ?, ?, ?, ?, ?)""")
			.params(company.value(), Date.valueOf(month.atDay(1)), amount.amount(), month.lengthOfMonth(), basis,
					entryId, Timestamp.from(clock.instant()))
			.update();
		return amount;
	}

	/**
	 * The end of a business day for every company: its funds in use recorded and, on a
	 * month's last day, the month charged. Returns how many companies were handled.
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public int closeDay(LocalDate day) {
		List<CompanyId> financed = financedCompanies();
		for (CompanyId company : financed) {
			recordEndOfDay(company, day);
			if (day.equals(YearMonth.from(day).atEndOfMonth())) {
				chargeMonth(company, YearMonth.from(day));
			}
		}
		return financed.size();
	}

	/**
	 * Charges every complete month not charged yet (the application was down at a month
	 * end); returns how many charges were computed.
	 */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	public int catchUp() {
		YearMonth current = YearMonth.now(clock);
		int computed = 0;
		for (CompanyId company : financedCompanies()) {
			Optional<LocalDate> first = ledger
				.firstMovement(AccountRef.of(AccountCode.RECEIVABLES, company.toString()));
			Optional<LocalDate> lastCharged = jdbc.sql("select max(month) from financing_charge where company_id = ?")
				.param(company.value())
				.query(Date.class)
				.optional()
				.map(Date::toLocalDate);
			if (first.isEmpty()) {
				continue;
			}
			YearMonth month = lastCharged.map(YearMonth::from)
				.map(m -> m.plusMonths(1))
				.orElse(YearMonth.from(first.get()));
			for (; month.isBefore(current); month = month.plusMonths(1)) {
				chargeMonth(company, month);
				computed++;
			}
		}
		return computed;
	}

	/**
	 * Client companies that have had purchases, i.e. a receivables account in the ledger
	 * (the ledger's other counterparties are not companies).
	 */
	private List<CompanyId> financedCompanies() {
		java.util.Set<String> financed = new java.util.HashSet<>(ledger.counterpartiesWith(AccountCode.RECEIVABLES));
		return companies.list().stream().map(CompanyView::id).filter(id -> financed.contains(id.toString())).toList();
	}

}
