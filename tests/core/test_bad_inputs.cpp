// The table of bad inputs: each spec (with the files it names) must be
// refused with a SpecError naming the right field and saying what is wrong.
// Never a crash, never a silent default.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/io/npy.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <limits>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

struct BadCase {
    const char* name;
    std::string spec;                                       // spec.json text
    std::vector<std::pair<std::string, std::string>> files; // name → bytes
    std::string field;                                      // SpecError::field()
    std::string message;                                    // a substring of what()
};

std::string npy(const Tensor& t) {
    return serializeNpy(t);
}
std::string npyBool(const Tensor& t) {
    return serializeNpyBool(t);
}
// An .npz file's bytes (written through a temporary file).
std::string npz(const std::map<std::string, Tensor>& arrays) {
    const fs::path p = fs::temp_directory_path() / ("attnviz_bad_npz_" + std::to_string(::getpid()) + ".npz");
    writeNpz(p.string(), arrays);
    std::ifstream in(p, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    fs::remove(p);
    return bytes;
}
Tensor ones(Shape s) {
    Tensor t(std::move(s));
    std::fill(t.values().begin(), t.values().end(), 1.0f);
    return t;
}

const std::string mha = R"("layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 3})";
const std::string shapes =
    R"("shapes": {"batch": 2, "query_len": 3, "source_len": 4, "query_features": 5, "value_features": 5})";

std::vector<BadCase> cases() {
    const std::string q235 = npy(ones({2, 3, 5})), v245 = npy(ones({2, 4, 5}));
    const std::string inputs = R"("inputs": {"query": "q.npy", "value": "v.npy"})";
    std::string truncated = q235.substr(0, q235.size() - 7);
    std::string bigEndian = q235;
    bigEndian.replace(bigEndian.find("<f4"), 3, ">f4");
    std::string int64 = q235;
    int64.replace(int64.find("<f4"), 3, "<i4");
    std::string nanQuery = npy(Tensor({2, 3, 5}, std::vector<float>(30, std::numeric_limits<float>::quiet_NaN())));
    return {
        {"not_json",
         "{\"layer\": ",
         {},
         "spec",
         "Invalid JSON: parse error at line 1, column 11: syntax error while parsing value"},
        {"not_json_line_3",
         "{\n  \"layer\": \"Attention\",\n  oops}",
         {},
         "spec",
         "Invalid JSON: parse error at line 3, column 3: syntax error while parsing object key"},
        {"json_array", "[1, 2]", {}, "spec", "must be a JSON object"},
        {"deep_nesting", std::string(200, '[') + std::string(200, ']'), {}, "spec", "nested more than"},
        {"missing_layer", "{}", {}, "layer", "no \"layer\""},
        {"unknown_layer", R"({"layer": "SelfAttention"})", {}, "layer", "Received: layer=\"SelfAttention\""},
        {"unknown_top_field",
         R"({"layer": "Attention", "weigths": "w.npz"})",
         {},
         "spec.weigths",
         "Unknown spec argument 'weigths'"},
        {"mha_without_config", R"({"layer": "MultiHeadAttention"})", {}, "config.num_heads", "needs num_heads"},
        {"key_dim_zero",
         R"({"layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 0}})",
         {},
         "config.key_dim",
         "Received: key_dim=0"},
        {"num_heads_negative",
         R"({"layer": "MultiHeadAttention", "config": {"num_heads": -1, "key_dim": 2}})",
         {},
         "config.num_heads",
         "Received: num_heads=-1"},
        {"num_heads_fraction",
         R"({"layer": "MultiHeadAttention", "config": {"num_heads": 1.5, "key_dim": 2}})",
         {},
         "config.num_heads",
         "must be an integer"},
        {"num_heads_string",
         R"({"layer": "MultiHeadAttention", "config": {"num_heads": "two", "key_dim": 2}})",
         {},
         "config.num_heads",
         "Received: num_heads=\"two\""},
        {"value_dim_zero",
         R"({"layer": "MultiHeadAttention", "config": {"num_heads": 1, "key_dim": 2, "value_dim": 0}})",
         {},
         "config.value_dim",
         "Received: value_dim=0"},
        {"dropout_one",
         R"({"layer": "Attention", "config": {"dropout": 1.0}})",
         {},
         "config.dropout",
         "dropout must be a rate in [0, 1)"},
        {"score_mode_bad",
         R"({"layer": "Attention", "config": {"score_mode": "general"}})",
         {},
         "config.score_mode",
         "Received: score_mode=\"general\""},
        {"use_scale_not_bool",
         R"({"layer": "Attention", "config": {"use_scale": "yes"}})",
         {},
         "config.use_scale",
         "must be true or false"},
        {"unknown_config_arg",
         R"({"layer": "MultiHeadAttention", "config": {"num_heads": 1, "key_dim": 2, "kernel_initializer": "ones"}})",
         {},
         "config.kernel_initializer",
         "default for kernel_initializer (\"glorot_uniform\") only. Received: kernel_initializer=\"ones\""},
        {"misspelled_config_arg",
         R"({"layer": "MultiHeadAttention", "config": {"num_heads": 1, "key_dim": 2, "num_head": 2}})",
         {},
         "config.num_head",
         "Unknown config argument 'num_head'"},
        {"negative_batch", "{" + mha + R"(, "shapes": {"batch": -2}})", {}, "shapes.batch", "Received: batch=-2"},
        {"empty_query_len",
         R"({"layer": "Attention", "shapes": {"query_len": 0}})",
         {},
         "shapes.query_len",
         "Received: query_len=0"},
        {"too_much_memory",
         "{" + mha + R"(, "shapes": {"batch": 64, "query_len": 100000, "source_len": 100000}})",
         {},
         "shapes",
         "would need about"},
        {"missing_file",
         "{" + mha + R"(, "inputs": {"query": "nope.npy", "value": "v.npy"}})",
         {{"v.npy", v245}},
         "inputs.query",
         "nope.npy"},
        {"truncated_npy",
         "{" + mha + ", " + inputs + "}",
         {{"q.npy", truncated}, {"v.npy", v245}},
         "inputs.query",
         "truncated"},
        {"big_endian_npy",
         "{" + mha + ", " + inputs + "}",
         {{"q.npy", bigEndian}, {"v.npy", v245}},
         "inputs.query",
         "big-endian"},
        {"int_dtype_npy", "{" + mha + ", " + inputs + "}", {{"q.npy", int64}, {"v.npy", v245}}, "inputs.query", "<i4"},
        {"not_npy",
         "{" + mha + ", " + inputs + "}",
         {{"q.npy", "hello, world"}, {"v.npy", v245}},
         "inputs.query",
         "q.npy"},
        {"bool_as_input",
         "{" + mha + ", " + inputs + "}",
         {{"q.npy", npyBool(ones({2, 3, 5}))}, {"v.npy", v245}},
         "inputs.query",
         "holds booleans"},
        {"query_rank_2",
         "{" + mha + ", " + inputs + "}",
         {{"q.npy", npy(ones({3, 5}))}, {"v.npy", v245}},
         "inputs.query",
         "Received: query.shape=(3, 5)"},
        {"empty_sequence",
         "{" + mha + ", " + inputs + "}",
         {{"q.npy", npy(ones({2, 0, 5}))}, {"v.npy", v245}},
         "inputs.query",
         "is empty"},
        {"batch_mismatch",
         "{" + mha + ", " + inputs + "}",
         {{"q.npy", q235}, {"v.npy", npy(ones({3, 4, 5}))}},
         "inputs.value",
         "Received: value.shape=(3, 4, 5)"},
        {"key_length_mismatch",
         "{" + mha + R"(, "inputs": {"query": "q.npy", "value": "v.npy", "key": "k.npy"}})",
         {{"q.npy", q235}, {"v.npy", v245}, {"k.npy", npy(ones({2, 6, 5}))}},
         "inputs.key",
         "same length"},
        {"key_without_value",
         "{" + mha + R"(, "inputs": {"query": "q.npy", "key": "k.npy"}})",
         {{"q.npy", q235}, {"k.npy", v245}},
         "inputs.value",
         "without a value"},
        {"additive_width_mismatch",
         R"({"layer": "AdditiveAttention", "shapes": {"query_features": 4, "value_features": 6}})",
         {},
         "shapes.query_features",
         "same last dimension"},
        {"dot_width_mismatch_key",
         R"({"layer": "Attention", "inputs": {"query": "q.npy", "value": "v.npy", "key": "k.npy"}})",
         {{"q.npy", q235}, {"v.npy", v245}, {"k.npy", npy(ones({2, 4, 7}))}},
         "inputs.query",
         "key_features=7"},
        {"value_mask_wrong_length",
         "{" + mha + ", " + shapes + R"(, "masks": {"value_mask": "m.npy"}})",
         {{"m.npy", npyBool(ones({2, 5}))}},
         "masks.value_mask",
         "Received: value_mask.shape=(2, 5)"},
        {"query_mask_wrong_batch",
         "{" + mha + ", " + shapes + R"(, "masks": {"query_mask": "m.npy"}})",
         {{"m.npy", npyBool(ones({1, 3}))}},
         "masks.query_mask",
         "(2, 3)"},
        {"attention_mask_wrong_shape",
         "{" + mha + ", " + shapes + R"(, "masks": {"attention_mask": "m.npy"}})",
         {{"m.npy", npyBool(ones({2, 4, 3}))}},
         "masks.attention_mask",
         "(2, 3, 4)"},
        {"attention_mask_on_attention",
         R"({"layer": "Attention", "masks": {"attention_mask": "m.npy"}})",
         {{"m.npy", npyBool(ones({1, 4, 4}))}},
         "masks.attention_mask",
         "has no attention_mask"},
        {"unknown_mask",
         "{" + mha + R"(, "masks": {"padding_mask": "m.npy"}})",
         {},
         "masks.padding_mask",
         "Unknown masks argument"},
        {"weights_not_zip",
         "{" + mha + R"(, "weights": "w.npz"})",
         {{"w.npz", "this is not a zip"}},
         "weights",
         "w.npz"},
        {"weights_missing", "{" + mha + R"(, "weights": "absent.npz"})", {}, "weights", "absent.npz"},
        {"transformer_width_mismatch",
         "{" +
             std::string(
                 R"("layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 3, "output_shape": 4, "transformer_sublayer": true})") +
             "}",
         {},
         "config.output_shape",
         "residual Add"},
        {"transformer_on_attention",
         R"({"layer": "Attention", "transformer_sublayer": true})",
         {},
         "config.transformer_sublayer",
         "MultiHeadAttention only"},
        {"tokens_not_strings",
         R"({"layer": "Attention", "tokens": {"query": [1, 2]}})",
         {},
         "tokens.query",
         "must be a string"},
        {"seed_negative", R"({"layer": "Attention", "seed": -1})", {}, "seed", "non-negative integer"},
        {"inputs_path_not_string",
         "{" + mha + R"(, "inputs": {"query": 3}})",
         {},
         "inputs.query",
         "must be a file name"},
        // --- the rest of Keras 3.16's attention family (issue 8) ---
        {"gqa_heads_not_divisible",
         R"({"layer": "GroupQueryAttention", "config": {"head_dim": 2, "num_query_heads": 6, "num_key_value_heads": 4}})",
         {},
         "config.num_key_value_heads",
         "num_key_value_heads may be 1, 2, 3, 6. Received: num_key_value_heads=4"},
        {"gqa_missing_head_dim",
         R"({"layer": "GroupedQueryAttention", "config": {"num_query_heads": 4, "num_key_value_heads": 2}})",
         {},
         "config.head_dim",
         "needs head_dim"},
        {"sliding_window_zero",
         R"({"layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 3, "sliding_window": 0}})",
         {},
         "config.sliding_window",
         "`sliding_window` must be `None` or a positive integer. Received: sliding_window=0"},
        {"sliding_window_negative",
         R"({"layer": "GroupQueryAttention", "config": {"head_dim": 2, "num_query_heads": 2, "num_key_value_heads": 1, "sliding_window": -1}})",
         {},
         "config.sliding_window",
         "Received: sliding_window=-1"},
        {"sliding_window_on_attention",
         R"({"layer": "Attention", "config": {"sliding_window": 2}})",
         {},
         "config.sliding_window",
         "Unknown config argument 'sliding_window'"},
        {"attention_mask_rank5",
         "{" + mha + ", " + shapes + R"(, "masks": {"attention_mask": "m.npy"}})",
         {{"m.npy", npyBool(ones({2, 1, 2, 3, 4}))}},
         "masks.attention_mask",
         "must have rank 2, 3 or 4: (query_len, source_len) = (3, 4), (batch, query_len, source_len) = (2, 3, 4) or "
         "(batch, num_heads, query_len, source_len) = (2, 2, 3, 4). Received: attention_mask.shape=(2, 1, 2, 3, 4)"},
        {"attention_mask_head_axis_mismatch",
         "{" + mha + ", " + shapes + R"(, "masks": {"attention_mask": "m.npy"}})",
         {{"m.npy", npyBool(ones({2, 3, 3, 4}))}},
         "masks.attention_mask",
         "head axis must be 2 (num_heads) or 1"},
        {"attention_mask_rank2_wrong_length",
         "{" + mha + ", " + shapes + R"(, "masks": {"attention_mask": "m.npy"}})",
         {{"m.npy", npyBool(ones({4, 3}))}},
         "masks.attention_mask",
         "Received: attention_mask.shape=(4, 3)"},
        {"weights_key_missing",
         "{" + mha + ", " + shapes + R"(, "weights": "w.npz"})",
         {{"w.npz", npz({{"query_dense/kernel", ones({5, 2, 3})},
                         {"key_dense/kernel", ones({5, 2, 3})},
                         {"value_dense/kernel", ones({5, 2, 3})},
                         {"output_dense/kernel", ones({2, 3, 5})},
                         {"query_dense/bias", ones({2, 3})},
                         {"key_dense/bias", ones({2, 3})},
                         {"value_dense/bias", ones({2, 3})}})}},
         "weights.output_dense/bias",
         "The weights file has no 'output_dense/bias'"},
        {"weights_key_extra",
         "{" + mha + ", " + shapes + R"(, "weights": "w.npz"})",
         {{"w.npz", npz({{"query_dense/kernel", ones({5, 2, 3})},
                         {"key_dense/kernel", ones({5, 2, 3})},
                         {"value_dense/kernel", ones({5, 2, 3})},
                         {"output_dense/kernel", ones({2, 3, 5})},
                         {"query_dense/bias", ones({2, 3})},
                         {"key_dense/bias", ones({2, 3})},
                         {"value_dense/bias", ones({2, 3})},
                         {"output_dense/bias", ones({5})},
                         {"gate_dense/kernel", ones({5, 2, 3})}})}},
         "weights.gate_dense/kernel",
         "Unexpected weight 'gate_dense/kernel'"},
        {"gqa_weights_key_missing_gate",
         R"({"layer": "GroupQueryAttention", "config": {"head_dim": 3, "num_query_heads": 2, "num_key_value_heads": 1, "use_bias": false, "use_gate": true}, )" +
             shapes + R"(, "weights": "w.npz"})",
         {{"w.npz", npz({{"query_dense/kernel", ones({5, 2, 3})},
                         {"key_dense/kernel", ones({5, 1, 3})},
                         {"value_dense/kernel", ones({5, 1, 3})},
                         {"output_dense/kernel", ones({2, 3, 5})}})}},
         "weights.gate_dense/kernel",
         "has no 'gate_dense/kernel'"},
        // NaN inputs are allowed (the app flags them); this row checks they do not throw.
        {"nan_query_allowed", "{" + mha + ", " + inputs + "}", {{"q.npy", nanQuery}, {"v.npy", v245}}, "", ""},
    };
}

class BadInputs : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInputs, RefusedWithAMessageNamingTheField) {
    const BadCase& c = GetParam();
    const fs::path dir =
        fs::temp_directory_path() / ("attnviz_bad_" + std::string(c.name) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& [name, bytes] : c.files)
        std::ofstream(dir / name, std::ios::binary) << bytes;
    std::ofstream(dir / "spec.json") << c.spec;
    if (c.field.empty()) {
        EXPECT_NO_THROW(run(loadSpec((dir / "spec.json").string())));
    } else {
        bool parsed = false;
        try {
            const Spec spec = loadSpec((dir / "spec.json").string());
            parsed = true;
            run(spec);
            ADD_FAILURE() << c.name << ": accepted";
        } catch (const SpecError& e) {
            EXPECT_EQ(e.field(), c.field) << e.what();
            // Every field the message names, the offending one first, so a GUI marks them without parsing.
            const std::map<std::string, std::vector<std::string>> named{
                {"additive_width_mismatch", {"shapes.query_features", "shapes.value_features"}},
                {"dot_width_mismatch_key", {"inputs.query", "inputs.key"}},
                {"transformer_width_mismatch",
                 {"config.output_shape", "config.transformer_sublayer", "shapes.query_features"}},
            };
            if (const auto it = named.find(c.name); it != named.end()) {
                EXPECT_EQ(e.fields(), it->second) << e.what();
            } else {
                EXPECT_EQ(e.fields(), std::vector<std::string>{c.field}) << e.what();
            }
            EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos)
                << "message: " << e.what() << "\nexpected to contain: " << c.message;
            if (!parsed) { // errors found while reading the file name it
                EXPECT_EQ(std::string(e.what()).rfind("spec.json: ", 0), 0u) << e.what();
            }
        }
    }
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Table, BadInputs, ::testing::ValuesIn(cases()),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(BadInputsTable, HasAtLeastFortyRows) {
    EXPECT_GE(cases().size(), 40u);
}

} // namespace
