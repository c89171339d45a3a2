#!/usr/bin/env python3
"""CPU sampler of the benchmarks (BENCHMARKS.md rule 2: a measurement is valid only if the machine
was not busy with something else).

    python3 -u perf/lib/cpu_sampler.py LOG INTERVAL DATABASE MARKER &

Appends one line per INTERVAL seconds to LOG: epoch busy_cores steal_cores own_cores
unattributed_cores, from /proc. own = the processes whose command line names DATABASE (the
PostgreSQL backends of the benchmark's databases: a name or a prefix) or MARKER (the benchmark's
JVM or pgbench), PostgreSQL's background processes (checkpointer, walwriter...) and the sampler
itself; unattributed = busy - own. Runs until killed.
"""
import os, sys, time
out = open(sys.argv[1], "a", buffering=1)
interval = float(sys.argv[2])
database = sys.argv[3]  # a benchmark database name, or the prefix its databases share
marker = sys.argv[4]  # a word of the benchmark process's command line (its main class)
ncpu = os.cpu_count()
me = str(os.getpid())
AUX = ("checkpointer", "background writer", "walwriter", "autovacuum", "logical replication",
       "stats collector", "archiver", "startup", "postmaster")
cmdlines = {}

def system():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    return sum(v), v[3] + v[4], v[7]  # total, idle + iowait, steal

def ours(pid):
    cmd = cmdlines.get(pid)
    if cmd is None or (cmd.startswith("postgres") and "cessio_bench" not in cmd):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode("latin-1")
        except OSError:
            cmd = ""
        cmdlines[pid] = cmd
    if pid == me or database in cmd or marker in cmd:
        return True
    if cmd.startswith("postgres: ") and any(a in cmd for a in AUX):
        return True
    return "/postgres -D" in cmd or cmd.startswith("postgres -D")

def processes():
    ticks = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat", "rb") as f:
                    s = f.read().decode("latin-1")
                fields = s[s.rindex(")") + 2:].split()
                ticks[pid] = int(fields[11]) + int(fields[12])
            except (OSError, ValueError, IndexError):
                pass
    return ticks

prev_sys, prev_proc = system(), processes()
while True:
    time.sleep(interval)
    cur_sys, cur_proc = system(), processes()
    dt = cur_sys[0] - prev_sys[0]
    if dt <= 0:
        continue
    scale = ncpu / dt
    busy = (dt - (cur_sys[1] - prev_sys[1]) - (cur_sys[2] - prev_sys[2])) * scale
    steal = (cur_sys[2] - prev_sys[2]) * scale
    mine = sum(t - prev_proc.get(pid, 0) for pid, t in cur_proc.items() if ours(pid)) * scale
    out.write(f"{time.time():.3f} {busy:.3f} {steal:.3f} {mine:.3f} {max(0.0, busy - mine):.3f}\n")
    for pid in list(cmdlines):
        if pid not in cur_proc:
            del cmdlines[pid]
    prev_sys, prev_proc = cur_sys, cur_proc
