// CSV / TSV text of tensors, and the spec bundle round trip: every reference
// case, option spec and example saved as a bundle loads back to the same trace.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/io/npy.h"
#include "core/io/tensor_export.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        out.push_back(l);
    return out;
}

} // namespace

TEST(TensorExport, FormatValueRoundTripsFloat32) {
    for (float v : {0.1f, -1e9f, 3.4028235e38f, 1.17549435e-38f, 1.0f / 3.0f}) {
        const std::string s = formatValue(v);
        EXPECT_EQ(std::strtof(s.c_str(), nullptr), v) << s;
    }
    EXPECT_EQ(formatValue(std::numeric_limits<float>::quiet_NaN()), "nan");
    EXPECT_EQ(formatValue(-std::numeric_limits<float>::infinity()), "-inf");
}

TEST(TensorExport, SliceCsvHasAHeaderAndCommas) {
    const Slice2D s{2, 3, {1, 2, 3, 4.5f, -5, 6}};
    const auto l = lines(sliceToCsv(s, {"the", "cat, big"}, {"a", "b", "c\"d"}, "query\\source"));
    ASSERT_EQ(l.size(), 3u);
    EXPECT_EQ(l[0], "query\\source,a,b,\"c\"\"d\"");
    EXPECT_EQ(l[1], "the,1,2,3");
    EXPECT_EQ(l[2], "\"cat, big\",4.5,-5,6");
    const auto plain = lines(sliceToCsv(s, {}, {}, ""));
    EXPECT_EQ(plain[0], ",0,1,2");
    EXPECT_EQ(plain[2], "1,4.5,-5,6");
}

TEST(TensorExport, WholeTensorCsvOneLinePerLeadingIndex) {
    Tensor t({2, 3, 2});
    for (Index i = 0; i < t.size(); ++i)
        t.data()[i] = float(i);
    const auto l = lines(tensorToCsv(t, {"batch", "query", "source"}));
    ASSERT_EQ(l.size(), 7u);
    EXPECT_EQ(l[0], "batch,query,source=0,source=1");
    EXPECT_EQ(l[1], "0,0,0,1");
    EXPECT_EQ(l[3], "0,2,4,5");
    EXPECT_EQ(l[4], "1,0,6,7");
    EXPECT_EQ(l[6], "1,2,10,11");
    EXPECT_EQ(lines(tensorToCsv(Tensor({}, {2.5f}), {}))[1], "2.5");
    EXPECT_EQ(lines(tensorToCsv(Tensor({3}), {}))[0], "axis0=0,axis0=1,axis0=2");
}

TEST(TensorExport, TsvIsTheSelectedRectangle) {
    const Slice2D s{3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
    EXPECT_EQ(sliceToTsv(s, 1, 2, 0, 1), "4\t5\n7\t8\n");
    EXPECT_EQ(sliceToTsv(s, 0, 0, 2, 2), "3\n");
    EXPECT_EQ(sliceToTsv(s, 2, 9, 2, 9), "9\n"); // clamped
}

TEST(TensorExport, SpecBundleLoadsBackToTheSameTrace) {
    const fs::path data(ATTNVIZ_TEST_DATA_DIR);
    std::vector<fs::path> specs;
    for (const auto& e : fs::directory_iterator(data / "keras"))
        if (fs::exists(e.path() / "spec.json"))
            specs.push_back(e.path() / "spec.json");
    for (const auto& e : fs::directory_iterator(data / "export"))
        if (e.path().extension() == ".json")
            specs.push_back(e.path());
    for (const auto& e : fs::directory_iterator(fs::path(ATTNVIZ_SOURCE_DIR) / "resources" / "examples"))
        if (e.path().extension() == ".json")
            specs.push_back(e.path());
    ASSERT_GT(specs.size(), 20u);
    const fs::path root = fs::temp_directory_path() / ("attnviz_bundle_" + std::to_string(::getpid()));
    int n = 0;
    for (const fs::path& p : specs) {
        const Spec spec = loadSpec(p.string());
        const Trace a = run(spec);
        const fs::path dir = root / std::to_string(n++);
        saveSpecBundle(dir.string(), spec, a);
        EXPECT_TRUE(fs::exists(dir / "query.npy") && fs::exists(dir / "value.npy") && fs::exists(dir / "weights.npz"))
            << p;
        const Trace b = run(loadSpec((dir / "spec.json").string()));
        ASSERT_EQ(a.steps.size(), b.steps.size()) << p;
        for (size_t i = 0; i < a.steps.size(); ++i) {
            EXPECT_EQ(a.steps[i].key, b.steps[i].key) << p;
            EXPECT_EQ(a.steps[i].value.shape(), b.steps[i].value.shape()) << p << " " << a.steps[i].key;
            EXPECT_EQ(a.steps[i].value.values(), b.steps[i].value.values()) << p << " " << a.steps[i].key;
        }
        EXPECT_EQ(a.params.size(), b.params.size()) << p;
    }
    std::error_code ec;
    fs::remove_all(root, ec);
}
