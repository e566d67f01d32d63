// Internal to core/train: the training model's lean forward and backward
// passes on buffers allocated once (token + position embeddings, attention
// blocks with Add & LayerNormalization, logits, masked cross-entropy). The
// Trainer owns one; the probe trace is built separately from the layer code.
#pragma once

#include "core/base/tensor.h"
#include "core/layers/backward.h"
#include "core/train/train_spec.h"

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace attnviz::core {

/// A float buffer aligned for Eigen's widest packets. Every buffer the
/// training passes read or write is one (or sits at a fixed, 64-byte aligned
/// offset in one): Eigen's vectorised reductions peel their first elements up
/// to an aligned address, so the same data at another alignment would be
/// summed in another order and give other last bits from run to run.
using AlignedBuffer = std::vector<float, Eigen::aligned_allocator<float>>;

/// Loss, accuracy and counted positions of one forward pass.
struct BatchFigures {
    float loss = 0;
    float accuracy = 0;
    Index counted = 0;
};

/// n floats rounded up to a multiple of 16 (64 bytes): the offset step of aligned arenas.
size_t alignedFloats(Index n);

class TrainModel {
public:
    /// Weights are read from `weights` (one 64-byte aligned pointer per
    /// modelWeightShapes key, in that order), which must stay valid while the
    /// model runs. `batch` rows per pass.
    TrainModel(const ModelSpec& model, Index batch, std::vector<const float*> weights);

    Index batch() const { return m_B; }
    /// Forward pass (and, when `backward`, the gradient of the loss w.r.t.
    /// every weight, into gradients()). tokens/targets [batch, length]; mask
    /// may be null (every position counts). No heap allocation.
    BatchFigures run(const std::int32_t* tokens, const std::int32_t* targets, const std::uint8_t* mask, bool backward);

    /// The last run's gradient of weight i (modelWeightShapes order) and its size.
    const float* gradient(size_t i) const { return m_grads.data() + m_gradOffset[i]; }
    Index gradientSize(size_t i) const { return m_gradSize[i]; }
    size_t weightCount() const { return m_gradSize.size(); }
    /// The last run's attention weights of block b: [batch, heads, length, length].
    const float* attention(int block) const;
    Index heads(int block) const;
    /// The last run's tensors, for the probe trace (row-major, B·L rows):
    /// the embeddings (B, L, E); block b's input (B, L, E), its layer's output
    /// Y, the residual sum x + Y (when residual), its output; the logits
    /// (B, L, V). After a run with backward: dL/dlogits, dL/d(block output),
    /// dL/dY of block b's layer and dL/d(embeddings).
    const AlignedBuffer& logits() const { return m_logits; }
    const AlignedBuffer& embeddings() const { return m_x0; }
    const float* blockInput(int block) const;
    const float* layerOutput(int block) const;
    const float* residualSum(int block) const;
    const float* blockOutput(int block) const;
    const AlignedBuffer& logitsGrad() const { return m_dlogits; }
    const float* blockOutputGrad(int block) const;
    const float* layerOutputGrad(int block) const;
    const AlignedBuffer& embeddingsGrad() const { return m_dx0; }

    ~TrainModel();
    TrainModel(const TrainModel&) = delete;
    TrainModel& operator=(const TrainModel&) = delete;

    struct Block; // model.cpp

private:
    void blockForward(Block& blk, const float* x, float* out);
    MhaDims mhaDims(const Block& blk) const;
    AttentionDims attentionDims(const Block& blk) const;
    void blockBackward(Block& blk, const float* x, float* dout, float* dx);

    Index m_B, m_L, m_E, m_V;
    std::vector<const float*> m_w;
    AlignedBuffer m_grads; // every gradient, each at a 64-byte aligned offset
    std::vector<size_t> m_gradOffset;
    std::vector<Index> m_gradSize;
    int m_tok, m_pos, m_logitK, m_logitB; // weight indices
    std::vector<std::unique_ptr<Block>> m_blocks;
    AlignedBuffer m_x0, m_logits, m_dlogits, m_dx, m_dx2, m_dx0;
};

} // namespace attnviz::core
