// One block's layer of a trained model as a spec, so that every view of the
// window (timeline, stage, inspector, Compare, Weights) steps through the
// trained layer on the probe example: its input is what the model feeds the
// block (block<b>/query of the probe trace), its weights are the trained ones,
// and its backward pass starts from the model's own gradient at the block's
// output (grad/block<b>/output, that example's rows): its weight gradients are
// that example's share of the batch's. No Qt.
#pragma once

#include "core/spec/spec.h"
#include "core/train/trainer.h"

namespace attnviz::core {

/// Block `block`'s layer on example `row` of the trainer's probe. Throws
/// std::invalid_argument for a block or row out of range.
Spec trainedLayerSpec(const Trainer& trainer, int block, Index row = 0);

} // namespace attnviz::core
