// Saved Keras 3 models: config.json from the .keras zip (in-process, libzip +
// nlohmann), the HDF5 weights through a child process with limits, and the
// mapping of Keras' variable paths onto weights.npz names (trace-format.md,
// "Trained layers from saved Keras models"). Layout as Keras 3.16's
// saving_lib.py writes it: a layer's variables are at
// layers/<snake_case(class)>[_k]/<sub-layer attribute>/vars/<i>.
#include "core/io/keras_model.h"

#include "core/spec/json_depth.h"

#include "core/io/npy.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#if defined(__SANITIZE_ADDRESS__)
#define ATTNVIZ_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATTNVIZ_UNDER_ASAN 1
#endif
#endif

namespace attnviz::core {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxConfigBytes = std::uint64_t(64) << 20;
constexpr int kMaxConfigDepth = 256;
constexpr const char* kFileField = "keras_model.file";
constexpr const char* kLayerField = "keras_model.layer";

[[noreturn]] void fail(const std::string& field, const std::string& msg) {
    throw SpecError(field, msg);
}

// obj[key] when obj is an object and that member a string; else `otherwise`.
// (json::value() throws when the member has another type: untrusted JSON.)
std::string stringMember(const json& obj, const char* key, const std::string& otherwise = {}) {
    if (!obj.is_object())
        return otherwise;
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : otherwise;
}

std::string inQuotes(const std::string& s) {
    std::string out;
    out.append("'").append(s).append("'");
    return out;
}

std::string baseName(const std::string& path) {
    const std::string b = fs::path(path).filename().string();
    return b.empty() ? path : b;
}

// keras.src.utils.naming.to_snake_case:
//   re.sub(r"\W+", "", name); re.sub("(.)([A-Z][a-z]+)", r"\1_\2", ...);
//   re.sub("([a-z])([A-Z])", r"\1_\2", ...).lower()
std::string toSnakeCase(const std::string& in) {
    auto isUpper = [](char c) { return c >= 'A' && c <= 'Z'; };
    auto isLower = [](char c) { return c >= 'a' && c <= 'z'; };
    std::string s;
    for (char c : in)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_')
            s += c;
    // (.)([A-Z][a-z]+): non-overlapping, left to right; the (.) consumes a
    // character, so a match cannot start inside the previous one.
    std::string a;
    size_t i = 0;
    while (i < s.size()) {
        if (i + 2 < s.size() && isUpper(s[i + 1]) && isLower(s[i + 2])) {
            size_t j = i + 2;
            while (j < s.size() && isLower(s[j]))
                ++j;
            a += s[i];
            a += '_';
            a.append(s, i + 1, j - (i + 1));
            i = j;
        } else {
            a += s[i];
            ++i;
        }
    }
    std::string b;
    i = 0;
    while (i < a.size()) {
        if (i + 1 < a.size() && isLower(a[i]) && isUpper(a[i + 1])) {
            b += a[i];
            b += '_';
            b += a[i + 1];
            i += 2;
        } else {
            b += a[i];
            ++i;
        }
    }
    for (char& c : b)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return b;
}

bool isAttentionClass(const std::string& c) {
    return c == "MultiHeadAttention" || c == "GroupedQueryAttention" || c == "GroupQueryAttention" ||
           c == "Attention" || c == "AdditiveAttention";
}

bool isGqa(const std::string& c) {
    return c == "GroupedQueryAttention" || c == "GroupQueryAttention";
}

bool isModelClass(const json& entry) {
    const std::string c = stringMember(entry, "class_name");
    if (c == "Functional" || c == "Sequential" || c == "Model")
        return true;
    const auto cfg = entry.find("config");
    return cfg != entry.end() && cfg->is_object() && cfg->contains("layers");
}

std::string dtypeOf(const json& config) {
    const auto it = config.find("dtype");
    if (it == config.end() || it->is_null())
        return "float32";
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_object()) {
        const auto c = it->find("config");
        if (c != it->end() && c->is_object()) {
            const auto n = c->find("name");
            if (n != c->end() && n->is_string())
                return n->get<std::string>();
        }
    }
    return it->dump();
}

std::optional<Index> positiveInt(const json& j) {
    if (j.is_number_integer() && j.get<std::int64_t>() > 0 && j.get<std::int64_t>() <= (Index(1) << 40))
        return j.get<Index>();
    return std::nullopt;
}

// A built shape [null, T, E]: its width E and length T (when fixed).
struct BuiltShape {
    Index width = 0;
    std::optional<Index> length;
};

std::optional<BuiltShape> builtShape(const json* j) {
    if (!j || !j->is_array() || j->size() < 2 || j->size() > 8)
        return std::nullopt;
    for (const json& d : *j)
        if (!d.is_null() && !positiveInt(d))
            return std::nullopt;
    const auto w = positiveInt(j->back());
    if (!w)
        return std::nullopt;
    BuiltShape s;
    s.width = *w;
    if (j->size() == 3)
        s.length = positiveInt((*j)[1]);
    return s;
}

std::string headsOf(const std::string& cls, const json& config) {
    auto num = [&](const char* k) -> std::string {
        const auto it = config.find(k);
        return it != config.end() && it->is_number_integer() ? std::to_string(it->get<std::int64_t>()) : "?";
    };
    if (cls == "MultiHeadAttention")
        return num("num_heads");
    if (isGqa(cls))
        return num("num_query_heads") + " query / " + num("num_key_value_heads") + " key-value";
    return "-";
}

void fillWidths(KerasLayerInfo& info, const json& entry) {
    const auto bc = entry.find("build_config");
    if (bc == entry.end() || !bc->is_object())
        return;
    std::optional<BuiltShape> q, v, k;
    if (const auto sd = bc->find("shapes_dict"); sd != bc->end() && sd->is_object()) {
        auto get = [&](const char* name) {
            const auto it = sd->find(name);
            return builtShape(it == sd->end() ? nullptr : &*it);
        };
        q = get("query_shape");
        v = get("value_shape");
        k = get("key_shape");
    } else if (const auto is = bc->find("input_shape"); is != bc->end() && is->is_array()) {
        // Attention / AdditiveAttention: [query, value(, key)]; MHA built from
        // the query alone (value = query) has a single shape.
        if (!is->empty() && (*is)[0].is_array()) {
            q = builtShape(&(*is)[0]);
            if (is->size() > 1)
                v = builtShape(&(*is)[1]);
            if (is->size() > 2)
                k = builtShape(&(*is)[2]);
        } else {
            q = builtShape(&*is);
            v = q;
        }
    }
    if (!q || !v)
        return;
    info.queryFeatures = q->width;
    info.valueFeatures = v->width;
    info.queryLen = q->length;
    info.sourceLen = v->length;
    if (k)
        info.keyFeatures = k->width;
}

} // namespace

std::string KerasLayerInfo::widths() const {
    if (queryFeatures <= 0)
        return "widths unknown (not built)";
    std::string s = "query " + std::to_string(queryFeatures) + ", value " + std::to_string(valueFeatures);
    if (keyFeatures)
        s += ", key " + std::to_string(*keyFeatures);
    return s;
}

const KerasLayerInfo* KerasModelInfo::find(const std::string& name) const {
    for (const KerasLayerInfo& l : attentionLayers)
        if (l.name == name)
            return &l;
    return nullptr;
}

std::string KerasModelInfo::layerList() const {
    std::string s;
    for (const KerasLayerInfo& l : attentionLayers) {
        s += (s.empty() ? "" : ", ") + inQuotes(l.name) + " (" + l.className;
        if (l.heads != "-")
            s += ", " + l.heads + " heads";
        s += ", " + l.widths() + ")";
    }
    return s.empty() ? "none" : s;
}

bool isKerasWeightsFile(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    return ext == ".h5" || ext == ".hdf5";
}

KerasModelInfo parseKerasConfig(std::string_view text, const std::string& label) {
    if (text.size() > kMaxConfigBytes)
        fail(kFileField, label + ": config.json is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                             std::to_string(kMaxConfigBytes) + ".");
    if (jsonNestsDeeperThan(text, kMaxConfigDepth))
        fail(kFileField, label + ": config.json is nested more than " + std::to_string(kMaxConfigDepth) +
                             " levels deep; it is not a saved Keras model.");
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {
        std::string what = e.what();
        if (const auto pos = what.find("] "); pos != std::string::npos)
            what = what.substr(pos + 2);
        fail(kFileField, label + ": config.json is not valid JSON: " + what);
    }
    if (!root.is_object() || !root.contains("class_name") || !root["class_name"].is_string() ||
        !root.contains("config") || !root["config"].is_object())
        fail(kFileField, label + ": config.json is not a saved Keras model (expected an object with \"class_name\" "
                                 "and \"config\").");
    KerasModelInfo info;
    info.file = label;
    info.modelClass = root["class_name"].get<std::string>();
    const json& mc = root["config"];
    info.modelName = stringMember(mc, "name");
    const auto layers = mc.find("layers");
    if (layers == mc.end() || !layers->is_array())
        fail(kFileField, label + ": the model is a " + info.modelClass +
                             " whose config.json does not list its layers (a subclassed model?). attnviz opens "
                             "attention layers of Functional and Sequential models.");

    std::map<std::string, int> used; // Keras' _get_unique_name over snake_case(class)
    std::vector<std::string> others;
    for (const json& entry : *layers) {
        if (!entry.is_object() || !entry.contains("class_name") || !entry["class_name"].is_string())
            fail(kFileField, label + ": config.json lists a layer without a \"class_name\". Received: " +
                                 entry.dump().substr(0, 200));
        const std::string cls = entry["class_name"].get<std::string>();
        const json emptyConfig = json::object();
        const json& config = entry.contains("config") && entry["config"].is_object() ? entry["config"] : emptyConfig;
        std::string name;
        if (entry.contains("name") && entry["name"].is_string())
            name = entry["name"].get<std::string>();
        else if (config.contains("name") && config["name"].is_string())
            name = config["name"].get<std::string>();

        // The .h5 group is named after the Python class (saving_lib uses
        // saveable.__class__.__name__), and Keras exports GroupedQueryAttention
        // as "GroupQueryAttention" in config.json.
        const std::string snake =
            toSnakeCase(cls == "GroupQueryAttention" ? std::string("GroupedQueryAttention") : cls);
        std::string group = snake;
        if (auto it = used.find(snake); it != used.end())
            group += "_" + std::to_string(++it->second);
        else
            used[snake] = 0;

        if (isModelClass(entry)) {
            info.nestedModels.push_back(name);
            continue;
        }
        if (!isAttentionClass(cls)) {
            others.push_back(inQuotes(name) + " (" + cls + ")");
            continue;
        }
        KerasLayerInfo l;
        l.name = name;
        l.className = cls;
        l.configJson = config.dump();
        l.dtype = dtypeOf(config);
        l.h5Group = "layers/" + group;
        l.heads = headsOf(cls, config);
        fillWidths(l, entry);
        info.attentionLayers.push_back(std::move(l));
    }
    if (info.attentionLayers.empty()) {
        std::string msg = label + " holds no attention layer attnviz can open (MultiHeadAttention, "
                                  "GroupQueryAttention, Attention, AdditiveAttention).";
        if (!info.nestedModels.empty()) {
            std::string names;
            for (const auto& n : info.nestedModels)
                names += (names.empty() ? "" : ", ") + inQuotes(n);
            msg += " It holds nested models (" + names + "); attnviz opens layers of the top-level model only.";
        }
        if (!others.empty()) {
            std::string list;
            for (size_t i = 0; i < others.size() && i < 12; ++i)
                list += (i ? ", " : "") + others[i];
            if (others.size() > 12)
                list += ", ...";
            msg += " Its layers: " + list + ".";
        }
        fail(kFileField, msg);
    }
    return info;
}

KerasModelInfo parseKerasArchive(std::string_view zipBytes, const std::string& label) {
    std::optional<std::string> config;
    try {
        config = readZipMember(zipBytes, label, "config.json", kMaxConfigBytes);
    } catch (const NpyError& e) {
        fail(kFileField, std::string(e.what()) + "; a .keras file is a zip holding config.json and model.weights.h5.");
    }
    if (!config)
        fail(kFileField, label + " has no config.json; a .keras file is a zip holding config.json and "
                                 "model.weights.h5.");
    return parseKerasConfig(*config, label);
}

KerasModelInfo inspectKerasModel(const std::string& path) {
    if (isKerasWeightsFile(path))
        fail(kFileField, baseName(path) + " is a weights file without a model config; name the layer class and "
                                          "its config in the spec (\"layer\", \"config\") and the layer's group in "
                                          "keras_model.layer.");
    std::optional<std::string> config;
    try {
        config = readZipMemberFromFile(path, "config.json", kMaxConfigBytes);
    } catch (const NpyError& e) {
        std::string m = e.what();
        if (m.starts_with(path))
            m = baseName(path) + m.substr(path.size());
        fail(kFileField, m + "; a .keras file is a zip holding config.json and model.weights.h5.");
    }
    if (!config)
        fail(kFileField, baseName(path) + " has no config.json; a .keras file is a zip holding config.json and "
                                          "model.weights.h5.");
    KerasModelInfo info = parseKerasConfig(*config, baseName(path));
    info.file = path;
    return info;
}

// ---------------------------------------------------------------------------
// The child process

namespace {

std::mutex g_readerMutex;
std::string g_readerExecutable;

std::string signalName(int sig) {
    const char* d = strsignal(sig);
    return "signal " + std::to_string(sig) + (d ? std::string(", ") + d : std::string());
}

} // namespace

void setKerasReaderExecutable(const std::string& path) {
    std::lock_guard lock(g_readerMutex);
    g_readerExecutable = path;
}

std::string kerasReaderExecutable() {
    {
        std::lock_guard lock(g_readerMutex);
        if (!g_readerExecutable.empty())
            return g_readerExecutable;
    }
    if (const char* env = std::getenv("ATTNVIZ_KERAS_READER"); env && *env)
        return env;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec)
        return (self.parent_path() / "attnviz-trace").string();
    return "attnviz-trace";
}

std::map<std::string, Tensor> readKerasWeightsIsolated(const std::string& file, bool zipped, const std::string& group,
                                                       const KerasReaderOptions& options) {
    const std::string label = baseName(file);
    const std::string exe = options.executable.empty() ? kerasReaderExecutable() : options.executable;
    if (::access(exe.c_str(), X_OK) != 0)
        fail(kFileField, label + ": cannot run the HDF5 reader " + inQuotes(exe) + " (" + std::strerror(errno) +
                             "); attnviz reads .keras weights with attnviz-trace, which must sit next to it.");

    // A private folder for the child's output.
    std::string tmpl = (fs::temp_directory_path() / "attnviz-h5-XXXXXX").string();
    if (!::mkdtemp(tmpl.data()))
        fail(kFileField, label + ": cannot create a temporary folder: " + std::strerror(errno));
    const fs::path dir = tmpl;
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } cleanup{dir};
    const std::string out = (dir / "weights.npz").string();

    // Everything the child needs is prepared before fork: between fork and
    // exec only async-signal-safe calls happen (the GUI has threads).
    const std::string maxBytes = std::to_string(options.maxWeightBytes);
    std::vector<std::string> args{
        exe, "--internal-read-keras-weights", file, zipped ? "model.weights.h5" : "-", group, out, maxBytes};
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    int errPipe[2];
    if (::pipe2(errPipe, O_CLOEXEC) != 0)
        fail(kFileField, label + ": cannot start the HDF5 reader: " + std::strerror(errno));
    const int devNull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    const auto cpuSeconds = static_cast<rlim_t>(std::max(1.0, std::ceil(options.timeoutSeconds)));
    const auto memory = static_cast<rlim_t>(options.memoryBytes);
    const auto fileSize = static_cast<rlim_t>(options.maxWeightBytes + (std::uint64_t(64) << 20));

    const pid_t pid = ::fork();
    if (pid < 0) {
        const int e = errno;
        ::close(errPipe[0]);
        ::close(errPipe[1]);
        if (devNull >= 0)
            ::close(devNull);
        fail(kFileField, label + ": cannot start the HDF5 reader: " + std::strerror(e));
    }
    if (pid == 0) {
        // Child: limits, stdin/stdout to /dev/null, stderr to the pipe, exec.
        struct rlimit cpu {
            cpuSeconds, cpuSeconds + 1
        };
        ::setrlimit(RLIMIT_CPU, &cpu);
        struct rlimit core {
            0, 0
        };
        ::setrlimit(RLIMIT_CORE, &core);
        struct rlimit fsize {
            fileSize, fileSize
        };
        ::setrlimit(RLIMIT_FSIZE, &fsize);
#ifndef ATTNVIZ_UNDER_ASAN
        // AddressSanitizer reserves terabytes of address space for its shadow
        // memory, so an address-space limit would stop a sanitizer build's
        // reader before main(); there the CPU and wall-clock limits remain.
        struct rlimit as {
            memory, memory
        };
        ::setrlimit(RLIMIT_AS, &as);
#else
        (void)memory;
#endif
        if (devNull >= 0) {
            ::dup2(devNull, 0);
            ::dup2(devNull, 1);
        }
        ::dup2(errPipe[1], 2);
        ::execv(exe.c_str(), argv.data());
        static const char msg[] = "cannot execute the reader\n";
        [[maybe_unused]] const auto n = ::write(2, msg, sizeof msg - 1);
        ::_exit(127);
    }
    ::close(errPipe[1]);
    if (devNull >= 0)
        ::close(devNull);

    // Parent: collect stderr (bounded) until EOF or the deadline.
    using Clock = std::chrono::steady_clock;
    const auto deadline =
        Clock::now() + std::chrono::milliseconds(static_cast<long long>(options.timeoutSeconds * 1000.0));
    std::string errText;
    bool timedOut = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{errPipe[0], POLLIN, 0};
        const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            continue;
        char buf[4096];
        const ssize_t n = ::read(errPipe[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // EOF: the child closed stderr (exited)
        if (errText.size() < 16384)
            errText.append(buf, static_cast<size_t>(n));
    }
    ::close(errPipe[0]);
    int status = 0;
    if (timedOut) {
        ::kill(pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        fail(kFileField, label + ": reading its HDF5 weights took longer than " +
                             std::to_string(static_cast<int>(options.timeoutSeconds)) +
                             " s, so the reader was stopped. The file is corrupt or far too large.");
    }
    // stderr is closed; the child is exiting. Wait, but never forever.
    for (;;) {
        const pid_t w = ::waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            fail(kFileField, label + ": lost the HDF5 reader: " + std::strerror(errno));
        if (Clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            fail(kFileField, label + ": the HDF5 reader did not finish within " +
                                 std::to_string(static_cast<int>(options.timeoutSeconds)) + " s and was stopped.");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }

    // The child's message: its first non-empty line, bounded.
    std::string line;
    {
        std::istringstream is(errText);
        for (std::string l; std::getline(is, l);)
            if (!l.empty()) {
                line = l;
                break;
            }
        if (line.size() > 600)
            line = line.substr(0, 600) + "...";
        for (char& c : line)
            if (static_cast<unsigned char>(c) < 0x20)
                c = ' ';
    }
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        if (sig == SIGXCPU || sig == SIGKILL)
            fail(kFileField, label + ": reading its HDF5 weights used more than " + std::to_string(cpuSeconds) +
                                 " s of CPU, so the reader was stopped. The file is corrupt or far too large.");
        fail(kFileField, label + ": reading its HDF5 weights crashed the reader (" + signalName(sig) +
                             "); the file is corrupt or not a Keras model.");
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 127)
        fail(kFileField, label + ": cannot run the HDF5 reader " + inQuotes(exe) + ".");
    if (code != 0)
        fail(kFileField,
             line.empty() ? label + ": the HDF5 reader failed (exit code " + std::to_string(code) + ")." : line);
    try {
        NpyLimits limits;
        limits.maxBytes = options.maxWeightBytes;
        return readNpz(out, limits);
    } catch (const NpyError& e) {
        fail(kFileField, label + ": the HDF5 reader's output is unreadable: " + e.what());
    }
}

// ---------------------------------------------------------------------------
// Variables → weights.npz names

std::map<std::string, Tensor> mapKerasWeights(const std::string& cls, const std::string& configJson,
                                              const std::map<std::string, Tensor>& raw, const std::string& label) {
    json config = json::parse(configJson, nullptr, false);
    if (!config.is_object())
        config = json::object();
    auto flag = [&](const char* k, bool dflt) {
        const auto it = config.find(k);
        return it != config.end() && it->is_boolean() ? it->get<bool>() : dflt;
    };
    std::map<std::string, Tensor> weights;
    std::set<std::string> used;
    auto take = [&](const std::string& path, const std::string& npzName) {
        const auto it = raw.find(path);
        if (it == raw.end())
            fail(kFileField, label + " has no variable " + inQuotes(path) + " (" + npzName +
                                 ") although the layer's config needs it. The file does not match its config.");
        weights[npzName] = it->second;
        used.insert(path);
    };

    if (cls == "MultiHeadAttention" || isGqa(cls)) {
        const bool bias = flag("use_bias", true);
        std::vector<std::string> subs{"query_dense", "key_dense", "value_dense", "output_dense"};
        if (flag("use_gate", false))
            subs.push_back("gate_dense");
        for (const std::string& sub : subs) {
            // MultiHeadAttention exposes query_dense... as properties, so Keras
            // saves them under the public name; its gate and all of
            // GroupedQueryAttention's sub-layers are private attributes.
            std::string prefix;
            for (const std::string& cand : {"_" + sub, sub})
                for (const auto& [k, v] : raw)
                    if (k.starts_with(cand + "/"))
                        prefix = cand;
            if (prefix.empty())
                prefix = (cls == "MultiHeadAttention" && sub != "gate_dense") ? sub : "_" + sub;
            take(prefix + "/vars/0", sub + "/kernel");
            if (bias)
                take(prefix + "/vars/1", sub + "/bias");
        }
    } else if (cls == "Attention") {
        int i = 0;
        if (flag("use_scale", false))
            take("vars/" + std::to_string(i++), "scale");
        if (stringMember(config, "score_mode", "dot") == "concat")
            take("vars/" + std::to_string(i++), "concat_score_weight");
    } else if (cls == "AdditiveAttention") {
        if (flag("use_scale", true))
            take("vars/0", "scale");
    } else {
        fail(kLayerField, label + ": " + cls + " is not an attention layer attnviz runs.");
    }
    for (const auto& [k, v] : raw)
        if (!used.count(k))
            fail(kFileField, label + " holds a variable " + inQuotes(k) + " that a " + cls +
                                 " with this config does not have (a quantized or customised layer?). attnviz reads "
                                 "float32 kernels and biases only.");
    return weights;
}

std::string kerasSpecConfig(const KerasLayerInfo& layer) {
    json config = json::parse(layer.configJson, nullptr, false);
    if (!config.is_object())
        config = json::object();
    if (layer.dtype != "float32")
        fail(kLayerField, "Layer " + inQuotes(layer.name) + " computes in " + layer.dtype +
                              "; attnviz runs float32 layers only. Received: dtype=" + layer.dtype);
    for (const char* k :
         {"name", "trainable", "dtype", "seed", "kernel_initializer", "bias_initializer", "kernel_regularizer",
          "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"})
        config.erase(k);
    return config.dump();
}

namespace {

std::string checkedGroup(const std::string& group) {
    if (group.empty() || group.size() > 512)
        fail(kLayerField, "keras_model.layer must name the layer's group in the .h5, e.g. "
                          "\"multi_head_attention_1\". Received: layer=\"" +
                              group + "\"");
    for (char c : group)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '/' || c == '-' || c == '.'))
            fail(kLayerField,
                 "A group name in a Keras .h5 holds letters, digits, '_' and '/' only. Received: layer=\"" + group +
                     "\"");
    if (group.find("..") != std::string::npos || group.front() == '/' || group.back() == '/')
        fail(kLayerField, "Not a group path. Received: layer=\"" + group + "\"");
    return group.find('/') == std::string::npos ? "layers/" + group : group;
}

} // namespace

KerasLayerLoad loadKerasLayer(const std::string& path, const std::string& layerName,
                              const KerasReaderOptions& options) {
    const KerasModelInfo info = inspectKerasModel(path);
    const KerasLayerInfo* layer = info.find(layerName);
    if (!layer) {
        std::string nested;
        if (!info.nestedModels.empty()) {
            for (const auto& n : info.nestedModels)
                nested += (nested.empty() ? "" : ", ") + inQuotes(n);
            nested = " Layers inside nested models (" + nested +
                     ") cannot be opened: attnviz opens layers of the "
                     "top-level model only.";
        }
        fail(kLayerField, baseName(path) + " has no attention layer named " + inQuotes(layerName) +
                              ". Its attention layers: " + info.layerList() + "." + nested);
    }
    if (layer->queryFeatures <= 0)
        fail(kLayerField, "Layer " + inQuotes(layer->name) + " in " + baseName(path) +
                              " has no build_config with its input shapes (the model was saved unbuilt), so its "
                              "input widths are unknown.");
    (void)kerasSpecConfig(*layer); // refuses dtypes other than float32 before any HDF5 is read
    KerasLayerLoad load;
    load.layer = *layer;
    const auto raw = readKerasWeightsIsolated(path, true, layer->h5Group, options);
    load.weights = mapKerasWeights(layer->className, layer->configJson, raw,
                                   baseName(path) + " (layer " + inQuotes(layer->name) + ")");
    return load;
}

KerasLayerLoad loadKerasWeightsFile(const std::string& path, const std::string& group, const std::string& className,
                                    const std::string& configJson, const KerasReaderOptions& options) {
    KerasLayerLoad load;
    load.layer.name = group;
    load.layer.className = className;
    load.layer.configJson = configJson;
    load.layer.dtype = "float32";
    load.layer.h5Group = checkedGroup(group);
    const auto raw = readKerasWeightsIsolated(path, false, load.layer.h5Group, options);
    load.weights = mapKerasWeights(className, configJson, raw, baseName(path) + " (group " + inQuotes(group) + ")");
    // No build_config here: the projection kernels [features, heads, dim] give the input widths.
    auto width = [&](const char* key) -> Index {
        const auto it = load.weights.find(key);
        return it != load.weights.end() && it->second.rank() == 3 ? it->second.shape()[0] : 0;
    };
    if (width("query_dense/kernel") > 0) {
        load.layer.queryFeatures = width("query_dense/kernel");
        load.layer.valueFeatures = width("value_dense/kernel");
        if (width("key_dense/kernel") != load.layer.valueFeatures)
            load.layer.keyFeatures = width("key_dense/kernel");
    }
    return load;
}

// ---------------------------------------------------------------------------
// The constructor call

namespace {

std::string pyValue(const json& v) {
    if (v.is_null())
        return "None";
    if (v.is_boolean())
        return v.get<bool>() ? "True" : "False";
    if (v.is_number_float()) {
        std::ostringstream os;
        os << v.get<double>();
        std::string s = os.str();
        if (s.find_first_of(".eE") == std::string::npos && s.find("inf") == std::string::npos &&
            s.find("nan") == std::string::npos)
            s += ".0";
        return s;
    }
    if (v.is_number())
        return v.dump();
    if (v.is_string())
        return v.dump(); // JSON string escaping is valid Python
    if (v.is_array()) {
        std::string s = "[";
        for (size_t i = 0; i < v.size(); ++i)
            s += (i ? ", " : "") + pyValue(v[i]);
        return s + "]";
    }
    // A serialized Keras object: {"module", "class_name", "config"}.
    if (v.contains("class_name") && v["class_name"].is_string()) {
        const std::string mod = stringMember(v, "module", "keras");
        std::string s = mod + "." + v["class_name"].get<std::string>() + "(";
        bool first = true;
        if (v.contains("config") && v["config"].is_object())
            for (const auto& [k, x] : v["config"].items()) {
                s += (first ? "" : ", ") + k + "=" + pyValue(x);
                first = false;
            }
        return s + ")";
    }
    return v.dump();
}

bool isDefaultArg(const std::string& cls, const std::string& k, const json& v) {
    auto initializerIs = [&](const char* shortName, const char* className) {
        if (v.is_string())
            return v.get<std::string>() == shortName;
        if (!v.is_object() || stringMember(v, "class_name") != className)
            return false;
        const auto c = v.find("config");
        if (c == v.end() || !c->is_object())
            return true;
        for (const auto& [ck, cv] : c->items())
            if (!cv.is_null())
                return false;
        return true;
    };
    if (k == "trainable")
        return v == true;
    if (k == "dtype")
        return v.is_null() || v == "float32" ||
               (v.is_object() && v.contains("config") && v["config"].is_object() &&
                stringMember(v["config"], "name") == "float32");
    if (k == "seed" || k.ends_with("_regularizer") || k.ends_with("_constraint") || k == "flash_attention" ||
        k == "sliding_window" || k == "output_shape")
        return v.is_null();
    if (k == "kernel_initializer")
        return initializerIs("glorot_uniform", "GlorotUniform");
    if (k == "bias_initializer")
        return initializerIs("zeros", "Zeros");
    if (k == "dropout")
        return v.is_number() && v.get<double>() == 0.0;
    if (k == "use_gate")
        return v == false;
    if (k == "use_bias")
        return v == true;
    if (k == "attention_axes")
        return v.is_null() || v == json::array({1}); // the same as None for [B, T, E] inputs
    if (k == "use_scale")
        return v == (cls == "AdditiveAttention");
    if (k == "score_mode")
        return v == "dot";
    return false;
}

} // namespace

std::string kerasConstructorCall(const std::string& className, const std::string& configJson) {
    json config = json::parse(configJson, nullptr, false);
    if (!config.is_object())
        config = json::object();
    // Keras' own argument order for the layers attnviz knows, then the rest.
    std::vector<std::string> order;
    if (className == "MultiHeadAttention")
        order = {"num_heads",    "key_dim",        "value_dim", "dropout",        "use_bias",
                 "output_shape", "attention_axes", "use_gate",  "sliding_window", "flash_attention"};
    else if (isGqa(className))
        order = {"head_dim", "num_query_heads", "num_key_value_heads", "dropout",
                 "use_bias", "use_gate",        "sliding_window",      "flash_attention"};
    else
        order = {"use_scale", "score_mode", "dropout"};
    std::vector<std::string> keys;
    for (const std::string& k : order)
        if (config.contains(k))
            keys.push_back(k);
    for (const auto& [k, v] : config.items())
        if (k != "name" && std::find(keys.begin(), keys.end(), k) == keys.end())
            keys.push_back(k);
    if (config.contains("name"))
        keys.push_back("name");

    std::vector<std::string> args;
    for (const std::string& k : keys)
        if (!isDefaultArg(className, k, config[k]))
            args.push_back(k + "=" + pyValue(config[k]));
    const std::string cls = isGqa(className) ? "GroupQueryAttention" : className;
    std::string oneLine = "keras.layers." + cls + "(";
    for (size_t i = 0; i < args.size(); ++i)
        oneLine += (i ? ", " : "") + args[i];
    oneLine += ")";
    if (oneLine.size() <= 88)
        return oneLine;
    std::string s = "keras.layers." + cls + "(\n";
    for (const std::string& a : args)
        s += "    " + a + ",\n";
    return s + ")";
}

} // namespace attnviz::core
