#!/usr/bin/env bash
# Sweep crash consistency (BENCHMARKS.md R4 for the sweep: "kill -9 of the app during a sweep run, then
# run again: every account swept exactly once, nothing lost or doubled"), run from the repository root:
#
#     bash perf/sweep-crash-test.sh                        # 3,000 accounts, 5 kills, about 6 minutes
#     ACCOUNTS=300 KILLS=2 bash perf/sweep-crash-test.sh   # quick look
#
# What it does, on the local PostgreSQL, in database cessio_crash_sweep (dropped, created empty, migrated
# by Flyway when the harness first boots; never cessio, cessio_test or postgres):
#   seed      io.cessio.perf.SweepCrashHarness seed ACCOUNTS (src/test/java): the application context
#             without a web server and without schedulers (cessio.jobs.enabled=false) enters the
#             factor's identity, then SweepBenchmarkData writes, with bulk SQL, ACCOUNTS companies
#             (auto-refund off) each with its dedicated account and COLLECTIONS identified collections:
#             a purchased remittance of COLLECTIONS invoices (PURCHASE entry), per invoice a booked
#             receipt (INCOMING_TRANSFER entry) and a COLLECTION allocation paying it (COLLECTION
#             entry), the ledger accounts' cached balances summed from the postings. Consistent by
#             construction and checked before the first kill: every account's factor-collections
#             balance = Σ of its unswept COLLECTION allocations, ledger_invariant_violation empty;
#   kills     KILLS rounds: `harness run` (SweepManagement.runScheduled(DATE) once, as system, with the
#             real batching: cessio.sweep.batch-size, 50 accounts per transaction) started in the background; when it prints
#             RUNNING (context up, sweep starting) and then FIRST (its first batch committed), a random
#             pause of MIN_DELAY-MAX_DELAY s (seeded by SEED), then kill -9. The script then waits until the killed JVM's PostgreSQL backends are
#             gone (application_name cessio-crash-sweep-run: a COMMIT already on the wire still lands),
#             and counts the half-done sweeps at that moment (must be 0 after every kill): a SWEEP
#             transfer or journal entry without its SWEPT line, a SWEPT line whose transfer, entry or
#             allocations disagree with it, an allocation marked swept by a line that does not exist,
#             an account whose factor-collections balance is not Σ of its unswept allocations;
#   terminate TERMINATES rounds (1): the same, but the database side dies instead of the JVM:
#             pg_terminate_backend() on all the run's backends during the sweep; the JVM is left to
#             finish or fail by itself (killed after 300 s);
#   final     `harness run` to completion (exit status 0 expected) on INSTANCES JVMs (2) started at the
#             same moment: two app instances sweeping the same business date together;
#   checks    with psql: swept = accounts with a SWEPT line for DATE; lost = seeded accounts with factor
#             collections left (balance <> 0) or unswept allocations; duplicated = accounts with more than
#             one SWEPT line for DATE, more than one SWEEP transfer or more than one SWEEP journal entry;
#             total_ok = Σ SWEPT lines = Σ SWEEP transfers = Σ collections seeded (and the factor bank
#             received exactly that); violations = rows of ledger_invariant_violation (trial balance zero,
#             cached balances, portions); half_done = the highest count seen after any round.
# Output: per round one line (delay, swept so far, swept by this run, half-done), then the summary line
#   R4 sweep crash: kills=5, accounts=1000, swept=1000, lost=0, duplicated=0, total_ok=true, violations=0
# and a line of the other checks (half-done after any round, SWEEP transfers and entries, FAILED lines
# (a run whose connections were terminated may record some; the accounts are swept by a later run),
# recovery = JVM start to first account committed, sweep_run rows the kills left RUNNING: informative).
#
# Environment: ACCOUNTS (3000), COLLECTIONS (20 per account), KILLS (5), TERMINATES (1), INSTANCES (2),
# MIN_DELAY (0.3 s), MAX_DELAY (3 s), SEED (20261202), DATE (2026-12-01, the business date swept),
# PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, JAVA (java from JAVA_HOME or the
# PATH), JAVA_OPTS (none), SKIP_BUILD=1 (reuse target/ from a previous run), KEEP_DB=1 (do not drop
# cessio_crash_sweep at the end). Logs: target/sweep-crash-test/ (seed.out, run-*.out, rounds.tsv).
# Exit status: 0 if lost = duplicated = violations = half-done = 0 and every check holds, 1 if any of
# them fails, 2 if the test could not run (build, seed, a run that never started or never finished).
# Needs: PostgreSQL 13+ reachable with rights to create databases and to terminate backends, psql, a
# JDK 17+.
set -euo pipefail

cd "$(dirname "$0")/.."

ACCOUNTS=${ACCOUNTS:-3000}
COLLECTIONS=${COLLECTIONS:-20}
KILLS=${KILLS:-5}
TERMINATES=${TERMINATES:-1}
INSTANCES=${INSTANCES:-2}
MIN_DELAY=${MIN_DELAY:-0.3}
MAX_DELAY=${MAX_DELAY:-3}
SEED=${SEED:-20261202}
DATE=${DATE:-2026-12-01}
export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-postgres}
DB=cessio_crash_sweep
APP_NAME=cessio-crash-sweep-run
WORK=target/sweep-crash-test
ROUNDS=$WORK/rounds.tsv
if [[ -z "${JAVA:-}" ]]; then
	JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
fi

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
die() {
	echo "CANNOT RUN: $*" >&2
	exit 2
}
psql_q() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }
q() { psql_q -d "$DB" -Atc "$1"; }
now() { date +%s.%N | cut -c1-14; }

RUN_PID=
cleanup() {
	if [[ -n "$RUN_PID" ]] && kill -0 "$RUN_PID" 2>/dev/null; then
		kill -9 "$RUN_PID" 2>/dev/null || true
	fi
	if [[ "${KEEP_DB:-0}" != 1 ]]; then
		psql_q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT

HARNESS_ARGS=(--url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --user="$PGUSER" --collections="$COLLECTIONS" --date="$DATE")
[[ -n "${PGPASSWORD:-}" ]] && HARNESS_ARGS+=(--password="$PGPASSWORD")
harness() {
	"$JAVA" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		io.cessio.perf.SweepCrashHarness "$@" "${HARNESS_ARGS[@]}"
}
# the same, for `harness_exec run &`: the background subshell becomes the JVM, so $! is the JVM's pid
# and kill -9 hits the JVM itself
harness_exec() {
	exec "$JAVA" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		io.cessio.perf.SweepCrashHarness "$@" "${HARNESS_ARGS[@]}"
}

# ---------------------------------------------------------------- the figures, from the data
SEEDED_COMPANIES="(select company_id from dedicated_account)"
# half-done sweeps: a transfer or entry without its line, a line that disagrees with its transfer, its
# entry or its allocations, an allocation marked by a line that does not exist, an account whose
# factor-collections portion is not what its unswept allocations say
HALF_DONE_SQL="select
	(select count(*) from outgoing_transfer t where t.purpose = 'SWEEP'
		and not exists (select 1 from sweep_line l where l.transfer_id = t.id and l.status = 'SWEPT'))
	+ (select count(*) from journal_entry e where e.source_type = 'SWEEP'
		and not exists (select 1 from outgoing_transfer t join sweep_line l on l.transfer_id = t.id and l.status = 'SWEPT'
			where t.journal_entry_id = e.id))
	+ (select count(*) from sweep_line l join outgoing_transfer t on t.id = l.transfer_id where l.status = 'SWEPT'
		and (t.amount <> l.amount or t.dedicated_account_id <> l.dedicated_account_id
			or t.request_key <> 'SWEEP:' || l.dedicated_account_id || ':' || l.business_date
			or (select coalesce(sum(a.amount), 0) from allocation a where a.sweep_line_id = l.id) <> l.amount
			or (select count(distinct a.invoice_id) from allocation a where a.sweep_line_id = l.id) <> l.invoices_settled
			or not exists (select 1 from posting p where p.entry_id = t.journal_entry_id group by p.entry_id
				having count(*) = 4 and bool_and(p.amount = l.amount))))
	+ (select count(*) from allocation a where a.sweep_line_id is not null
		and not exists (select 1 from sweep_line l where l.id = a.sweep_line_id and l.status = 'SWEPT'))
	+ (select count(*) from dedicated_account d
		left join ledger_account fc on fc.code = 'DEDICATED_FACTOR_COLLECTIONS' and fc.counterparty = d.company_id::text
		where coalesce(-fc.balance, 0) <> (select coalesce(sum(a.amount), 0) from allocation a
			where a.company_id = d.company_id and a.kind = 'COLLECTION' and a.sweep_line_id is null))"
swept_count() { q "select count(distinct dedicated_account_id) from sweep_line where status = 'SWEPT' and business_date = '$DATE'"; }
run_backends() { q "select count(*) from pg_stat_activity where datname = '$DB' and application_name = '$APP_NAME'"; }

# until the run's backends are gone: an in-flight COMMIT either landed or never will
await_backends_gone() {
	local waited=0
	while (($(run_backends) > 0)); do
		((waited < 600)) || die "backends of the killed run still there after 60 s"
		sleep 0.1
		waited=$((waited + 1))
	done
}

# starts `harness run` in the background on log $1 and waits for its RUNNING line
start_run() {
	local out=$1 waited=0
	: >"$out"
	harness_exec run >"$out" 2>&1 &
	RUN_PID=$!
	while ! grep -q '^RUNNING' "$out"; do
		if ! kill -0 "$RUN_PID" 2>/dev/null; then
			tail -30 "$out" >&2
			die "the run stopped before its sweep started (see $out)"
		fi
		((waited < 3000)) || die "no RUNNING line after 300 s (see $out)"
		sleep 0.1
		waited=$((waited + 1))
	done
}

# waits until the run started by start_run has committed its first batch (its FIRST line), so that
# the pause before the fault falls within the sweep itself, not in its first, slowest, batch; returns
# at once if the run ended (nothing left to sweep)
await_first_commit() {
	local out=$1 waited=0
	while ! grep -q '^FIRST' "$out" && kill -0 "$RUN_PID" 2>/dev/null; do
		((waited < 3000)) || die "no account committed 300 s after RUNNING (see $out)"
		sleep 0.05
		waited=$((waited + 1))
	done
}

random_delay() { # seeded by SEED through $RANDOM
	awk -v r="$RANDOM" -v lo="$MIN_DELAY" -v hi="$MAX_DELAY" 'BEGIN { printf "%.2f", lo + (hi - lo) * r / 32767 }'
}

first_after() { sed -n 's/^FIRST after_jvm_start_s=//p' "$1" | head -1; }

ROUND=0
PREVIOUS=0
HALF_DONE_MAX=0
record_round() { # kind delay log
	local kind=$1 delay=$2 out=$3 swept half first
	swept=$(swept_count)
	half=$(q "$HALF_DONE_SQL")
	first=$(first_after "$out")
	((half > HALF_DONE_MAX)) && HALF_DONE_MAX=$half
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ROUND" "$kind" "$delay" "$swept" "$((swept - PREVIOUS))" "$half" \
		"${first:-}" >>"$ROUNDS"
	log "  $kind $ROUND after ${delay}s: swept=$swept (+$((swept - PREVIOUS)) this run), half_done=$half${first:+, first account ${first}s after JVM start}"
	PREVIOUS=$swept
}

# ---------------------------------------------------------------- build, database, seed
mkdir -p "$WORK"
rm -f "$WORK"/run-*.out "$WORK"/seed.out
printf 'round\tkind\tdelay_s\tswept\tswept_this_run\thalf_done\tfirst_account_after_jvm_start_s\n' >"$ROUNDS"
RANDOM=$SEED
log "sweep crash test: ACCOUNTS=$ACCOUNTS COLLECTIONS=$COLLECTIONS KILLS=$KILLS TERMINATES=$TERMINATES INSTANCES=$INSTANCES delay ${MIN_DELAY}-${MAX_DELAY}s SEED=$SEED DATE=$DATE on $PGHOST:$PGPORT, $(nproc) cores"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	log "compiling (./mvnw -B -q test-compile -DskipTests) and resolving the test classpath"
	./mvnw -B -q test-compile -DskipTests || die "build failed"
	./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null ||
		die "could not resolve the test classpath"
fi
[[ -s target/bench-classpath.txt ]] || die "target/bench-classpath.txt missing: run without SKIP_BUILD"

log "creating $DB (empty; Flyway migrates it when the harness boots)"
psql_q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null

log "seeding $ACCOUNTS dedicated accounts with $COLLECTIONS identified collections each (bulk SQL)"
harness seed "$ACCOUNTS" >"$WORK/seed.out" 2>&1 || {
	tail -30 "$WORK/seed.out" >&2
	die "seed failed (see $WORK/seed.out)"
}
grep '^SEEDED' "$WORK/seed.out" | sed 's/^/    /'
HOLDING=$(q "select count(*) from ledger_account where code = 'DEDICATED_FACTOR_COLLECTIONS' and balance <> 0")
SEEDED_TOTAL=$(q "select coalesce(sum(amount), 0) from allocation where kind = 'COLLECTION' and sweep_line_id is null")
((HOLDING == ACCOUNTS)) || die "$HOLDING accounts hold collections after the seed, expected $ACCOUNTS"
SEED_HALF=$(q "$HALF_DONE_SQL")
SEED_VIOLATIONS=$(q "select count(*) from ledger_invariant_violation")
((SEED_HALF == 0 && SEED_VIOLATIONS == 0)) ||
	die "the seeded data is not consistent (inconsistent accounts: $SEED_HALF, invariant violations: $SEED_VIOLATIONS)"
log "    seeded: $HOLDING accounts holding $SEEDED_TOTAL EUR of collections, consistent, 0 invariant violations"

# ---------------------------------------------------------------- kill -9 rounds
for k in $(seq 1 "$KILLS"); do
	ROUND=$k
	out=$WORK/run-kill-$k.out
	start_run "$out"
	await_first_commit "$out"
	delay=$(random_delay)
	sleep "$delay"
	if kill -0 "$RUN_PID" 2>/dev/null; then
		kill -9 "$RUN_PID"
		wait "$RUN_PID" 2>/dev/null || true
		kind=kill
	else
		wait "$RUN_PID" 2>/dev/null || true
		kind=finished-before-kill
	fi
	RUN_PID=
	await_backends_gone
	record_round "$kind" "$delay" "$out"
done

# ---------------------------------------------------------------- pg_terminate_backend rounds
for k in $(seq 1 "$TERMINATES"); do
	ROUND=$((KILLS + k))
	out=$WORK/run-terminate-$k.out
	start_run "$out"
	await_first_commit "$out"
	delay=$(random_delay)
	sleep "$delay"
	terminated=$(q "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity where datname = '$DB' and application_name = '$APP_NAME'")
	waited=0
	while kill -0 "$RUN_PID" 2>/dev/null && ((waited < 3000)); do
		sleep 0.1
		waited=$((waited + 1))
	done
	if kill -0 "$RUN_PID" 2>/dev/null; then
		kill -9 "$RUN_PID"
		echo "    the run did not exit within 300 s of the termination: killed" >&2
	fi
	rc=0
	wait "$RUN_PID" 2>/dev/null || rc=$?
	RUN_PID=
	await_backends_gone
	ending=$(grep -m1 '^DONE\|^FAILED' "$out" | cut -c1-160 || true)
	log "  terminated $terminated backend(s); the run exited with status $rc: ${ending:-no DONE/FAILED line}"
	record_round terminate "$delay" "$out"
done

# ---------------------------------------------------------------- final run
ROUND=$((KILLS + TERMINATES + 1))
out=$WORK/run-final.out
log "final run to completion, on $INSTANCES instance(s) started at the same moment"
t0=$(now)
FINAL_RC=0
FINAL_PIDS=()
for i in $(seq 2 "$INSTANCES"); do
	harness run >"$WORK/run-final-$i.out" 2>&1 &
	FINAL_PIDS+=($!)
done
harness run >"$out" 2>&1 || FINAL_RC=$?
for pid in "${FINAL_PIDS[@]}"; do wait "$pid" || FINAL_RC=$?; done
grep -h '^DONE\|^FAILED' "$out" "$WORK"/run-final-*.out 2>/dev/null | sed 's/^/    /' || true
((FINAL_RC == 0)) || echo "    the final run exited with status $FINAL_RC (see $out)" >&2
await_backends_gone
record_round final "$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')" "$out"

# ---------------------------------------------------------------- checks
SWEPT=$(swept_count)
LOST=$(q "select count(*) from dedicated_account d
	where exists (select 1 from ledger_account fc where fc.code = 'DEDICATED_FACTOR_COLLECTIONS'
			and fc.counterparty = d.company_id::text and fc.balance <> 0)
		or exists (select 1 from allocation a where a.company_id = d.company_id and a.kind = 'COLLECTION'
			and a.sweep_line_id is null)")
DUPLICATED=$(q "select count(*) from dedicated_account d where
	(select count(*) from sweep_line l where l.dedicated_account_id = d.id and l.status = 'SWEPT' and l.business_date = '$DATE') > 1
	or (select count(*) from outgoing_transfer t where t.dedicated_account_id = d.id and t.purpose = 'SWEEP') > 1
	or (select count(*) from journal_entry e where e.source_type = 'SWEEP' and e.source_ref like 'SWEEP:' || d.id || ':%') > 1")
LINES_SUM=$(q "select coalesce(sum(amount), 0) from sweep_line where status = 'SWEPT' and business_date = '$DATE'")
TRANSFERS_SUM=$(q "select coalesce(sum(amount), 0) from outgoing_transfer where purpose = 'SWEEP'")
FACTOR_BANK=$(q "select coalesce(sum(balance), 0) from ledger_account where code = 'FACTOR_BANK'")
TOTAL_OK=$(q "select $LINES_SUM = $SEEDED_TOTAL and $TRANSFERS_SUM = $SEEDED_TOTAL and $FACTOR_BANK = $SEEDED_TOTAL")
[[ $TOTAL_OK == t ]] && TOTAL_OK=true || TOTAL_OK=false
VIOLATIONS=$(q "select count(*) from ledger_invariant_violation")
HALF_DONE_END=$(q "$HALF_DONE_SQL")
((HALF_DONE_END > HALF_DONE_MAX)) && HALF_DONE_MAX=$HALF_DONE_END
FAILED_LINES=$(q "select count(*) from sweep_line where status = 'FAILED'")
TRANSFERS=$(q "select count(*) from outgoing_transfer where purpose = 'SWEEP'")
ENTRIES=$(q "select count(*) from journal_entry where source_type = 'SWEEP'")
STALE_RUNS=$(q "select count(*) from sweep_run where status = 'RUNNING'")
OPEN_EVENTS=$(q "select count(*) from event_publication where completion_date is null")
KILLED=$(awk -F'\t' 'NR > 1 && $2 == "kill" { n++ } END { print n + 0 }' "$ROUNDS")
RECOVERY=$(awk -F'\t' 'NR > 1 && $7 != "" && $7 > m { m = $7 } END { print (m == "" ? "nan" : m) }' "$ROUNDS")
PER_ROUND=$(awk -F'\t' 'NR > 1 { printf "%s%s", (n++ ? " " : ""), $5 }' "$ROUNDS")

echo
echo "== Sweep crash test: $ACCOUNTS accounts x $COLLECTIONS collections, $KILLED kill -9 + $TERMINATES pg_terminate_backend round(s), then a run on $INSTANCES instance(s)"
echo "   accounts swept by each round: $PER_ROUND; rounds: $ROUNDS"
echo "R4 sweep crash: kills=$KILLED, accounts=$ACCOUNTS, swept=$SWEPT, lost=$LOST, duplicated=$DUPLICATED, total_ok=$TOTAL_OK, violations=$VIOLATIONS"
echo "R4 sweep crash checks: terminations=$TERMINATES, half_done_after_any_round=$HALF_DONE_MAX, transfers=$TRANSFERS, ledger_entries=$ENTRIES, failed_lines=$FAILED_LINES, seeded_total=$SEEDED_TOTAL, swept_total=$LINES_SUM, transfers_total=$TRANSFERS_SUM, factor_bank=$FACTOR_BANK, final_run_status=$FINAL_RC, recovery_max_s=$RECOVERY, sweep_runs_left_running=$STALE_RUNS, open_event_publications=$OPEN_EVENTS"

verdict=0
fail() {
	echo "FAIL: $*"
	verdict=1
}
((SWEPT == ACCOUNTS)) || fail "$SWEPT of $ACCOUNTS accounts swept for $DATE"
((LOST == 0)) || fail "$LOST account(s) with collections left for the factor"
((DUPLICATED == 0)) || fail "$DUPLICATED account(s) with more than one SWEPT line, SWEEP transfer or SWEEP entry"
[[ $TOTAL_OK == true ]] || fail "totals: lines $LINES_SUM, transfers $TRANSFERS_SUM, factor bank $FACTOR_BANK, seeded $SEEDED_TOTAL"
((VIOLATIONS == 0)) || fail "$VIOLATIONS ledger invariant violation(s)"
((HALF_DONE_MAX == 0)) || fail "half-done sweeps seen after a round: $HALF_DONE_MAX"
((TRANSFERS == ACCOUNTS && ENTRIES == ACCOUNTS)) || fail "$TRANSFERS SWEEP transfers and $ENTRIES SWEEP entries for $ACCOUNTS accounts"
((FINAL_RC == 0)) || fail "the final run exited with status $FINAL_RC"
((verdict == 0)) && echo "PASS: every account swept exactly once across $KILLED kill(s), $TERMINATES termination(s) and $INSTANCES instances"
exit $verdict
