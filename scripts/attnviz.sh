#!/usr/bin/env bash
# attnviz set-up in one place: installs the Debian 12 packages that are
# missing, configures and builds, then either launches the app or runs
# every test. Used by the README's two commands and by .ci/run.
#
#   scripts/attnviz.sh run      build (Release, -march=native) and launch attnviz
#   scripts/attnviz.sh test     build (Release, portable) and run every test
#                               (ctest), then build the .deb from that build and
#                               check it unpacked, then the sanitizer build of
#                               the core and its tests, then every fuzz target
#                               for a short fixed time
#   scripts/attnviz.sh package  build the .deb (portable, CPack) into dist/
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
  # The .deb (docs/packaging.md): CPack's dpkg-shlibdeps and file, PNG icons,
  # man pages, and the checks of the package.
  dpkg-dev file fakeroot librsvg2-bin help2man lintian appstream desktop-file-utils
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

# The .deb from a configured and built folder (CPack, DEB generator); prints its path.
package_deb() { # dir
  rm -f "$1"/attnviz_*.deb
  (cd "$1" && cpack -G DEB >cpack.log 2>&1) || { cat "$1/cpack.log" >&2; return 1; }
  ls "$1"/attnviz_*.deb
}

# The package as a fresh machine gets it: unpacked with dpkg-deb -x (no
# install), its metadata validated, lintian (errors fail; warnings are listed
# in docs/packaging.md), and its programs run from the unpacked folder by
# tests/package (a file missing from the package fails here).
check_package() { # dir (built with the tests)
  local deb root
  deb="$(package_deb "$1")"
  echo "attnviz: checking $deb"
  root="$(mktemp -d)"
  dpkg-deb -x "$deb" "$root"
  desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
  appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml"
  lintian --fail-on error --info "$deb"
  ATTNVIZ_PACKAGE_ROOT="$root" "$1/tests/package/test_package"
  rm -rf "$root"
}

app_id=io.github.attnviz.attnviz
# Package and test builds are portable (the compiler's baseline x86-64, no
# -march=native): they run on any amd64 machine. The run build is native.
portable=(-DATTNVIZ_NATIVE=OFF)

case "$mode" in
run)
  install_missing
  configure_build build -DATTNVIZ_BUILD_TESTS=OFF -DATTNVIZ_NATIVE=ON
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
  configure_build build -DATTNVIZ_BUILD_TESTS=ON -DATTNVIZ_WARNINGS_AS_ERRORS=ON "${portable[@]}"
  (cd build && ctest --output-on-failure -j "$jobs")
  # The .deb from this same build (no further compile), checked unpacked.
  check_package build
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
package)
  install_missing
  configure_build build-package -DATTNVIZ_BUILD_TESTS=OFF -DATTNVIZ_BUILD_BENCHMARKS=OFF "${portable[@]}"
  deb="$(package_deb build-package)"
  mkdir -p dist
  cp "$deb" dist/
  echo "attnviz: dist/$(basename "$deb") (install it with: sudo apt install ./dist/$(basename "$deb"))"
  ;;
*)
  echo "usage: scripts/attnviz.sh run|test|package" >&2
  exit 2
  ;;
esac
