#!/usr/bin/env bash
# attnviz set-up in one place: installs the Debian 12 packages that are
# missing, configures and builds, then either launches the app or runs
# every test. Used by the README's two commands and by .ci/run.
#
#   scripts/attnviz.sh run    build (Release) and launch attnviz
#   scripts/attnviz.sh test   build and run every test (ctest), then the
#                             sanitizer build of the core and its tests, then
#                             every fuzz target for a short fixed time
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mode="${1:-}"
jobs="${ATTNVIZ_JOBS:-$(nproc)}"

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-svg-dev libgl-dev libeigen3-dev libqcustomplot-dev
  nlohmann-json3-dev libzip-dev libcli11-dev
  libgtest-dev libbenchmark-dev
  xvfb xauth xkb-data fonts-dejavu-core
  clang libclang-rt-14-dev libhdf5-dev
  poppler-utils
  python3-numpy python3-torch
  libopenblas0-serial # PyTorch's BLAS for scripts/bench_vs_torch.py (else the slow reference BLAS)
  ccache              # repeated builds (CI on a kept machine, several clones) compile only what changed
  qt6-tools-dev qt6-l10n-tools # translations: qt_add_lupdate/qt_add_lrelease (CMake) and lupdate/lrelease
  qt6-translations-l10n        # Qt's own strings (dialog buttons) in the UI languages: qtbase_<lang>.qm
  fonts-wqy-microhei           # Chinese glyphs for the zh_CN UI (else boxes)
  locales                      # ui.c_numbers builds a German locale with localedef
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "attnviz: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_build() { # dir, extra cmake args...
  local dir="$1"
  shift
  local launcher=()
  if command -v ccache >/dev/null 2>&1; then
    # Paths relative to the clone, so another clone of the same commit hits the cache.
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$here}" CCACHE_NOHASHDIR=1
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "$@"
  cmake --build "$dir" -j "$jobs"
}

case "$mode" in
run)
  install_missing
  configure_build build -DATTNVIZ_BUILD_TESTS=OFF
  if [ -x build/app/attnviz ]; then
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "attnviz: no display here; rendering the window to build/attnviz-screenshot.png instead."
      exec build/app/attnviz --screenshot build/attnviz-screenshot.png --size 1600x1000
    fi
    exec build/app/attnviz "${@:2}"
  fi
  exec build/app/attnviz-trace resources/examples/mha_small.json --list
  ;;
test)
  install_missing
  export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
  chmod 700 "$XDG_RUNTIME_DIR"
  configure_build build -DATTNVIZ_BUILD_TESTS=ON -DATTNVIZ_WARNINGS_AS_ERRORS=ON
  (cd build && ctest --output-on-failure -j "$jobs")
  if [ "${ATTNVIZ_SKIP_SANITIZERS:-0}" != 1 ]; then
    # The core and its tests again under AddressSanitizer + UBSan.
    configure_build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATTNVIZ_SANITIZE=ON -DATTNVIZ_BUILD_UI=OFF \
      -DATTNVIZ_BUILD_BENCHMARKS=OFF -DATTNVIZ_NATIVE=OFF
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j "$jobs")
  fi
  if [ "${ATTNVIZ_SKIP_FUZZ:-0}" != 1 ]; then
    # Every libFuzzer target (clang, ASan + UBSan, no recovery) for a short,
    # fixed time from the committed corpus and the regression inputs; any
    # finding fails the run.
    ATTNVIZ_JOBS="$jobs" bash scripts/fuzz.sh "${ATTNVIZ_FUZZ_SECONDS:-30}"
  fi
  ;;
*)
  echo "usage: scripts/attnviz.sh run|test" >&2
  exit 2
  ;;
esac
