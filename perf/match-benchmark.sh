#!/usr/bin/env bash
# Statement import and matching benchmark (BENCHMARKS.md target P5), run from the repository root:
#
#     bash perf/match-benchmark.sh               # warm-up + 3 rounds, about 8-12 minutes
#     ROUNDS=1 DURATION=10 bash perf/match-benchmark.sh   # quick look
#
# The workload (src/test/java/io/cessio/payments/MatchBenchmarkData.java, seeded): one company, its
# dedicated account, 2,000 debtors (their known IBANs in debtor_known_iban), 50,000 PURCHASED invoices
# (bulk SQL: 100 remittance rows, the invoices with their open amount and the RF reference of the
# column default, each remittance's PURCHASE entry posted through Ledger.post), and a camt.053.001.08
# statement of 10,000 credits written with StatementFiles: 60% quote invoice numbers (in the text or
# RfrdDocInf; 15% of them two invoices; 8% a number mistyped or cut short), 20% the invoice's RF
# reference (CdtrRefInf or the text), 10% only the payer (known IBAN, SIREN in Dbtr/Id or the text)
# and an amount that is the open amount of exactly one of its invoices, 10% noise (private persons,
# unknown accounts, unrelated text). Each round uses a new company and new data (seed x 31 + round).
#
# What it measures, in the same run, on the local PostgreSQL:
#   COPY      psql `\copy bench_statement_entry_copy (<the 29 columns StatementStore writes>) from
#             'round-N.csv' (format csv)`: the very statement_entry rows the import stores for the
#             file, into a table LIKE statement_entry INCLUDING ALL (perf/baselines/
#             statement_entry_copy.sql: same checks, unique keys and indexes, no foreign keys) in
#             cessio_bench_match; COPY_REPEAT (5) times in one psql session, each into the emptied
#             table after a checkpoint, each timed by psql's \timing (the command alone: psql's start
#             and connection are left out, the baseline is the faster for it); the round's figure is
#             the median of the repetitions (one COPY of 10,000 rows takes ~0.15 s, too short to
#             time once, or to attribute its CPU, on a busy machine);
#   app       io.cessio.perf.MatchBenchmark (src/test/java): the application context without a web
#             server and without jobs (cessio.jobs.enabled=false) on cessio_bench_match (created
#             empty, migrated by Flyway). Each round imports round-N.xml as an OPS user through
#             io.cessio.payments.StatementImportPhases, which calls Statements.importFile's components
#             in the same order and transactions and times them:
#               parse  = SHA-256 + already-imported check + StatementReader.read (screening, Prowide,
#                        balances and totals);
#               match  = in the lettrage transaction, under the company's lock: the receipts read
#                        back, the MatchingBook built from the database (50,000 open invoices, debtors,
#                        IBANs) and all receipts matched (Lettrage.plan; nothing written);
#               postings = StatementStore.store (entries + one INCOMING_TRANSFER entry per receipt,
#                        committed) + Lettrage.book (allocation rows + one COLLECTION entry each,
#                        receipts' rests, settlements, open amounts, audit) and its commit, where the
#                        ledger's deferred balance checks run;
#             then it checks every receipt against what it pays, the ledger invariants, that the
#             company's receivables equal the open amounts of its invoices, and that importing the
#             file again changes nothing;
#   pgbench   perf/baselines/posting_hot_batch10_sorted.sql (10 postings per transaction, accounts
#             locked in id order) at 1 client for DURATION s in cessio_bench_match_baseline
#             (ledger_schema.sql, reset with ledger_reset.sql): P3's baseline = 10 x tps postings/s.
# Order: WARMUP (1) unreported round first (prepare, COPY, the same import through the production
# entry point Statements.importFile, pgbench WARMUP_S s); then per round (ROUNDS, interleaved): prepare
# the data and files; reset (VACUUM ANALYZE + CHECKPOINT); COPY; reset; app import; reset; pgbench.
# Reported per round: COPY s; app parse, match, postings s; journal entries posted per postings second
# ("postings/s", one journal entry = one posting, as in the pgbench script); the auto-match rate = paying
# receipts wholly allocated to exactly the invoices they pay / paying receipts (9,000; noise is
# counted apart: it must stay unallocated), also over all 10,000 receipts and by amount; wrong
# matches (an allocation to any invoice other than those the receipt pays; any allocation of noise);
# heap (peak sampled every 50 ms - heap after GC before; retained = highest heap after a GC during the
# import - baseline); deadlocks (pg_stat_database delta); CPU sampled every SAMPLE s from /proc: busy
# and steal cores, own = this benchmark's processes (JVM, psql, pgbench, the PostgreSQL backends of
# cessio_bench_match*, PostgreSQL's background processes), unattributed = busy - own. A measurement
# with more than 0.5 unattributed core is INVALID (BENCHMARKS.md rule 2): repeat the run.
# The summary gives medians and PASS / BELOW TARGET / FAIL:
#   auto-match rate >= 90% of paying receipts and 0 wrong matches (else FAIL), ledger invariants hold;
#   parse + match <= 10x COPY (target), <= 20x (floor);
#   postings/s >= 50% of pgbench's 10 x tps (target), >= 30% (floor); 0 deadlocks.
#
# Environment: ROUNDS (3), WARMUP (1), DURATION (20 s of pgbench per round), WARMUP_S (10 s),
# COPY_REPEAT (5), SEED (20260415), SAMPLE (0.25 s), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD,
# PGBENCH (pgbench on the PATH, else /usr/lib/postgresql/*/bin/pgbench), PGBENCH_MODE (simple),
# JAVA, JAVA_OPTS (-Xmx512m, as for P4), SKIP_BUILD=1 (reuse target/), KEEP_DBS=1, KEEP_FILES=1.
# Raw results: target/match-benchmark/ (results.tsv, app.tsv, app.out, cpu.log).
# Exit status: 0 if the targets or at least the floors hold, 1 if a floor or a correctness check
# fails, 2 if the run is invalid (contended) but not failed.
# Needs: PostgreSQL 13+ with rights to create databases, psql, pgbench, a JDK 17+, python3 for CPU
# attribution (without it only total busy cores are logged).
set -euo pipefail

cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-1}
DURATION=${DURATION:-20}
WARMUP_S=${WARMUP_S:-10}
SEED=${SEED:-20260415}
SAMPLE=${SAMPLE:-0.25}
COPY_REPEAT=${COPY_REPEAT:-5}
PGBENCH_MODE=${PGBENCH_MODE:-simple}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-postgres}
APP_DB=cessio_bench_match
BASE_DB=cessio_bench_match_baseline
WORK=target/match-benchmark
RESULTS=$WORK/results.tsv
APP_TSV=$WORK/app.tsv
CPU_LOG=$WORK/cpu.log
BASELINES=perf/baselines
COPY_COLUMNS="id, bank_statement_id, dedicated_account_id, company_id, entry_key, position, direction, amount, reversal, status, booking_date, value_date, bank_reference, end_to_end_id, payer_name, payer_iban, payer_identifier, creditor_reference, referred_documents, remittance_text, bank_transaction_code, return_reason, kind, state, unallocated, receipt_entry_id, own_transfer_id, imported_at, version"

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
rm -f "$RESULTS" "$APP_TSV" "$CPU_LOG" "$WORK"/round-*.csv "$WORK"/round-*.xml "$WORK"/pgbench-*.out
printf 'round\tkind\trows\tseconds\tper_s\tbusy_cores\tsteal_cores\tunattributed_cores\town_cores\n' >"$RESULTS"
printf 'round\tparse_ms\tmatch_ms\tstore_ms\tbook_ms\tjournal_entries\tposting_lines\tauto_rate_paying_pct\tauto_rate_all_pct\tamount_rate_paying_pct\tamount_rate_all_pct\tnoise\tnoise_left\tpartial\twrong\tviolations\treceivables_consistent\treimport_ignored\theap_growth_mb\tretained_mb\tdeadlocks\tjvm_cpu_s\n' >"$APP_TSV"

# ---------------------------------------------------------------- CPU sampler (/proc/stat)
# One line per SAMPLE s: epoch busy_cores steal_cores ours_cores unattributed_cores, where ours =
# processes whose command line names a cessio_bench* database or the benchmark class, plus
# PostgreSQL's background processes (checkpointer, walwriter…), plus the sampler itself.
SAMPLER_PID=
start_sampler() {
	if command -v python3 >/dev/null; then
		python3 -u perf/lib/cpu_sampler.py "$CPU_LOG" "$SAMPLE" cessio_bench_match MatchBenchmark >/dev/null 2>&1 &
		SAMPLER_PID=$!
	else
		echo "python3 not found: CPU is logged as total busy cores only (unattributed = n/a)" >&2
		(
			read -r _ u n s i w q sq st _ </proc/stat
			while sleep "$SAMPLE"; do
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

# mean busy, steal, unattributed and own cores between two epochs (samples ending after the first
# half-interval of the window, or its middle for a short one, and at most one interval after its end;
# two intervals for a window shorter than one, such as the COPY's, so that it always has a sample)
cpu_window() {
	awk -v a="$1" -v b="$2" -v s="$SAMPLE" 'BEGIN { short = (b - a < s); from = a + (short ? (b - a) / 2 : s / 2); to = b + (short ? 2 * s : s) }
		$1 > from && $1 <= to { n++; busy += $2; steal += $3; if ($5 == "nan") un = "nan"; else { u += $5; o += $4 } }
		$1 > b && !next_seen { next_seen = 1; nb = $2; ns = $3; nu = $5; no = $4 }
		END { if (n == 0 && next_seen) { n = 1; busy = nb; steal = ns; if (nu == "nan") un = "nan"; else { u = nu; o = no } }
			if (n == 0) print "nan\tnan\tnan\tnan"; else if (un == "nan") printf "%.2f\t%.2f\tnan\tnan\n", busy / n, steal / n
			else printf "%.2f\t%.2f\t%.2f\t%.3f\n", busy / n, steal / n, u / n, o / n }' "$CPU_LOG"
}

cleanup() {
	if [[ -n "${APP_PID:-}" ]]; then
		kill "$APP_PID" 2>/dev/null || true
	fi
	if [[ -n "$SAMPLER_PID" ]]; then
		kill "$SAMPLER_PID" 2>/dev/null || true
	fi
	if [[ "${KEEP_DBS:-0}" != 1 ]]; then
		psql_q -d postgres -c "drop database if exists $APP_DB with (force)" -c "drop database if exists $BASE_DB with (force)" >/dev/null 2>&1 || true
	fi
	if [[ "${KEEP_FILES:-0}" != 1 ]]; then
		rm -f "$WORK"/round-*.csv "$WORK"/round-*.xml
	fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- helpers
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

deadlocks_in() {
	psql_q -d postgres -Atc "select deadlocks from pg_stat_database where datname = '$1'"
}

# what precedes every measurement: fresh statistics, no dead rows, a checkpoint
reset_app_db() {
	psql_q -d "$APP_DB" -c "vacuum analyze" -c "checkpoint" >/dev/null
}

app_java() {
	"$JAVA" $JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
		io.cessio.perf.MatchBenchmark --url="jdbc:postgresql://$PGHOST:$PGPORT/$APP_DB" --user="$PGUSER" \
		--seed="$SEED" --work="$WORK" "$@"
}

# the app JVM, started once and driven through its stdin
APP_PID=
APP_LOG=$WORK/app.out
start_app() {
	log "starting the app (no web server, no jobs) on $APP_DB: Flyway migrates the empty database"
	psql_q -d postgres -c "drop database if exists $APP_DB with (force)" -c "create database $APP_DB" >/dev/null
	: >"$APP_LOG"
	coproc APP_PROC { app_java 2>&1; }
	APP_PID=$APP_PROC_PID
	exec {APP_IN}>&"${APP_PROC[1]}" {APP_OUT}<&"${APP_PROC[0]}"
	app_wait_for READY 600
}

# sends a command to the app and reads its output until DONE (or FAILED); fails after $2 s of silence
APP_LINE=
PREPARED_CSV=
app_command() {
	echo "$1" >&"$APP_IN"
	app_wait_for DONE "$2"
}

app_wait_for() {
	local want=$1 timeout=$2 line kv
	while true; do
		if ! IFS= read -r -t "$timeout" line <&"$APP_OUT"; then
			echo "the app stopped or went silent for ${timeout}s waiting for $want; its output ($APP_LOG):" >&2
			tail -30 "$APP_LOG" >&2
			exit 1
		fi
		printf '%s\n' "$line" >>"$APP_LOG"
		case $line in
			"$want"*) return 0 ;;
			FAILED*)
				echo "the app benchmark failed: $line (see $APP_LOG)" >&2
				exit 1
				;;
			PREPARED*)
				for kv in $line; do
					[[ $kv == csv=* ]] && PREPARED_CSV=${kv#csv=}
				done
				printf '    %s\n' "$line"
				;;
			APP*) APP_LINE=$line ;;
			INFO*) printf '    %s\n' "$line" ;;
		esac
	done
}

stop_app() {
	if [[ -n "$APP_PID" ]]; then
		echo quit >&"$APP_IN" 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
		APP_PID=
	fi
}

# field NAME of the last APP line
app_field() {
	local kv
	for kv in $APP_LINE; do
		[[ $kv == "$1"=* ]] && { echo "${kv#*=}"; return; }
	done
	echo nan
}

# COPY_REPEAT x (truncate, checkpoint, \copy of the prepared rows into the empty baseline table) in one
# psql session, each \copy timed by psql's \timing (the command, without psql's start and connection);
# prints the median seconds, the session's t0 and t1, and all the timings
copy_run() {
	local csv=$1 t0 t1 script=$WORK/copy.psql timings
	{
		echo '\timing on'
		for _ in $(seq 1 "$COPY_REPEAT"); do
			echo 'truncate bench_statement_entry_copy;'
			echo 'checkpoint;'
			echo "\\copy bench_statement_entry_copy ($COPY_COLUMNS) from '$csv' (format csv)"
		done
	} >"$script"
	t0=$(now)
	timings=$(PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -X -v ON_ERROR_STOP=1 -d "$APP_DB" -f "$script" |
		awk '/^COPY [0-9]+/ { copied = 1; next } copied && /^Time: / { printf "%s%.4f", (n++ ? "," : ""), $2 / 1000; copied = 0 }')
	t1=$(now)
	printf '%s %s %s %s\n' "$(tr ',' '\n' <<<"$timings" | median)" "$t0" "$t1" "$timings"
}

copy_round() {
	local round=$1 csv=$2 seconds t0 t1 timings rows cpu
	reset_app_db
	read -r seconds t0 t1 timings < <(copy_run "$csv")
	rows=$(psql_q -d "$APP_DB" -Atc "select count(*) from bench_statement_entry_copy")
	[[ $rows == 10000 ]] || { echo "COPY stored $rows rows, expected 10000" >&2; exit 1; }
	# the sampler's next line may still be on its way
	sleep "$(awk -v s="$SAMPLE" 'BEGIN { print 2 * s }')"
	cpu=$(cpu_window "$t0" "$t1")
	printf '%s\tCOPY\t%s\t%s\t%s\t%s\n' "$round" "$rows" "$seconds" \
		"$(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')" "$cpu" >>"$RESULTS"
	log "  COPY rows=$rows seconds=$seconds (median of $COPY_REPEAT: $timings) cpu(busy steal unattributed own)=$(tr '\t' ' ' <<<"$cpu")"
}

app_round() {
	local round=$1 cpu d0 d1 deadlocks
	reset_app_db
	d0=$(deadlocks_in "$APP_DB")
	app_command "import $round" 900
	d1=$(deadlocks_in "$APP_DB")
	deadlocks=$((d1 - d0))
	cpu=$(cpu_window "$(app_field t0)" "$(app_field t1)")
	printf '%s\tAPP_PARSE_MATCH\t%s\t%s\t-\t%s\n' "$round" "$(app_field receipts)" "$(app_field parse_match_s)" "$cpu" >>"$RESULTS"
	printf '%s\tAPP_POSTINGS\t%s\t%s\t%s\t%s\n' "$round" "$(app_field journal_entries)" "$(app_field postings_s)" \
		"$(app_field postings_per_s)" "$cpu" >>"$RESULTS"
	local f
	{
		printf '%s' "$round"
		for f in parse_ms match_ms store_ms book_ms journal_entries posting_lines auto_rate_paying_pct auto_rate_all_pct \
			amount_rate_paying_pct amount_rate_all_pct noise noise_left partial wrong violations receivables_consistent \
			reimport_ignored heap_growth_mb retained_mb; do
			printf '\t%s' "$(app_field $f)"
		done
		printf '\t%s\t%s\n' "$deadlocks" "$(app_field jvm_cpu_s)"
	} >>"$APP_TSV"
	log "  APP  parse=$(app_field parse_ms)ms match=$(app_field match_ms)ms (parse+match $(app_field parse_match_s)s; thread CPU $(app_field parse_cpu_ms) + $(app_field match_cpu_ms) ms) postings: store=$(app_field store_ms)ms book=$(app_field book_ms)ms -> $(app_field journal_entries) journal entries ($(app_field posting_lines) lines) in $(app_field postings_s)s = $(app_field postings_per_s)/s; total $(app_field total_s)s"
	log "       auto-match $(app_field auto_paying)/$(app_field paying) paying receipts = $(app_field auto_rate_paying_pct)% ($(app_field auto_rate_all_pct)% of all $(app_field stored_receipts); by amount $(app_field amount_rate_paying_pct)% / $(app_field amount_rate_all_pct)%), noise left $(app_field noise_left)/$(app_field noise), partial $(app_field partial), wrong $(app_field wrong); violations=$(app_field violations) receivables_consistent=$(app_field receivables_consistent) reimport_ignored=$(app_field reimport_ignored) deadlocks=$deadlocks"
	log "       heap growth=$(app_field heap_growth_mb)MB retained=$(app_field retained_mb)MB gcs=$(app_field gcs) jvm_cpu=$(app_field jvm_cpu_s)s cpu(busy steal unattributed own)=$(tr '\t' ' ' <<<"$cpu")"
}

pgbench_run() {
	local seconds=$1 out=$2
	psql_q -d "$BASE_DB" -f "$BASELINES/ledger_reset.sql" >/dev/null
	"$PGBENCH" -n -M "$PGBENCH_MODE" -f "$BASELINES/posting_hot_batch10_sorted.sql" -c 1 -j 1 -T "$seconds" "$BASE_DB" >"$out" 2>&1
}

pgbench_round() {
	local round=$1 out=$WORK/pgbench-$1.out t0 t1 tps cpu errors
	t0=$(now)
	pgbench_run "$DURATION" "$out" || { echo "pgbench failed, see $out" >&2; exit 1; }
	t1=$(now)
	tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' "$out" | head -1)
	errors=$(grep -c 'aborted\|ERROR' "$out" || true)
	((errors == 0)) || { echo "pgbench reported errors, see $out" >&2; exit 1; }
	cpu=$(cpu_window "$t0" "$t1")
	printf '%s\tPGBENCH\t%s\t%s\t%s\t%s\n' "$round" "$(awk -v t="$tps" -v d="$DURATION" 'BEGIN { printf "%.0f", t * 10 * d }')" \
		"$DURATION" "$(awk -v t="$tps" 'BEGIN { printf "%.0f", t * 10 }')" "$cpu" >>"$RESULTS"
	log "  pgbench posting_hot_batch10_sorted.sql c=1: tps=$tps -> $(awk -v t="$tps" 'BEGIN { printf "%.0f", t * 10 }') postings/s cpu(busy steal unattributed own)=$(tr '\t' ' ' <<<"$cpu")"
}

# ---------------------------------------------------------------- run
log "match benchmark: ROUNDS=$ROUNDS WARMUP=$WARMUP DURATION=${DURATION}s SEED=$SEED JAVA_OPTS=$JAVA_OPTS on $PGHOST:$PGPORT, $(nproc) cores"
psql_q -d postgres -Atc "select 'PostgreSQL ' || current_setting('server_version') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', shared_buffers=' || current_setting('shared_buffers')"
start_sampler

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	log "compiling (./mvnw -B -q test-compile -DskipTests) and resolving the test classpath"
	./mvnw -B -q test-compile -DskipTests
	./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
[[ -s target/bench-classpath.txt ]] || { echo "target/bench-classpath.txt missing: run without SKIP_BUILD" >&2; exit 1; }

log "creating $BASE_DB (perf/baselines/ledger_schema.sql)"
psql_q -d postgres -c "drop database if exists $BASE_DB with (force)" -c "create database $BASE_DB" >/dev/null
psql_q -d "$BASE_DB" -c "do \$\$ begin if current_setting('server_version_num')::int < 130000 then create extension if not exists pgcrypto; end if; end \$\$" >/dev/null
psql_q -d "$BASE_DB" -f "$BASELINES/ledger_schema.sql" >/dev/null

start_app
psql_q -d "$APP_DB" -f "$BASELINES/statement_entry_copy.sql" >/dev/null

for w in $(seq 1 "$WARMUP"); do
	round=$((1000 + w))
	log "warm-up $w (not reported): data, COPY, import through Statements.importFile, pgbench ${WARMUP_S}s"
	app_command "prepare $round" 900
	copy_run "$PREPARED_CSV" >/dev/null
	reset_app_db
	app_command "e2e $round" 900
	pgbench_run "$WARMUP_S" "$WORK/pgbench-warmup.out" || { echo "pgbench failed, see $WORK/pgbench-warmup.out" >&2; exit 1; }
done

for round in $(seq 1 "$ROUNDS"); do
	log "round $round: company, debtors, invoices, statement file"
	app_command "prepare $round" 900
	log "round $round: COPY baseline"
	copy_round "$round" "$PREPARED_CSV"
	log "round $round: app import"
	app_round "$round"
	log "round $round: pgbench P3 baseline"
	pgbench_round "$round"
	if [[ "${KEEP_FILES:-0}" != 1 ]]; then
		rm -f "$WORK/round-$round.csv" "$WORK/round-$round.xml"
	fi
done
stop_app

# ---------------------------------------------------------------- summary
column_of() { awk -F'\t' -v k="$1" -v col="$2" 'NR > 1 && $2 == k { print $col }' "$RESULTS"; }
app_column() { awk -F'\t' -v col="$1" 'NR > 1 { print $col }' "$APP_TSV"; }
# per-round ratio of kind A's column to kind B's column
ratios() {
	awk -F'\t' -v a="$1" -v b="$2" -v col="$3" 'NR > 1 { if ($2 == a) x[$1] = $col; else if ($2 == b) y[$1] = $col }
		END { for (r in x) if (r in y && y[r] > 0) printf "%d %.4f\n", r, x[r] / y[r] }' "$RESULTS" | sort -n | cut -d' ' -f2
}

invalid=$(awk -F'\t' 'NR > 1 && $8 != "nan" && $8 > 0.5 { n++ } END { print n + 0 }' "$RESULTS")
echo
echo "== Statement matching benchmark (P5): medians of $ROUNDS round(s); 10,000 receipts, 50,000 open invoices, 2,000 debtors; JVM $JAVA_OPTS"
printf '%-22s %9s %10s %11s %5s %5s %9s\n' measurement rows seconds per_s busy steal unatt_max
for kind in COPY APP_PARSE_MATCH APP_POSTINGS PGBENCH; do
	printf '%-22s %9s %10.3f %11s %5s %5s %9s\n' $kind "$(column_of $kind 3 | median)" "$(column_of $kind 4 | median)" \
		"$(column_of $kind 5 | grep -v '^-$' | median)" "$(column_of $kind 6 | median)" "$(column_of $kind 7 | median)" \
		"$(column_of $kind 8 | sort -g | tail -1)"
done
echo "app phases (medians, ms): parse $(app_column 2 | median), match $(app_column 3 | median), store $(app_column 4 | median), book $(app_column 5 | median); journal entries $(app_column 6 | median), posting lines $(app_column 7 | median)"

pm_ratio=$(ratios APP_PARSE_MATCH COPY 4 | median)
pm_rounds=$(ratios APP_PARSE_MATCH COPY 4 | awk '{ printf "%s%.2fx", (NR > 1 ? " " : ""), $1 }')
post_ratio=$(ratios APP_POSTINGS PGBENCH 5 | median)
post_rounds=$(ratios APP_POSTINGS PGBENCH 5 | awk '{ printf "%s%.0f%%", (NR > 1 ? " " : ""), $1 * 100 }')
rate_min=$(app_column 8 | sort -g | head -1)
wrong=$(app_column 15 | awk '{ s += $1 } END { print s + 0 }')
violations=$(app_column 16 | awk '{ s += $1 } END { print s + 0 }')
inconsistent=$(app_column 17 | grep -vc '^true$' || true)
reimports=$(app_column 18 | grep -vc '^true$' || true)
noise_taken=$(awk -F'\t' 'NR > 1 { s += $12 - $13 } END { print s + 0 }' "$APP_TSV")
deadlocks=$(app_column 21 | awk '{ s += $1 } END { print s + 0 }')
heap_max=$(app_column 19 | sort -g | tail -1)

verdict=0
worst=PASS
grade() { # PASS | BELOW TARGET | FAIL, keeping the worst
	case $1 in
		FAIL*) worst=FAIL; verdict=1 ;;
		BELOW*) [[ $worst == FAIL ]] || worst="BELOW TARGET" ;;
	esac
}
echo
match_status=$(awk -v r="$rate_min" -v w="$wrong" 'BEGIN { if (r == "" || r == "nan") print "FAIL (no measurement)"; else if (w > 0) print "FAIL (wrong matches)"; else if (r >= 90) print "PASS"; else print "FAIL (below 90%)" }')
grade "$match_status"
echo "P5 auto-match rate (lowest round, paying receipts) = ${rate_min}% (all receipts: $(app_column 9 | sort -g | head -1)%, by amount: $(app_column 10 | sort -g | head -1)% / $(app_column 11 | sort -g | head -1)%), wrong matches = $wrong, noise allocated = $noise_taken -> $match_status"
pm_status=$(awk -v r="$pm_ratio" 'BEGIN { if (r == "nan" || r == "") print "FAIL (no measurement)"; else if (r <= 10) print "PASS"; else if (r <= 20) print "BELOW TARGET (within the 20x floor)"; else print "FAIL (above the 20x floor)" }')
grade "$pm_status"
echo "P5 parse + match / COPY of the same rows = $(printf %.2f "$pm_ratio")x (rounds: $pm_rounds; target <= 10x, floor 20x) -> $pm_status"
post_status=$(awk -v r="$post_ratio" 'BEGIN { if (r == "nan" || r == "") print "FAIL (no measurement)"; else if (r >= 0.5) print "PASS"; else if (r >= 0.3) print "BELOW TARGET (above the 30% floor)"; else print "FAIL (below the 30% floor)" }')
grade "$post_status"
echo "P5 postings/s / P3 baseline (10 x pgbench tps, 1 client) = $(awk -v r="$post_ratio" 'BEGIN { printf "%.1f%%", r * 100 }') (rounds: $post_rounds; target >= 50%, floor 30%) -> $post_status"
echo "heap growth (highest round) = ${heap_max} MB, retained = $(app_column 20 | sort -g | tail -1) MB; deadlocks = $deadlocks; ledger invariant violations = $violations; receivables != open amounts in $inconsistent round(s); re-import not ignored in $reimports round(s)"
if ((violations > 0 || inconsistent > 0 || reimports > 0 || deadlocks > 0)); then
	echo "FAIL: ledger invariants, receivables, idempotency or deadlocks"
	worst=FAIL
	verdict=1
fi
echo "ratio = median of the per-round ratios; busy/steal = cores (/proc/stat); unatt_max = highest unattributed cores of the rounds (> 0.5 = invalid)"
if ((invalid > 0)); then
	echo "INVALID: $invalid measurement(s) had more than 0.5 core of unattributed CPU (another load on the machine): repeat the run"
	((verdict == 1)) || verdict=2
fi
echo "P5 overall: $worst$( ((invalid > 0)) && echo ' (run INVALID: contended)')"
echo "raw results: $RESULTS, $APP_TSV"
exit $verdict
