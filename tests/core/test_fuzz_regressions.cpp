// Hostile inputs (issue 4): inputs found by the fuzzers in tests/fuzz/ (kept in
// tests/data/fuzz_regressions/) and hand-made ones that claim absurd sizes.
// Each must be refused with a clean message, quickly and before any large
// allocation. Large allocations are made fatal here: under AddressSanitizer a
// single allocation over 256 MiB aborts (max_allocation_size_mb); without it
// the address space is capped at 2 GiB, so one would throw std::bad_alloc,
// which is not the error these tests expect.
#include "core/layers/run.h"
#include "core/io/spec_files.h"
#include "core/io/npy.h"
#include "core/spec/spec.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define ATTNVIZ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATTNVIZ_ASAN 1
#endif
#endif

#ifdef ATTNVIZ_ASAN
extern "C" const char* __asan_default_options() {
    return "max_allocation_size_mb=256:allocator_may_return_null=0";
}
#endif

namespace fs = std::filesystem;
using namespace attnviz::core;

namespace {

#ifndef ATTNVIZ_ASAN
const bool g_addressSpaceCapped = [] {
    rlimit rl{};
    if (getrlimit(RLIMIT_AS, &rl) == 0) {
        const rlim_t cap = rlim_t(2) << 30;
        if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > cap) {
            rl.rlim_cur = cap;
            setrlimit(RLIMIT_AS, &rl);
        }
    }
    return true;
}();
#endif

const fs::path kDir = fs::path(ATTNVIZ_TEST_DATA_DIR) / "fuzz_regressions";

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    EXPECT_TRUE(in) << p;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Fails the test when the scope takes longer than a generous bound.
class Quick {
public:
    ~Quick() {
        const auto s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        EXPECT_LT(s, 20.0) << "took " << s << " s";
    }

private:
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

std::string npyError(std::string_view bytes, const NpyLimits& limits = {}) {
    try {
        parseNpy(bytes, "x.npy", limits);
    } catch (const NpyError& e) {
        return e.what();
    }
    return "(accepted)";
}

std::string npzError(std::string_view bytes, const NpyLimits& limits = {}) {
    try {
        parseNpz(bytes, "x.npz", limits);
    } catch (const NpyError& e) {
        return e.what();
    }
    return "(accepted)";
}

struct SpecResult {
    std::string field, message;
};

/// parseSpec, then validate: the first SpecError, or field "(accepted)".
SpecResult specError(const std::string& text, const std::string& baseDir = ".") {
    try {
        validate(parseSpec(text, baseDir));
    } catch (const SpecError& e) {
        return {e.field(), e.what()};
    }
    return {"(accepted)", ""};
}

/// A format 1.0 .npy preamble and header for `dict`, padded as NumPy does.
std::string npyWithHeader(const std::string& dict, const std::string& data = {}) {
    std::string header = dict;
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    std::string out("\x93NUMPY\x01\x00", 8);
    out += static_cast<char>(header.size() & 0xFF);
    out += static_cast<char>((header.size() >> 8) & 0xFF);
    return out + header + data;
}

void le16(std::string& s, std::uint32_t v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
}
void le32(std::string& s, std::uint32_t v) {
    le16(s, v & 0xFFFF);
    le16(s, v >> 16);
}
void le64(std::string& s, std::uint64_t v) {
    le32(s, static_cast<std::uint32_t>(v));
    le32(s, static_cast<std::uint32_t>(v >> 32));
}

std::uint32_t crc32(const std::string& s) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char ch : s) {
        c ^= static_cast<unsigned char>(ch);
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

/// A one-member zip whose member `name` is deflated (one stored deflate block
/// holding `content`) but declares `claimedSize` uncompressed bytes; sizes of
/// 4 GiB and more go in a zip64 extra field, as np.savez writes them.
std::string zipClaiming(const std::string& name, const std::string& content, std::uint64_t claimedSize) {
    std::string deflated = "\x01"; // BFINAL, stored block
    le16(deflated, static_cast<std::uint32_t>(content.size()));
    le16(deflated, static_cast<std::uint32_t>(~content.size() & 0xFFFF));
    deflated += content;
    const bool zip64 = claimedSize >= 0xFFFFFFFFu;
    std::string extra;
    if (zip64) {
        le16(extra, 0x0001);
        le16(extra, 8);
        le64(extra, claimedSize);
    }
    const std::uint32_t size32 = zip64 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(claimedSize);
    const std::uint32_t crc = crc32(content);
    std::string local = "PK\x03\x04";
    le16(local, zip64 ? 45 : 20);
    le16(local, 0);
    le16(local, 8); // deflate
    le32(local, 0); // time, date
    le32(local, crc);
    le32(local, static_cast<std::uint32_t>(deflated.size()));
    le32(local, size32);
    le16(local, static_cast<std::uint32_t>(name.size()));
    le16(local, static_cast<std::uint32_t>(extra.size()));
    local += name + extra + deflated;
    std::string central = "PK\x01\x02";
    le16(central, zip64 ? 45 : 20);
    le16(central, zip64 ? 45 : 20);
    le16(central, 0);
    le16(central, 8);
    le32(central, 0);
    le32(central, crc);
    le32(central, static_cast<std::uint32_t>(deflated.size()));
    le32(central, size32);
    le16(central, static_cast<std::uint32_t>(name.size()));
    le16(central, static_cast<std::uint32_t>(extra.size()));
    le16(central, 0); // comment
    le16(central, 0); // disk
    le16(central, 0); // internal attributes
    le32(central, 0); // external attributes
    le32(central, 0); // local header offset
    central += name + extra;
    std::string eocd = "PK\x05\x06";
    le32(eocd, 0);
    le16(eocd, 1);
    le16(eocd, 1);
    le32(eocd, static_cast<std::uint32_t>(central.size()));
    le32(eocd, static_cast<std::uint32_t>(local.size()));
    le16(eocd, 0);
    return local + central + eocd;
}

// --- found by fuzz_spec ----------------------------------------------------------

// nlohmann::json throws out_of_range (not parse_error) for a number beyond a
// double; it escaped parseSpec as a foreign exception and aborted the fuzzer.
TEST(FuzzRegressions, SpecNumberOverflow) {
    Quick q;
    const SpecResult r = specError(readFile(kDir / "spec_number_overflow.json"));
    EXPECT_EQ(r.field, "spec");
    EXPECT_NE(r.message.find("Invalid JSON: number overflow parsing '5e308'"), std::string::npos) << r.message;
}

// A Fortran-order array with a zero-length axis passed the element-count
// limit (0 elements) and then overflowed multiplying out its row-major
// strides (UBSan: npy.cpp:287, signed overflow). NumPy refuses the shape
// ("array is too big"): the product of the non-zero axes must fit.
TEST(FuzzRegressions, NpyFortranEmptyArrayWithHugeAxes) {
    Quick q;
    const std::string bytes = readFile(kDir / "npy_fortran_empty_huge_strides.npy");
    ASSERT_EQ(bytes.size(), 128u);
    EXPECT_EQ(npyError(bytes), "x.npy: shape (0, 1099511627, 5108138558138, 8138, 6277109159167, 77263) has more "
                               "elements than fit in 64 bits");
}

// The family around it: zero-length axes beside huge ones, both orders, every
// dtype. Refused when the non-zero axes overflow 64 bits (as NumPy does),
// otherwise read as the empty array of exactly that shape.
TEST(HostileInputs, NpyEmptyArraysWithHugeAxes) {
    Quick q;
    struct Row {
        std::string shape;
        Shape expected; // empty: refused
    };
    const Index k31 = Index(1) << 31, k40 = Index(1) << 40, k62 = Index(1) << 62;
    const std::vector<Row> rows = {
        {"(0, 1099511627776, 1099511627776)", {}},
        {"(1099511627776, 1099511627776, 0)", {}},
        {"(1099511627776, 0, 1099511627776)", {}},
        {"(3, 4611686018427387904, 0)", {}},
        {"(0, 1099511627, 5108138558138, 8138, 6277109159167, 77263)", {}},
        {"(0,)", {0}},
        {"(5, 0)", {5, 0}},
        {"(2147483648, 0, 3)", {k31, 0, 3}},
        {"(0, 1099511627776)", {0, k40}},
        {"(4611686018427387904, 0, 1)", {k62, 0, 1}},
    };
    for (const char* order : {"True", "False"})
        for (const char* descr : {"<f4", "<f8", "|b1"})
            for (const Row& row : rows) {
                const std::string bytes =
                    npyWithHeader(std::string("{'descr': '") + descr + "', 'fortran_order': " + order +
                                  ", 'shape': " + row.shape + ", }");
                SCOPED_TRACE(std::string(descr) + " fortran_order=" + order + " shape=" + row.shape);
                if (row.expected.empty()) {
                    EXPECT_EQ(npyError(bytes), "x.npy: shape " + row.shape + " has more elements than fit in 64 bits");
                    continue;
                }
                const Tensor t = parseNpy(bytes, "x.npy");
                EXPECT_EQ(t.shape(), row.expected);
                EXPECT_EQ(t.size(), 0);
                // What the fuzzer checks: a parsed array round-trips.
                EXPECT_EQ(parseNpy(serializeNpy(t), "again.npy").shape(), row.expected);
            }
}

// --- hand-made: sizes that lie -------------------------------------------------------

TEST(HostileInputs, NpyShapeProductOverflows64Bits) {
    Quick q;
    const std::string bytes =
        npyWithHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776, 1099511627776), }");
    EXPECT_EQ(npyError(bytes), "x.npy: shape (1099511627776, 1099511627776) has more elements than fit in 64 bits");
}

TEST(HostileInputs, NpyHugeShapeRefusedBeforeReading) {
    Quick q;
    // 2^40 float32 elements = 4 TiB, with a few bytes of "data".
    const std::string bytes =
        npyWithHeader("{'descr': '<f4', 'fortran_order': True, 'shape': (1048576, 1048576), }", "abcd");
    EXPECT_NE(npyError(bytes).find("x.npy: array of shape (1048576, 1048576) and dtype '<f4' is larger than the limit "
                                   "of 4294967296 bytes"),
              std::string::npos)
        << npyError(bytes);
}

TEST(HostileInputs, NpyDimensionBeyond64Bits) {
    Quick q;
    const std::string bytes =
        npyWithHeader("{'descr': '|b1', 'fortran_order': False, 'shape': (99999999999999999999,), }");
    EXPECT_EQ(npyError(bytes), "x.npy: dimension 99999999999999999999 in 'shape' does not fit in 64 bits");
}

TEST(HostileInputs, NpyHeaderLengthOf4GiB) {
    Quick q;
    std::string bytes("\x93NUMPY\x02\x00", 8);
    le32(bytes, 0xFFFFFFFFu);
    bytes += "{'descr': '<f4', 'fortran_order': False, 'shape': (), }\n";
    EXPECT_EQ(npyError(bytes), "x.npy: header length 4294967295 is larger than the limit of 1048576 bytes");
}

TEST(HostileInputs, ZipMemberClaiming4GiBWithinTheDefaultLimit) {
    Quick q;
    // 4 GiB - 16 fits the default 4 GiB budget, so the member is read, in
    // chunks: memory follows the data that arrives, not the claim.
    const std::string member = serializeNpy(Tensor({2, 3}));
    const std::string err = npzError(zipClaiming("a.npy", member, 0xFFFFFFF0u));
    EXPECT_EQ(err, "x.npz: member 'a.npy': declares 4294967280 bytes but holds 152");
}

TEST(HostileInputs, ZipMemberClaiming4GiBOverALimit) {
    Quick q;
    NpyLimits limits;
    limits.maxBytes = std::uint64_t(64) << 20;
    const std::string member = serializeNpy(Tensor({2, 3}));
    EXPECT_EQ(npzError(zipClaiming("a.npy", member, std::uint64_t(4) << 30), limits),
              "x.npz: member 'a.npy': declares 4294967296 bytes, more than the remaining limit of 67108864 bytes");
}

TEST(HostileInputs, ZipMemberClaiming1TiBZip64) {
    Quick q;
    const std::string member = serializeNpy(Tensor({2, 3}));
    EXPECT_EQ(npzError(zipClaiming("a.npy", member, std::uint64_t(1) << 40)),
              "x.npz: member 'a.npy': declares 1099511627776 bytes, more than the remaining limit of 4294967296 bytes");
}

TEST(HostileInputs, ZipThatIsHonestLoads) {
    // The zip builder itself is right: the same member with its true size loads.
    const std::string member = serializeNpy(Tensor({2, 3}));
    const auto arrays = parseNpz(zipClaiming("a.npy", member, member.size()), "x.npz");
    ASSERT_EQ(arrays.count("a"), 1u);
    EXPECT_EQ(arrays.at("a").shape(), (Shape{2, 3}));
}

TEST(HostileInputs, JsonNested100000Deep) {
    Quick q;
    const std::string text = std::string(100000, '[') + std::string(100000, ']');
    const SpecResult r = specError(text);
    EXPECT_EQ(r.field, "spec");
    EXPECT_NE(r.message.find("nested more than 64 levels deep"), std::string::npos) << r.message;
    // Objects too, and unbalanced text that never closes.
    const std::string objects = [] {
        std::string s;
        for (int i = 0; i < 100000; ++i)
            s += "{\"a\":";
        return s;
    }();
    EXPECT_NE(specError(objects).message.find("nested more than 64 levels deep"), std::string::npos);
}

TEST(HostileInputs, SpecShapesWhoseProductOverflows64Bits) {
    Quick q;
    // Each size is at most 2^40; their products (2^120 and more) overflow any
    // 64-bit count. The memory estimate is done in double and refuses them.
    const std::string text =
        R"({"layer": "MultiHeadAttention", "config": {"num_heads": 2147483647, "key_dim": 2147483647},
        "shapes": {"batch": 1099511627776, "query_len": 1099511627776, "source_len": 1099511627776,
                   "query_features": 1099511627776, "value_features": 1099511627776, "key_features": 1099511627776}})";
    const SpecResult r = specError(text);
    EXPECT_EQ(r.field, "shapes");
    EXPECT_NE(r.message.find("more than the limit of 4 GiB"), std::string::npos) << r.message;
    // run() refuses the same way, before any tensor exists.
    EXPECT_THROW(run(parseSpec(text, ".")), SpecError);
}

TEST(HostileInputs, SpecSizesBeyondTheirRange) {
    Quick q;
    const SpecResult tooBig = specError(R"({"layer": "Attention", "shapes": {"batch": 1099511627777}})");
    EXPECT_EQ(tooBig.field, "shapes.batch");
    EXPECT_NE(tooBig.message.find("is too large (at most 1099511627776)"), std::string::npos) << tooBig.message;
    const SpecResult u64 = specError(R"({"layer": "Attention", "shapes": {"query_len": 18446744073709551615}})");
    EXPECT_EQ(u64.field, "shapes.query_len");
    EXPECT_NE(u64.message.find("is too large"), std::string::npos) << u64.message;
    const SpecResult beyond = specError(R"({"layer": "Attention", "shapes": {"query_len": 18446744073709551616}})");
    EXPECT_EQ(beyond.field, "shapes.query_len");
    EXPECT_NE(beyond.message.find("must be an integer"), std::string::npos) << beyond.message;
    // Written as floats, the same bounds hold (1e14 used to slip through and
    // then failed to load again once saved by specToJson).
    const SpecResult floatBatch = specError(R"({"layer": "Attention", "shapes": {"batch": 1e14}})");
    EXPECT_EQ(floatBatch.field, "shapes.batch");
    EXPECT_NE(floatBatch.message.find("is too large (at most 1099511627776). Received: batch=1"), std::string::npos)
        << floatBatch.message;
    const SpecResult floatHeads =
        specError(R"({"layer": "MultiHeadAttention", "config": {"num_heads": 3e9, "key_dim": 2}})");
    EXPECT_EQ(floatHeads.field, "config.num_heads");
    EXPECT_NE(floatHeads.message.find("is too large (at most 2147483647)"), std::string::npos) << floatHeads.message;
    const SpecResult heads =
        specError(R"({"layer": "MultiHeadAttention", "config": {"num_heads": 4294967297, "key_dim": 2}})");
    EXPECT_EQ(heads.field, "config.num_heads");
    EXPECT_NE(heads.message.find("is too large (at most 2147483647)"), std::string::npos) << heads.message;
}

// What parseSpec accepts, specToJson (the app's save and autosave) writes in a
// form parseSpec accepts again: the invariant fuzz_spec checks on every input.
TEST(HostileInputs, SpecRoundTripsThroughSpecToJson) {
    const std::string text =
        R"({"layer": "MultiHeadAttention", "config": {"num_heads": 2.0, "key_dim": -1e14, "output_shape": [7],
            "dropout": 1e300}, "shapes": {"batch": 1.099511627776e12, "query_len": -9223372036854775808},
            "seed": 18446744073709551615, "tokens": {"query": ["", "a b", "\u00e9"], "source": " x  y "}})";
    const Spec s = parseSpec(text, ".");
    const Spec back = parseSpec(specToJson(s, false), ".");
    EXPECT_EQ(back.config.numHeads, 2);
    EXPECT_EQ(back.config.keyDim, s.config.keyDim);
    EXPECT_EQ(back.shapes.batch, Index(1) << 40);
    EXPECT_EQ(back.shapes.queryLen, s.shapes.queryLen);
    EXPECT_EQ(back.seed, s.seed);
    EXPECT_EQ(back.queryTokens, s.queryTokens);
    EXPECT_EQ(back.sourceTokens, (std::vector<std::string>{"x", "y"}));
}

TEST(HostileInputs, SpecNamingAHugeNpy) {
    Quick q;
    const fs::path dir = fs::temp_directory_path() / ("attnviz_hostile_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        std::ofstream f(dir / "huge.npy", std::ios::binary);
        const std::string bytes =
            npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 8), }");
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    const SpecResult r =
        specError(R"({"layer": "Attention", "inputs": {"query": "huge.npy", "value": "huge.npy"}})", dir.string());
    fs::remove_all(dir);
    EXPECT_EQ(r.field, "inputs.query");
    EXPECT_NE(r.message.find("has more elements than fit in 64 bits"), std::string::npos) << r.message;
}

} // namespace

// Deflate bombs (tests/data/fuzz_regressions/make_deflate_bombs.py): 510 KiB
// that inflate to 512 MiB of zeros.
TEST(HostileInputs, DeflateBombRefusedByItsDeclaredSize) {
    Quick q;
    NpyLimits limits;
    limits.maxBytes = std::uint64_t(64) << 20;
    EXPECT_EQ(npzError(readFile(kDir / "bomb_honest.npz"), limits),
              "x.npz: member 'x.npy': declares 536871040 bytes, more than the remaining limit of 67108864 bytes");
}

TEST(HostileInputs, DeflateBombThatLiesAboutItsSizeStopsEarly) {
    Quick q;
    // It declares 1 KiB: inflating stops right past that, whatever the stream holds.
    const std::string err = npzError(readFile(kDir / "bomb_lying.npz"));
    EXPECT_EQ(err, "x.npz: member 'x.npy': declares 1024 bytes but holds more");
}
