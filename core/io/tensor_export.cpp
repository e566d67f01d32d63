// CSV / TSV text of tensors and the spec bundle (tensor_export.h).
#include "core/io/tensor_export.h"
#include "core/io/spec_files.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace attnviz::core {

namespace {

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string label(const std::vector<std::string>& labels, Index i) {
    return i < static_cast<Index>(labels.size()) ? labels[static_cast<size_t>(i)] : std::to_string(i);
}

} // namespace

std::string formatValue(float v) {
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
    return buf;
}

std::string sliceToCsv(const Slice2D& slice, const std::vector<std::string>& rowLabels,
                       const std::vector<std::string>& colLabels, const std::string& corner) {
    // Appends piece by piece: GCC 12 warns (-Wrestrict) on "," + std::string at -O3.
    std::string out = csvField(corner);
    for (Index c = 0; c < slice.cols; ++c) {
        out += ',';
        out += csvField(label(colLabels, c));
    }
    out += '\n';
    for (Index r = 0; r < slice.rows; ++r) {
        out += csvField(label(rowLabels, r));
        for (Index c = 0; c < slice.cols; ++c) {
            out += ',';
            out += formatValue(slice.at(r, c));
        }
        out += '\n';
    }
    return out;
}

std::string tensorToCsv(const Tensor& t, const std::vector<std::string>& axes) {
    auto axisName = [&](Index a) {
        return a < static_cast<Index>(axes.size()) ? axes[size_t(a)] : "axis" + std::to_string(a);
    };
    if (t.rank() == 0)
        return std::string("value\n").append(formatValue(t.data()[0])).append("\n");
    const Index last = t.rank() - 1, width = t.dim(last);
    std::string out;
    for (Index a = 0; a < last; ++a) {
        out += csvField(axisName(a));
        out += ',';
    }
    for (Index c = 0; c < width; ++c) {
        if (c)
            out += ',';
        out += csvField(axisName(last) + "=" + std::to_string(c));
    }
    out += '\n';
    const Index lines = width == 0 ? 0 : t.size() / width;
    std::vector<Index> idx(static_cast<size_t>(last), 0);
    for (Index l = 0; l < lines; ++l) {
        for (Index a = 0; a < last; ++a) {
            out += std::to_string(idx[size_t(a)]);
            out += ',';
        }
        const float* row = t.data() + l * width;
        for (Index c = 0; c < width; ++c) {
            if (c)
                out += ',';
            out += formatValue(row[c]);
        }
        out += '\n';
        for (Index a = last - 1; a >= 0; --a) { // row-major increment
            if (++idx[size_t(a)] < t.dim(a))
                break;
            idx[size_t(a)] = 0;
        }
    }
    return out;
}

std::string sliceToTsv(const Slice2D& slice, Index r0, Index r1, Index c0, Index c1) {
    std::string out;
    r0 = std::max<Index>(r0, 0);
    c0 = std::max<Index>(c0, 0);
    r1 = std::min(r1, slice.rows - 1);
    c1 = std::min(c1, slice.cols - 1);
    for (Index r = r0; r <= r1; ++r) {
        for (Index c = c0; c <= c1; ++c) {
            if (c > c0)
                out += '\t';
            out += formatValue(slice.at(r, c));
        }
        out += '\n';
    }
    return out;
}

void saveSpecBundle(const std::string& dir, const Spec& spec, const Trace& trace) {
    std::filesystem::create_directories(dir);
    Spec s = spec;
    if (const Step* q = trace.find("query"))
        s.query = q->value;
    if (const Step* v = trace.find("value"))
        s.value = v->value;
    if (const Step* k = trace.find("key"))
        s.key = k->value;
    saveSpec((std::filesystem::path(dir) / "spec.json").string(), s, trace.params);
}

} // namespace attnviz::core
