// Tests for core/npy: fixtures written by real NumPy (tests/data/npy/make_fixtures.py),
// malformed headers built in memory, byte-exact serialization and .npz round trips.
#include "core/io/npy.h"
#include "support/all_close.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <random>
#include <string>

using namespace attnviz::core;
using attnviz::testing::allClose;

namespace {

const std::string kDataDir = std::string(ATTNVIZ_TEST_DATA_DIR) + "/npy/";

std::string fixture(const std::string& file) {
    return kDataDir + file;
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << path;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path tempPath(const std::string& file) {
    const std::filesystem::path dir = std::filesystem::path(ATTNVIZ_BINARY_DIR) / "test_npy_tmp";
    std::filesystem::create_directories(dir);
    return dir / file;
}

/// The fixture script's base(shape): arange(n).reshape(shape) * 0.5.
Tensor base(const Shape& shape) {
    Tensor t(shape);
    for (Index i = 0; i < t.size(); ++i)
        t.data()[i] = static_cast<float>(i) * 0.5f;
    return t;
}

/// f8_rank2: arange(6).reshape(2, 3) * 0.1 - 0.25, rounded to float32.
Tensor f8Expected() {
    Tensor t({2, 3});
    for (Index i = 0; i < 6; ++i)
        t.data()[i] = static_cast<float>(static_cast<double>(i) * 0.1 - 0.25);
    return t;
}

/// (arange(n).reshape(shape) % 3) == 0 as 1.0 / 0.0.
Tensor everyThird(const Shape& shape) {
    Tensor t(shape);
    for (Index i = 0; i < t.size(); ++i)
        t.data()[i] = i % 3 == 0 ? 1.0f : 0.0f;
    return t;
}

/// The message of the NpyError that `f` throws, or "" (and a failure) if none.
std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const NpyError& e) {
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "threw something other than NpyError: " << e.what();
        return {};
    }
    ADD_FAILURE() << "did not throw";
    return {};
}

#define EXPECT_CONTAINS(haystack, needle)                                                                              \
    EXPECT_NE(std::string(haystack).find(needle), std::string::npos)                                                   \
        << "message: \"" << (haystack) << "\"\nexpected to contain: \"" << (needle) << "\""

/// A .npy image with this header dict (padded like NumPy) and raw data bytes.
std::string makeNpy(const std::string& dict, const std::string& data, int major = 1) {
    std::string header = dict;
    const std::size_t pre = major == 1 ? 10 : 12;
    while ((pre + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    std::string out = "\x93NUMPY";
    out += static_cast<char>(major);
    out += '\0';
    const std::size_t len = header.size();
    for (std::size_t b = 0; b < (major == 1 ? 2u : 4u); ++b)
        out += static_cast<char>((len >> (8 * b)) & 0xFF);
    return out + header + data;
}

std::string floatBytes(std::initializer_list<float> values) {
    std::string s;
    for (float v : values) {
        char b[4];
        std::memcpy(b, &v, 4); // the test machine is little-endian, like the files
        s.append(b, 4);
    }
    return s;
}

Tensor parse(const std::string& bytes, NpyDtype* dtype = nullptr, const NpyLimits& limits = {}) {
    return parseNpy(bytes, "mem.npy", dtype, limits);
}

} // namespace

// ---------------------------------------------------------------------------
// Good .npy files written by NumPy

TEST(NpyRead, Float32OfEveryRank) {
    NpyDtype dtype = NpyDtype::Bool;
    const Tensor r0 = readNpy(fixture("f4_rank0.npy"), &dtype);
    EXPECT_EQ(dtype, NpyDtype::Float32);
    EXPECT_EQ(r0.shape(), Shape{});
    ASSERT_EQ(r0.size(), 1);
    EXPECT_EQ(r0.data()[0], 3.5f);

    EXPECT_TRUE(allClose(readNpy(fixture("f4_rank1.npy")), base({5})));
    EXPECT_TRUE(allClose(readNpy(fixture("f4_rank2.npy")), base({2, 3})));
    EXPECT_TRUE(allClose(readNpy(fixture("f4_rank3.npy")), base({2, 3, 4})));
}

TEST(NpyRead, Float64IsConvertedToFloat32) {
    NpyDtype dtype = NpyDtype::Float32;
    const Tensor t = readNpy(fixture("f8_rank2.npy"), &dtype);
    EXPECT_EQ(dtype, NpyDtype::Float64);
    EXPECT_TRUE(allClose(t, f8Expected(), 0, 0));
}

TEST(NpyRead, BoolBecomesOneAndZero) {
    NpyDtype dtype = NpyDtype::Float32;
    const Tensor t = readNpy(fixture("bool_rank2.npy"), &dtype);
    EXPECT_EQ(dtype, NpyDtype::Bool);
    EXPECT_TRUE(allClose(t, everyThird({3, 4}), 0, 0));
}

TEST(NpyRead, FortranOrderIsTransposedToRowMajor) {
    EXPECT_TRUE(allClose(readNpy(fixture("fortran_2d.npy")), base({2, 3}), 0, 0));
    EXPECT_TRUE(allClose(readNpy(fixture("fortran_3d.npy")), base({2, 3, 4}), 0, 0));
    EXPECT_TRUE(allClose(readNpy(fixture("fortran_f8_3d.npy")), base({2, 3, 4}), 0, 0));
    EXPECT_TRUE(allClose(readNpy(fixture("fortran_bool_3d.npy")), everyThird({2, 3, 4}), 0, 0));
    // the fixtures really are Fortran-ordered
    EXPECT_NE(readBytes(fixture("fortran_3d.npy")).find("'fortran_order': True"), std::string::npos);
}

TEST(NpyRead, FormatVersions2And3) {
    EXPECT_EQ(readBytes(fixture("v2_f4_rank2.npy"))[6], '\x02');
    EXPECT_EQ(readBytes(fixture("v3_f4_rank2.npy"))[6], '\x03');
    EXPECT_TRUE(allClose(readNpy(fixture("v2_f4_rank2.npy")), base({2, 3}), 0, 0));
    EXPECT_TRUE(allClose(readNpy(fixture("v3_f4_rank2.npy")), base({2, 3}), 0, 0));
}

TEST(NpyRead, ZeroSizeArrays) {
    const Tensor a = readNpy(fixture("zero_size_0x3.npy"));
    EXPECT_EQ(a.shape(), (Shape{0, 3}));
    EXPECT_EQ(a.size(), 0);
    const Tensor b = readNpy(fixture("zero_size_2x0x4.npy"));
    EXPECT_EQ(b.shape(), (Shape{2, 0, 4}));
    EXPECT_EQ(b.size(), 0);
}

// ---------------------------------------------------------------------------
// Bad .npy files: every one is rejected with a message naming file and problem

TEST(NpyReject, BadFixtures) {
    struct Case {
        const char* file;
        const char* problem;
    };
    const Case cases[] = {
        {"big_endian.npy", "big-endian dtype '>f4'"},
        {"int64.npy", "unsupported dtype '<i8' (expected <f4, <f8 or |b1)"},
        {"truncated.npy", "truncated: header says 24 bytes of data, file has 20"},
        {"trailing_bytes.npy", "trailing data: header says 24 bytes of data, file has 28"},
        {"lying_header_len.npy", "header length 60000 points past the end of the file (152 bytes)"},
        {"bad_magic.npy", "is not a .npy file (bad magic)"},
        {"savez.npz", "is not a .npy file (bad magic)"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.file);
        const std::string msg = errorOf([&] { readNpy(fixture(c.file)); });
        EXPECT_CONTAINS(msg, fixture(c.file) + ": ");
        EXPECT_CONTAINS(msg, c.problem);
    }
}

TEST(NpyReject, MissingFile) {
    const std::string msg = errorOf([] { readNpy(fixture("no_such_file.npy")); });
    EXPECT_CONTAINS(msg, "cannot open '" + fixture("no_such_file.npy") + "': No such file or directory");
}

TEST(NpyReject, DirectoryIsNotAFile) {
    EXPECT_CONTAINS(errorOf([] { readNpy(kDataDir); }), "': Is a directory");
    EXPECT_CONTAINS(errorOf([] { readNpz(kDataDir); }), "': Is a directory");
}

TEST(NpyReject, UnsupportedVersion) {
    std::string bytes = makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", floatBytes({1.0f}));
    bytes[6] = '\x04';
    EXPECT_CONTAINS(errorOf([&] { parse(bytes); }),
                    "mem.npy: unsupported .npy format version 4.0 (expected 1.0, 2.0 or 3.0)");
    bytes[6] = '\x01';
    bytes[7] = '\x01';
    EXPECT_CONTAINS(errorOf([&] { parse(bytes); }), "unsupported .npy format version 1.1");
}

TEST(NpyReject, HeaderLongerThanOneMiB) {
    std::string bytes = "\x93NUMPY\x02";
    bytes += '\0';
    bytes += std::string("\x00\x00\x20\x00", 4); // 2 MiB
    bytes += std::string(100, ' ');
    EXPECT_CONTAINS(errorOf([&] { parse(bytes); }), "header length 2097152 is larger than the limit of 1048576 bytes");
}

TEST(NpyReject, UnparseableHeaders) {
    struct Case {
        const char* dict;
        const char* problem;
    };
    const Case cases[] = {
        {"garbage", "unparseable header: expected '{'"},
        {"{'descr': '<f4', 'fortran_order': False}", "missing key 'shape'"},
        {"{'descr': '<f4', 'shape': (1,), }", "missing key 'fortran_order'"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", "unexpected key 'x'"},
        {"{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,)}", "duplicate key 'descr'"},
        {"{'descr': '<f4, 'fortran_order': False, 'shape': (1,)}", "unparseable header"},
        {"{'descr': '<f4', 'fortran_order': false, 'shape': (1,)}", "expected True or False"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': [1]}", "expected a tuple"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (1 2)}", "expected ',' or ')'"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} x", "unexpected text after"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,)", "expected ',' or '}' after the value of 'shape'"},
        {"{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,)}", "unsupported dtype"},
        {"{'descr': '<f4' 'fortran_order': False, 'shape': (1,)}", "expected ',' or '}'"},
        {"{descr: '<f4'}", "expected a quoted key"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}", "negative dimension -1"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,)}",
         "dimension 99999999999999999999 in 'shape' does not fit in 64 bits"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4)}",
         "has more elements than fit in 64 bits"},
        {"{'descr': '<i4', 'fortran_order': False, 'shape': (1,)}", "unsupported dtype '<i4'"},
        {"{'descr': '>f8', 'fortran_order': False, 'shape': (1,)}", "big-endian dtype '>f8'"},
        {"{'descr': '|O', 'fortran_order': False, 'shape': (1,)}", "unsupported dtype '|O'"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.dict);
        const std::string msg = errorOf([&] { parse(makeNpy(c.dict, floatBytes({1.0f}))); });
        EXPECT_CONTAINS(msg, "mem.npy: ");
        EXPECT_CONTAINS(msg, c.problem);
    }
}

TEST(NpyRead, TolerantHeaderSyntax) {
    const std::string data = floatBytes({1, 2, 3, 4, 5, 6});
    const char* dicts[] = {
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
        "{\"shape\": (2,3), \"descr\": \"<f4\", \"fortran_order\": False}",
        "{ 'fortran_order' : False , 'shape' : ( 2 , 3 , ) , 'descr' : '<f4' , }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 3L)}", // Python 2 NumPy
    };
    for (const char* dict : dicts) {
        SCOPED_TRACE(dict);
        const Tensor t = parse(makeNpy(dict, data));
        EXPECT_EQ(t.shape(), (Shape{2, 3}));
        EXPECT_EQ(t.data()[5], 6.0f);
    }
    // '?' is NumPy's other spelling of bool
    NpyDtype dtype = NpyDtype::Float32;
    const Tensor b =
        parse(makeNpy("{'descr': '?', 'fortran_order': False, 'shape': (3,)}", std::string("\1\0\2", 3)), &dtype);
    EXPECT_EQ(dtype, NpyDtype::Bool);
    EXPECT_TRUE(allClose(b, Tensor({3}, {1, 0, 1}), 0, 0));
}

TEST(NpyReject, LimitsAreCheckedBeforeAllocating) {
    // (2**40,) float32 is 4 TiB, over the default 4 GiB limit; the file has no data.
    const std::string huge = makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (1099511627776,)}", "");
    EXPECT_CONTAINS(errorOf([&] { parse(huge); }), "array of shape (1099511627776,) and dtype '<f4' "
                                                   "is larger than the limit of 4294967296 bytes");

    // Within the limit, but the data is missing: reported as truncated, not allocated.
    const std::string gib = makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (268435456,)}", "");
    EXPECT_CONTAINS(errorOf([&] { parse(gib); }), "truncated: header says 1073741824 bytes of data, file has 0");

    // A small explicit limit
    NpyLimits small;
    small.maxBytes = 16;
    const std::string five =
        makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (5,)}", floatBytes({1, 2, 3, 4, 5}));
    EXPECT_CONTAINS(errorOf([&] { parse(five, nullptr, small); }), "is larger than the limit of 16 bytes");
    small.maxBytes = 20;
    EXPECT_EQ(parse(five, nullptr, small).size(), 5);
}

TEST(NpyReject, EveryPrefixAndRandomCorruptionFailsCleanly) {
    const std::string good = readBytes(fixture("f4_rank3.npy"));
    for (std::size_t n = 0; n < good.size(); ++n)
        EXPECT_THROW(parse(good.substr(0, n)), NpyError) << "prefix of " << n << " bytes";

    // Flip random bytes: the parser may accept or reject, but must not crash.
    std::mt19937 rng(1234);
    for (int trial = 0; trial < 2000; ++trial) {
        std::string bytes = good;
        const int flips = 1 + trial % 4;
        for (int f = 0; f < flips; ++f)
            bytes[rng() % bytes.size()] = static_cast<char>(rng());
        try {
            const Tensor t = parse(bytes);
            EXPECT_LE(t.size(), static_cast<Index>(bytes.size())) << "data from nowhere";
        } catch (const NpyError&) {
        }
    }
}

// ---------------------------------------------------------------------------
// Writing

TEST(NpyWrite, ByteIdenticalToNumPy) {
    EXPECT_EQ(serializeNpy(base({2, 3})), readBytes(fixture("f4_rank2.npy")));
    EXPECT_EQ(serializeNpy(base({5})), readBytes(fixture("f4_rank1.npy")));
    EXPECT_EQ(serializeNpy(base({2, 3, 4})), readBytes(fixture("f4_rank3.npy")));
    EXPECT_EQ(serializeNpy(Tensor({}, {3.5f})), readBytes(fixture("f4_rank0.npy")));
    EXPECT_EQ(serializeNpy(Tensor({0, 3})), readBytes(fixture("zero_size_0x3.npy")));
    EXPECT_EQ(serializeNpyBool(everyThird({3, 4})), readBytes(fixture("bool_rank2.npy")));
}

TEST(NpyWrite, HeaderLayout) {
    const std::string bytes = serializeNpy(base({2, 3}));
    const std::size_t headerEnd =
        10 + static_cast<unsigned char>(bytes[8]) + 256 * static_cast<unsigned char>(bytes[9]);
    EXPECT_EQ(headerEnd % 64, 0u);
    EXPECT_EQ(bytes[headerEnd - 1], '\n');
    EXPECT_EQ(bytes.substr(10, 59), "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }");
    EXPECT_EQ(bytes.size(), headerEnd + 6 * 4);
}

TEST(NpyWrite, RoundTripKeepsEveryBit) {
    const float inf = std::numeric_limits<float>::infinity();
    const Tensor t({2, 2, 2},
                   {0.0f, -0.0f, 1e-45f, -3.25f, inf, -inf, 3.4e38f, std::numeric_limits<float>::quiet_NaN()});
    const Tensor back = parse(serializeNpy(t));
    ASSERT_EQ(back.shape(), t.shape());
    for (Index i = 0; i < t.size(); ++i)
        EXPECT_EQ(std::memcmp(&back.data()[i], &t.data()[i], 4), 0) << "element " << i;
    EXPECT_TRUE(std::signbit(back.data()[1]));

    NpyDtype dtype = NpyDtype::Float32;
    const Tensor mask = parse(serializeNpyBool(Tensor({4}, {0.0f, 2.0f, -1.0f, 0.0f})), &dtype);
    EXPECT_EQ(dtype, NpyDtype::Bool);
    EXPECT_TRUE(allClose(mask, Tensor({4}, {0, 1, 1, 0}), 0, 0));
}

TEST(NpyWrite, Format2WhenTheHeaderNeedsIt) {
    const Tensor t(Shape(22000, 1), {7.0f}); // "(1, 1, ...)" is ~66000 characters
    const std::string bytes = serializeNpy(t);
    EXPECT_EQ(bytes[6], '\x02');
    const Tensor back = parse(bytes);
    EXPECT_EQ(back.shape(), t.shape());
    EXPECT_EQ(back.data()[0], 7.0f);
}

TEST(NpyWrite, WriteNpyThenRead) {
    const std::string path = tempPath("written.npy").string();
    writeNpy(path, base({3, 1, 2}));
    EXPECT_TRUE(allClose(readNpy(path), base({3, 1, 2}), 0, 0));
    EXPECT_CONTAINS(errorOf([] { writeNpy("/nonexistent-dir/x.npy", base({1})); }),
                    "cannot open '/nonexistent-dir/x.npy' for writing: No such file or directory");
}

// ---------------------------------------------------------------------------
// .npz

void expectSavezMembers(const std::map<std::string, Tensor>& arrays) {
    ASSERT_EQ(arrays.size(), 5u);
    EXPECT_TRUE(allClose(arrays.at("a"), base({2, 3}), 0, 0));
    EXPECT_TRUE(allClose(arrays.at("b"), f8Expected(), 0, 0));
    EXPECT_TRUE(allClose(arrays.at("mask"), everyThird({3, 4}), 0, 0));
    EXPECT_TRUE(allClose(arrays.at("query_dense/kernel"), base({2, 3, 4}), 0, 0));
    EXPECT_EQ(arrays.at("scalar").shape(), Shape{});
    EXPECT_EQ(arrays.at("scalar").data()[0], 3.5f);
}

TEST(NpzRead, SavezStoredWithZip64Extras) {
    expectSavezMembers(readNpz(fixture("savez.npz")));
}

TEST(NpzRead, SavezCompressed) {
    expectSavezMembers(readNpz(fixture("savez_compressed.npz")));
}

TEST(NpzReject, BadFixtures) {
    const std::string notZip = errorOf([] { readNpz(fixture("not_a_zip.npz")); });
    EXPECT_CONTAINS(notZip, fixture("not_a_zip.npz") + ": is not a .npz (zip) file: ");
    EXPECT_CONTAINS(notZip, "Not a zip archive");

    const std::string member = errorOf([] { readNpz(fixture("non_npy_member.npz")); });
    EXPECT_CONTAINS(member, fixture("non_npy_member.npz") + ": member 'readme.txt': is not a .npy array");

    EXPECT_CONTAINS(errorOf([] { readNpz(fixture("missing.npz")); }),
                    "cannot open '" + fixture("missing.npz") + "': No such file or directory");
    EXPECT_CONTAINS(errorOf([] { parseNpz("", "empty.npz"); }), "empty.npz: is not a .npz (zip) file");
}

TEST(NpzReject, LimitsPerMemberAndInTotal) {
    // Data bytes: a 24, b 48, mask 12, kernel 96, scalar 4 = 184 in total.
    for (const char* file : {"savez.npz", "savez_compressed.npz"}) {
        SCOPED_TRACE(file);
        const std::string bytes = readBytes(fixture(file));
        NpyLimits limits;
        limits.maxBytes = 184;
        EXPECT_EQ(parseNpz(bytes, file, limits).size(), 5u);
        limits.maxBytes = 183; // every member fits on its own, the total does not
        EXPECT_CONTAINS(errorOf([&] { parseNpz(bytes, file, limits); }), "is larger than the limit of");
        limits.maxBytes = 50;
        const std::string msg = errorOf([&] { parseNpz(bytes, file, limits); });
        EXPECT_CONTAINS(msg, std::string(file) + ": member '");
        EXPECT_CONTAINS(msg, "limit");
    }
}

TEST(NpzReject, MemberSizeDiffersFromDeclared) {
    const std::string path = tempPath("declared.npz").string();
    writeNpz(path, {{"a", base({2, 3})}});
    const std::string good = readBytes(path);
    // Change the declared uncompressed size in the central directory and local header.
    for (const int delta : {-1, -4, 1, 4}) {
        SCOPED_TRACE(delta);
        std::string bytes = good;
        for (const char* sig : {"PK\x03\x04", "PK\x01\x02"}) {
            const std::size_t at = bytes.find(sig);
            ASSERT_NE(at, std::string::npos);
            const std::size_t field = at + (sig[2] == '\x03' ? 22 : 24);
            const auto size = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[field]) |
                                                         static_cast<unsigned char>(bytes[field + 1]) << 8);
            const std::uint32_t lied = size + static_cast<std::uint32_t>(delta);
            bytes[field] = static_cast<char>(lied & 0xFF);
            bytes[field + 1] = static_cast<char>(lied >> 8);
        }
        const std::string msg = errorOf([&] { parseNpz(bytes, "lie.npz"); });
        EXPECT_CONTAINS(msg, "lie.npz: member 'a.npy': ");
        // Declared smaller: we notice the extra bytes. Declared larger: libzip
        // finds the stored data ends early ("Zip archive inconsistent").
        if (delta < 0) {
            EXPECT_CONTAINS(msg, "declares " + std::to_string(152 + delta) + " bytes but holds more");
        }
    }
}

TEST(NpzReject, EveryPrefixAndRandomCorruptionFailsCleanly) {
    for (const char* file : {"savez.npz", "savez_compressed.npz"}) {
        const std::string good = readBytes(fixture(file));
        for (std::size_t n = 0; n < good.size(); n += 7)
            EXPECT_THROW(parseNpz(good.substr(0, n), file), NpyError) << "prefix of " << n << " bytes";
        std::mt19937 rng(99);
        for (int trial = 0; trial < 500; ++trial) {
            std::string bytes = good;
            for (int f = 0; f < 1 + trial % 3; ++f)
                bytes[rng() % bytes.size()] = static_cast<char>(rng());
            try {
                parseNpz(bytes, file);
            } catch (const NpyError&) {
            }
        }
    }
}

TEST(NpzWrite, RoundTrip) {
    const std::string path = tempPath("written.npz").string();
    std::map<std::string, Tensor> arrays;
    arrays.emplace("query_dense/kernel", base({2, 3, 4}));
    arrays.emplace("scale", Tensor({}, {0.125f}));
    arrays.emplace("empty", Tensor({0, 5}));
    writeNpz(path, arrays);

    const std::string bytes = readBytes(path);
    EXPECT_EQ(bytes.substr(0, 4), "PK\x03\x04");
    EXPECT_EQ(bytes[8], '\0'); // method 0: stored, like np.savez
    const auto back = readNpz(path);
    ASSERT_EQ(back.size(), arrays.size());
    for (const auto& [key, t] : arrays) {
        SCOPED_TRACE(key);
        ASSERT_EQ(back.count(key), 1u);
        EXPECT_TRUE(allClose(back.at(key), t, 0, 0));
    }
    // Writing again replaces the file.
    writeNpz(path, {{"only", base({1})}});
    EXPECT_EQ(readNpz(path).size(), 1u);
}

TEST(NpzWrite, EmptyArchive) {
    const std::string path = tempPath("empty.npz").string();
    writeNpz(path, {});
    EXPECT_TRUE(readNpz(path).empty());
}

TEST(NpzWrite, ErrorsNameThePath) {
    EXPECT_CONTAINS(errorOf([] {
                        writeNpz("/nonexistent-dir/x.npz", {{"a", base({1})}});
                    }),
                    "'/nonexistent-dir/x.npz'");
}

// ---------------------------------------------------------------------------
// Integer files (token files for train.json): parseNpyIntegers

namespace {

template <class T> std::string intBytes(std::initializer_list<T> values) {
    std::string s;
    for (T v : values) {
        char b[sizeof(T)];
        std::memcpy(b, &v, sizeof(T)); // little-endian machine, like the files
        s.append(b, sizeof(T));
    }
    return s;
}

} // namespace

TEST(NpyIntegers, Int32AndInt64AsNumPyWritesThem) {
    // np.save(f, np.array([[1, 2, 3], [4, 5, -6]], dtype=np.int32)) and a Python int list (int64).
    const NpyIntegers a = parseNpyIntegers(makeNpy("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }",
                                                   intBytes<std::int32_t>({1, 2, 3, 4, 5, -6})),
                                           "t.npy", false);
    EXPECT_EQ(a.dtype, NpyDtype::Int32);
    EXPECT_EQ(a.shape, (Shape{2, 3}));
    EXPECT_EQ(a.values, (std::vector<std::int64_t>{1, 2, 3, 4, 5, -6}));
    const std::int64_t big = (std::int64_t(1) << 40) + 3; // exact, unlike a float32
    const NpyIntegers b = parseNpyIntegers(
        makeNpy("{'descr': '<i8', 'fortran_order': True, 'shape': (2, 2), }", intBytes<std::int64_t>({1, 2, 3, big})),
        "t.npy", false);
    EXPECT_EQ(b.dtype, NpyDtype::Int64);
    EXPECT_EQ(b.values, (std::vector<std::int64_t>{1, 3, 2, big})); // Fortran order read as C order
}

TEST(NpyIntegers, BoolOnlyWhenAsked) {
    const std::string m =
        makeNpy("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", std::string("\1\0\1", 3));
    EXPECT_EQ(parseNpyIntegers(m, "m.npy", true).values, (std::vector<std::int64_t>{1, 0, 1}));
    EXPECT_CONTAINS(errorOf([&] { (void)parseNpyIntegers(m, "m.npy", false); }), "m.npy: holds booleans");
}

TEST(NpyIntegers, OtherKindsAreRefusedNamingTheDtype) {
    const std::string f = makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", floatBytes({1.5f}));
    EXPECT_CONTAINS(errorOf([&] { (void)parseNpyIntegers(f, "t.npy", false); }),
                    "t.npy: holds floating-point numbers ('<f4'), not integers");
    for (const char* d : {"|u1", "|i1", "<i2", "<u2", "<u4", "<u8"}) {
        const std::string bytes =
            makeNpy(std::string("{'descr': '") + d + "', 'fortran_order': False, 'shape': (0,), }", "");
        EXPECT_CONTAINS(errorOf([&] { (void)parseNpyIntegers(bytes, "t.npy", false); }),
                        std::string("unsupported integer dtype '") + d + "'");
    }
    const std::string be = makeNpy("{'descr': '>i8', 'fortran_order': False, 'shape': (0,), }", "");
    EXPECT_CONTAINS(errorOf([&] { (void)parseNpyIntegers(be, "t.npy", false); }), "big-endian dtype '>i8'");
    // The float reader still refuses integer files (inputs, weights and masks are floats or bools).
    const std::string i4 =
        makeNpy("{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", intBytes<std::int32_t>({1}));
    EXPECT_CONTAINS(errorOf([&] { (void)parse(i4); }), "unsupported dtype '<i4'");
}

TEST(NpyIntegers, WritesInt32ThatReadsBack) {
    const std::vector<std::int32_t> v{0, 7, -3, 2147483647};
    const NpyIntegers r = parseNpyIntegers(serializeNpyInt32({2, 2}, v), "w.npy", false);
    EXPECT_EQ(r.dtype, NpyDtype::Int32);
    EXPECT_EQ(r.values, (std::vector<std::int64_t>{0, 7, -3, 2147483647}));
}
