#!/usr/bin/env bash
# Build the libFuzzer targets (tests/fuzz) with clang + ASan + UBSan
# (-fno-sanitize-recover) in build-fuzz/ and run each one in turn, or
# minimise what they found into the committed corpus.
#
#   scripts/fuzz.sh [SECONDS | -runs=N] [TARGET...]   run (default 60 s each, every target)
#   scripts/fuzz.sh --merge [TARGET...]                minimise fuzz-out/<t>/corpus into tests/fuzz/corpus/<t>
#   scripts/fuzz.sh --list                             the targets
#
# A target is tests/fuzz/<t>.cpp (t = fuzz_*), with two optional files beside
# it: <t>.seeds (one glob a line: where its seeds come from, the committed
# corpus tests/fuzz/corpus/<t>/ and the regression inputs among them) and
# <t>.args (libFuzzer flags: -max_len, -dict, ...). New targets need no edit here.
#
# Per target, in fuzz-out/<t>/ (gitignored): fuzz.log (libFuzzer's output),
# seeds/ (copied from the globs), corpus/ (what the fuzzer found interesting,
# kept between runs) and any crash-*, leak-*, timeout-*, oom-* artifact.
# Replay one with: build-fuzz/tests/fuzz/<t> FILE. Exits non-zero when a target
# found something. Every finding is fixed at its root and its input kept in
# tests/data/fuzz_regressions/ with a test in tests/core/test_fuzz_regressions.cpp.
#
# Growing the committed corpus: after a long local run (e.g. scripts/fuzz.sh 600)
# run scripts/fuzz.sh --merge and commit tests/fuzz/corpus/: libFuzzer's -merge=1
# keeps only the inputs that add coverage, so the corpus stays small.
# Environment: ATTNVIZ_JOBS (build jobs, default 2), FUZZ_EXTRA (more libFuzzer flags).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

all_targets() {
  local f
  for f in tests/fuzz/fuzz_*.cpp; do basename "$f" .cpp; done
}

mode=run
limit="-max_total_time=60"
if [ $# -gt 0 ]; then
  case "$1" in
  --list) all_targets; exit 0 ;;
  --merge) mode=merge; shift ;;
  -runs=*) limit="$1"; shift ;;
  *[!0-9]*) ;;
  *) limit="-max_total_time=$1"; shift ;;
  esac
fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && mapfile -t targets < <(all_targets)
for t in "${targets[@]}"; do
  [ -f "tests/fuzz/$t.cpp" ] || { echo "fuzz.sh: unknown target '$t' ($(all_targets | tr '\n' ' '))" >&2; exit 2; }
done

command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang++ (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DATTNVIZ_BUILD_UI=OFF -DATTNVIZ_BUILD_TESTS=ON -DATTNVIZ_BUILD_BENCHMARKS=OFF -DATTNVIZ_NATIVE=OFF \
  -DATTNVIZ_BUILD_FUZZERS=ON >/dev/null
cmake --build build-fuzz -j "${ATTNVIZ_JOBS:-2}" --target "${targets[@]}"

# Seeds, copied so every file has a unique name.
seed() { # target
  local dir="fuzz-out/$1/seeds" pattern f
  rm -rf "$dir"
  mkdir -p "$dir"
  [ -f "tests/fuzz/$1.seeds" ] || return 0
  while IFS= read -r pattern; do
    [ -z "$pattern" ] && continue
    for f in $pattern; do
      [ -f "$f" ] && cp "$f" "$dir/$(echo "${f#tests/}" | tr / _)"
    done
  done <"tests/fuzz/$1.seeds"
  return 0
}

target_args() { # target
  [ -f "tests/fuzz/$1.args" ] && cat "tests/fuzz/$1.args"
  return 0
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

if [ "$mode" = merge ]; then
  for t in "${targets[@]}"; do
    seed "$t"
    committed="tests/fuzz/corpus/$t"
    mkdir -p "$committed" "fuzz-out/$t/corpus"
    merged="$(mktemp -d)"
    # shellcheck disable=SC2046
    "build-fuzz/tests/fuzz/$t" -merge=1 -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 $(target_args "$t") \
      "$merged" "$committed" "fuzz-out/$t/seeds" "fuzz-out/$t/corpus" >"fuzz-out/$t/merge.log" 2>&1
    rm -rf "$committed"
    mv "$merged" "$committed"
    echo "fuzz.sh: $t: $(ls "$committed" | wc -l) inputs, $(du -sh "$committed" | cut -f1) in $committed"
  done
  exit 0
fi

status=0
for t in "${targets[@]}"; do
  out="fuzz-out/$t"
  mkdir -p "$out/corpus"
  seed "$t"
  echo "fuzz.sh: $t ($limit), log in $out/fuzz.log"
  # A single allocation over 512 MiB is a finding: the limits are 64 MiB
  # (readers) and 32 MiB (traces), so only an unchecked size gets there.
  rc=0
  start=$(date +%s)
  # shellcheck disable=SC2046
  # The target's own flags come after the defaults, so they win (fuzz_keras_h5
  # needs a longer -timeout than its reader child's own 10 s limit).
  "build-fuzz/tests/fuzz/$t" "$limit" -rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10 $(target_args "$t") \
    -print_final_stats=1 -artifact_prefix="$out/" ${FUZZ_EXTRA:-} "$out/corpus" "$out/seeds" >"$out/fuzz.log" 2>&1 || rc=$?
  execs=$(awk '/^stat::number_of_executed_units:/ {v = $2} END {print v}' "$out/fuzz.log")
  rate=$(awk '/^stat::average_exec_per_sec:/ {v = $2} END {print v}' "$out/fuzz.log")
  echo "fuzz.sh: $t: exit $rc, ${execs:-?} executions, ${rate:-?} exec/s, $(($(date +%s) - start)) s"
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$out/fuzz.log" | head -5 || true
    ls "$out" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' || true
  fi
done
exit "$status"
