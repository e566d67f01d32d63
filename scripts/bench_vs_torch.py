#!/usr/bin/python3
"""attnviz vs PyTorch vs an Eigen SGEMM, one thread, back to back in one run.

For each shape (T=S, E, heads, key_dim) it alternates `attnviz-trace SPEC
--bench N` (the full MultiHeadAttention trace with every intermediate kept,
and a plain Eigen SGEMM of about the same FLOPs timed in the same process)
with PyTorch's nn.MultiheadAttention forward (need_weights=True, per-head
weights, same shapes, torch.set_num_threads(1)), `rounds` times, and prints
medians, the ratio attnviz / PyTorch, the trace's share of the SGEMM rate and
the load average before and after. Run with Debian's python3 (numpy, torch):

    scripts/bench_vs_torch.py [--trace build/app/attnviz-trace] [--runs 15]
                              [--rounds 3] [--threads 1] [--shapes 64,512,1024]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

SHAPES = {  # T=S: (E, heads, key_dim), as in the issue and tests/bench/bench_trace
    64: (64, 4, 16),
    512: (512, 8, 64),
    1024: (1024, 16, 64),
    2048: (512, 8, 64),
}


def attnviz_once(trace, spec_path, runs, threads):
    out = subprocess.run([trace, spec_path, "--bench", str(runs), "--threads", str(threads)],
                         check=True, capture_output=True, text=True).stdout
    ms = float(re.search(r"median ([0-9.]+) ms", out).group(1))
    rate = float(re.search(r"threads?, ([0-9.]+) GFLOP/s", out).group(1))
    sgemm = float(re.search(r"\(1 thread\): ([0-9.]+) GFLOP/s", out).group(1))
    return ms, rate, sgemm


def torch_once(torch, T, E, heads, runs):
    torch.manual_seed(7)
    mha = torch.nn.MultiheadAttention(E, heads, batch_first=True).eval()
    q = torch.randn(1, T, E)
    v = torch.randn(1, T, E)  # key = value, as the attnviz spec (no key given)
    times = []
    with torch.inference_mode():
        mha(q, v, v, need_weights=True, average_attn_weights=False)  # warm-up
        for _ in range(runs):
            t0 = time.perf_counter()
            mha(q, v, v, need_weights=True, average_attn_weights=False)
            times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trace", default=os.path.join(here, "..", "build", "app", "attnviz-trace"))
    ap.add_argument("--runs", type=int, default=15, help="timed passes per measurement (median)")
    ap.add_argument("--rounds", type=int, default=3, help="attnviz/PyTorch alternations per shape")
    ap.add_argument("--threads", type=int, default=1, help="attnviz threads (PyTorch gets the same)")
    ap.add_argument("--shapes", default="64,512,1024", help="T=S values among " + ",".join(map(str, SHAPES)))
    args = ap.parse_args()
    import torch
    torch.set_num_threads(args.threads)

    load0 = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for T in (int(x) for x in args.shapes.split(",")):
            E, heads, key_dim = SHAPES[T]
            spec = os.path.join(tmp, f"mha_{T}.json")
            with open(spec, "w") as f:
                json.dump({"layer": "MultiHeadAttention", "config": {"num_heads": heads, "key_dim": key_dim},
                           "shapes": {"batch": 1, "query_len": T, "source_len": T,
                                      "query_features": E, "value_features": E}, "seed": 7}, f)
            runs = args.runs * (20 if T <= 64 else 1)  # short passes: more of them
            a, r, g, p = [], [], [], []
            for _ in range(args.rounds):
                ms, rate, sgemm = attnviz_once(args.trace, spec, runs, args.threads)
                a.append(ms), r.append(rate), g.append(sgemm)
                p.append(torch_once(torch, T, E, heads, runs))
            ratios = [x / y for x, y in zip(a, p)]
            shares = [x / y for x, y in zip(r, g)]
            rows.append((f"{T}, {E}, {heads}, {key_dim}", statistics.median(a), statistics.median(p),
                         statistics.median(ratios), statistics.median(r), statistics.median(g),
                         statistics.median(shares)))
    load1 = os.getloadavg()[0]
    print(f"threads {args.threads}; load average (1 min) {load0:.2f} before, {load1:.2f} after; "
          f"medians of {args.rounds} alternating rounds of {args.runs}+ passes")
    print("| shape (T=S, E, heads, key_dim) | attnviz trace | PyTorch MHA | attnviz / PyTorch "
          "| trace GFLOP/s | Eigen SGEMM GFLOP/s | trace / SGEMM |")
    print("|---|---|---|---|---|---|---|")
    for shape, a, p, ratio, r, g, share in rows:
        print(f"| {shape} | {a:.3f} ms | {p:.3f} ms | {ratio:.2f}× | {r:.1f} | {g:.1f} | {100 * share:.0f} % |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
