#!/usr/bin/env bash
# Steps to 99 % accuracy (the last 10 steps' mean) of every toy task with its
# default model, for 5 seeds: the README's task table.
#   scripts/measure_train_tasks.sh [build/app/attnviz-trace] [max steps]
set -eu
trace=${1:-build/app/attnviz-trace}
max=${2:-5000}
echo "| task | seed 0 | seed 1 | seed 2 | seed 3 | seed 4 |"
echo "|---|---|---|---|---|---|"
for task in copy reverse copy_previous max sort lookup induction; do
  row="| $task |"
  for seed in 0 1 2 3 4; do
    out=$("$trace" --train-task "$task" --seed "$seed" --steps "$max" --stop-at 0.99 --print-every 100000000)
    step=$(echo "$out" | sed -n 's/^reached .* at step \([0-9]*\)$/\1/p')
    secs=$(echo "$out" | sed -n 's/^trained .* in \([0-9.]*\) s$/\1/p')
    row="$row ${step:-not in $max} (${secs} s) |"
  done
  echo "$row"
done
