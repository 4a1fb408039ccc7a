#!/usr/bin/env bash
# Prints every figure the README states, measured here and now, with the
# machine it ran on. From a fresh clone:
#
#   scripts/figures.sh           everything, as the README's figures were
#                                measured (about 40 minutes on two cores)
#   scripts/figures.sh --quick   the same figures from shorter runs (fewer
#                                samples, a 60 s idle, no 1M agenda, no
#                                fuzzing, no CI run): a check, not a record
#
# Needs: cargo, tmux (idle cost, the open screen's memory), /usr/bin/time
# or python3 (peak memory); for fuzzing, cargo-fuzz (installed if missing).
# Writes only under target/figures/ (and fuzz/corpus/, fuzz/artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
OUT=target/figures
mkdir -p "$OUT"
# dais runs with a home of the script's own: no config or state of yours
# changes what it measures, and nothing it saves lands in yours. A fresh
# one each run, so what an earlier run saved (a version seen, a star)
# changes nothing either.
H="$PWD/$OUT/home"
rm -rf "$H"
mkdir -p "$H"
AT_HOME=(env HOME="$H" XDG_CONFIG_HOME="$H/config" XDG_STATE_HOME="$H/state"
    XDG_CACHE_HOME="$H/cache" XDG_DATA_HOME="$H/data")

section() { printf '\n## %s\n' "$*"; }

section "machine"
echo "commit:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src benches examples Cargo.toml Cargo.lock || echo ' (with uncommitted changes)')"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "system:  $(uname -srm)"
echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') × $(nproc)"
echo "memory:  $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work on the machine skews every figure)"
echo "rustc:   $(rustc --version)"
echo "mode:    $([ $QUICK = 1 ] && echo quick || echo full)"

section "build"
cargo build --release --locked --bin dais --example generate --example first_frame 2>&1 | tail -1
DAIS=target/release/dais
GEN=target/release/examples/generate
FIRST_FRAME=("${AT_HOME[@]}" target/release/examples/first_frame)

# Agendas from the project's own generator (realistic multi-day programmes).
agenda() {
    local n=$1 f="$PWD/$OUT/agenda-$1.json"
    [ -s "$f" ] || "$GEN" "$n" > "$f"
    echo "$f"
}
A1K=$(agenda 1000)
A100K=$(agenda 100000)
echo "agendas: 1k $(du -h "$A1K" | cut -f1), 100k $(du -h "$A100K" | cut -f1) ($GEN N)"

# Peak resident memory of a command, in MB.
peak_mb() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f MB\n", $1/1000}'
    else
        python3 -c 'import resource,subprocess,sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print("%.1f MB" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1000))' "$@"
    fi
}

# Waits (up to 10 minutes: a million sessions on a busy machine) until
# the tmux pane SESSION shows TEXT.
wait_pane() {
    for _ in $(seq 6000); do
        if tmux capture-pane -p -t "$1" | grep -qF "$2"; then return 0; fi
        sleep 0.1
    done
    echo "(gave up waiting for \"$2\" on the screen)" >&2
}

# Starts dais on FILE (the bundled hearing if empty) with any more ARGS (as
# shell words) in a detached tmux pane of 120x40; echoes its pid once the
# first frame is drawn.
open_screen() {
    local session=$1 file=$2
    shift 2
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux new-session -d -s "$session" -x 120 -y 40 \
        "${AT_HOME[*]} $DAIS ${file:+--max-size 1000000000 $file} $*"
    wait_pane "$session" Programme
    tmux list-panes -t "$session" -F '#{pane_pid}'
}

# The peak memory (VmHWM) of process PID, in MB.
hwm() {
    awk '/VmHWM/ {printf "%.1f MB", $2/1000}' "/proc/$1/status"
}

section "benchmarks (divan medians; README table rows 1-7)"
SAMPLES=()
[ $QUICK = 1 ] && SAMPLES=(-- --sample-count 3)
cargo bench --locked --bench load "${SAMPLES[@]}" 2>&1 | grep -v '^\s*\(Compiling\|Finished\|Running\)'
cargo bench --locked --bench screen "${SAMPLES[@]}" 2>&1 | grep -v '^\s*\(Compiling\|Finished\|Running\)'

section "peak memory"
echo "dais list, 1k:          $(peak_mb "${AT_HOME[@]}" "$DAIS" list "$A1K")"
echo "dais list, 100k:        $(peak_mb "${AT_HOME[@]}" "$DAIS" list "$A100K")"
if command -v tmux >/dev/null; then
    # The first time an agenda is opened (nothing seen yet), then again (the
    # version seen the first time kept), then with the grid (5) drawn.
    for f in "$A1K" "$A100K"; do
        n=$(basename "$f" .json | cut -d- -f2)
        pid=$(open_screen figures-mem "$f")
        # The version on screen is marked seen on a worker after the frame.
        sleep 8
        echo "open screen, $n, first time:  $(hwm "$pid")"
        tmux kill-session -t figures-mem
        pid=$(open_screen figures-mem "$f")
        sleep 8
        echo "open screen, $n, again:       $(hwm "$pid")"
        tmux send-keys -t figures-mem 5
        wait_pane figures-mem "min a row"
        sleep 1
        echo "open screen, $n, after 5:     $(hwm "$pid") (resident now: $(awk '/VmRSS/ {printf "%.1f MB", $2/1000}' "/proc/$pid/status"))"
        tmux kill-session -t figures-mem
    done
else
    echo "open screen: skipped (no tmux)"
fi

section "lean load: dais now and validate on 100k, as processes (the bench prints the floor)"
if [ -x /usr/bin/time ]; then
    for cmd in now validate list; do
        # shellcheck disable=SC2086
        echo "dais $cmd 100k: $("${AT_HOME[@]}" /usr/bin/time -f '%e s, %M kB peak' "$DAIS" --max-size 1000000000 $cmd "$A100K" 2>&1 >/dev/null | tail -1)"
    done
    echo "the file: $(du -k "$A100K" | cut -f1) kB"
fi

section "other formats: a FOSDEM-size schedule.xml ($GEN 600 --schedule-xml)"
XML="$PWD/$OUT/schedule-600.xml"
[ -s "$XML" ] || "$GEN" 600 --schedule-xml > "$XML"
echo "the file: $(du -k "$XML" | cut -f1) kB"
if [ -x /usr/bin/time ]; then
    for cmd in validate list; do
        for _ in 1 2 3; do
            echo "dais $cmd: $("${AT_HOME[@]}" /usr/bin/time -f '%e s, %M kB peak' "$DAIS" $cmd "$XML" 2>&1 >/dev/null | tail -1)"
        done
    done
fi

section "first frame on screen from process start"
RUNS=30
[ $QUICK = 1 ] && RUNS=5
echo "bundled hearing: $("${FIRST_FRAME[@]}" "$RUNS" | tail -1)"
echo "100k sessions:   $("${FIRST_FRAME[@]}" 3 "$A100K" --max-size 1000000000 | tail -1)"

section "idle cost"
if command -v tmux >/dev/null; then
    IDLE=600
    [ $QUICK = 1 ] && IDLE=60
    # The CPU ticks ("cpu TICKS 0") and each thread's context switches,
    # those it asked for (woke from a wait) and those forced on it by other
    # work on the machine ("TID VOLUNTARY INVOLUNTARY").
    counters() {
        awk '{print "cpu", $14+$15, 0}' "/proc/$1/stat"
        for t in /proc/"$1"/task/*; do
            awk -v t="$(basename "$t")" '/^voluntary_ctxt_switches/ {v=$2} /^nonvoluntary_ctxt_switches/ {n=$2} END {print t, v, n}' "$t/status"
        done
    }
    # What the idle time cost: counted from 2 s after the first frame, so
    # start-up (the state database's writes block, and count) is left out.
    idle_report() {
        counters "$2" | awk -v s="$IDLE" -v what="$1" '
            NR == FNR { v[$1] = $2; n[$1] = $3; next }
            $1 == "cpu" { printf "%s: left open %s s, %.2f s of CPU (user + system)\n", what, s, ($2 - v[$1]) / 100; next }
            { printf "  thread %s: %d wake-ups (and %d times preempted)\n", $1, $2 - v[$1], $3 - n[$1] }' "$OUT/idle-$3.before" -
    }
    # Beside it, at the same time, one with a reminder ahead: Panel 3
    # starred and the clock at 14:50, so the reminder falls due 5 minutes
    # in (its banner stays until Panel 3 starts at 15:00).
    "${AT_HOME[@]}" "$DAIS" star panel-3 >/dev/null
    pid=$(open_screen figures-idle "")
    rpid=$(open_screen figures-remind "" --at "'2017-06-23 14:50'")
    sleep 2
    counters "$pid" > "$OUT/idle-plain.before"
    counters "$rpid" > "$OUT/idle-remind.before"
    sleep "$IDLE"
    idle_report "the hearing" "$pid" plain
    idle_report "Panel 3 starred, --at '2017-06-23 14:50'" "$rpid" remind
    tmux kill-session -t figures-idle
    tmux kill-session -t figures-remind
    "${AT_HOME[@]}" "$DAIS" star --remove panel-3 >/dev/null
else
    echo "skipped (no tmux)"
fi

if [ $QUICK = 1 ]; then
    section "skipped in quick mode"
    echo "1,000,000 sessions, fuzzing, the CI run: run without --quick"
    exit 0
fi

section "1,000,000 sessions"
A1M=$(agenda 1000000)
echo "file: $(du -h "$A1M" | cut -f1)"
echo "first frame:          $("${FIRST_FRAME[@]}" 3 "$A1M" --max-size 1000000000 | tail -1)"
echo "dais validate peak:   $(peak_mb "${AT_HOME[@]}" "$DAIS" --max-size 1000000000 validate "$A1M")"
start=$(date +%s%N)
"${AT_HOME[@]}" "$DAIS" --max-size 1000000000 validate "$A1M" >/dev/null
echo "dais validate time:   $(( ($(date +%s%N) - start) / 1000000 )) ms"
if command -v tmux >/dev/null; then
    pid=$(open_screen figures-1m "$A1M")
    echo "open screen peak:     $(hwm "$pid")"
    tmux kill-session -t figures-1m
fi

section "fuzzing (FUZZ_SECONDS=${FUZZ_SECONDS:=300} a target, one at a time)"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
mkdir -p fuzz/corpus/load fuzz/corpus/sanitize fuzz/corpus/schedule_json
cp data/hearing-2017-06-23.json fuzz/corpus/load/
"$GEN" 20 --seed 3 > fuzz/corpus/load/synth-20.json
printf '\000' > fuzz/corpus/schedule_json/v1
printf '\001' > fuzz/corpus/schedule_json/schedule2
for target in load sanitize schedule_json; do
    dict=()
    [ "$target" = load ] && dict=(-dict=fuzz/load.dict)
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "fuzz/corpus/$target" -- \
        "${dict[@]}" -max_total_time="$FUZZ_SECONDS" -timeout=10 -print_final_stats=1 \
        > "$OUT/fuzz-$target.log" 2>&1 || echo "$target: CRASHED, see $OUT/fuzz-$target.log"
    echo "$target: $(grep -m1 'stat::number_of_executed_units' "$OUT/fuzz-$target.log" | awk '{print $2}') executions in $FUZZ_SECONDS s, $(grep -o 'cov: [0-9]*' "$OUT/fuzz-$target.log" | tail -1 | cut -d' ' -f2) coverage edges"
done

section "CI: a clean .ci/run on a fresh clone"
CLONE=$(mktemp -d)
# mktemp's 0700 would keep the permission tests' unprivileged user from
# starting the binary (they would check nothing).
chmod 755 "$CLONE"
LOG="$PWD/$OUT/ci.log"
git clone -q . "$CLONE"
start=$(date +%s)
(cd "$CLONE" && CI=true bash .ci/run > "$LOG" 2>&1) || echo "CI FAILED, see $LOG"
echo "time: $(( $(date +%s) - start )) s; target/: $(du -sh "$CLONE/target" | cut -f1)"
rm -rf "$CLONE"
