#!/usr/bin/env bash
# Builds every cargo-fuzz target of dhcpwire, replays the saved regression
# inputs, then fuzzes each target for a fixed time.
#
#   fuzz/run.sh [SECONDS_PER_TARGET]      (default 60)
#   TARGETS="parse_walk roundtrip" fuzz/run.sh 30
#
# The targets: parse_walk, roundtrip, builder and capture fuzz the library;
# generator fuzzes dhcpwire::arbitrary (what it writes parses, walks,
# decodes and rebuilds); serve and serve_raw fuzz the DORA example's server
# handler, with ArbitraryMessage and with raw bytes. handler (the README's
# example target) is built with the others but not run.
#
# Exits non-zero when any target crashes, times out, leaks, or runs out of
# memory (libFuzzer's exit code), or when the build fails. Inputs that fail
# are in fuzz/artifacts/<target>/; logs are in fuzz/target/logs/<target>.log.
# New corpus entries go to fuzz/target/work-corpus/<target>/ (ignored by git);
# fuzz/corpus/<target>/ holds the checked-in seeds and is only read.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`) and a nightly
# toolchain; without nightly it falls back to RUSTC_BOOTSTRAP=1 on stable.

set -uo pipefail

secs="${1:-60}"
if ! [[ "$secs" =~ ^[0-9]+$ ]] || [ "$secs" -lt 1 ]; then
    echo "usage: $0 [seconds per target, default 60]" >&2
    exit 2
fi

cd "$(dirname "$0")"

targets="${TARGETS:-parse_walk roundtrip builder capture reply generator serve serve_raw}"
# Per-input limits: anything slower or bigger than this is a bug here.
per_input_timeout="${FUZZ_TIMEOUT:-10}"
rss_limit_mb="${FUZZ_RSS_LIMIT_MB:-2048}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "error: cargo-fuzz is not installed: cargo install cargo-fuzz --locked" >&2
    exit 2
fi

fuzz=(cargo)
if rustup run nightly rustc --version >/dev/null 2>&1; then
    fuzz+=(+nightly)
else
    echo "note: no nightly toolchain, using RUSTC_BOOTSTRAP=1" >&2
    export RUSTC_BOOTSTRAP=1
fi
fuzz+=(fuzz)

echo "== building fuzz targets"
if ! "${fuzz[@]}" build; then
    echo "FAIL: build" >&2
    exit 1
fi

mkdir -p target/logs
failed=()

for t in $targets; do
    if [ ! -d "corpus/$t" ]; then
        echo "FAIL: unknown target $t (no fuzz/corpus/$t)" >&2
        failed+=("$t (unknown)")
        continue
    fi
    log="target/logs/$t.log"
    : >"$log"

    # Replay the saved failures of this target first: each must pass now.
    shopt -s nullglob
    regressions=(regressions/"$t"-*)
    shopt -u nullglob
    if [ "${#regressions[@]}" -gt 0 ]; then
        echo "== $t: replaying ${#regressions[@]} regression input(s)"
        if ! "${fuzz[@]}" run "$t" "${regressions[@]}" -- \
            -timeout="$per_input_timeout" -rss_limit_mb="$rss_limit_mb" \
            >>"$log" 2>&1; then
            echo "FAIL: $t regression replay (see fuzz/$log)" >&2
            grep -m1 -A3 -E "panicked at|ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)" "$log" >&2 || true
            failed+=("$t (regression)")
            continue
        fi
    fi

    echo "== $t: fuzzing for ${secs}s"
    mkdir -p "target/work-corpus/$t"
    # Extra read-only seeds: every real message of the testdata corpus, and
    # for the capture target the capture files themselves.
    case "$t" in
        capture) extra=(../testdata/corpus ../testdata/capture ../testdata) ;;
        *) extra=(seeds/messages) ;;
    esac
    "${fuzz[@]}" run "$t" "target/work-corpus/$t" "corpus/$t" "${extra[@]}" -- \
        -max_total_time="$secs" \
        -timeout="$per_input_timeout" \
        -rss_limit_mb="$rss_limit_mb" \
        -print_final_stats=1 \
        >>"$log" 2>&1
    rc=$?
    runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    speed=$(grep -oE '^stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    if [ "$rc" -ne 0 ]; then
        echo "FAIL: $t exited with $rc after ${runs:-?} runs (see fuzz/$log)" >&2
        grep -m1 -A3 -E "panicked at|ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)" "$log" >&2 || true
        grep -E "Test unit written to" "$log" >&2 || true
        failed+=("$t")
    else
        echo "ok: $t ${runs:-?} runs, ${speed:-?} exec/s"
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "all fuzz targets passed"
