// The Trainer: one Keras training step at a time (forward, backward, Adam),
// on weights and workspaces allocated once.
#include "core/train/trainer.h"

#include "core/train/model.h"
#include "core/train/tasks.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace attnviz::core {

Trainer::Trainer(TrainSpec spec, const TrainLimits& limits) : m_spec(std::move(spec)) {
    validateTrainSpec(m_spec, limits);
    const auto shapes = modelWeightShapes(m_spec.model);
    std::map<std::string, Tensor> init =
        m_spec.init.empty() ? initialModelWeights(m_spec.model, m_spec.seed) : m_spec.init;
    for (const auto& [key, shape] : shapes) {
        m_keys.push_back(key);
        m_shapes.push_back(shape);
        m_offset.push_back(m_arena);
        m_arena += alignedFloats(shapeSize(shape));
    }
    m_store.assign(4 * m_arena + 16, 0.0f);
    const auto addr = reinterpret_cast<std::uintptr_t>(m_store.data());
    float* base = m_store.data() + ((64 - addr % 64) % 64) / sizeof(float);
    m_init = base;
    m_w = base + m_arena;
    m_m = base + 2 * m_arena;
    m_v = base + 3 * m_arena;
    for (size_t i = 0; i < m_keys.size(); ++i) {
        const Tensor& t = init.at(m_keys[i]);
        std::copy(t.values().begin(), t.values().end(), m_init + m_offset[i]);
    }
    std::copy_n(m_init, m_arena, m_w);
    const Index B = m_spec.data ? m_spec.data->batch : m_spec.task->batch;
    m_model = std::make_unique<TrainModel>(m_spec.model, B, weightPointers());
    m_learningRate = m_spec.optimizer.learningRate;
    fillBatch(1, m_batch);
    m_probe = m_batch;
    // The history is reserved so that a step does not allocate (past this it grows).
    m_loss.reserve(size_t(std::max<Index>(m_spec.steps, 4096)));
    m_accuracy.reserve(m_loss.capacity());
}

Trainer::~Trainer() = default;

std::vector<const float*> Trainer::weightPointers() const {
    std::vector<const float*> p;
    for (size_t off : m_offset)
        p.push_back(m_w + off);
    return p;
}

bool Trainer::finished() const {
    return m_spec.data && m_stepsDone >= m_spec.steps;
}

void Trainer::fillBatch(Index s, TrainBatch& out) const {
    if (m_spec.task) {
        taskBatch(*m_spec.task, m_spec.model, s, out);
        return;
    }
    const TrainData& d = *m_spec.data;
    if (s < 1 || s > d.steps)
        throw std::out_of_range("batch " + std::to_string(s) + " is outside the data's " + std::to_string(d.steps) +
                                " batches");
    const Index per = d.batch * d.length;
    const auto from = size_t((s - 1) * per);
    out.batch = d.batch;
    out.length = d.length;
    out.tokens.assign(d.tokens.begin() + from, d.tokens.begin() + from + size_t(per));
    out.targets.assign(d.targets.begin() + from, d.targets.begin() + from + size_t(per));
    if (d.lossMask.empty())
        out.lossMask.clear();
    else
        out.lossMask.assign(d.lossMask.begin() + from, d.lossMask.begin() + from + size_t(per));
}

TrainBatch Trainer::batch(Index s) const {
    TrainBatch b;
    fillBatch(s, b);
    return b;
}

StepResult Trainer::step() {
    if (finished())
        throw std::out_of_range("the data holds " + std::to_string(m_spec.steps) + " steps; all are done");
    const Index s = m_stepsDone + 1;
    fillBatch(s, m_batch);
    const BatchFigures f = m_model->run(m_batch.tokens.data(), m_batch.targets.data(),
                                        m_batch.lossMask.empty() ? nullptr : m_batch.lossMask.data(), true);
    if (s == 1 && m_firstGradients.empty())
        m_firstGradients = gradients();
    applyAdam(s);
    m_stepsDone = s;
    m_loss.push_back(f.loss);
    m_accuracy.push_back(f.accuracy);
    return StepResult{s, f.loss, f.accuracy, f.counted};
}

// keras/src/optimizers/adam.py, Adam.update_step (Keras 3.16), in float32 as
// Keras computes it for float32 variables, with iterations = s − 1:
//   local_step = iterations + 1; α = lr·√(1 − β₂^local_step) / (1 − β₁^local_step)
//   m += (g − m)(1 − β₁); v += (g² − v)(1 − β₂); w −= m·α / (√v + ε)
void Trainer::applyAdam(Index s) {
    const float lr = static_cast<float>(m_learningRate);
    const float localStep = static_cast<float>(s);
    const float b1p = std::pow(static_cast<float>(m_spec.optimizer.beta1), localStep);
    const float b2p = std::pow(static_cast<float>(m_spec.optimizer.beta2), localStep);
    const float alpha = lr * std::sqrt(1.0f - b2p) / (1.0f - b1p);
    // 1 − β is a Python float multiplied into a float32 tensor: computed in double, then rounded.
    const float c1 = static_cast<float>(1.0 - m_spec.optimizer.beta1);
    const float c2 = static_cast<float>(1.0 - m_spec.optimizer.beta2);
    const float eps = static_cast<float>(m_spec.optimizer.epsilon);
    for (size_t i = 0; i < m_keys.size(); ++i) {
        const Index n = m_model->gradientSize(i);
        Eigen::Map<Eigen::ArrayXf> w(m_w + m_offset[i], n), m(m_m + m_offset[i], n), v(m_v + m_offset[i], n);
        const Eigen::Map<const Eigen::ArrayXf> g(m_model->gradient(i), n);
        // Element by element, the same float32 operations as the update above
        // (Eigen's sqrt is the correctly rounded one, vectorised).
        m += (g - m) * c1;
        v += (g.square() - v) * c2;
        w -= (m * alpha) / (v.sqrt() + eps);
    }
}

void Trainer::reset() {
    std::copy_n(m_init, m_arena, m_w);
    std::fill_n(m_m, m_arena, 0.0f);
    std::fill_n(m_v, m_arena, 0.0f);
    m_loss.clear();
    m_accuracy.clear();
    m_firstGradients.clear();
    m_stepsDone = 0;
    m_learningRate = m_spec.optimizer.learningRate;
}

void Trainer::setLearningRate(double lr) {
    if (!(lr >= 0) || !std::isfinite(lr))
        throw SpecError("optimizer.learning_rate",
                        "learning_rate must be a finite number ≥ 0. Received: learning_rate=" + std::to_string(lr));
    m_learningRate = lr;
}

std::map<std::string, Tensor> Trainer::weights() const {
    std::map<std::string, Tensor> out;
    for (size_t i = 0; i < m_keys.size(); ++i) {
        Tensor t = Tensor::uninitialized(m_shapes[i]);
        std::copy_n(m_w + m_offset[i], t.size(), t.data());
        out[m_keys[i]] = std::move(t);
    }
    return out;
}

std::map<std::string, Tensor> Trainer::gradients() const {
    return gradientsOf(*m_model);
}

std::map<std::string, Tensor> Trainer::gradientsOf(const TrainModel& model) const {
    std::map<std::string, Tensor> out;
    for (size_t i = 0; i < m_keys.size(); ++i) {
        Tensor t = Tensor::uninitialized(m_shapes[i]);
        std::copy_n(model.gradient(i), t.size(), t.data());
        out[m_keys[i]] = std::move(t);
    }
    return out;
}

std::map<std::string, float> Trainer::gradientNorms() const {
    std::map<std::string, float> out;
    for (size_t i = 0; i < m_keys.size(); ++i) {
        double sum = 0;
        const float* g = m_model->gradient(i);
        for (Index j = 0; j < m_model->gradientSize(i); ++j)
            sum += double(g[j]) * double(g[j]);
        out[m_keys[i]] = float(std::sqrt(sum));
    }
    return out;
}

void Trainer::setProbe(TrainBatch probe) {
    const Index L = m_spec.model.length;
    if (probe.length != L || probe.batch < 1 || probe.tokens.size() != size_t(probe.batch * L) ||
        probe.targets.size() != probe.tokens.size() ||
        (!probe.lossMask.empty() && probe.lossMask.size() != probe.tokens.size()))
        throw SpecError("probe", "The probe batch must be [batch, " + std::to_string(L) +
                                     "] tokens and targets (and an optional loss mask of that shape).");
    for (size_t i = 0; i < probe.tokens.size(); ++i)
        if (probe.tokens[i] < 0 || probe.tokens[i] >= m_spec.model.vocab || probe.targets[i] < 0 ||
            probe.targets[i] >= m_spec.model.vocab)
            throw SpecError("probe", "A probe token or target is outside the vocabulary [0, " +
                                         std::to_string(m_spec.model.vocab) + ").");
    m_probe = std::move(probe);
    m_probeModel.reset();
}

const TrainModel& Trainer::probeForward() const {
    if (!m_probeModel || m_probeModel->batch() != m_probe.batch)
        m_probeModel = std::make_unique<TrainModel>(m_spec.model, m_probe.batch, weightPointers());
    m_probeModel->run(m_probe.tokens.data(), m_probe.targets.data(),
                      m_probe.lossMask.empty() ? nullptr : m_probe.lossMask.data(), false);
    return *m_probeModel;
}

Tensor Trainer::probeAttention(int block) const {
    if (block < 0 || block >= int(m_spec.model.blocks.size()))
        throw std::out_of_range("block " + std::to_string(block) + " does not exist");
    const TrainModel& m = probeForward();
    const Index B = m_probe.batch, N = m.heads(block), L = m_spec.model.length;
    Tensor t = Tensor::uninitialized({B, N, L, L});
    std::copy_n(m.attention(block), t.size(), t.data());
    return t;
}

} // namespace attnviz::core
