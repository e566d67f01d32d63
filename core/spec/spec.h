// A layer specification: which Keras layer, its constructor and call
// arguments, its inputs, masks and weights (trace-format.md, spec.json).
#pragma once

#include "core/base/tensor.h"

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace attnviz::core {

/// Raised for a spec that is malformed or makes no sense. `field()` names the
/// offending field (e.g. "config.key_dim", "masks.value_mask") so a GUI can
/// mark it; `fields()` is that field first, then every other field the
/// message names (a width mismatch names both sides: the user may have
/// changed either). what() is one Keras-style line.
class SpecError : public std::invalid_argument {
public:
    SpecError(std::string field, const std::string& message, std::vector<std::string> alsoFields = {})
        : std::invalid_argument(message), m_fields(std::move(alsoFields)) {
        m_fields.insert(m_fields.begin(), std::move(field));
    }
    const std::string& field() const { return m_fields.front(); }
    const std::vector<std::string>& fields() const { return m_fields; }

private:
    std::vector<std::string> m_fields; // never empty
};

enum class LayerKind { MultiHeadAttention, Attention, AdditiveAttention, GroupQueryAttention };
const char* layerName(LayerKind kind);
/// Also accepts "GroupedQueryAttention", the class name Keras exports as GroupQueryAttention.
std::optional<LayerKind> layerFromName(const std::string& name);
/// MultiHeadAttention or GroupQueryAttention: the layers with projections and heads.
inline bool hasHeads(LayerKind kind) {
    return kind == LayerKind::MultiHeadAttention || kind == LayerKind::GroupQueryAttention;
}

enum class ScoreMode { Dot, Concat };

struct LayerConfig {
    LayerKind layer = LayerKind::MultiHeadAttention;
    // MultiHeadAttention and GroupQueryAttention. For GroupQueryAttention,
    // numHeads is num_query_heads and keyDim is head_dim (its values use
    // head_dim too: valueDim stays None).
    int numHeads = 2;
    int keyDim = 4;
    std::optional<int> valueDim;      // None: value_dim = key_dim
    int numKeyValueHeads = 1;         // GroupQueryAttention only: must divide numHeads
    std::optional<int> slidingWindow; // None: full attention; w keeps |t - s| < w
    bool useGate = false;             // sigmoid gate on the context (gate_dense)
    bool useBias = true;
    std::optional<int> outputShape; // None: query features
    bool transformerSublayer = false;
    // Attention / AdditiveAttention
    std::optional<bool> useScale; // None: the layer's default (Attention false, Additive true)
    ScoreMode scoreMode = ScoreMode::Dot;
    // all
    float dropout = 0.0f;
    // Not Keras (the 1/√dₖ lab's what-if, never read from or written to
    // spec.json): MultiHeadAttention / GroupQueryAttention skip 1/√key_dim, so
    // scores are q·k. The trace says "not Keras" in its warnings and step texts.
    bool notKerasUnscaled = false;

    bool effectiveUseScale() const { return useScale.value_or(layer == LayerKind::AdditiveAttention); }
    int effectiveValueDim() const { return valueDim.value_or(keyDim); }
    /// Key/value heads: num_key_value_heads for GroupQueryAttention, numHeads for MultiHeadAttention.
    int kvHeads() const { return layer == LayerKind::GroupQueryAttention ? numKeyValueHeads : numHeads; }
};

struct CallArgs {
    bool useCausalMask = false;
    bool training = false;
};

/// Sizes used to draw inputs from the seed when no files are given.
struct Shapes {
    Index batch = 1;
    Index queryLen = 4;
    Index sourceLen = 4;
    Index queryFeatures = 8;
    Index valueFeatures = 8;
    std::optional<Index> keyFeatures{}; // None: no separate key (key := value)
};

/// spec.json "backward": the backward pass is asked for (trace-format.md,
/// "Gradients"). outputGrad is dL/d output (dL/d layer_norm with the
/// Transformer sub-layer); absent: all ones, i.e. the loss is the sum of the outputs.
struct BackwardRequest {
    std::optional<Tensor> outputGrad{};
};

struct Spec {
    LayerConfig config;
    CallArgs call;
    Shapes shapes;
    std::uint64_t seed = 0;

    // Tensors: given (from files, a table, typed tokens) or empty = draw from seed.
    std::optional<Tensor> query; // [B,T,dq]
    std::optional<Tensor> value; // [B,S,dv]
    std::optional<Tensor> key;   // [B,S,dk]; absent: key := value

    // Masks as floats, as read (a bool .npy is 0/1); absent: no mask. The
    // core casts them as Keras does (nonzero is True) and warns when a mask
    // holds values other than 0 and 1 (Trace::warnings).
    std::optional<Tensor> queryMask;     // [B,T]
    std::optional<Tensor> valueMask;     // [B,S]
    std::optional<Tensor> keyMask;       // [B,S]
    std::optional<Tensor> attentionMask; // [T,S], [B,T,S] or [B,N,T,S]; MultiHeadAttention and GroupQueryAttention

    /// Weights by npz name.
    std::map<std::string, Tensor> weights;
    /// True when the weights come from a weights file: then every weight the
    /// layer owns must be in `weights` (a missing or an extra key is an
    /// error). False: missing weights are initialised as Keras does, from the seed.
    bool weightsGiven = false;
    /// The weights file they were read from (spec.json "weights", resolved), for
    /// saying where the weights come from; empty when none. Not used to compute.
    std::string weightsFile;

    /// Optional token labels (spec.json "tokens": {"query": [...], "source": [...]}).
    /// They label heatmap axes; when an input tensor is absent and tokens are
    /// given, that input is the token embedding (core::embedTokens: the same
    /// word always gets the same vector) and the tokens set its length.
    std::vector<std::string> queryTokens;
    std::vector<std::string> sourceTokens;

    /// A trained layer from a saved Keras model (spec.json "keras_model"):
    /// the file and layer its config and weights came from; empty otherwise.
    std::string kerasModelFile;
    std::string kerasModelLayer;
    std::string kerasLayerConfig; // its config.json "config" as saved (JSON text): core::kerasConstructorCall

    /// spec.json "backward": append the backward pass's steps (grad/<key>) to the trace.
    std::optional<BackwardRequest> backward;
};

/// The largest spec.json attnviz reads.
inline constexpr std::size_t kMaxSpecBytes = std::size_t(16) << 20;

struct SpecLimits {
    std::uint64_t maxBytes = std::uint64_t(4) << 30; // memory a trace may need
};

/// A memory size as a user types it for --max-memory: a positive number, decimals
/// allowed, with an optional unit K, M, G or T (powers of 1024; "KB", "KiB" and any
/// case mean the same), e.g. "512M", "1.5G", "64mib", "4096". nullopt when it is
/// not such a size, is zero, or does not fit in 64 bits. The CLI and the app share it.
std::optional<std::uint64_t> parseByteSize(std::string_view text);

/// What a spec's "keras_model" brings in: a trained layer's class, its
/// constructor arguments as spec.json "config", its input widths and fixed
/// lengths (build_config), and its weights by weights.npz name.
struct TrainedLayer {
    std::string className;       // "MultiHeadAttention", "GroupedQueryAttention", ...
    std::string specConfigJson;  // its config as spec.json "config" (from a .keras file)
    std::string name;            // its name in the model
    std::string savedConfigJson; // config.json "config" as saved (Spec::kerasLayerConfig)
    Index queryFeatures = 0;     // 0: not known (a bare .weights.h5)
    Index valueFeatures = 0;
    std::optional<Index> keyFeatures;
    std::optional<Index> queryLen;
    std::optional<Index> sourceLen;
    std::map<std::string, Tensor> weights;
};

/// A file a spec names could not be read; parseSpec turns it into a
/// SpecError naming the field.
class SpecFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The files a spec names, read for parseSpec. The spec layer reads no file
/// itself: core/io/spec_files.h gives the one that reads them from disk (and
/// a .keras file's weights through the isolated HDF5 reader). Paths are as
/// resolved against the spec's folder. Failures throw SpecFileError (or a
/// SpecError that already names its field).
class SpecFiles {
public:
    virtual ~SpecFiles() = default;
    /// A .npy array; `*isBool` says whether it was stored as booleans.
    virtual Tensor array(const std::string& path, bool* isBool) = 0;
    /// A weights.npz by key.
    virtual std::map<std::string, Tensor> weights(const std::string& path) = 0;
    /// True for a bare .weights.h5, which holds no model config.
    virtual bool isWeightsOnly(const std::string& path) = 0;
    /// The layer named `layer` of a .keras file.
    virtual TrainedLayer kerasLayer(const std::string& path, const std::string& layer) = 0;
    /// The layer group `group` of a bare .weights.h5, of this class and spec config.
    virtual TrainedLayer kerasWeights(const std::string& path, const std::string& group, const std::string& className,
                                      const std::string& configJson) = 0;
};

/// Parse spec.json text; relative file paths resolve against baseDir and are
/// read through `files`. Throws SpecError naming the field on anything wrong.
/// core/io/spec_files.h has the overload that reads from disk, and loadSpec.
Spec parseSpec(const std::string& jsonText, const std::string& baseDir, SpecFiles& files);

/// The spec as JSON text, with file names as saveSpec (core/io/spec_files.h) writes them.
std::string specToJson(const Spec& spec, bool withFiles);

} // namespace attnviz::core
