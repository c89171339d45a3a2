#!/usr/bin/env bash
# Payout crash consistency (BENCHMARKS.md R4, issue 5: "kill -9 of the app during a payout run, then
# restart: no payout lost or doubled"), run from the repository root:
#
#     bash perf/payout-crash-test.sh                       # 1,000 payouts, 5 kills, about 5 minutes
#     PAYOUTS=200 KILLS=2 bash perf/payout-crash-test.sh   # quick look
#
# What it does, on the local PostgreSQL, in database cessio_crash (dropped, created empty, migrated by
# Flyway when the harness first boots; never cessio, cessio_test or postgres):
#   seed      io.cessio.perf.PayoutCrashHarness seed PAYOUTS (src/test/java): the application context
#             without a web server and without schedulers (cessio.jobs.enabled=false) creates the
#             factor's identity, COMPANIES companies (concentration limit 100 %, auto-payout off), each
#             with one remittance of 60 000,00 purchased through ApprovalDesk, then requests PAYOUTS
#             DRAW payouts of 1,00-99,99 round-robin with FundingManagement.requestDraw as each
#             company's user (the real service, availability check included; no SQL inserts);
#   kills     KILLS rounds: `harness run` (PayoutRunner.runDuePayouts() once, as system) started in
#             the background; when it prints RUNNING (context up, job starting) a random pause of
#             MIN_DELAY-MAX_DELAY s (seeded by SEED), then kill -9. The script then waits until the
#             killed JVM's PostgreSQL backends are gone (application_name cessio-crash-run: a COMMIT
#             already on the wire still lands), and records executed/pending and the half-done
#             payouts at that moment (a PAYOUT transfer or journal entry whose payout is not
#             EXECUTED: must be 0 after every kill);
#   terminate TERMINATES rounds (1; the extra fault, no pg_ctl needed): the same, but instead of the
#             JVM the database side dies: pg_terminate_backend() on all the run's backends in the
#             middle of the job; the job fails (or carries on with fresh connections) and the JVM is
#             left to exit by itself (killed after 300 s);
#   final     `harness run` to completion (exit status 0 expected), on INSTANCES JVMs (2) started at
#             the same moment: two app instances running the payout job together;
#   checks    with psql: lost = payouts not EXECUTED; duplicated = payout keys with more than one
#             outgoing_transfer (group by request_key) or more than one PAYOUT journal entry (group
#             by source_ref); transfers = PAYOUT outgoing_transfer rows of these payouts;
#             ledger_entries = journal entries of source_type PAYOUT; violations = rows of
#             ledger_invariant_violation; mismatched = EXECUTED payouts without exactly one transfer
#             (its id = payout.transfer_id, same amount) and exactly one entry (the transfer's, four
#             postings of the payout's amount); orphans = PAYOUT transfers or entries without an
#             EXECUTED payout; the company-available portions of the dedicated accounts
#             (-balance of DEDICATED_COMPANY_AVAILABLE) = Σ executed payouts, in total and per company.
# Output: per round one line (delay, executed, pending, half-done), then the summary line of
# BENCHMARKS.md's form:
#   R4 payout crash: kills=5, payouts=1000, executed=1000, pending=0, lost=0, duplicated=0,
#   transfers=1000, ledger_entries=1000, violations=0
# and a line of the other checks (half-done after kills, mismatched, orphans, portions, cancelled,
# recovery = JVM start to first payout committed, job_run rows the kills left RUNNING: informative).
#
# Environment: PAYOUTS (1000), KILLS (5), INSTANCES (2), TERMINATES (1), COMPANIES (5), MIN_DELAY (0.5 s), MAX_DELAY
# (3 s), SEED (20261105), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, JAVA (java
# from JAVA_HOME or the PATH), JAVA_OPTS (none), SKIP_BUILD=1 (reuse target/ from a previous run),
# KEEP_DB=1 (do not drop cessio_crash at the end). Logs: target/payout-crash-test/ (seed.out,
# run-*.out, rounds.tsv).
# Exit status: 0 if lost = duplicated = violations = 0 and every check holds, 1 if any of them fails,
# 2 if the test could not run (build, seed, a run that never started or never finished).
# Needs: PostgreSQL 13+ reachable with rights to create databases and to terminate backends, psql, a
# JDK 17+.
set -euo pipefail

cd "$(dirname "$0")/.."

PAYOUTS=${PAYOUTS:-1000}
KILLS=${KILLS:-5}
# the final run on this many JVMs at once (2: two app instances running the payout job at the same
# moment over what is left; KILLS=0 TERMINATES=0 INSTANCES=2 is the two-instance test over all of it)
INSTANCES=${INSTANCES:-2}
TERMINATES=${TERMINATES:-1}
COMPANIES=${COMPANIES:-5}
MIN_DELAY=${MIN_DELAY:-0.5}
MAX_DELAY=${MAX_DELAY:-3}
SEED=${SEED:-20261105}
export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-postgres}
DB=cessio_crash
APP_NAME=cessio-crash-run
WORK=target/payout-crash-test
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

harness() {
	"$JAVA" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		io.cessio.perf.PayoutCrashHarness "$@" --url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --user="$PGUSER" \
		--companies="$COMPANIES" --seed="$SEED"
}
# the same, for `harness_exec run &`: the background subshell becomes the JVM, so $! is the JVM's pid
# and kill -9 hits the JVM itself
harness_exec() {
	exec "$JAVA" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		io.cessio.perf.PayoutCrashHarness "$@" --url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --user="$PGUSER" \
		--companies="$COMPANIES" --seed="$SEED"
}

# ---------------------------------------------------------------- the figures, from the data
# PAYOUT transfers or journal entries whose payout is not EXECUTED: a half-done payout
ORPHANS_SQL="select (select count(*) from outgoing_transfer t where t.purpose = 'PAYOUT'
		and not exists (select 1 from payout p where t.request_key = 'PAYOUT:' || p.id and p.status = 'EXECUTED'))
	+ (select count(*) from journal_entry e where e.source_type = 'PAYOUT'
		and not exists (select 1 from payout p where e.source_ref = 'PAYOUT:' || p.id and p.status = 'EXECUTED'))"
executed_count() { q "select count(*) from payout where status = 'EXECUTED'"; }
pending_count() { q "select count(*) from payout where status = 'PENDING'"; }
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
			die "the run stopped before its job started (see $out)"
		fi
		((waited < 3000)) || die "no RUNNING line after 300 s (see $out)"
		sleep 0.1
		waited=$((waited + 1))
	done
}

random_delay() { # seeded by SEED through $RANDOM
	awk -v r="$RANDOM" -v lo="$MIN_DELAY" -v hi="$MAX_DELAY" 'BEGIN { printf "%.2f", lo + (hi - lo) * r / 32767 }'
}

first_after() { sed -n 's/^FIRST after_jvm_start_s=//p' "$1" | head -1; }
last_progress() { sed -n 's/^PROGRESS executed_total=\([0-9]*\).*/\1/p' "$1" | tail -1; }

ROUND=0
PREVIOUS=0
HALF_DONE_MAX=0
record_round() { # kind delay log
	local kind=$1 delay=$2 out=$3 executed pending half first seen
	executed=$(executed_count)
	pending=$(pending_count)
	half=$(q "$ORPHANS_SQL")
	first=$(first_after "$out")
	seen=$(last_progress "$out")
	((half > HALF_DONE_MAX)) && HALF_DONE_MAX=$half
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$ROUND" "$kind" "$delay" "$executed" "$((executed - PREVIOUS))" \
		"$pending" "$half" "${first:-}" >>"$ROUNDS"
	log "  $kind $ROUND after ${delay}s: executed=$executed (+$((executed - PREVIOUS)) this run, last PROGRESS line ${seen:-none}), pending=$pending, half_done=$half${first:+, first payout ${first}s after JVM start}"
	PREVIOUS=$executed
}

# ---------------------------------------------------------------- build, database, seed
mkdir -p "$WORK"
rm -f "$WORK"/run-*.out "$WORK"/seed.out
printf 'round\tkind\tdelay_s\texecuted\texecuted_this_run\tpending\thalf_done\tfirst_payout_after_jvm_start_s\n' >"$ROUNDS"
RANDOM=$SEED
log "payout crash test: PAYOUTS=$PAYOUTS KILLS=$KILLS TERMINATES=$TERMINATES COMPANIES=$COMPANIES delay ${MIN_DELAY}-${MAX_DELAY}s SEED=$SEED on $PGHOST:$PGPORT, $(nproc) cores"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	log "compiling (./mvnw -B -q test-compile -DskipTests) and resolving the test classpath"
	./mvnw -B -q test-compile -DskipTests || die "build failed"
	./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null ||
		die "could not resolve the test classpath"
fi
[[ -s target/bench-classpath.txt ]] || die "target/bench-classpath.txt missing: run without SKIP_BUILD"

log "creating $DB (empty; Flyway migrates it when the harness boots)"
psql_q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null

log "seeding $PAYOUTS pending DRAW payouts over $COMPANIES companies through the services"
t0=$(now)
harness seed "$PAYOUTS" >"$WORK/seed.out" 2>&1 || {
	tail -30 "$WORK/seed.out" >&2
	die "seed failed (see $WORK/seed.out)"
}
grep '^SEEDED\|^INFO' "$WORK/seed.out" | sed 's/^/    /'
SEEDED=$(pending_count)
((SEEDED == PAYOUTS)) || die "$SEEDED pending payouts after the seed, expected $PAYOUTS"
log "seeded in $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }') s"

# ---------------------------------------------------------------- kill -9 rounds
for k in $(seq 1 "$KILLS"); do
	ROUND=$k
	out=$WORK/run-kill-$k.out
	start_run "$out"
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
EXECUTED=$(executed_count)
PENDING=$(pending_count)
CANCELLED=$(q "select count(*) from payout where status = 'CANCELLED'")
TOTAL=$(q "select count(*) from payout")
LOST=$(q "select count(*) from payout where status <> 'EXECUTED'")
DUPLICATED=$(q "select count(distinct key) from (
	select request_key as key from outgoing_transfer where purpose = 'PAYOUT' group by request_key having count(*) > 1
	union all
	select source_ref from journal_entry where source_type = 'PAYOUT' group by source_ref having count(*) > 1) d")
TRANSFERS=$(q "select count(*) from outgoing_transfer t join payout p on t.request_key = 'PAYOUT:' || p.id where t.purpose = 'PAYOUT'")
ENTRIES=$(q "select count(*) from journal_entry where source_type = 'PAYOUT'")
VIOLATIONS=$(q "select count(*) from ledger_invariant_violation")
MISMATCHED=$(q "select count(*) from payout p where p.status = 'EXECUTED' and not (
	(select count(*) from outgoing_transfer t where t.request_key = 'PAYOUT:' || p.id) = 1
	and (select count(*) from outgoing_transfer t where t.request_key = 'PAYOUT:' || p.id and t.purpose = 'PAYOUT'
		and t.id = p.transfer_id and t.amount = p.amount) = 1
	and (select count(*) from journal_entry e where e.source_type = 'PAYOUT' and e.source_ref = 'PAYOUT:' || p.id) = 1
	and (select count(*) from journal_entry e join outgoing_transfer t on t.journal_entry_id = e.id
		where e.source_type = 'PAYOUT' and e.source_ref = 'PAYOUT:' || p.id and t.request_key = 'PAYOUT:' || p.id) = 1
	and (select count(*) = 4 and bool_and(po.amount = p.amount) from posting po join journal_entry e on e.id = po.entry_id
		where e.source_type = 'PAYOUT' and e.source_ref = 'PAYOUT:' || p.id))")
ORPHANS=$(q "$ORPHANS_SQL")
PORTIONS=$(q "select coalesce(-sum(balance), 0) from ledger_account where code = 'DEDICATED_COMPANY_AVAILABLE'")
EXECUTED_SUM=$(q "select coalesce(sum(amount), 0) from payout where status = 'EXECUTED'")
PORTION_DIFF=$(q "select $PORTIONS - $EXECUTED_SUM")
COMPANY_MISMATCHES=$(q "select count(*) from
	(select company_id::text as k, sum(amount) as s from payout where status = 'EXECUTED' group by company_id) e
	full join (select counterparty as k, -balance as s from ledger_account where code = 'DEDICATED_COMPANY_AVAILABLE') a using (k)
	where coalesce(e.s, 0) <> coalesce(a.s, 0)")
STALE_RUNS=$(q "select count(*) from job_run where job = 'PAYOUTS' and status = 'RUNNING'")
FAILED_RUNS=$(q "select count(*) from job_run where job = 'PAYOUTS' and status = 'FAILED'")
KILLED=$(awk -F'\t' 'NR > 1 && $2 == "kill" { n++ } END { print n + 0 }' "$ROUNDS")
RECOVERY=$(awk -F'\t' 'NR > 1 && $8 != "" && $8 > m { m = $8 } END { print (m == "" ? "nan" : m) }' "$ROUNDS")
PER_KILL=$(awk -F'\t' 'NR > 1 && $2 != "final" { printf "%s%s", (n++ ? " " : ""), $4 }' "$ROUNDS")

echo
echo "== Payout crash test: $TOTAL payouts, $KILLED kill -9 + $TERMINATES pg_terminate_backend round(s), then a run to completion"
echo "   executed after each round (cumulative): $PER_KILL; rounds: $ROUNDS"
echo "R4 payout crash: kills=$KILLED, payouts=$TOTAL, executed=$EXECUTED, pending=$PENDING, lost=$LOST, duplicated=$DUPLICATED, transfers=$TRANSFERS, ledger_entries=$ENTRIES, violations=$VIOLATIONS"
echo "R4 payout crash checks: terminations=$TERMINATES, half_done_after_any_round=$HALF_DONE_MAX, mismatched=$MISMATCHED, orphans=$ORPHANS, cancelled=$CANCELLED, available_portions=$PORTIONS, executed_sum=$EXECUTED_SUM, portion_diff=$PORTION_DIFF, company_mismatches=$COMPANY_MISMATCHES, final_run_status=$FINAL_RC, recovery_max_s=$RECOVERY, job_runs_left_running=$STALE_RUNS, job_runs_failed=$FAILED_RUNS"

verdict=0
fail() {
	echo "FAIL: $*"
	verdict=1
}
((LOST == 0)) || fail "$LOST payout(s) not executed ($PENDING pending, $CANCELLED cancelled)"
((DUPLICATED == 0)) || fail "$DUPLICATED payout key(s) with more than one transfer or journal entry"
((VIOLATIONS == 0)) || fail "$VIOLATIONS ledger invariant violation(s)"
((TRANSFERS == EXECUTED)) || fail "$TRANSFERS PAYOUT transfers for $EXECUTED executed payouts"
((ENTRIES == EXECUTED)) || fail "$ENTRIES PAYOUT journal entries for $EXECUTED executed payouts"
((MISMATCHED == 0)) || fail "$MISMATCHED executed payout(s) without exactly one matching transfer and entry"
((ORPHANS == 0)) || fail "$ORPHANS PAYOUT transfer(s) or entr(y/ies) without an executed payout"
((HALF_DONE_MAX == 0)) || fail "half-done payouts seen right after a round: $HALF_DONE_MAX"
[[ $PORTION_DIFF == 0 || $PORTION_DIFF == 0.00 ]] || fail "company-available portions $PORTIONS <> executed payouts $EXECUTED_SUM"
((COMPANY_MISMATCHES == 0)) || fail "$COMPANY_MISMATCHES company(ies) whose available portion differs from its executed payouts"
((FINAL_RC == 0)) || fail "the final run exited with status $FINAL_RC"
((verdict == 0)) && echo "PASS: no payout lost or doubled across $KILLED kill(s) and $TERMINATES termination(s)"
exit $verdict
