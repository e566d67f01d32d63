// Runs the exported scripts of every reference case (tests/data/keras/*,
// tests/data/export/*.json) with Debian's python3: `numpy` and `torch` run the
// script and require exit 0 (every step within rtol 1e-4 / atol 1e-5 of the
// trace); `keras` only byte-compiles (Keras is not packaged in Debian). A
// perturbed trace must make the numpy/torch scripts fail.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/io/npy.h"
#include "core/teach/script_export.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

ScriptTarget g_target = ScriptTarget::NumPy;

std::vector<std::string> allCases() {
    std::vector<std::string> specs;
    const fs::path data(ATTNVIZ_TEST_DATA_DIR);
    for (const auto& e : fs::directory_iterator(data / "keras"))
        if (fs::exists(e.path() / "spec.json"))
            specs.push_back((e.path() / "spec.json").string());
    for (const auto& e : fs::directory_iterator(data / "export"))
        if (e.path().extension() == ".json")
            specs.push_back(e.path().string());
    std::sort(specs.begin(), specs.end());
    return specs;
}

std::string caseName(const std::string& spec) {
    const fs::path p(spec);
    std::string n = p.filename() == "spec.json" ? p.parent_path().filename().string() : p.stem().string();
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return n;
}

fs::path workDir() {
    const fs::path d = fs::temp_directory_path() / ("attnviz_script_run_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

struct PyRun {
    int status = -1;
    std::string output;
};

PyRun runPython(const std::string& args, const fs::path& log) {
    std::ostringstream cmd; // (not operator+: GCC 12 warns -Wrestrict on it at -O3)
    cmd << ATTNVIZ_PYTHON << ' ' << args << " > '" << log.string() << "' 2>&1";
    const int rc = std::system(cmd.str().c_str());
    PyRun r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    std::ifstream f(log);
    std::stringstream ss;
    ss << f.rdbuf();
    r.output = ss.str();
    return r;
}

std::string quoted(const fs::path& p) {
    std::ostringstream os;
    os << '\'' << p.string() << '\'';
    return os.str();
}

fs::path logOf(fs::path p) {
    return p.replace_extension(".log");
}

class ScriptRun : public ::testing::TestWithParam<std::string> {};

TEST_P(ScriptRun, MatchesTrace) {
    const Spec spec = loadSpec(GetParam());
    const Trace trace = run(spec);
    const std::string name = caseName(GetParam()) + "_" + scriptTargetName(g_target);
    const fs::path py = workDir() / (name + ".py");
    writeScriptExport(py.string(), spec, trace, g_target);
    ASSERT_TRUE(fs::exists(py.parent_path() / (name + ".npz")));
    ASSERT_TRUE(fs::exists(py.parent_path() / (name + "_trace.npz")));
    if (g_target == ScriptTarget::Keras) {
        const PyRun r = runPython("-m py_compile " + quoted(py), logOf(py));
        EXPECT_EQ(r.status, 0) << r.output;
        return;
    }
    const PyRun r = runPython(quoted(py), logOf(py));
    EXPECT_EQ(r.status, 0) << "script " << py << " failed:\n" << r.output;
    // Every trace key was computed and compared; the scripts compute the
    // forward pass, so a grad_* case's backward steps (grad/...) are not theirs.
    for (const Step& s : trace.steps)
        if (!s.key.starts_with("grad/")) {
            EXPECT_NE(r.output.find(s.key + " "), std::string::npos) << s.key << " not reported:\n" << r.output;
        }
    EXPECT_EQ(r.output.find("NOT COMPUTED"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("DIFFERS"), std::string::npos) << r.output;
}

INSTANTIATE_TEST_SUITE_P(Cases, ScriptRun, ::testing::ValuesIn(allCases()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return caseName(p.param); });

// The check is real: one weight off by 1e-3 in the trace makes the script fail.
TEST(ScriptRunCheck, PerturbedTraceFails) {
    ASSERT_NE(g_target, ScriptTarget::Keras) << "ctest runs the keras target with --gtest_filter=Cases/*";
    const std::string specPath = std::string(ATTNVIZ_TEST_DATA_DIR) + "/keras/mha_qmask_vmask_b2_h2/spec.json";
    const Spec spec = loadSpec(specPath);
    const Trace trace = run(spec);
    const fs::path py = workDir() / (std::string("perturbed_") + scriptTargetName(g_target) + ".py");
    writeScriptExport(py.string(), spec, trace, g_target);
    const fs::path tracePath = py.parent_path() / (py.stem().string() + "_trace.npz");
    auto arrays = readNpz(tracePath.string());
    ASSERT_TRUE(arrays.count("weights"));
    arrays["weights"].data()[1] += 1e-3f;
    writeNpz(tracePath.string(), arrays);
    const PyRun r = runPython(quoted(py), logOf(py));
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_NE(r.output.find("DIFFERS"), std::string::npos) << r.output;
}

} // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    const std::string target = argc > 1 ? argv[1] : "";
    const auto t = scriptTargetFromName(target);
    if (!t) {
        std::fprintf(stderr, "usage: test_script_run numpy|torch|keras [gtest flags]\n");
        return 2;
    }
    g_target = *t;
    const int rc = RUN_ALL_TESTS();
    std::error_code ec;
    fs::remove_all(workDir(), ec);
    return rc;
}
