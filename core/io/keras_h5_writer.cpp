// model.weights.h5 in memory (HDF5's core driver, no backing file), then the zip.
#include "core/io/keras_h5_writer.h"

#include <hdf5.h>

#include <chrono>
#include <ctime>
#include <stdexcept>

namespace attnviz::core {

namespace {

class Handle {
public:
    Handle(hid_t id, herr_t (*close)(hid_t)) : m_id(id), m_close(close) {}
    ~Handle() {
        if (m_id >= 0)
            m_close(m_id);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    hid_t get() const { return m_id; }
    bool ok() const { return m_id >= 0; }

private:
    hid_t m_id;
    herr_t (*m_close)(hid_t);
};

herr_t innermost(unsigned n, const H5E_error2_t* e, void* data) {
    if (n == 0 && e && e->desc)
        *static_cast<std::string*>(data) = e->desc;
    return 0;
}

[[noreturn]] void fail(const std::string& what) {
    std::string why;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, innermost, &why);
    H5Eclear2(H5E_DEFAULT);
    throw std::runtime_error("cannot write the HDF5 weights: " + what + (why.empty() ? "" : " (" + why + ")"));
}

void nameAttribute(hid_t group, const std::string& value) {
    Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
    if (!type.ok() || H5Tset_size(type.get(), H5T_VARIABLE) < 0 || H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0 ||
        H5Tset_strpad(type.get(), H5T_STR_NULLTERM) < 0)
        fail("string type");
    Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    Handle attr(H5Acreate2(group, "name", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    const char* text = value.c_str();
    if (!attr.ok() || H5Awrite(attr.get(), type.get(), &text) < 0)
        fail("attribute name=" + value);
}

} // namespace

std::string writeKerasWeightsH5(const std::vector<KerasH5Group>& groups) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    if (!fapl.ok() || H5Pset_fapl_core(fapl.get(), 1 << 16, 0) < 0)
        fail("the in-memory driver");
    Handle file(H5Fcreate("model.weights.h5", H5F_ACC_TRUNC, H5P_DEFAULT, fapl.get()), H5Fclose);
    if (!file.ok())
        fail("creating the file");
    Handle lcpl(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
    if (!lcpl.ok() || H5Pset_create_intermediate_group(lcpl.get(), 1) < 0)
        fail("link properties");
    for (const KerasH5Group& g : groups) {
        Handle group(H5Gcreate2(file.get(), g.path.c_str(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
        if (!group.ok())
            fail("group " + g.path);
        nameAttribute(group.get(), g.nameAttribute);
        for (size_t i = 0; i < g.vars.size(); ++i) {
            const Tensor& t = g.vars[i];
            std::vector<hsize_t> dims(t.shape().begin(), t.shape().end());
            Handle space(dims.empty() ? H5Screate(H5S_SCALAR)
                                      : H5Screate_simple(int(dims.size()), dims.data(), nullptr),
                         H5Sclose);
            const std::string name = std::to_string(i);
            Handle ds(H5Dcreate2(group.get(), name.c_str(), H5T_IEEE_F32LE, space.get(), H5P_DEFAULT, H5P_DEFAULT,
                                 H5P_DEFAULT),
                      H5Dclose);
            if (!space.ok() || !ds.ok() ||
                (t.size() > 0 && H5Dwrite(ds.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, t.data()) < 0))
                fail("dataset " + g.path + "/" + name);
        }
    }
    if (H5Fflush(file.get(), H5F_SCOPE_GLOBAL) < 0)
        fail("flushing");
    const ssize_t size = H5Fget_file_image(file.get(), nullptr, 0);
    if (size <= 0)
        fail("the file image");
    std::string image(static_cast<size_t>(size), '\0');
    if (H5Fget_file_image(file.get(), image.data(), image.size()) != size)
        fail("the file image");
    return image;
}

void saveKerasModel(const std::string& path, const KerasModelDesc& model,
                    const std::map<std::string, Tensor>& weights) {
    const std::vector<KerasH5Group> layout = kerasWeightsLayout(model, weights);
    const std::string h5 = writeKerasWeightsH5(layout);
    // Keras' own format: "%Y-%m-%d@%H:%M:%S", local time.
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&now, &tm);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d@%H:%M:%S", &tm);
    writeKerasArchive(path, kerasMetadataJson(date), kerasModelConfigJson(model), h5);
}

} // namespace attnviz::core
