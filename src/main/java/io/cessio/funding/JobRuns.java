package io.cessio.funding;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of the scheduled jobs' runs: when, on which instance, how many items, how
 * long, and how they ended. Each line is written in a transaction of its own, so that a
 * failed run is still recorded.
 */
@Service
public class JobRuns {

	static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

	private final JdbcClient jdbc;

	private final Clock clock;

	JobRuns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A run still marked running after this long was cut short (its instance was killed
	 * or lost its database): it is closed as failed when the next run of the job starts.
	 */
	static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(30);

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	UUID started(String job) {
		jdbc.sql(
				"""
						update job_run set status = 'FAILED', finished_at = ?, detail = 'abandoned: its instance stopped during the run'
						where job = ? and status = 'RUNNING' and started_at < ?""")
			.params(Timestamp.from(clock.instant()), job, Timestamp.from(clock.instant().minus(ABANDONED_AFTER)))
			.update();
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into job_run (id, job, started_at, status, instance) values (?, ?, ?, 'RUNNING', ?)")
			.params(id, job, Timestamp.from(clock.instant()), INSTANCE)
			.update();
		return id;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void finished(UUID run, int items, @Nullable String failure) {
		String detail = failure == null ? null : failure.length() > 1000 ? failure.substring(0, 999) : failure;
		jdbc.sql("update job_run set finished_at = ?, status = ?, items = ?, detail = ? where id = ?")
			.params(Timestamp.from(clock.instant()), failure == null ? "DONE" : "FAILED", items, detail, run)
			.update();
	}

	/** The latest runs, newest first. */
	@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<JobRun> latest(int limit) {
		return jdbc.sql("""
				select job, started_at, finished_at, status, items, detail, instance from job_run
				order by started_at desc limit ?""")
			.param(limit)
			.query((rs, n) -> new JobRun(rs.getString("job"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
					rs.getString("status"), rs.getInt("items"), rs.getString("detail"), rs.getString("instance")))
			.list();
	}

	/** One run of a job. */
	public record JobRun(String job, Instant startedAt, @Nullable Instant finishedAt, String status, int items,
			@Nullable String detail, String instance) {

		/** Milliseconds from start to finish, or -1 while running. */
		public long durationMillis() {
			return finishedAt == null ? -1 : java.time.Duration.between(startedAt, finishedAt).toMillis();
		}

	}

}
