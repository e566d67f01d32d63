// A training run as a runnable Python script (issue 20): Keras 3
// (train_on_batch with Keras' own Adam) or PyTorch (the same model in torch
// ops and Keras' Adam update written out). Each script builds the model of
// train.json (trace-format.md, "Training") from attnviz's initial weights,
// trains it on attnviz's batches with attnviz's learning rate at every step,
// and compares its loss and accuracy curves with attnviz's (loss rtol 1e-3,
// accuracy the same count), exiting 1 when they differ. Data, init and the
// expected curves are in <stem>.npz beside the script. No Qt.
#pragma once

#include "core/io/keras_writer.h"
#include "core/teach/script_export.h"
#include "core/train/trainer.h"

#include <map>
#include <string>
#include <vector>

namespace attnviz::core {

struct TrainScriptInput {
    KerasModelDesc model;              // the architecture (vocab, length, embed width, blocks)
    std::vector<double> learningRates; // one per step (the rate may change during a run)
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7;
    std::map<std::string, Tensor> init; // every weight before step 1 (trace-format.md keys)
    Tensor tokens, targets, lossMask;   // [steps, batch, length]; mask 0/1 (empty: all ones)
    std::vector<float> loss, accuracy;  // attnviz's curve: each step's loss (before its update) and accuracy
};

struct TrainScript {
    std::string script;                 // the .py text
    std::map<std::string, Tensor> data; // <stem>.npz: tokens, targets, loss_mask, init/<key>, expected/loss, …
};

/// The Keras model of a train.json model (for the .keras writer and the scripts).
KerasModelDesc kerasModelOf(const ModelSpec& model);

/// What a trainer has done so far as a script's input: its model, init, the
/// batches of the steps taken and their curve. `learningRates` gives each
/// step's rate (the Train window records them when the rate changed during
/// the run); empty: the spec's rate at every step.
TrainScriptInput trainScriptInput(const Trainer& trainer, const std::vector<double>& learningRates = {});

/// Keras or PyTorch (NumPy has no gradients: refused). Throws
/// std::invalid_argument for a target or run it cannot express (dropout > 0:
/// the scripts cannot draw attnviz's dropout masks; a curve of another length
/// than the data).
TrainScript exportTrainScript(const TrainScriptInput& run, ScriptTarget target, const std::string& stem);

/// Write OUT.py and OUT.npz (pyPath must end in .py).
void writeTrainScript(const std::string& pyPath, const TrainScriptInput& run, ScriptTarget target);

} // namespace attnviz::core
