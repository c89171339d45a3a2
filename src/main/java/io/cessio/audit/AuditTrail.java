package io.cessio.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.cessio.platform.security.CurrentUser;

/**
 * Records and lists audit events. {@link #record} joins the caller's transaction, so a
 * state change and its audit line commit or roll back together; {@link #recordOnItsOwn}
 * commits at once, for events that must stay even when the request fails (a refused
 * login, a denied access).
 */
@Service
public class AuditTrail {

	private static final int MAX_SUMMARY = 2000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final CurrentUser currentUser;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, JdbcTemplate jdbcTemplate, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * Records an action of the current user (or {@code system}) in the caller's
	 * transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, String entityId, String summary) {
		insert(currentUser.actorName(), action, entityType, entityId, summary, requestIp());
	}

	/**
	 * Records several actions of the current user (or {@code system}) in the caller's
	 * transaction, in one round trip; for batch jobs.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<Action> actions) {
		String actor = clean(currentUser.actorName(), 100);
		String sourceIp = clean(requestIp(), 45);
		Timestamp now = Timestamp.from(clock.instant());
		jdbcTemplate.batchUpdate("""
				insert into audit_event (occurred_at, actor, action, entity_type, entity_id, summary, source_ip)
				values (?, ?, ?, ?, ?, ?, ?)""", actions.stream()
			.map(action -> new Object[] { now, actor, clean(action.action(), 60), clean(action.entityType(), 60),
					clean(action.entityId(), 100), clean(action.summary(), MAX_SUMMARY), sourceIp })
			.toList());
	}

	/** Records an event for a named actor in a transaction of its own. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordOnItsOwn(String actor, String action, @Nullable String entityType, @Nullable String entityId,
			@Nullable String summary, @Nullable String sourceIp) {
		insert(actor, action, entityType, entityId, summary, sourceIp != null ? sourceIp : requestIp());
	}

	private void insert(String actor, String action, @Nullable String entityType, @Nullable String entityId,
			@Nullable String summary, @Nullable String sourceIp) {
		jdbc.sql("""
				insert into audit_event (occurred_at, actor, action, entity_type, entity_id, summary, source_ip)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(clock.instant()), clean(actor, 100), clean(action, 60), clean(entityType, 60),
					clean(entityId, 100), clean(summary, MAX_SUMMARY), clean(sourceIp, 45))
			.update();
	}

	/** Audit events matching the filter, newest first. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public Page<AuditEntry> search(AuditFilter filter, Pageable pageable) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (filter.actor() != null) {
			where.append(" and lower(actor) like ?");
			params.add("%" + escapeLike(filter.actor().toLowerCase()) + "%");
		}
		if (filter.action() != null) {
			where.append(" and action = ?");
			params.add(filter.action());
		}
		if (filter.entityType() != null) {
			where.append(" and entity_type = ?");
			params.add(filter.entityType());
		}
		if (filter.entityId() != null) {
			where.append(" and entity_id = ?");
			params.add(filter.entityId());
		}
		ZoneId zone = clock.getZone();
		if (filter.from() != null) {
			where.append(" and occurred_at >= ?");
			params.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < ?");
			params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<AuditEntry> rows = jdbc
			.sql("select id, occurred_at, actor, action, entity_type, entity_id, summary, source_ip from audit_event"
					+ where + " order by occurred_at desc, id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
					rs.getString("entity_id"), rs.getString("summary"), rs.getString("source_ip")))
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	/** The distinct actions recorded so far, for the filter's drop-down. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<String> recordedActions() {
		return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
	}

	private static @Nullable String requestIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return request.getRequest().getRemoteAddr();
		}
		return null;
	}

	/**
	 * Control characters (CR, LF…) are replaced so that no value can forge a line of its
	 * own.
	 */
	private static @Nullable String clean(@Nullable String value, int maxLength) {
		if (value == null) {
			return null;
		}
		String cleaned = value.replaceAll("\\p{Cntrl}", " ");
		return cleaned.length() <= maxLength ? cleaned : cleaned.substring(0, maxLength - 1) + "…";
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** An action to record with {@link #recordAll}. */
	public record Action(String action, String entityType, String entityId, String summary) {
	}

	/** One line of the audit trail. */
	public record AuditEntry(long id, Instant occurredAt, String actor, String action, @Nullable String entityType,
			@Nullable String entityId, @Nullable String summary, @Nullable String sourceIp) {
	}

	/**
	 * What to look for; null fields match everything. Dates are business dates
	 * (Europe/Paris).
	 */
	public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
			@Nullable String entityId, @Nullable LocalDate from, @Nullable LocalDate to) {

		public static AuditFilter everything() {
			return new AuditFilter(null, null, null, null, null, null);
		}

	}

}
