// The .deb as a lab machine gets it: every file the package must hold, and its
// programs run from the unpacked folder ($ATTNVIZ_PACKAGE_ROOT, made with
// dpkg-deb -x), where no build or source tree is next to them.
#include "core/io/npy.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QSet>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const std::string kAppId = ATTNVIZ_APP_ID;

fs::path root() {
    const char* r = std::getenv("ATTNVIZ_PACKAGE_ROOT");
    return r ? fs::path(r) : fs::path();
}

fs::path tempDir() {
    const fs::path d = fs::temp_directory_path() / ("attnviz_package_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

struct Result {
    int code = -1;
    std::string out; // stdout + stderr
};

// Runs a command line in a clean environment for Qt (offscreen, no display).
Result run(const std::string& cmd) {
    Result r;
    FILE* p = popen(
        ("env -u DISPLAY -u WAYLAND_DISPLAY -u ATTNVIZ_RESOURCES -u ATTNVIZ_KERAS_READER " + cmd + " 2>&1").c_str(),
        "r");
    if (!p)
        return r;
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
        r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

std::string q(const fs::path& p) { // shell-quoted
    std::string s(1, '\'');
    s += p.string();
    s += '\'';
    return s;
}

// Every regular file under `from`, as paths relative to it.
std::vector<fs::path> filesUnder(const fs::path& from) {
    std::vector<fs::path> out;
    if (fs::is_directory(from))
        for (const auto& e : fs::recursive_directory_iterator(from))
            if (e.is_regular_file())
                out.push_back(fs::relative(e.path(), from));
    return out;
}

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

class Package : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_FALSE(root().empty()) << "set ATTNVIZ_PACKAGE_ROOT to the folder the .deb was unpacked into";
        ASSERT_TRUE(fs::is_directory(root() / "usr")) << root();
    }
    fs::path usr(const std::string& rel) const { return root() / "usr" / rel; }
};

} // namespace

TEST_F(Package, HoldsTheProgramsDesktopFilesIconsAndManPages) {
    for (const char* exe : {"bin/attnviz", "bin/attnviz-trace"}) {
        EXPECT_TRUE(fs::is_regular_file(usr(exe))) << exe;
        EXPECT_EQ(::access(usr(exe).c_str(), X_OK), 0) << exe;
    }
    for (const std::string& f :
         {"share/applications/" + kAppId + ".desktop", "share/metainfo/" + kAppId + ".metainfo.xml",
          "share/icons/hicolor/scalable/apps/" + kAppId + ".svg", std::string("share/man/man1/attnviz.1.gz"),
          std::string("share/man/man1/attnviz-trace.1.gz"), std::string("share/doc/attnviz/copyright"),
          std::string("share/doc/attnviz/changelog.gz")})
        EXPECT_TRUE(fs::is_regular_file(usr(f))) << f;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const std::string dir = std::to_string(size) + "x" + std::to_string(size);
        const QImage icon(QString::fromStdString(usr("share/icons/hicolor/" + dir + "/apps/" + kAppId + ".png")));
        EXPECT_EQ(icon.size(), QSize(size, size)) << dir;
    }
}

TEST_F(Package, HoldsEveryLessonExampleAndTranslation) {
    const fs::path data = usr("share/attnviz");
    const fs::path resources = fs::path(ATTNVIZ_SOURCE_DIR) / "resources";
    for (const char* dir : {"lessons", "examples"}) {
        const auto files = filesUnder(resources / dir);
        EXPECT_FALSE(files.empty()) << dir;
        for (const fs::path& f : files)
            EXPECT_TRUE(fs::is_regular_file(data / dir / f)) << dir << "/" << f.string();
    }
    // Whatever the build put in its share/attnviz (the .qm files) is installed.
    for (const fs::path& f : filesUnder(ATTNVIZ_BUILD_DATADIR))
        EXPECT_TRUE(fs::is_regular_file(data / f)) << f.string();
}

TEST_F(Package, TraceFromThePackageMatchesKeras) {
    const fs::path out = tempDir() / "trace.npz";
    for (const std::string c :
         {"keras/mha_causal_b2_h4_t6", "keras/additive_scale_masks_b2", "keras_models/encoder_block_self_attn"}) {
        const fs::path dir = fs::path(ATTNVIZ_TEST_DATA_DIR) / c;
        const Result r = run(q(usr("bin/attnviz-trace")) + " " + q(dir / "spec.json") + " --out " + q(out));
        ASSERT_EQ(r.code, 0) << c << "\n" << r.out;
        const auto got = attnviz::core::readNpz(out.string());
        const auto want = attnviz::core::readNpz((dir / "expected.npz").string());
        ASSERT_FALSE(want.empty()) << c;
        for (const auto& [key, tensor] : want) {
            ASSERT_TRUE(got.count(key)) << c << ": " << key;
            EXPECT_TRUE(attnviz::testing::allClose(got.at(key), tensor)) << c << ": " << key;
        }
    }
    fs::remove(out);
}

TEST_F(Package, TraceRunsThePackagedProductsOfTheCpusLevel) {
#if defined(ATTNVIZ_EXPECT_GEMM_PLUGIN)
    for (const char* level : {"v3", "v4"}) {
        const fs::path plugin = usr(std::string(ATTNVIZ_GEMM_PLUGIN_DIR) + "/libattnviz_kernels_x86-64-" + level + ".so");
        EXPECT_TRUE(fs::is_regular_file(plugin)) << plugin;
    }
    const fs::path spec = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras/mha_causal_b2_h4_t6/spec.json";
    const Result r = run(q(usr("bin/attnviz-trace")) + " " + q(spec) + " --bench 1");
    ASSERT_EQ(r.code, 0) << r.out;
    __builtin_cpu_init();
    const std::string dir = fs::weakly_canonical(usr(ATTNVIZ_GEMM_PLUGIN_DIR)).string();
    if (__builtin_cpu_supports("x86-64-v4"))
        EXPECT_NE(r.out.find("x86-64-v4 plug-in (AVX-512): " + dir + "/"), std::string::npos) << r.out;
    else if (__builtin_cpu_supports("x86-64-v3"))
        EXPECT_NE(r.out.find("x86-64-v3 plug-in (AVX2, FMA): " + dir + "/"), std::string::npos) << r.out;
    else
        EXPECT_NE(r.out.find("below x86-64-v3"), std::string::npos) << r.out;
#else
    GTEST_SKIP() << "this build makes no plug-ins (ATTNVIZ_NATIVE, or not x86-64)";
#endif
}

TEST_F(Package, AppRendersABundledLessonAndATrainedModel) {
    // --lesson 1 is looked up among the installed lessons only: the unpacked
    // binary is outside the build tree, so it cannot fall back to the sources.
    const fs::path lessonPng = tempDir() / "lesson.png";
    const Result lesson = run(q(usr("bin/attnviz")) + " --screenshot " + q(lessonPng) + " --size 1280x800 --lesson 1");
    ASSERT_EQ(lesson.code, 0) << lesson.out;
    const QImage a(QString::fromStdString(lessonPng.string()));
    EXPECT_EQ(a.size(), QSize(1280, 800));
    EXPECT_GT(distinctColours(a), 100);
    // A .keras file is read by the attnviz-trace next to attnviz.
    const fs::path modelPng = tempDir() / "model.png";
    const fs::path spec = fs::path(ATTNVIZ_TEST_DATA_DIR) / "keras_models/encoder_block_self_attn/spec.json";
    const Result model =
        run(q(usr("bin/attnviz")) + " --screenshot " + q(modelPng) + " --size 1280x800 --spec " + q(spec));
    ASSERT_EQ(model.code, 0) << model.out;
    EXPECT_GT(distinctColours(QImage(QString::fromStdString(modelPng.string()))), 100);
    // And a name that is no bundled lesson says so.
    const Result missing = run(q(usr("bin/attnviz")) + " --screenshot " + q(lessonPng) + " --lesson 99");
    EXPECT_NE(missing.code, 0) << missing.out;
    fs::remove(lessonPng);
    fs::remove(modelPng);
}
