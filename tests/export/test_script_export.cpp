// The exported scripts' text: the Keras script's constructor, build-then-assign
// order and every variable assignment (it cannot run here: no Keras in
// Debian), the NumPy script's blocks in trace order, the PyTorch script's
// translation notes, and the data file the scripts read.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/teach/keras_listing.h"
#include "core/teach/python_text.h"
#include "core/teach/script_export.h"
#include "core/base/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

struct Case {
    Spec spec;
    Trace trace;
};

Case load(const std::string& rel) {
    const fs::path p = fs::path(ATTNVIZ_TEST_DATA_DIR) / rel;
    Case c{loadSpec(p.string()), {}};
    c.trace = run(c.spec);
    return c;
}

std::string script(const Case& c, ScriptTarget t) {
    return exportScript(c.spec, c.trace, t, "case").script;
}

size_t pos(const std::string& text, const std::string& needle) {
    const size_t p = text.find(needle);
    EXPECT_NE(p, std::string::npos) << "missing: " << needle;
    return p;
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

} // namespace

TEST(ScriptExport, KerasMhaBuildsThenAssignsEveryKernelAndBias) {
    const Case c = load("keras/mha_key_b2_h3_t4_s6/spec.json");
    const std::string k = script(c, ScriptTarget::Keras);
    pos(k, "layer = keras.layers.MultiHeadAttention(num_heads=" + std::to_string(c.spec.config.numHeads) +
               ", key_dim=" + std::to_string(c.spec.config.keyDim));
    const size_t build = pos(k, "layer(query, value, key=key)  # build");
    for (const std::string d : {"query_dense", "key_dense", "value_dense", "output_dense"}) {
        EXPECT_GT(pos(k, "layer._" + d + ".kernel.assign(D[\"" + d + "/kernel\"])"), build);
        EXPECT_GT(pos(k, "layer._" + d + ".bias.assign(D[\"" + d + "/bias\"])"), build);
    }
    pos(k, "output, weights = layer(query, value, key=key, use_causal_mask=False, training=False, "
           "return_attention_scores=True)");
    pos(k, "key_dense = layer._key_dense(key)");
    EXPECT_FALSE(has(k, "set_keras_mask"));
}

TEST(ScriptExport, KerasMhaWithoutBiasAssignsNoBias) {
    const Case c = load("keras/mha_nobias_key_b2_h2_t4_s4/spec.json");
    const std::string k = script(c, ScriptTarget::Keras);
    pos(k, "use_bias=False");
    pos(k, "layer._output_dense.kernel.assign(D[\"output_dense/kernel\"])");
    EXPECT_FALSE(has(k, ".bias.assign"));
}

TEST(ScriptExport, KerasMhaQueryMaskIsAttachedToTheQueryTensor) {
    const Case c = load("keras/mha_qmask_vmask_b2_h2/spec.json");
    const std::string k = script(c, ScriptTarget::Keras);
    const size_t attach = pos(k, "set_keras_mask(query, query_mask)");
    EXPECT_GT(pos(k, "output, weights = layer(query, value, value_mask=value_mask, use_causal_mask=False"), attach);
    const size_t call = k.find("output, weights = layer(");
    EXPECT_FALSE(has(k.substr(call, k.find('\n', call) - call), "query_mask")); // Keras ignores the keyword
    pos(k, "key_dense = layer._key_dense(value)");                              // no key: key := value
}

TEST(ScriptExport, KerasMhaOptions) {
    const Case o = load("keras/mha_outshape11_b1_h4_t5_s3/spec.json");
    pos(script(o, ScriptTarget::Keras), "output_shape=11");
    const Case a = load("keras/mha_attnmask_b2_h4/spec.json");
    pos(script(a, ScriptTarget::Keras), "attention_mask=attention_mask");
    const Case v = load("keras/mha_b2_h2_t3_s5_kd4_vd6/spec.json");
    pos(script(v, ScriptTarget::Keras), "value_dim=6");
    const Case causal = load("keras/mha_causal_b2_h4_t6/spec.json");
    pos(script(causal, ScriptTarget::Keras), "use_causal_mask=True, training=False, return_attention_scores=True");
}

TEST(ScriptExport, KerasAttentionScaleAndConcatWeights) {
    const Case concat = load("keras/attn_concat_b2_t3_s4/spec.json");
    const std::string k = script(concat, ScriptTarget::Keras);
    pos(k, "layer = keras.layers.Attention(use_scale=False, score_mode=\"concat\", dropout=0.0)");
    EXPECT_GT(pos(k, "layer.concat_score_weight.assign(D[\"concat_score_weight\"])"), pos(k, "layer([query, value])"));
    EXPECT_FALSE(has(k, "layer.scale.assign"));

    const Case dot = load("keras/attn_dot_scale_masks_b2/spec.json");
    const std::string d = script(dot, ScriptTarget::Keras);
    pos(d, "score_mode=\"dot\"");
    pos(d, "layer.scale.assign(D[\"scale\"])");
    pos(d, "mask=[query_mask, value_mask]");
    EXPECT_FALSE(has(d, "concat_score_weight.assign"));

    const Case add = load("keras/additive_scale_b2_t3_s5/spec.json");
    const std::string ad = script(add, ScriptTarget::Keras);
    pos(ad, "layer = keras.layers.AdditiveAttention(use_scale=True");
    pos(ad, "layer.scale.assign(D[\"scale\"])");
}

TEST(ScriptExport, KerasTransformerAndDropoutUseTheTracesNumbers) {
    const Case c = load("export/mha_transformer_dropout_train.json");
    const ScriptExport e = exportScript(c.spec, c.trace, ScriptTarget::Keras, "case");
    pos(e.script, "norm.gamma.assign(D[\"layer_norm/gamma\"])");
    pos(e.script, "norm.beta.assign(D[\"layer_norm/beta\"])");
    pos(e.script, "layer._dropout_layer = lambda x, training=None: ops.where(keep, ops.divide(x, KEEP_PROB), 0.0)");
    pos(e.script, "training=True, return_attention_scores=True");
    // dropout_keep is the mask core::run applied: kept cells are weights / (1 - rate), the rest 0.
    const Tensor& keep = e.data.at("dropout_keep");
    const Tensor& w = c.trace.find("weights")->value;
    const Tensor& d = c.trace.find("dropout")->value;
    ASSERT_EQ(keep.shape(), w.shape());
    Index kept = 0;
    for (Index i = 0; i < w.size(); ++i) {
        const float expect = keep.data()[i] != 0.0f ? w.data()[i] / (1.0f - c.spec.config.dropout) : 0.0f;
        EXPECT_EQ(d.data()[i], expect) << i;
        kept += keep.data()[i] != 0.0f;
    }
    EXPECT_GT(kept, 0);
    EXPECT_LT(kept, w.size());

    const Case a = load("export/attn_dot_scale_causal_dropout_key_qmask.json");
    const std::string k = script(a, ScriptTarget::Keras);
    pos(k, "keras_backend.random.dropout = lambda");
    pos(k, "computed[\"dropout\"] = weights  # Attention returns the weights after dropout");
    pos(k, "layer([query, value, key])");
}

TEST(ScriptExport, NumpyHasOneBlockPerStepInTraceOrder) {
    for (const char* rel : {"keras/mha_qmask_vmask_b2_h2/spec.json", "keras/attn_dot_scale_masks_b2/spec.json",
                            "export/mha_transformer_dropout_train.json"}) {
        const Case c = load(rel);
        const std::string s = script(c, ScriptTarget::NumPy);
        size_t last = 0;
        for (const Step& st : c.trace.steps) {
            const size_t p = pos(s, "# --- " + st.key + ": ");
            EXPECT_GT(p, last) << rel << " " << st.key;
            last = p;
            if (!st.formula.empty())
                pos(s, "# " + st.formula);
            EXPECT_TRUE(has(s, "\n" + st.key + " = ") || has(s, "\nmask = ")) << st.key;
        }
        EXPECT_FALSE(has(s, "cannot write step")) << rel;
        EXPECT_FALSE(has(s, "import torch"));
    }
}

TEST(ScriptExport, TorchExplainsEveryTranslation) {
    const Case m = load("export/mha_torch_qmask_vmask_causal.json");
    const std::string t = script(m, ScriptTarget::Torch);
    pos(t, "True = NOT allowed");
    pos(t, "in_proj_weight");
    pos(t, "mha.in_proj_weight.copy_(torch.cat([");
    pos(t, "divides q by sqrt(head_dim)");
    pos(t, "torch.nn.MultiheadAttention(8, 2, bias=True, batch_first=True, kdim=8, vdim=8)");
    const Case sep = load("export/mha_torch_kdim_vdim_nobias_attnmask.json");
    const std::string ts = script(sep, ScriptTarget::Torch);
    pos(ts, "mha.k_proj_weight.copy_(");
    EXPECT_FALSE(has(ts, "in_proj_bias.copy_"));
    pos(script(load("keras/mha_outshape11_b1_h4_t5_s3/spec.json"), ScriptTarget::Torch),
        "output_shape has no PyTorch counterpart");
    pos(script(load("keras/additive_scale_b2_t3_s5/spec.json"), ScriptTarget::Torch),
        "AdditiveAttention has no PyTorch counterpart");
    pos(script(load("keras/attn_concat_b2_t3_s4/spec.json"), ScriptTarget::Torch),
        "Attention(score_mode=\"concat\") has no PyTorch counterpart");
}

TEST(ScriptExport, TorchCodePerStepIsTheScriptsLine) {
    const Case c = load("keras/mha_key_b2_h3_t4_s6/spec.json");
    const std::string t = script(c, ScriptTarget::Torch);
    for (const Step& s : c.trace.steps) {
        const std::string line = torchCode(c.spec, c.trace, s);
        EXPECT_FALSE(line.empty()) << s.key;
        pos(t, line);
    }
    EXPECT_TRUE(has(torchCode(c.spec, c.trace, *c.trace.find("query_dense")), "F.linear(query, "));
}

TEST(ScriptExport, DataHoldsInputsMasksAndWeights) {
    const Case c = load("keras/mha_fully_masked_row_b2_h2/spec.json");
    const ScriptExport e = exportScript(c.spec, c.trace, ScriptTarget::NumPy, "case");
    EXPECT_EQ(e.data.at("query").values(), c.trace.find("query")->value.values());
    EXPECT_EQ(e.data.at("value_mask").shape(), c.spec.valueMask->shape());
    EXPECT_EQ(e.data.at("attention_mask").shape(), c.spec.attentionMask->shape());
    for (const auto& [name, w] : c.trace.params)
        EXPECT_EQ(e.data.at(name).values(), w.values()) << name;
    EXPECT_EQ(e.traceArrays.size(), c.trace.steps.size());
    EXPECT_FALSE(e.data.count("dropout_keep"));
}

TEST(ScriptExport, ScriptTargetNames) {
    EXPECT_EQ(scriptTargetFromName("numpy"), ScriptTarget::NumPy);
    EXPECT_EQ(scriptTargetFromName("keras"), ScriptTarget::Keras);
    EXPECT_EQ(scriptTargetFromName("torch"), ScriptTarget::Torch);
    EXPECT_FALSE(scriptTargetFromName("jax"));
    EXPECT_THROW(writeScriptExport("/tmp/x.txt", Spec{}, Trace{}, ScriptTarget::NumPy), std::invalid_argument);
}

TEST(ScriptExport, TorchListingMapsEveryStepToItsLines) {
    const Case c = load("export/mha_transformer_dropout_train.json");
    const CodeListing l = torchListing(c.spec, c.trace);
    std::vector<std::string> lines;
    std::istringstream in(l.code);
    for (std::string s; std::getline(in, s);)
        lines.push_back(s);
    ASSERT_EQ(l.linesOfStep.size(), c.trace.steps.size());
    int last = -1;
    for (const Step& s : c.trace.steps) {
        const auto [first, count] = l.linesOfStep.at(s.key);
        ASSERT_GT(count, 0) << s.key;
        EXPECT_GT(first, last) << s.key;
        last = first;
        EXPECT_EQ(lines.at(size_t(first) - 1), "# " + s.key + ": " + s.title) << s.key;
        std::string block;
        for (int i = 0; i < count; ++i)
            block += lines.at(size_t(first + i)) + "\n";
        EXPECT_EQ(block, torchCode(c.spec, c.trace, s)) << s.key;
    }
}

TEST(ScriptExport, KerasGroupQueryAttentionAndGate) {
    const Case g = load("export/gqa_masks_sliding_gate_dropout_train.json");
    const std::string k = script(g, ScriptTarget::Keras);
    pos(k, "layer = keras.layers.GroupQueryAttention(head_dim=3, num_query_heads=4, num_key_value_heads=2, "
           "dropout=0.2, use_bias=True, sliding_window=3, use_gate=True)");
    const size_t build = pos(k, "layer(query, value)  # build");
    for (const std::string d : {"query_dense", "key_dense", "value_dense", "output_dense", "gate_dense"}) {
        EXPECT_GT(pos(k, "layer._" + d + ".kernel.assign(D[\"" + d + "/kernel\"])"), build);
        EXPECT_GT(pos(k, "layer._" + d + ".bias.assign(D[\"" + d + "/bias\"])"), build);
    }
    pos(k, "query_mask=query_mask, value_mask=value_mask, use_causal_mask=True, training=True"); // a GQA keyword
    EXPECT_FALSE(has(k, "set_keras_mask"));
    pos(k, "key_repeated = ops.repeat(key_dense, layer.num_repeats, axis=2)");
    pos(k, "gate = layer._gate_dense(query)");

    const Case m = load("keras/mha_gate_b2_h3/spec.json");
    const std::string mk = script(m, ScriptTarget::Keras);
    pos(mk, "layer = keras.layers.MultiHeadAttention(num_heads=3, key_dim=4, value_dim=5");
    pos(mk, ", use_gate=True)");
    pos(mk, "layer._gate_dense.kernel.assign(D[\"gate_dense/kernel\"])");
    pos(script(load("keras/mha_sliding3_causal_t6/spec.json"), ScriptTarget::Keras),
        ", sliding_window=3, use_gate=False)");
    const std::string t = script(g, ScriptTarget::Torch);
    pos(t, "repeat_interleave(2, dim=2)");
    pos(t, "no grouped-query layer");
}

// One formatter for every Python number: the shortest text that reads back to
// the same float32 (0.2, not 0.200000003), always a float literal.
TEST(ScriptExport, PythonFloatsAreTheShortestRoundTrip) {
    EXPECT_EQ(pyFloat(0.2f), "0.2");
    EXPECT_EQ(pyFloat(0.4f), "0.4");
    EXPECT_EQ(pyFloat(1.0f), "1.0");
    EXPECT_EQ(pyFloat(0.0f), "0.0");
    EXPECT_EQ(pyFloat(1e-3), "0.001");
    EXPECT_EQ(pyFloat(1e-9f), "1e-09");
    Rng r(7);
    for (int i = 0; i < 2000; ++i) {
        const float v = float(r.uniform() * 2 - 1) * std::pow(10.0f, float(int(r.next() % 12) - 6));
        const std::string s = pyFloat(v);
        EXPECT_EQ(std::strtof(s.c_str(), nullptr), v) << s;
        EXPECT_NE(s.find_first_of(".e"), std::string::npos) << s;
    }
}

// The listing (keras_listing), the Keras script and Compare write a layer's
// constructor through one builder: the same arguments, in Keras' order, the
// script with every argument spelled out, the listing without the defaults.
TEST(ScriptExport, ListingAndScriptWriteOneConstructor) {
    for (const char* file :
         {"export/gqa_masks_sliding_gate_dropout_train.json", "export/additive_noscale_causal_key_dropout.json",
          "keras/mha_key_b2_h3_t4_s6/spec.json", "export/attn_concat_scale_vmask.json"}) {
        const Case c = load(file);
        const std::string listing = kerasListing(c.spec, c.trace).code;
        const std::string k = script(c, ScriptTarget::Keras);
        EXPECT_TRUE(has(listing, "layer = " + kerasConstructor(c.spec.config, PyArgs::NonDefault))) << file;
        EXPECT_TRUE(has(k, "layer = " + kerasConstructor(c.spec.config, PyArgs::All))) << file;
        if (c.spec.config.dropout > 0) {
            const std::string rate = "dropout=" + pyFloat(c.spec.config.dropout);
            EXPECT_TRUE(has(listing, rate)) << file;
            EXPECT_TRUE(has(k, rate)) << file;
        }
    }
}
