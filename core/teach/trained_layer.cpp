#include "core/teach/trained_layer.h"

#include <stdexcept>

namespace attnviz::core {

namespace {

// Example `row` of a [B, ...] tensor as [1, ...].
Tensor rowOf(const Tensor& t, Index row) {
    Shape shape = t.shape();
    const Index per = t.size() / shape[0];
    shape[0] = 1;
    return Tensor(shape, std::vector<float>(t.data() + row * per, t.data() + (row + 1) * per));
}

} // namespace

Spec trainedLayerSpec(const Trainer& trainer, int block, Index row) {
    const TrainSpec& ts = trainer.spec();
    if (block < 0 || block >= int(ts.model.blocks.size()))
        throw std::invalid_argument("The model has " + std::to_string(ts.model.blocks.size()) +
                                    " block(s). Received: block=" + std::to_string(block));
    const TrainBatch& probe = trainer.probe();
    if (row < 0 || row >= probe.batch)
        throw std::invalid_argument("The probe has " + std::to_string(probe.batch) +
                                    " example(s). Received: row=" + std::to_string(row));
    const Trace trace = trainer.probeTrace();
    const std::string b = "block" + std::to_string(block) + "/";
    const Step* input = trace.find(b + "query");
    if (!input)
        throw std::invalid_argument("The probe trace has no step " + b + "query");
    Spec s = blockLayerSpec(ts.model.blocks[size_t(block)], ts.model, 1);
    s.query = rowOf(input->value, row);
    s.value = s.query; // self-attention: query = value = the block's input (key := value)
    for (const auto& [key, w] : trainer.weights())
        if (key.starts_with(b) && key.find("/layer_norm/") == std::string::npos)
            s.weights[key.substr(b.size())] = w;
    s.backward = BackwardRequest{};
    if (const Step* g = trace.find("grad/" + b + "output"))
        s.backward->outputGrad = rowOf(g->value, row);
    for (Index t = 0; t < probe.length; ++t)
        s.queryTokens.push_back(std::to_string(probe.tokens[size_t(row * probe.length + t)]));
    s.sourceTokens = s.queryTokens;
    return s;
}

} // namespace attnviz::core
