#!/usr/bin/env bash
# core.layering: inside core/, includes point down only
#   teach -> train -> layers -> io -> (spec, trace) -> base
# core/ includes no Qt, and nothing outside core/layers includes its private detail/.
set -u
cd "$(dirname "$0")/.."
allowed() {
  case "$1" in
  base) echo "base" ;;
  trace) echo "base trace" ;;
  spec) echo "base spec" ;;
  io) echo "base spec trace io" ;;
  layers) echo "base spec trace io layers" ;;
  train) echo "base spec trace io layers train" ;;
  teach) echo "base spec trace io layers train teach" ;;
  *) echo "" ;;
  esac
}
bad=0
for f in $(find core -name '*.h' -o -name '*.cpp' | sort); do
  folder=$(echo "$f" | cut -d/ -f2)
  if [ "$folder" = "$(basename "$f")" ]; then
    echo "core.layering: $f is at core/'s root; every core file lives in a folder of its layer"
    bad=1
    continue
  fi
  ok=$(allowed "$folder")
  if [ -z "$ok" ]; then
    echo "core.layering: $f is in core/$folder, which is not a known layer"
    bad=1
    continue
  fi
  while IFS= read -r inc; do
    target=$(echo "$inc" | sed -E 's|.*"core/([a-z_]+)/.*|\1|')
    if ! printf ' %s ' $ok | grep -q " $target "; then
      echo "core.layering: $f ($folder) includes core/$target, which is above it: $inc"
      bad=1
    fi
  done < <(grep -E '^#include "core/' "$f")
  if grep -qE '^#include <Q' "$f"; then
    echo "core.layering: $f includes Qt; the core links no Qt"
    bad=1
  fi
done
for f in $(find ui app tests core -name '*.h' -o -name '*.cpp' | grep -v '^core/layers/' | sort); do
  if grep -qE '^#include "core/layers/detail/' "$f"; then
    echo "core.layering: $f includes core/layers/detail/, which is private to core/layers"
    bad=1
  fi
done
[ $bad -eq 0 ] && echo "core.layering: every core include points down"
exit $bad
