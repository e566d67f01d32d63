// The trained model as a trace (Trainer::probeTrace): the whole forward pass
// of the model on the probe batch, then its backward pass down to every
// weight. Each block's attention steps are the layer's own (core::run with
// the block's weights and inputs), keyed block<b>/<key>; the backward steps
// are keyed grad/<key> (grad/block<b>/<key> inside a block, grad/<weight key>
// per weight), so the views show it as they show any trace.
//
// Keys, in order: tokens, token_embedding, position_embedding, embeddings;
// per block: block<b>/… (the layer's steps), block<b>/residual,
// block<b>/layer_norm; logits, probabilities, loss_per_position, loss; then
// grad/logits, per block from the last: grad/block<b>/layer_norm,
// grad/block<b>/residual, and the layer's own backward steps (appendBackward:
// grad/block<b>/output … grad/block<b>/query, grad/block<b>/value and
// grad/block<b>/<its weights>); grad/embeddings; and grad/<weight key> for the
// embeddings, the layer norms and the logits.
#include "core/train/trainer.h"

#include "core/layers/backward.h"
#include "core/layers/layer_norm.h"
#include "core/layers/run.h"
#include "core/trace/step_display.h"
#include "core/train/model.h"

#include <cmath>

namespace attnviz::core {

namespace {

Tensor fromBuffer(const float* p, Shape shape) {
    Tensor t = Tensor::uninitialized(std::move(shape));
    std::copy_n(p, t.size(), t.data());
    return t;
}

void push(Trace& trace, Step step) {
    step.bytes = 4.0 * double(step.value.size());
    step.display = describeStep(trace, step);
    trace.steps.push_back(std::move(step));
}

using R = AxisRole;

// The role of a weight from its key's last part.
ParamRole roleOf(const std::string& key) {
    if (key.ends_with("/bias"))
        return ParamRole::Bias;
    if (key.ends_with("/gamma"))
        return ParamRole::Gamma;
    if (key.ends_with("/beta"))
        return ParamRole::Beta;
    if (key.ends_with("scale"))
        return ParamRole::Scale;
    if (key.ends_with("concat_score_weight"))
        return ParamRole::ConcatWeight;
    return ParamRole::Kernel; // kernels and the embedding tables
}

std::vector<Param> params(std::initializer_list<std::string> keys) {
    std::vector<Param> out;
    for (const std::string& k : keys)
        out.push_back(Param{k, roleOf(k)});
    return out;
}

std::string prefixed(const std::string& pre, const std::string& key) {
    return key.starts_with("grad/") ? "grad/" + pre + key.substr(5) : pre + key;
}

} // namespace

Trace Trainer::probeTrace() const {
    const ModelSpec& M = m_spec.model;
    const Index B = m_probe.batch, L = M.length, E = M.embedDim, V = M.vocab;
    // A forward and backward pass of the model on the probe, with the current weights.
    if (!m_probeModel || m_probeModel->batch() != B)
        m_probeModel = std::make_unique<TrainModel>(M, B, weightPointers());
    TrainModel& model = *m_probeModel;
    const BatchFigures fig = model.run(m_probe.tokens.data(), m_probe.targets.data(),
                                       m_probe.lossMask.empty() ? nullptr : m_probe.lossMask.data(), true);
    const std::map<std::string, Tensor> w = weights();

    Trace trace;
    trace.layer = "Model";
    trace.params = w;
    const std::vector<Axis> seqAxes{{"batch", R::Batch}, {"query", R::Query}, {"feature", R::Feature}};
    const std::vector<Axis> vocabAxes{{"batch", R::Batch}, {"query", R::Query}, {"token", R::Feature}};

    Tensor tok({B, L});
    for (Index i = 0; i < B * L; ++i)
        tok.data()[i] = float(m_probe.tokens[size_t(i)]);
    push(trace, Step{.key = "tokens",
                     .title = "Input tokens",
                     .explanation = "The probe batch: one integer token per position, from a vocabulary of " +
                                    std::to_string(V) + ".",
                     .op = OpKind::Input,
                     .kerasCode = "tokens = keras.Input(shape=(" + std::to_string(L) + ",), dtype=\"int32\")",
                     .axes = {{"batch", R::Batch}, {"query", R::Query}},
                     .value = std::move(tok)});
    Tensor te({B, L, E});
    const Tensor& tokW = w.at("token_embedding/embeddings");
    for (Index i = 0; i < B * L; ++i)
        std::copy_n(tokW.data() + Index(m_probe.tokens[size_t(i)]) * E, E, te.data() + i * E);
    push(trace, Step{.key = "token_embedding",
                     .title = "Token embedding",
                     .explanation = "Each token picks its row of the learned embedding table (vocab × embed_dim).",
                     .op = OpKind::Input,
                     .inputs = {"tokens"},
                     .params = params({"token_embedding/embeddings"}),
                     .formula = "X_tok[b,t,:] = W_tok[tokens[b,t], :]",
                     .kerasCode = "Embedding(" + std::to_string(V) + ", " + std::to_string(E) +
                                  ", name=\"token_embedding\")(tokens)",
                     .axes = seqAxes,
                     .value = std::move(te)});
    push(trace, Step{.key = "position_embedding",
                     .title = "Position embedding",
                     .explanation = "Each position has a learned vector of its own: without it, attention could not "
                                    "tell positions apart.",
                     .op = OpKind::Input,
                     .params = params({"position_embedding/embeddings"}),
                     .formula = "X_pos[t,:] = W_pos[t, :]",
                     .kerasCode = "Embedding(" + std::to_string(L) + ", " + std::to_string(E) +
                                  ", name=\"position_embedding\")(positions)",
                     .axes = {{"query", R::Query}, {"feature", R::Feature}},
                     .value = w.at("position_embedding/embeddings")});
    push(trace, Step{.key = "embeddings",
                     .title = "Token + position",
                     .explanation = "The model's input to block 0: the token's vector plus its position's vector.",
                     .op = OpKind::Add,
                     .inputs = {"token_embedding", "position_embedding"},
                     .formula = "X = X_tok + X_pos",
                     .kerasCode = "x = token_embedding(tokens) + position_embedding(positions)",
                     .axes = seqAxes,
                     .value = fromBuffer(model.embeddings().data(), {B, L, E}),
                     .flops = double(B * L * E)});

    std::string prev = "embeddings";
    std::vector<std::vector<Step>> blockGrads(M.blocks.size());
    for (size_t b = 0; b < M.blocks.size(); ++b) {
        const BlockSpec& bs = M.blocks[b];
        const std::string pre = "block" + std::to_string(b) + "/";
        // The layer's own trace, with the block's weights and input.
        Spec s = blockLayerSpec(bs, M, B);
        s.query = fromBuffer(model.blockInput(int(b)), {B, L, E});
        s.value = s.query;
        for (const auto& [k, t] : w)
            if (k.starts_with(pre) && !k.starts_with(pre + "layer_norm/"))
                s.weights[k.substr(pre.size())] = t;
        s.weightsGiven = true;
        Trace layer = run(s);
        const size_t forwardSteps = layer.steps.size();
        // Its backward pass from dL/d(the layer's output) on the probe: the
        // layer's own gradient steps (core/layers/backward.h), shown later.
        appendBackward(layer, s, fromBuffer(model.layerOutputGrad(int(b)), {B, L, E}));
        for (size_t i = 0; i < layer.steps.size(); ++i) {
            Step& st = layer.steps[i];
            st.key = prefixed(pre, st.key);
            for (std::string& in : st.inputs)
                in = prefixed(pre, in);
            for (Param& p : st.params)
                p.key = pre + p.key;
            if (!st.display.maskKey.empty())
                st.display.maskKey = prefixed(pre, st.display.maskKey);
            st.title = "Block " + std::to_string(b) + ": " + st.title;
            if (i < forwardSteps)
                trace.steps.push_back(std::move(st));
            else
                blockGrads[b].push_back(std::move(st));
        }
        for (std::string& wn : layer.warnings)
            trace.warnings.push_back("block " + std::to_string(b) + ": " + wn);
        const std::string inKey = pre + "query";
        std::string cur = pre + "output";
        if (bs.residual) {
            push(trace, Step{.key = pre + "residual",
                             .title = "Block " + std::to_string(b) + ": residual (Add)",
                             .explanation = "The block's input is added back to the layer's output, so the layer "
                                            "only learns a correction and gradients flow straight through.",
                             .op = OpKind::Add,
                             .inputs = {inKey, cur},
                             .formula = "R = x + A",
                             .kerasCode = "a = layers.Add()([x, a])",
                             .axes = seqAxes,
                             .value = fromBuffer(model.residualSum(int(b)), {B, L, E}),
                             .flops = double(B * L * E)});
            cur = pre + "residual";
        }
        if (bs.layerNorm) {
            push(trace, Step{.key = pre + "layer_norm",
                             .title = "Block " + std::to_string(b) + ": layer normalization",
                             .explanation = "Each position's vector is shifted to mean 0 and scaled to variance 1 "
                                            "over its features (ε = 0.001), then scaled by γ and shifted by β.",
                             .op = OpKind::LayerNorm,
                             .inputs = {cur},
                             .params = params({pre + "layer_norm/gamma", pre + "layer_norm/beta"}),
                             .formula = "LN(R)[b,t,:] = (R − μ) / √(σ² + 0.001) · γ + β",
                             .kerasCode = "a = layers.LayerNormalization(epsilon=1e-3)(a)",
                             .axes = seqAxes,
                             .value = fromBuffer(model.blockOutput(int(b)), {B, L, E}),
                             .flops = 8.0 * double(B * L * E),
                             .epsilon = kLayerNormEpsilon});
            cur = pre + "layer_norm";
        }
        prev = cur;
    }
    push(trace, Step{.key = "logits",
                     .title = "Logits",
                     .explanation = "A Dense layer maps each position's vector to one score per vocabulary token.",
                     .op = OpKind::Dense,
                     .inputs = {prev},
                     .params = params({"logits/kernel", "logits/bias"}),
                     .formula = "Z[b,t,:] = x[b,t,:] · W + b",
                     .kerasCode = "logits = layers.Dense(" + std::to_string(V) + ", name=\"logits\")(x)",
                     .axes = vocabAxes,
                     .value = fromBuffer(model.logits().data(), {B, L, V}),
                     .flops = 2.0 * double(B * L * E * V)});
    Tensor probs({B, L, V}), perPos({B, L});
    for (Index i = 0; i < B * L; ++i) {
        const float* z = model.logits().data() + i * V;
        float mx = z[0];
        for (Index c = 1; c < V; ++c)
            mx = std::max(mx, z[c]);
        float sum = 0;
        for (Index c = 0; c < V; ++c)
            sum += std::exp(z[c] - mx);
        for (Index c = 0; c < V; ++c)
            probs.data()[i * V + c] = std::exp(z[c] - mx) / sum;
        const bool on = m_probe.lossMask.empty() || m_probe.lossMask[size_t(i)];
        perPos.data()[i] = on ? mx + std::log(sum) - z[m_probe.targets[size_t(i)]] : 0.0f;
    }
    push(trace, Step{.key = "probabilities",
                     .title = "Softmax over the vocabulary",
                     .explanation = "The model's prediction at each position: a probability for every token.",
                     .op = OpKind::Softmax,
                     .inputs = {"logits"},
                     .formula = "p[b,t,c] = exp(Z[b,t,c]) / Σ_c' exp(Z[b,t,c'])",
                     .kerasCode = "ops.softmax(logits, axis=-1)",
                     .axes = vocabAxes,
                     .value = std::move(probs),
                     .flops = 5.0 * double(B * L * V)});
    push(trace, Step{.key = "loss_per_position",
                     .title = "Cross-entropy per position",
                     .explanation = "−log of the probability given to the target token; 0 where the loss mask is "
                                    "false (those positions do not count).",
                     .op = OpKind::Input,
                     .inputs = {"probabilities"},
                     .formula = "ℓ[b,t] = −log p[b,t,target[b,t]] · mask[b,t]",
                     .kerasCode = "SparseCategoricalCrossentropy(from_logits=True, reduction=None)",
                     .axes = {{"batch", R::Batch}, {"query", R::Query}},
                     .value = std::move(perPos)});
    push(trace, Step{.key = "loss",
                     .title = "Loss",
                     .explanation = "The mean cross-entropy over the " + std::to_string(fig.counted) +
                                    " counted positions (reduction \"mean_with_sample_weight\").",
                     .op = OpKind::Input,
                     .inputs = {"loss_per_position"},
                     .formula = "L = Σ ℓ / Σ mask",
                     .kerasCode = "loss_fn(targets, logits, sample_weight=loss_mask)",
                     .axes = {},
                     .value = Tensor({}, {fig.loss})});

    // --- backward -----------------------------------------------------------
    push(trace, Step{.key = "grad/logits",
                     .title = "Gradient of the logits",
                     .explanation = "Softmax and cross-entropy together have the simplest gradient: the predicted "
                                    "probabilities minus the one-hot target, divided by the counted positions.",
                     .op = OpKind::Input,
                     .inputs = {"probabilities"},
                     .formula = "dZ[b,t,:] = (p[b,t,:] − onehot(target[b,t])) · mask[b,t] / Σ mask",
                     .axes = vocabAxes,
                     .value = fromBuffer(model.logitsGrad().data(), {B, L, V}),
                     .flops = 2.0 * double(B * L * V)});
    for (size_t bi = M.blocks.size(); bi-- > 0;) {
        const BlockSpec& bs = M.blocks[bi];
        const std::string pre = "block" + std::to_string(bi) + "/";
        const std::string title = "Block " + std::to_string(bi) + ": ";
        if (bs.layerNorm)
            push(trace, Step{.key = "grad/" + pre + "layer_norm",
                             .title = title + "gradient of the block's output",
                             .explanation = "dL/d of the LayerNormalization's output, from the layer above.",
                             .op = OpKind::Input,
                             .formula = "dLN = ∂L/∂LN(R)",
                             .axes = seqAxes,
                             .value = fromBuffer(model.blockOutputGrad(int(bi)), {B, L, E})});
        if (bs.residual)
            push(trace,
                 Step{.key = "grad/" + pre + "residual",
                      .title = title + "gradient of the residual sum",
                      .explanation = bs.layerNorm ? "Through LayerNormalization: its gradient removes the "
                                                    "row mean and the part along the normalised row."
                                                  : "The block's output is the residual sum.",
                      .op = bs.layerNorm ? OpKind::LayerNorm : OpKind::Input,
                      .inputs = bs.layerNorm ? std::vector<std::string>{"grad/" + pre + "layer_norm", pre + "residual"}
                                             : std::vector<std::string>{},
                      .params = bs.layerNorm ? params({pre + "layer_norm/gamma"}) : std::vector<Param>{},
                      .formula =
                          bs.layerNorm ? "dR = (dLN·γ − mean(dLN·γ) − x̂·mean(dLN·γ ∘ x̂)) / √(σ² + ε)" : "dR = dOut",
                      .axes = seqAxes,
                      .value = fromBuffer(model.layerOutputGrad(int(bi)), {B, L, E}),
                      .epsilon = bs.layerNorm ? kLayerNormEpsilon : 0.0});
        // The layer's backward steps: grad/block<b>/output (the gradient it
        // gets from above) down to grad/block<b>/query, grad/block<b>/value
        // and its weights' gradients.
        for (Step& st : blockGrads[bi])
            trace.steps.push_back(std::move(st));
    }
    push(trace, Step{.key = "grad/embeddings",
                     .title = "Gradient of the embeddings",
                     .explanation = "dL/dX at the model's input: it flows into the token rows that were looked up "
                                    "and into every position's vector.",
                     .op = OpKind::Input,
                     .formula = "dX = ∂L/∂X",
                     .axes = seqAxes,
                     .value = fromBuffer(model.embeddingsGrad().data(), {B, L, E})});
    const std::map<std::string, Tensor> grads = gradientsOf(model);
    for (size_t i = 0; i < m_keys.size(); ++i) {
        if (trace.find("grad/" + m_keys[i])) // a block layer's weight: its own backward gave it
            continue;
        const Tensor& g = grads.at(m_keys[i]);
        std::vector<Axis> axes;
        for (Index a = 0; a < g.rank(); ++a)
            axes.push_back(Axis{a + 1 == g.rank() ? "feature" : "row", R::Feature});
        push(trace, Step{.key = "grad/" + m_keys[i],
                         .title = "Gradient of " + m_keys[i],
                         .explanation = "dL/d of this weight on the probe batch: what Adam's next step would use.",
                         .op = OpKind::Input,
                         .params = params({m_keys[i]}),
                         .formula = "∂L/∂" + m_keys[i],
                         .axes = axes,
                         .value = g});
    }
    return trace;
}

} // namespace attnviz::core
