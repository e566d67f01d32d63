#!/usr/bin/env bash
# Build the libFuzzer targets (tests/fuzz) with clang + ASan + UBSan in
# build-fuzz/ and run each one in turn.
#
#   scripts/fuzz.sh [SECONDS | -runs=N] [TARGET...]
#
#   SECONDS   time per target (default 60); -runs=N runs N inputs instead
#   TARGET    fuzz_npy, fuzz_npz, fuzz_spec (default: all three, one at a time)
#
# Per target, in fuzz-out/<target>/ (gitignored): fuzz.log (libFuzzer's
# output), seeds/ (copied from tests/data and tests/fuzz/corpus), corpus/ (what
# the fuzzer found interesting, kept between runs) and any crash-*, leak-*,
# timeout-*, oom-* artifact. Replay one with: build-fuzz/tests/fuzz/<target> FILE
# Exits non-zero when a target found something.
# Environment: ATTNVIZ_JOBS (build jobs, default 2), FUZZ_EXTRA (more libFuzzer flags).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

limit="-max_total_time=60"
if [ $# -gt 0 ]; then
  case "$1" in
  -runs=*) limit="$1"; shift ;;
  *[!0-9]*) ;;
  *) limit="-max_total_time=$1"; shift ;;
  esac
fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_npy fuzz_npz fuzz_spec)
for t in "${targets[@]}"; do
  case "$t" in
  fuzz_npy | fuzz_npz | fuzz_spec) ;;
  *) echo "fuzz.sh: unknown target '$t' (fuzz_npy, fuzz_npz, fuzz_spec)" >&2; exit 2 ;;
  esac
done

command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang++ (apt-get install clang)" >&2; exit 2; }
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DATTNVIZ_BUILD_UI=OFF -DATTNVIZ_BUILD_TESTS=ON -DATTNVIZ_BUILD_BENCHMARKS=OFF -DATTNVIZ_NATIVE=OFF \
  -DATTNVIZ_BUILD_FUZZERS=ON >/dev/null
cmake --build build-fuzz -j "${ATTNVIZ_JOBS:-2}" --target "${targets[@]}"

# Seeds, copied so every file has a unique name.
seed() { # target, files...
  local dir="fuzz-out/$1/seeds" f
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/$(echo "${f#tests/data/}" | tr / _)"
  done
  return 0
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for t in "${targets[@]}"; do
  out="fuzz-out/$t"
  mkdir -p "$out/corpus"
  case "$t" in
  fuzz_npy)
    seed "$t" tests/data/npy/*.npy tests/data/keras/*/*.npy
    args=(-max_len=8192 -dict=tests/fuzz/fuzz_npy.dict)
    ;;
  fuzz_npz)
    seed "$t" tests/data/npy/*.npz tests/data/keras/*/*.npz
    args=(-max_len=16384 -dict=tests/fuzz/fuzz_npz.dict)
    ;;
  fuzz_spec)
    seed "$t" tests/fuzz/corpus/fuzz_spec/*.json tests/data/keras/*/spec.json resources/examples/*.json
    args=(-max_len=4096 -dict=tests/fuzz/fuzz_spec.dict)
    ;;
  esac
  echo "fuzz.sh: $t ($limit), log in $out/fuzz.log"
  # A single allocation over 512 MiB is a finding: the limits are 64 MiB
  # (readers) and 32 MiB (traces), so only an unchecked size gets there.
  rc=0
  "build-fuzz/tests/fuzz/$t" "$limit" "${args[@]}" -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$out/" ${FUZZ_EXTRA:-} "$out/corpus" "$out/seeds" >"$out/fuzz.log" 2>&1 || rc=$?
  execs=$(awk '/^stat::number_of_executed_units:/ {v = $2} END {print v}' "$out/fuzz.log")
  rate=$(awk '/^stat::average_exec_per_sec:/ {v = $2} END {print v}' "$out/fuzz.log")
  echo "fuzz.sh: $t: exit $rc, ${execs:-?} executions, ${rate:-?} exec/s"
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$out/fuzz.log" | head -5 || true
    ls "$out" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' || true
  fi
done
exit "$status"
