#!/usr/bin/python3
"""attnviz training step vs PyTorch 1.13 eager, one thread, alternating in one run.

The model of issue 19 in both: token + position Embedding, one
MultiHeadAttention block (residual + LayerNormalization(epsilon=1e-3)), Dense
logits, masked cross-entropy, Adam (lr 0.01, eps 1e-7). attnviz's side is
tests/bench/bench_train (Google Benchmark, BM_TrainStep: forward, backward,
Keras' Adam update); PyTorch's is nn.Embedding, nn.MultiheadAttention,
nn.LayerNorm, nn.Linear, F.cross_entropy and torch.optim.Adam, timed per step
(zero_grad, forward, backward, step). Both take random batches of the reverse
task. Each round runs attnviz, then PyTorch; the table has the medians over
rounds of the mean wall and CPU time per step (means over a round's steps on
both sides), the ratio attnviz / PyTorch, and the
load average before and after. Run with Debian's python3 (python3-torch):

    scripts/bench_train_vs_torch.py [--bench build/tests/bench/bench_train] [--rounds 5]
"""
import argparse
import json
import os
import statistics
import subprocess
import time

MODELS = {  # name: (batch, length, vocab, E, heads, key_dim), as tests/bench/bench_train.cpp
    "small": (32, 8, 8, 32, 2, 16),
    "larger": (64, 32, 16, 128, 4, 32),
}
ARG = {"small": 0, "larger": 1}


def attnviz_once(bench, name, min_time):
    out = subprocess.run([bench, "--benchmark_filter=BM_TrainStep/%d$" % ARG[name], "--benchmark_format=json",
                          "--benchmark_min_time=%g" % min_time], check=True, capture_output=True, text=True).stdout
    b = json.loads(out)["benchmarks"][0]
    scale = {"us": 1e-3, "ms": 1.0, "ns": 1e-6}[b["time_unit"]]
    return b["real_time"] * scale, b["cpu_time"] * scale  # ms


def torch_once(torch, name, steps):
    B, L, V, E, heads, kd = MODELS[name]
    assert heads * kd == E  # nn.MultiheadAttention's head width is E / heads
    torch.manual_seed(0)
    nn = torch.nn

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.tok = nn.Embedding(V, E)
            self.pos = nn.Embedding(L, E)
            self.mha = nn.MultiheadAttention(E, heads, batch_first=True)
            self.ln = nn.LayerNorm(E, eps=1e-3)
            self.logits = nn.Linear(E, V)

        def forward(self, x):
            h = self.tok(x) + self.pos.weight[None, :, :]
            a, _ = self.mha(h, h, h, need_weights=True, average_attn_weights=False)
            return self.logits(self.ln(h + a))

    model = Model()
    opt = torch.optim.Adam(model.parameters(), lr=0.01, eps=1e-7)
    g = torch.Generator().manual_seed(1)

    def step():
        x = torch.randint(0, V, (B, L), generator=g)
        y = torch.flip(x, dims=[1])
        opt.zero_grad(set_to_none=True)
        z = model(x)
        loss = torch.nn.functional.cross_entropy(z.reshape(-1, V), y.reshape(-1))
        loss.backward()
        opt.step()
        return loss

    for _ in range(5):  # warm-up
        step()
    # Means over the steps, as Google Benchmark reports attnviz's: on a shared
    # machine whose scheduler throttles a process now and then, a median of
    # single steps would leave the throttled ones out and flatter PyTorch.
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(steps):
        step()
    return (time.perf_counter() - t0) * 1e3 / steps, (time.process_time() - c0) * 1e3 / steps


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", default=os.path.join(here, "..", "build", "tests", "bench", "bench_train"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--min-time", type=float, default=0.5, help="Google Benchmark seconds per attnviz run")
    args = ap.parse_args()
    import torch
    torch.set_num_threads(1)
    load0 = os.getloadavg()
    res = {n: {"a": [], "t": []} for n in MODELS}
    for _ in range(args.rounds):
        for name in MODELS:
            res[name]["a"].append(attnviz_once(args.bench, name, args.min_time))
            res[name]["t"].append(torch_once(torch, name, 500 if name == "small" else 30))
    load1 = os.getloadavg()
    print("torch %s, %d thread, %d rounds alternating; load average %.2f before, %.2f after" %
          (torch.__version__, torch.get_num_threads(), args.rounds, load0[0], load1[0]))
    print("| model | attnviz wall ms/step | PyTorch wall ms/step | ratio (wall) | attnviz CPU ms | PyTorch CPU ms | ratio (CPU) |")
    print("|---|---|---|---|---|---|---|")
    for name in MODELS:
        aw = statistics.median(x[0] for x in res[name]["a"])
        ac = statistics.median(x[1] for x in res[name]["a"])
        tw = statistics.median(x[0] for x in res[name]["t"])
        tc = statistics.median(x[1] for x in res[name]["t"])
        B, L, V, E, heads, kd = MODELS[name]
        print("| %s (B %d, L %d, V %d, E %d, %d×%d) | %.3f | %.3f | %.3f× | %.3f | %.3f | %.3f× |" %
              (name, B, L, V, E, heads, kd, aw, tw, aw / tw, ac, tc, ac / tc))


if __name__ == "__main__":
    main()
