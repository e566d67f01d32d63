// Toy tasks: batch s of a task depends on (seed, s) only, so a run can be
// repeated, resumed or saved as a bundle.
#include "core/train/tasks.h"

#include "core/base/random.h"
#include "core/train/trainer.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace attnviz::core {

const std::vector<TrainTask>& trainTasks() {
    static const std::vector<TrainTask> tasks = {
        {"copy", "Each position's target is its own token.",
         "the diagonal: each query attends to itself (the residual alone also carries the token)", false, 1, 8, 8, 32,
         32, 0.01},
        {"reverse", "Position t's target is the token at position L−1−t.",
         "the anti-diagonal: query t attends to key L−1−t", false, 1, 8, 8, 32, 32, 0.01},
        {"copy_previous", "Position t's target is the token at t−1 (no loss at t = 0); causal.",
         "the sub-diagonal: query t attends to key t−1", true, 1, 8, 8, 32, 32, 0.01},
        {"max", "Every position's target is the largest token of the sequence.",
         "columns: every query attends to the positions holding the largest token", false, 1, 8, 8, 32, 32, 0.01},
        {"sort", "Position t's target is the t-th smallest token of the sequence.",
         "a permutation: query t attends to the key whose rank is t", false, 1, 8, 8, 32, 32, 0.01},
        {"lookup",
         "Pairs key₀ value₀ key₁ value₁ … then a query key: the last position's target is that key's value; "
         "causal.",
         "block 0: each value looks at its key (sub-diagonal); block 1: the last query looks at the value whose key "
         "matches",
         true, 2, 16, 9, 32, 32, 0.003},
        {"induction",
         "A random first half, then the same half again; the target is the next token, counted on the second half; "
         "causal.",
         "block 1: the offset diagonal, query t attends to key t − L/2 + 1 (the token after the earlier copy of "
         "its own); with learned position embeddings and a fixed repeat offset it needs no 'previous token' head "
         "in block 0, and the trained block 0 stays diffuse",
         true, 2, 8, 16, 32, 32, 0.01},
    };
    return tasks;
}

const TrainTask* findTrainTask(const std::string& name) {
    for (const TrainTask& t : trainTasks())
        if (t.name == name)
            return &t;
    return nullptr;
}

std::string trainTaskNames() {
    std::string s;
    for (const TrainTask& t : trainTasks())
        s += (s.empty() ? "" : ", ") + t.name;
    return s;
}

TrainSpec taskTrainSpec(const std::string& name, Index steps, std::uint64_t seed, std::optional<LayerKind> layer) {
    const TrainTask* t = findTrainTask(name);
    if (!t)
        throw SpecError("task", "Unknown task '" + name + "'. Known: " + trainTaskNames() + ".");
    TrainSpec s;
    s.model.vocab = t->vocab;
    s.model.length = t->length;
    s.model.embedDim = t->embedDim;
    for (int b = 0; b < t->blocks; ++b) {
        BlockSpec blk;
        blk.config.layer = layer.value_or(LayerKind::MultiHeadAttention);
        switch (blk.config.layer) {
        case LayerKind::MultiHeadAttention:
            blk.config.numHeads = 2;
            blk.config.keyDim = 16;
            break;
        case LayerKind::GroupQueryAttention:
            blk.config.numHeads = 2;
            blk.config.numKeyValueHeads = 1;
            blk.config.keyDim = 16;
            break;
        case LayerKind::Attention: blk.config.useScale = true; break;
        case LayerKind::AdditiveAttention: break;
        }
        blk.useCausalMask = t->causal;
        blk.residual = true;
        blk.layerNorm = true;
        s.model.blocks.push_back(blk);
    }
    s.optimizer.learningRate = t->learningRate;
    s.steps = steps;
    s.seed = seed;
    s.task = TaskData{name, t->batch, seed};
    return s;
}

void taskBatch(const TaskData& task, const ModelSpec& model, Index s, TrainBatch& out) {
    const TrainTask* info = findTrainTask(task.name);
    if (!info)
        throw std::invalid_argument("unknown task " + task.name);
    const Index B = task.batch, L = model.length, V = model.vocab;
    out.batch = B;
    out.length = L;
    out.tokens.resize(size_t(B * L));
    out.targets.resize(size_t(B * L));
    out.lossMask.resize(size_t(B * L));
    Rng rng(task.seed * 0x9E3779B97F4A7C15ull ^ (std::uint64_t(s) * 0xD1B54A32D192ED03ull + 0x632BE59BD9B4E019ull));
    auto draw = [&](Index n) { return std::int32_t(std::min<Index>(n - 1, Index(rng.uniform() * double(n)))); };
    const std::string& n = task.name;
    for (Index b = 0; b < B; ++b) {
        std::int32_t* x = out.tokens.data() + b * L;
        std::int32_t* y = out.targets.data() + b * L;
        std::uint8_t* m = out.lossMask.data() + b * L;
        std::fill_n(m, L, std::uint8_t(1));
        if (n == "lookup") {
            // keys from [0, V/2), values from [V/2, V); pairs then the query key
            const Index K = V / 2, pairs = (L - 1) / 2;
            std::int32_t keys[64];
            for (Index i = 0; i < K && i < 64; ++i)
                keys[i] = std::int32_t(i);
            for (Index i = 0; i < pairs; ++i) { // partial Fisher–Yates: distinct keys
                const Index j = i + Index(draw(std::int32_t(K - i)));
                std::swap(keys[i], keys[j]);
            }
            for (Index i = 0; i < pairs; ++i) {
                x[2 * i] = keys[i];
                x[2 * i + 1] = std::int32_t(K) + draw(std::int32_t(V - K));
            }
            for (Index t = 2 * pairs; t < L; ++t)
                x[t] = keys[draw(std::int32_t(pairs))];
            const Index pick = std::find(x, x + 2 * pairs, x[L - 1]) - x;
            std::fill_n(y, L, 0);
            std::fill_n(m, L, std::uint8_t(0));
            y[L - 1] = x[pick + 1];
            m[L - 1] = 1;
            continue;
        }
        if (n == "induction") {
            const Index half = L / 2;
            for (Index t = 0; t < half; ++t)
                x[t] = draw(std::int32_t(V));
            for (Index t = half; t < L; ++t)
                x[t] = x[t - half];
            for (Index t = 0; t < L; ++t) {
                y[t] = t + 1 < L ? x[t + 1] : 0;
                m[t] = (t >= half && t + 1 < L) ? 1 : 0;
            }
            continue;
        }
        for (Index t = 0; t < L; ++t)
            x[t] = draw(std::int32_t(V));
        if (n == "copy") {
            std::copy_n(x, L, y);
        } else if (n == "reverse") {
            for (Index t = 0; t < L; ++t)
                y[t] = x[L - 1 - t];
        } else if (n == "copy_previous") {
            y[0] = 0;
            m[0] = 0;
            for (Index t = 1; t < L; ++t)
                y[t] = x[t - 1];
        } else if (n == "max") {
            std::fill_n(y, L, *std::max_element(x, x + L));
        } else if (n == "sort") {
            std::copy_n(x, L, y);
            std::sort(y, y + L);
        }
    }
}

TrainData materializeTask(const TaskData& task, const ModelSpec& model, Index steps) {
    TrainData d;
    d.steps = steps;
    d.batch = task.batch;
    d.length = model.length;
    TrainBatch b;
    for (Index s = 1; s <= steps; ++s) {
        taskBatch(task, model, s, b);
        d.tokens.insert(d.tokens.end(), b.tokens.begin(), b.tokens.end());
        d.targets.insert(d.targets.end(), b.targets.begin(), b.targets.end());
        d.lossMask.insert(d.lossMask.end(), b.lossMask.begin(), b.lossMask.end());
    }
    return d;
}

} // namespace attnviz::core
