// HDF5 reading of Keras weights, in the child process only (keras_h5.h).
// HDF5's C API from a file image in memory (H5LTopen_file_image), its error
// printing silenced and turned into one line, plugins off, hard links only.
#include "core/io/keras_h5.h"

#include "core/io/npy.h"

#include <hdf5.h>

#include <filesystem>
#include <fstream>
#include <new>
#include <stdexcept>

namespace attnviz::core {

namespace {

constexpr int kMaxDepth = 16;
constexpr int kMaxObjects = 4096;
constexpr int kMaxRank = 8;

// One hid_t, closed with its own close function.
class H5Handle {
public:
    H5Handle(hid_t id, herr_t (*close)(hid_t)) : m_id(id), m_close(close) {}
    ~H5Handle() {
        if (m_id >= 0)
            m_close(m_id);
    }
    H5Handle(const H5Handle&) = delete;
    H5Handle& operator=(const H5Handle&) = delete;
    hid_t get() const { return m_id; }
    bool ok() const { return m_id >= 0; }

private:
    hid_t m_id;
    herr_t (*m_close)(hid_t);
};

// The most specific message of HDF5's error stack (the innermost one).
herr_t collectError(unsigned n, const H5E_error2_t* e, void* data) {
    auto* out = static_cast<std::string*>(data);
    if (n == 0 && e && e->desc)
        *out = e->desc;
    return 0;
}

std::string h5Error() {
    std::string msg;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, collectError, &msg);
    H5Eclear2(H5E_DEFAULT);
    return msg.empty() ? "HDF5 gave no reason" : msg;
}

[[noreturn]] void fail(const std::string& label, const std::string& msg) {
    throw std::runtime_error(label + ": " + msg);
}

struct Walker {
    const std::string& label;
    std::uint64_t maxBytes;
    std::uint64_t used = 0;
    int objects = 0;
    std::map<std::string, Tensor> out;

    void dataset(hid_t ds, const std::string& path) {
        H5Handle type(H5Dget_type(ds), H5Tclose);
        if (!type.ok())
            fail(label, "cannot read the type of variable '" + path + "': " + h5Error());
        const H5T_class_t cls = H5Tget_class(type.get());
        const size_t size = H5Tget_size(type.get());
        if (cls != H5T_FLOAT || size != 4) {
            std::string what = cls == H5T_FLOAT     ? std::to_string(size * 8) + "-bit float"
                               : cls == H5T_INTEGER ? std::to_string(size * 8) + "-bit integer"
                                                    : "not a float";
            fail(label, "variable '" + path + "' is " + what + "; attnviz reads float32 layers only.");
        }
        H5Handle space(H5Dget_space(ds), H5Sclose);
        if (!space.ok())
            fail(label, "cannot read the shape of variable '" + path + "': " + h5Error());
        const H5S_class_t sc = H5Sget_simple_extent_type(space.get());
        Shape shape;
        if (sc == H5S_SIMPLE) {
            const int rank = H5Sget_simple_extent_ndims(space.get());
            if (rank < 0 || rank > kMaxRank)
                fail(label, "variable '" + path + "' has rank " + std::to_string(rank) + " (at most " +
                                std::to_string(kMaxRank) + ").");
            hsize_t dims[kMaxRank] = {};
            if (H5Sget_simple_extent_dims(space.get(), dims, nullptr) < 0)
                fail(label, "cannot read the shape of variable '" + path + "': " + h5Error());
            for (int i = 0; i < rank; ++i)
                shape.push_back(static_cast<Index>(std::min<hsize_t>(dims[i], hsize_t(1) << 62)));
        } else if (sc != H5S_SCALAR) {
            fail(label, "variable '" + path + "' holds no data.");
        }
        std::uint64_t count = 1;
        for (Index d : shape) {
            if (d != 0 && count > (maxBytes / 4) / static_cast<std::uint64_t>(d) + 1)
                fail(label,
                     "variable '" + path + "' is larger than the limit of " + std::to_string(maxBytes) + " bytes.");
            count *= static_cast<std::uint64_t>(d);
        }
        if (count * 4 > maxBytes - used)
            fail(label, "the layer's variables are larger than the limit of " + std::to_string(maxBytes) + " bytes.");
        used += count * 4;
        std::vector<float> data(static_cast<size_t>(count));
        if (count > 0 && H5Dread(ds, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()) < 0)
            fail(label, "cannot read variable '" + path + "': " + h5Error());
        out.emplace(path, Tensor(shape, std::move(data)));
    }

    void group(hid_t g, const std::string& prefix, int depth) {
        if (depth > kMaxDepth)
            fail(label, "groups nest deeper than " + std::to_string(kMaxDepth) + " levels; not a Keras weights file.");
        H5G_info_t info;
        if (H5Gget_info(g, &info) < 0)
            fail(label, "cannot list group '" + prefix + "': " + h5Error());
        for (hsize_t i = 0; i < info.nlinks; ++i) {
            if (++objects > kMaxObjects)
                fail(label, "more than " + std::to_string(kMaxObjects) + " objects in one layer; not a Keras layer.");
            const ssize_t len = H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
            if (len <= 0 || len > 1024)
                fail(label, "cannot read a link name in group '" + prefix + "': " + h5Error());
            std::string name(static_cast<size_t>(len) + 1, '\0');
            if (H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(), H5P_DEFAULT) < 0)
                fail(label, "cannot read a link name in group '" + prefix + "': " + h5Error());
            name.resize(static_cast<size_t>(len));
            H5L_info_t linfo;
            if (H5Lget_info(g, name.c_str(), &linfo, H5P_DEFAULT) < 0)
                fail(label, "cannot read link '" + name + "': " + h5Error());
            if (linfo.type != H5L_TYPE_HARD)
                continue; // soft and external links: never followed
            const std::string path = prefix.empty() ? name : prefix + "/" + name;
            H5Handle obj(H5Oopen(g, name.c_str(), H5P_DEFAULT), H5Oclose);
            if (!obj.ok())
                fail(label, "cannot open '" + path + "': " + h5Error());
            const H5I_type_t t = H5Iget_type(obj.get());
            if (t == H5I_GROUP)
                group(obj.get(), path, depth + 1);
            else if (t == H5I_DATASET)
                dataset(obj.get(), path);
        }
    }
};

std::string readFileLimited(const std::string& path, std::uint64_t maxBytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw std::runtime_error("cannot open '" + path + "': no such file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        throw std::runtime_error("cannot open '" + path + "': " + ec.message());
    if (size > maxBytes)
        throw std::runtime_error("'" + path + "' is " + std::to_string(size) + " bytes, more than the limit of " +
                                 std::to_string(maxBytes) + ".");
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<size_t>(size), '\0');
    if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size)))
        throw std::runtime_error("cannot read '" + path + "'");
    return bytes;
}

} // namespace

std::map<std::string, Tensor> readH5Group(std::string& image, const std::string& label, const std::string& group,
                                          std::uint64_t maxBytes) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    H5PLset_loading_state(0);
    static const char kSignature[] = "\x89HDF\r\n\x1a\n";
    bool signature = false;
    for (size_t at = 0; at + 8 <= image.size() && !signature; at = at == 0 ? 512 : at * 2)
        signature = image.compare(at, 8, kSignature, 8) == 0;
    if (!signature)
        fail(label, image.empty() ? "the weights file is empty." : "the weights are not an HDF5 file (no signature).");
    // The core driver from a copy of the image (H5Pset_file_image), so that
    // HDF5's error stack still says why an open failed; our copy is freed first.
    H5Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    if (!fapl.ok() || H5Pset_fapl_core(fapl.get(), 1 << 16, 0) < 0 ||
        H5Pset_file_image(fapl.get(), image.data(), image.size()) < 0)
        fail(label, "HDF5 cannot take the weights into memory: " + h5Error());
    const size_t imageSize = image.size();
    std::string().swap(image);
    H5Handle file(H5Fopen("keras-weights.h5", H5F_ACC_RDONLY, fapl.get()), H5Fclose);
    if (!file.ok())
        fail(label, "HDF5 cannot open the weights (" + std::to_string(imageSize) + " bytes): " + h5Error() +
                        ". The file is truncated or corrupt.");

    // Each component must exist before H5Gopen2 may be asked for the next.
    std::string path;
    size_t start = 0;
    while (start <= group.size()) {
        const size_t slash = group.find('/', start);
        path = group.substr(0, slash);
        const htri_t exists = H5Lexists(file.get(), path.c_str(), H5P_DEFAULT);
        if (exists <= 0) {
            // Name the layer groups the file has, as a help.
            std::string have;
            if (H5Lexists(file.get(), "layers", H5P_DEFAULT) > 0) {
                H5Handle layers(H5Gopen2(file.get(), "layers", H5P_DEFAULT), H5Gclose);
                H5G_info_t info;
                if (layers.ok() && H5Gget_info(layers.get(), &info) >= 0)
                    for (hsize_t i = 0; i < info.nlinks && i < 64; ++i) {
                        char name[256] = {};
                        if (H5Lget_name_by_idx(layers.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name, sizeof name,
                                               H5P_DEFAULT) > 0)
                            have += (have.empty() ? "" : ", ") + std::string(name);
                    }
            }
            H5Eclear2(H5E_DEFAULT);
            fail(label, "the weights have no group '" + group + "'" +
                            (have.empty() ? std::string(" (no \"layers\" group: not Keras 3 weights).")
                                          : ". Its layer groups: " + have + "."));
        }
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    H5Handle g(H5Gopen2(file.get(), group.c_str(), H5P_DEFAULT), H5Gclose);
    if (!g.ok())
        fail(label, "'" + group + "' is not a group: " + h5Error());
    Walker w{label, maxBytes, 0, 0, {}};
    w.group(g.get(), "", 0);
    return std::move(w.out);
}

int runKerasReaderChild(const std::vector<std::string>& args, std::ostream& err) {
    if (args.size() != 5) {
        err << "usage: attnviz-trace --internal-read-keras-weights FILE MEMBER GROUP OUT.npz MAX_BYTES\n";
        return 2;
    }
    const std::string& file = args[0];
    const std::string& member = args[1];
    const std::string& group = args[2];
    const std::string& out = args[3];
    const std::string label = std::filesystem::path(file).filename().string();
    try {
        const std::uint64_t maxBytes = std::stoull(args[4]);
        std::string image;
        std::string where = label;
        if (member == "-") {
            image = readFileLimited(file, maxBytes);
        } else {
            auto m = readZipMemberFromFile(file, member, maxBytes);
            if (!m)
                throw std::runtime_error(label + " has no " + member +
                                         " (a .keras file keeps its weights there; weights saved as .npz are not "
                                         "supported).");
            image = std::move(*m);
            where = label + ": " + member;
        }
        const auto arrays = readH5Group(image, where, group, maxBytes);
        writeNpz(out, arrays);
        return 0;
    } catch (const std::bad_alloc&) {
        err << label
            << ": reading its HDF5 weights ran out of memory (the reader's limit); the file is corrupt or "
               "far too large.\n";
        return 3;
    } catch (const std::exception& e) {
        err << e.what() << '\n';
        return 1;
    }
}

} // namespace attnviz::core
