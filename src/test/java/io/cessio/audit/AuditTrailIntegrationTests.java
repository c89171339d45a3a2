package io.cessio.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import io.cessio.CessioIntegrationTest;
import io.cessio.audit.AuditTrail.AuditEntry;
import io.cessio.audit.AuditTrail.AuditFilter;

/**
 * The audit trail is append-only in the database itself, and searchable by
 * administrators.
 */
@CessioIntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void databaseRefusesUpdateDeleteAndTruncateOfAuditEvents() {
		auditTrail.recordOnItsOwn("tamper-test", "TAMPER_TARGET", "TEST", "1", "original", "127.0.0.1");
		assertRefused("update audit_event set summary = 'forged' where actor = 'tamper-test'");
		assertRefused("delete from audit_event where actor = 'tamper-test'");
		assertRefused("truncate audit_event");
		assertThat(jdbc.sql("select summary from audit_event where actor = 'tamper-test'").query(String.class).list())
			.containsExactly("original");
	}

	private void assertRefused(String sql) {
		assertThatThrownBy(() -> jdbc.sql(sql).update()).isInstanceOf(DataAccessException.class)
			.satisfies(ex -> assertThat(((DataAccessException) ex).getMostSpecificCause().getMessage())
				.contains("audit_event is append-only"));
	}

	@Test
	void controlCharactersCannotForgeLinesOrFields() {
		auditTrail.recordOnItsOwn("crlf\r\nLOGIN_SUCCEEDED admin", "CRLF_TEST", null, null, "a\nb", null);
		assertThat(jdbc.sql("select actor || '|' || summary from audit_event where action = 'CRLF_TEST'")
			.query(String.class)
			.single()).isEqualTo("crlf  LOGIN_SUCCEEDED admin|a b");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void administratorsFilterTheTrailByActorAndActionNewestFirst() {
		String actor = "filter-" + System.nanoTime();
		auditTrail.recordOnItsOwn(actor, "FILTER_FIRST", "TEST", "1", "first", null);
		auditTrail.recordOnItsOwn(actor, "FILTER_SECOND", "TEST", "2", "second", null);
		auditTrail.recordOnItsOwn("someone-else", "FILTER_SECOND", "TEST", "3", "other", null);

		Page<AuditEntry> mine = auditTrail.search(new AuditFilter(actor, null, null, null, null, null),
				PageRequest.of(0, 10));
		assertThat(mine.getContent()).extracting(AuditEntry::summary).containsExactly("second", "first");

		Page<AuditEntry> second = auditTrail.search(new AuditFilter(actor, "FILTER_SECOND", null, null, null, null),
				PageRequest.of(0, 10));
		assertThat(second.getTotalElements()).isEqualTo(1);
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void othersCannotReadTheTrail() {
		assertThatThrownBy(() -> auditTrail.search(AuditFilter.everything(), PageRequest.of(0, 10)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

}
