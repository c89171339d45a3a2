#!/usr/bin/env bash
# Sweep benchmark (BENCHMARKS.md target P3, batched posting), run from the repository root:
#
#     bash perf/sweep-benchmark.sh                              # 3 rounds of 5,000 accounts, about 12 minutes
#     ROUNDS=1 COMPANIES=2000 WARMUP=10 bash perf/sweep-benchmark.sh   # quick look, about 3 minutes
#
# What it measures, on the local PostgreSQL, in the same run:
#   baseline  pgbench running perf/baselines/posting_hot_batch10_sorted.sql at 1 client (-j 1, -n,
#             -T DURATION): 10 double-entry postings per transaction on one hot account, the lines
#             inserted first, then the touched accounts locked in id order and updated with one
#             statement; in database cessio_bench_sweep_baseline (perf/baselines/ledger_schema.sql,
#             reset with ledger_reset.sql before each measurement, after a WARMUP_PG s warm-up).
#             postings/s = 10 x tps, lines/s = 20 x tps;
#   app       io.cessio.perf.SweepBenchmark (src/test/java): the application context without a web
#             server and without schedulers (cessio.jobs.enabled=false), on database
#             cessio_bench_sweep, dropped and created empty for every round and migrated by Flyway.
#             The data is written with bulk SQL by SweepBenchmarkData (src/test/java), row for row what
#             the services would write, consistent by construction and checked: COMPANIES companies
#             (standard terms, auto-payout and auto-refund off, so the listener of the sweep's event
#             requests nothing), each with its dedicated account and COLLECTIONS identified collections
#             — a purchased remittance of COLLECTIONS invoices (PURCHASE entry), per invoice a booked
#             camt.053 receipt (statement_entry, INCOMING_TRANSFER entry) and a COLLECTION allocation
#             paying it in full (COLLECTION entry), the ledger accounts' cached balances summed from the
#             postings, so that each account's factor-collections balance = Σ of its unswept COLLECTION
#             allocations and ledger_invariant_violation is empty. The JVM is first warmed up for WARMUP
#             s of sweeping (500 more companies seeded and swept at a time, other business dates), then
#             the COMPANIES companies are seeded, VACUUM ANALYZE + CHECKPOINT, and ONE sweep run is
#             timed: SweepManagement.runScheduled(today's business date) as system, over exactly those
#             accounts (batches of BATCH_SIZE accounts per transaction, the application's default when
#             unset). Per SWEEP journal entry (one per account): 4 postings (lines), an outgoing
#             transfer, an audit row, a sweep line, COLLECTIONS allocations marked swept; per batch one
#             CollectionsSwept publication.
# Order per round (ROUNDS rounds, interleaved): pgbench, then the app. Reported per measurement: the
# rate (the app: sweep entries/s, counting one entry as one posting, and lines/s; the run time), the
# deadlocks (pg_stat_database delta, must be 0), the app's checks (every account swept once, totals,
# nothing left for the factor, invariant violations = 0), and CPU sampled every half second from /proc:
# busy cores and steal (/proc/stat), "own" cores = CPU of this benchmark's processes (pgbench or the
# app JVM, the PostgreSQL backends of the cessio_bench_sweep* databases, PostgreSQL's background
# processes), cpu_ms/posting, and "unattributed" cores = busy - own. A measurement with more than 0.5
# unattributed core is INVALID (BENCHMARKS.md rule 2): repeat the run on a quieter machine.
# The summary gives medians over the rounds and, on the median of the per-round ratios app entries/s
# over pgbench postings/s: PASS (>= 50%, the target), BELOW TARGET (>= 30%, the hard floor) or FAIL.
#
# Environment: ROUNDS (3), COMPANIES (5000), COLLECTIONS (20), BATCH_SIZE (application default, 10),
# DURATION (20 s of pgbench per measurement), WARMUP_PG (10 s), WARMUP (20 s of app sweeping), PGHOST
# (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, PGBENCH (pgbench on the PATH, else
# /usr/lib/postgresql/*/bin/pgbench), PGBENCH_MODE (simple, pgbench's default protocol), JAVA (java from
# JAVA_HOME or the PATH), JAVA_OPTS (none), SKIP_BUILD=1 (reuse target/), KEEP_DBS=1 (keep the two
# databases), PROFILE=1 (after the rounds, one more app run with the data source wrapped: JDBC calls
# and time per statement per account, PROFILE lines). Raw results: target/sweep-benchmark/
# (results.tsv, app-*.out, cpu.log).
# Exit status: 0 if the target or at least the hard floor holds, 1 if the floor fails or deadlocks,
# errors or violations were seen, 2 if the run is invalid (contended) but not failed.
# Needs: PostgreSQL 13+ reachable with rights to create databases, pgbench and psql, a JDK 17+, python3
# for CPU attribution (without it only total busy cores are logged).
set -euo pipefail

cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
COMPANIES=${COMPANIES:-5000}
COLLECTIONS=${COLLECTIONS:-20}
BATCH_SIZE=${BATCH_SIZE:-}
DURATION=${DURATION:-20}
WARMUP_PG=${WARMUP_PG:-10}
WARMUP=${WARMUP:-20}
PGBENCH_MODE=${PGBENCH_MODE:-simple}
export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-postgres}
BASE_DB=cessio_bench_sweep_baseline
APP_DB=cessio_bench_sweep
WORK=target/sweep-benchmark
RESULTS=$WORK/results.tsv
CPU_LOG=$WORK/cpu.log
BASELINES=perf/baselines
SCRIPT=posting_hot_batch10_sorted.sql

if [[ -n "${PGBENCH:-}" ]]; then
	:
elif command -v pgbench >/dev/null; then
	PGBENCH=pgbench
else
	PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)
fi
[[ -x "$(command -v "$PGBENCH")" ]] || { echo "pgbench not found: set PGBENCH" >&2; exit 1; }
if [[ -z "${JAVA:-}" ]]; then
	JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
fi

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
psql_q() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N | cut -c1-14; }

mkdir -p "$WORK"
rm -f "$WORK"/pgbench_log.* "$WORK"/app-*.out "$RESULTS" "$CPU_LOG"
printf 'round\tkind\tpostings_per_s\tlines_per_s\tseconds\tp50_ms\tp99_ms\terrors\tdeadlocks\tviolations\tbusy_cores\tsteal_cores\tunattributed_cores\town_cores\tcpu_ms_per_posting\n' >"$RESULTS"

# ---------------------------------------------------------------- CPU sampler (/proc/stat)
# One line per half second: epoch busy_cores steal_cores ours_cores unattributed_cores, where ours =
# processes whose command line names a cessio_bench_sweep* database or the benchmark class, plus
# PostgreSQL's background processes (checkpointer, walwriter…), plus the sampler itself.
SAMPLER_PID=
start_sampler() {
	if command -v python3 >/dev/null; then
		python3 -u perf/lib/cpu_sampler.py "$CPU_LOG" 0.5 cessio_bench_sweep SweepBenchmark >/dev/null 2>&1 &
		SAMPLER_PID=$!
	else
		echo "python3 not found: CPU is logged as total busy cores only (unattributed = n/a)" >&2
		(
			read -r _ u n s i w q sq st _ </proc/stat
			while sleep 1; do
				read -r _ u2 n2 s2 i2 w2 q2 sq2 st2 _ </proc/stat
				total=$(((u2 + n2 + s2 + i2 + w2 + q2 + sq2 + st2) - (u + n + s + i + w + q + sq + st)))
				idle=$(((i2 + w2) - (i + w)))
				steal=$((st2 - st))
				awk -v t="$(date +%s.%N)" -v c="$(nproc)" -v tot="$total" -v id="$idle" -v sl="$steal" \
					'BEGIN { if (tot > 0) printf "%.3f %.3f %.3f nan nan\n", t, (tot - id - sl) * c / tot, sl * c / tot }' >>"$CPU_LOG"
				u=$u2 n=$n2 s=$s2 i=$i2 w=$w2 q=$q2 sq=$sq2 st=$st2
			done
		) &
		SAMPLER_PID=$!
	fi
}

# mean busy, steal, unattributed and own (benchmark) cores between two epochs
cpu_window() {
	awk -v a="$1" -v b="$2" '$1 > a + 0.25 && $1 <= b + 0.5 { n++; busy += $2; steal += $3; if ($5 == "nan") un = "nan"; else { u += $5; o += $4 } }
		END { if (n == 0) print "nan\tnan\tnan\tnan"; else if (un == "nan") printf "%.2f\t%.2f\tnan\tnan\n", busy / n, steal / n
			else printf "%.2f\t%.2f\t%.2f\t%.3f\n", busy / n, steal / n, u / n, o / n }' "$CPU_LOG"
}

# CPU milliseconds the benchmark's processes (client + PostgreSQL) spent per posting
cpu_per_op() {
	awk -v own="$1" -v rate="$2" 'BEGIN { if (own == "nan" || rate <= 0) print "nan"; else printf "%.3f\n", own * 1000 / rate }'
}

cleanup() {
	if [[ -n "$SAMPLER_PID" ]]; then
		kill "$SAMPLER_PID" 2>/dev/null || true
	fi
	if [[ "${KEEP_DBS:-0}" != 1 ]]; then
		psql_q -d postgres -c "drop database if exists $APP_DB with (force)" -c "drop database if exists $BASE_DB with (force)" >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT

deadlocks_in() {
	psql_q -d postgres -Atc "select deadlocks from pg_stat_database where datname = '$1'"
}

# percentile (nearest rank) of the numbers on stdin, in the unit given
percentiles_ms() {
	sort -n | awk -v div="$1" '{ v[NR] = $1 } END {
		if (NR == 0) { print "nan\tnan"; exit }
		split("50 99", ps, " ")
		for (k = 1; k <= 2; k++) { i = int(ps[k] / 100 * NR); if (i < ps[k] / 100 * NR) i++; if (i < 1) i = 1
			printf "%s%.3f", (k > 1 ? "\t" : ""), v[i] / div }
		print "" }'
}

# ---------------------------------------------------------------- baseline: pgbench at 1 client
pg_reset() {
	psql_q -d "$BASE_DB" -f "$BASELINES/ledger_reset.sql" >/dev/null
}

baseline_round() {
	local round=$1 out=$WORK/pgbench-r$1.out rc=0
	log "round $round: pgbench $SCRIPT, warm-up ${WARMUP_PG}s, then ${DURATION}s at 1 client"
	pg_reset
	"$PGBENCH" -n -M "$PGBENCH_MODE" -f "$BASELINES/$SCRIPT" -c 1 -j 1 -T "$WARMUP_PG" "$BASE_DB" >/dev/null 2>&1 || true
	pg_reset
	rm -f "$WORK"/pgbench_log.*
	local d0 d1 t0 t1 tps lat errors cpu p50 p99
	d0=$(deadlocks_in "$BASE_DB")
	t0=$(now)
	"$PGBENCH" -n -M "$PGBENCH_MODE" -f "$BASELINES/$SCRIPT" -c 1 -j 1 -T "$DURATION" -l --log-prefix="$WORK/pgbench_log" \
		"$BASE_DB" >"$out" 2>&1 || rc=$?
	t1=$(now)
	sleep 0.5
	d1=$(deadlocks_in "$BASE_DB")
	tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' "$out" | head -1)
	errors=$(grep -c 'aborted\|ERROR' "$out" || true)
	[[ $rc -eq 0 ]] || errors=$((errors > 0 ? errors : 1))
	lat=$(cat "$WORK"/pgbench_log.* 2>/dev/null | awk '{ print $3 }' | percentiles_ms 1000)
	IFS=$'\t' read -r p50 p99 <<<"$lat"
	cpu=$(cpu_window "$t0" "$t1")
	local postings lines cpu_op
	postings=$(awk -v t="${tps:-0}" 'BEGIN { printf "%.1f", t * 10 }')
	lines=$(awk -v t="${tps:-0}" 'BEGIN { printf "%.1f", t * 20 }')
	cpu_op=$(cpu_per_op "$(cut -f4 <<<"$cpu")" "$postings")
	printf '%s\tPG\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t-\t%s\t%s\n' "$round" "$postings" "$lines" "$DURATION" "$p50" "$p99" \
		"$errors" "$((d1 - d0))" "$cpu" "$cpu_op" >>"$RESULTS"
	log "  PG  postings/s=$postings (tps=$tps x 10) lines/s=$lines p50=${p50}ms p99=${p99}ms errors=$errors deadlocks=$((d1 - d0)) cpu(busy steal unattributed own)=$(tr '\t' ' ' <<<"$cpu") cpu_ms/posting=$cpu_op"
}

# ---------------------------------------------------------------- app: one sweep run per round
APP_ARGS=(--url="jdbc:postgresql://$PGHOST:$PGPORT/$APP_DB" --user="$PGUSER" --companies="$COMPANIES"
	--collections="$COLLECTIONS" --warmup="$WARMUP")
[[ -n "${PGPASSWORD:-}" ]] && APP_ARGS+=(--password="$PGPASSWORD")
[[ -n "$BATCH_SIZE" ]] && APP_ARGS+=(--batch-size="$BATCH_SIZE")
app_java() {
	"$JAVA" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		io.cessio.perf.SweepBenchmark "${APP_ARGS[@]}" "$@"
}

fresh_app_db() {
	psql_q -d postgres -c "drop database if exists $APP_DB with (force)" -c "create database $APP_DB" >/dev/null
}

APP_FAILED=0
app_round() {
	local round=$1 out=$WORK/app-r$1.out rc=0 line kv
	log "round $round: app, fresh $APP_DB, warm-up ${WARMUP}s of sweeping, seed $COMPANIES x $COLLECTIONS, one sweep run"
	fresh_app_db
	app_java >"$out" 2>&1 || rc=$?
	grep '^INFO startup\|^WARMUP\|^INFO seeded' "$out" | sed 's/^/    /' || true
	line=$(grep '^APP ' "$out" | tail -1 || true)
	if [[ -z "$line" ]]; then
		tail -30 "$out" >&2
		echo "the app round failed (see $out)" >&2
		exit 1
	fi
	((rc == 0)) || APP_FAILED=1
	declare -A f=()
	for kv in $line; do
		[[ $kv == *=* ]] && f[${kv%%=*}]=${kv#*=}
	done
	local cpu cpu_op errors
	cpu=$(cpu_window "${f[t0]}" "${f[t1]}")
	cpu_op=$(cpu_per_op "$(cut -f4 <<<"$cpu")" "${f[entries_per_s]}")
	errors=$((${f[swept]} == COMPANIES && ${f[failed]} == 0 ? 0 : COMPANIES - ${f[swept]} + ${f[failed]}))
	[[ ${f[total_ok]} == true && ${f[left]} == 0 && ${f[unswept_allocations]} == 0 ]] || errors=$((errors + 1))
	printf '%s\tAPP\t%s\t%s\t%s\t-\t-\t%s\t%s\t%s\t%s\t%s\n' "$round" "${f[entries_per_s]}" "${f[lines_per_s]}" "${f[run_s]}" \
		"$errors" "${f[deadlocks]}" "${f[invariant_violations]}" "$cpu" "$cpu_op" >>"$RESULTS"
	log "  APP batch_size=${f[batch_size]} accounts=${f[accounts]} swept=${f[swept]} failed=${f[failed]} run_s=${f[run_s]} entries/s=${f[entries_per_s]} lines/s=${f[lines_per_s]} total_ok=${f[total_ok]} left=${f[left]} listeners_done_s=${f[listeners_done_s]} deadlocks=${f[deadlocks]} invariant_violations=${f[invariant_violations]} cpu(busy steal unattributed own)=$(tr '\t' ' ' <<<"$cpu") cpu_ms/entry=$cpu_op (jvm ${f[jvm_cpu_ms_per_account]})"
}

# ---------------------------------------------------------------- run
log "sweep benchmark: ROUNDS=$ROUNDS COMPANIES=$COMPANIES COLLECTIONS=$COLLECTIONS BATCH_SIZE=${BATCH_SIZE:-default} DURATION=${DURATION}s WARMUP=${WARMUP}s PGBENCH_MODE=$PGBENCH_MODE on $PGHOST:$PGPORT, $(nproc) cores"
psql_q -d postgres -Atc "select 'PostgreSQL ' || current_setting('server_version') || ', synchronous_commit=' || current_setting('synchronous_commit')"
start_sampler

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	log "compiling (./mvnw -q test-compile) and resolving the test classpath"
	./mvnw -q test-compile
	./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
[[ -s target/bench-classpath.txt ]] || { echo "target/bench-classpath.txt missing: run without SKIP_BUILD" >&2; exit 1; }

log "creating $BASE_DB (perf/baselines/ledger_schema.sql)"
psql_q -d postgres -c "drop database if exists $BASE_DB with (force)" -c "create database $BASE_DB" >/dev/null
psql_q -d "$BASE_DB" -c "do \$\$ begin if current_setting('server_version_num')::int < 130000 then create extension if not exists pgcrypto; end if; end \$\$" >/dev/null
psql_q -d "$BASE_DB" -f "$BASELINES/ledger_schema.sql" >/dev/null

for round in $(seq 1 "$ROUNDS"); do
	baseline_round "$round"
	app_round "$round"
done

if [[ "${PROFILE:-0}" == 1 ]]; then
	log "profile: one more app run, JDBC calls and time per statement per account"
	fresh_app_db
	app_java --profile=true 2>&1 | grep '^PROFILE' | cut -c1-260 | sed 's/^/    /'
fi

# ---------------------------------------------------------------- summary
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { awk -F'\t' -v k="$1" -v col="$2" 'NR > 1 && $2 == k { print $col }' "$RESULTS"; }
ratios() { # column -> per-round app/baseline, in round order
	awk -F'\t' -v col="$1" 'NR > 1 { if ($2 == "PG") pg[$1] = $col; else app[$1] = $col }
		END { for (r in app) if (r in pg && pg[r] > 0) printf "%d %.4f\n", r, app[r] / pg[r] }' "$RESULTS" | sort -n | cut -d' ' -f2
}
pct() { awk -v r="$1" 'BEGIN { if (r == "nan" || r == "") print "nan"; else printf "%.1f%%", r * 100 }'; }
sum_col() { column_of "$1" "$2" | awk '$1 != "-" { s += $1 } END { print s + 0 }'; }

invalid=$(awk -F'\t' 'NR > 1 && $13 != "nan" && $13 > 0.5 { n++ } END { print n + 0 }' "$RESULTS")
PG_POSTINGS=$(column_of PG 3 | median)
PG_LINES=$(column_of PG 4 | median)
APP_ENTRIES=$(column_of APP 3 | median)
APP_LINES=$(column_of APP 4 | median)
APP_SECONDS=$(column_of APP 5 | median)
RATIO=$(ratios 3 | median)
LINES_RATIO=$(ratios 4 | median)
PER_ROUND=$(ratios 3 | awk '{ printf "%s%.0f%%", (NR > 1 ? " " : ""), $1 * 100 }')
CPU_RATIO=$(awk -v a="$(column_of APP 15 | median)" -v p="$(column_of PG 15 | median)" \
	'BEGIN { if (p > 0 && a != "nan" && p != "nan") printf "%.2f", a / p; else print "nan" }')
APP_DEADLOCKS=$(sum_col APP 9)
PG_DEADLOCKS=$(sum_col PG 9)
APP_ERRORS=$(sum_col APP 8)
VIOLATIONS=$(sum_col APP 10)
UNATT_MAX=$(awk -F'\t' 'NR > 1 && $13 != "nan" && $13 > m { m = $13 } END { print m + 0 }' "$RESULTS")
RUN_10K=$(awk -v e="$APP_ENTRIES" 'BEGIN { if (e > 0) printf "%.1f", 10000 / e; else print "nan" }')

echo
echo "== Sweep benchmark (P3): medians of $ROUNDS round(s); app = one sweep run over $COMPANIES accounts x $COLLECTIONS collections"
printf '%-8s %12s %10s %9s %9s %10s %6s %5s %9s\n' side postings/s lines/s seconds deadlocks cpu_ms/op busy steal unatt_max
printf '%-8s %12.1f %10.1f %9s %9s %10s %6s %5s %9s\n' pgbench "$PG_POSTINGS" "$PG_LINES" "$DURATION" "$PG_DEADLOCKS" \
	"$(column_of PG 15 | median)" "$(column_of PG 11 | median)" "$(column_of PG 12 | median)" "$(column_of PG 13 | sort -g | tail -1)"
printf '%-8s %12.1f %10.1f %9.2f %9s %10s %6s %5s %9s\n' app "$APP_ENTRIES" "$APP_LINES" "$APP_SECONDS" "$APP_DEADLOCKS" \
	"$(column_of APP 15 | median)" "$(column_of APP 11 | median)" "$(column_of APP 12 | median)" "$(column_of APP 13 | sort -g | tail -1)"
echo "   app postings/s = sweep journal entries/s (one per account, 4 lines each); pgbench postings/s = 10 x tps (2 lines each)"
status=$(awk -v r="$RATIO" 'BEGIN { if (r == "nan" || r == "") print "FAIL (no ratio)"; else if (r >= 0.5) print "PASS"; else if (r >= 0.3) print "BELOW TARGET (above the 30% floor)"; else print "FAIL (below the 30% floor)" }')
verdict=0
[[ $status == FAIL* ]] && verdict=1
echo "P3 sweep: accounts=$COMPANIES, run_s=$APP_SECONDS, entries_per_s=$APP_ENTRIES, lines_per_s=$APP_LINES, baseline_postings_per_s=$PG_POSTINGS, baseline_lines_per_s=$PG_LINES, ratio=$(pct "$RATIO") (rounds: $PER_ROUND), lines_ratio=$(pct "$LINES_RATIO"), cpu_per_posting_app/pgbench=${CPU_RATIO}x, deadlocks=$APP_DEADLOCKS, errors=$APP_ERRORS, violations=$VIOLATIONS, unattributed_max=$UNATT_MAX -> $status"
echo "   (a 10,000-account sweep at this rate: ${RUN_10K} s; BENCHMARKS.md P3 asks >= 50% of the baseline's postings/s)"
if ((APP_ERRORS > 0 || APP_DEADLOCKS > 0 || VIOLATIONS > 0 || APP_FAILED > 0)); then
	echo "FAIL: errors, deadlocks or invariant violations"
	verdict=1
fi
if ((invalid > 0)); then
	echo "INVALID: $invalid measurement(s) had more than 0.5 core of unattributed CPU (another load on the machine): repeat the run"
	((verdict == 1)) || verdict=2
fi
echo "raw results: $RESULTS"
exit $verdict
