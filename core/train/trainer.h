// The public training API: a Trainer owns the model's weights, Adam's state
// and every workspace, and takes one Keras training step at a time. The Train
// window, attnviz-trace --train and the tests all use it. No Qt.
//
// A Trainer is not thread-safe: call it from one thread (the Train window
// runs it on a worker and copies out what it shows).
#pragma once

#include "core/base/tensor.h"
#include "core/train/train_spec.h"
#include "core/trace/trace.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace attnviz::core {

/// One batch: tokens, targets [batch, length], loss mask (empty = all ones).
struct TrainBatch {
    Index batch = 0, length = 0;
    std::vector<std::int32_t> tokens;
    std::vector<std::int32_t> targets;
    std::vector<std::uint8_t> lossMask;
};

/// What one step computed (before its update).
struct StepResult {
    Index step = 0;     // 1-based
    float loss = 0;     // mean cross-entropy over the masked positions
    float accuracy = 0; // share of masked positions whose argmax logit is the target
    Index counted = 0;  // masked positions of the batch
};

class TrainModel; // core/train/model.h (internal)

class Trainer {
public:
    /// Validates (SpecError naming the field) and allocates everything once.
    explicit Trainer(TrainSpec spec, const TrainLimits& limits = {});
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    const TrainSpec& spec() const { return m_spec; }
    /// Steps taken so far (0 after construction or reset()).
    Index stepsDone() const { return m_stepsDone; }
    /// Steps the spec asks for. With file data, step() refuses to go beyond
    /// them; a task generates batches for any step.
    Index totalSteps() const { return m_spec.steps; }
    /// True when the data has no batch left (never for a task).
    bool finished() const;

    /// Take step stepsDone()+1: loss, gradients, Keras' Adam update. No heap
    /// allocation after the first call. Throws std::out_of_range when the
    /// data has no batch left.
    StepResult step();
    /// Back to the initial weights, zero Adam state, empty history.
    void reset();

    /// Adam's learning rate from the next step on (Keras: optimizer.learning_rate.assign).
    void setLearningRate(double lr);
    double learningRate() const { return m_learningRate; }

    /// Per step, in order: the loss and accuracy each step computed.
    const std::vector<float>& lossHistory() const { return m_loss; }
    const std::vector<float>& accuracyHistory() const { return m_accuracy; }

    /// Every weight key in Keras' build order (modelWeightShapes).
    const std::vector<std::string>& weightKeys() const { return m_keys; }
    /// The current weights / the last step's gradients, by weight key.
    std::map<std::string, Tensor> weights() const;
    std::map<std::string, Tensor> gradients() const;
    /// The gradients of step 1 (kept for --train's grad_step1/*); empty before step 1.
    const std::map<std::string, Tensor>& firstGradients() const { return m_firstGradients; }
    /// L2 norm of the last step's gradient of each weight.
    std::map<std::string, float> gradientNorms() const;

    /// Batch s (1-based) as the data or the task gives it.
    TrainBatch batch(Index s) const;

    /// The probe batch the attention maps and the probe trace are computed
    /// on: by default the first batch. Sizes must match the model's length.
    void setProbe(TrainBatch probe);
    const TrainBatch& probe() const { return m_probe; }
    /// Block b's attention weights on the probe with the current weights:
    /// [batch, heads, length, length] (heads = 1 for Attention and
    /// AdditiveAttention), what Keras returns with return_attention_scores.
    Tensor probeAttention(int block) const;
    /// The model's whole forward pass on the probe as steps, then its
    /// backward pass down to every weight (keys in trainer.cpp's header).
    Trace probeTrace() const;

private:
    void applyAdam(Index s);
    std::vector<const float*> weightPointers() const;
    std::map<std::string, Tensor> gradientsOf(const TrainModel& model) const;
    void fillBatch(Index s, TrainBatch& out) const;
    const TrainModel& probeForward() const;

    TrainSpec m_spec;
    std::unique_ptr<TrainModel> m_model;
    std::vector<std::string> m_keys;
    // Initial weights, current weights, Adam's m and v: four arenas of the
    // same layout, each weight at a 64-byte aligned offset (see model.h).
    std::vector<Shape> m_shapes;
    std::vector<size_t> m_offset;
    std::vector<float> m_store; // 4 arenas + alignment slack
    float* m_init = nullptr;
    float* m_w = nullptr;
    float* m_m = nullptr;
    float* m_v = nullptr;
    size_t m_arena = 0;                               // floats per arena
    mutable std::unique_ptr<TrainModel> m_probeModel; // forward passes on the probe
    TrainBatch m_batch;                               // the current step's batch (reused)
    TrainBatch m_probe;
    std::map<std::string, Tensor> m_firstGradients;
    std::vector<float> m_loss, m_accuracy;
    double m_learningRate = 0.001;
    Index m_stepsDone = 0;
};

} // namespace attnviz::core
