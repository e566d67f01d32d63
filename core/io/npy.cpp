// NumPy .npy / .npz reading and writing (trace-format.md, "Reading NumPy files").
// Input is untrusted: every size is checked against the buffer and the limits
// before anything is allocated or read. .npz goes through libzip, from memory.
// Not supported on purpose: big-endian data, dtypes other than <f4 <f8 |b1, pickles.
#include "core/io/npy.h"

#include "core/base/checked_math.h"

#include <zip.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace attnviz::core {

namespace {

constexpr std::string_view kMagic = "\x93NUMPY";
constexpr std::size_t kMagicLen = 6;
/// NumPy itself refuses much smaller headers by default; 1 MiB is generous.
constexpr std::uint64_t kMaxHeaderLen = std::uint64_t(1) << 20;
/// Preamble of the largest format: magic, version, 4-byte header length.
constexpr std::uint64_t kMaxPreamble = kMagicLen + 2 + 4;
/// Slack allowed on top of limits.maxBytes for a whole .npz file (zip records,
/// .npy headers).
constexpr std::uint64_t kNpzSlack = std::uint64_t(64) << 20;
constexpr std::string_view kExpectedDtypes = "(expected <f4, <f8 or |b1)";
/// The integer reader (token files) takes these.
constexpr std::string_view kExpectedIntegers = "(expected <i4 or <i8)";

[[noreturn]] void fail(const std::string& name, const std::string& problem) {
    throw NpyError(name + ": " + problem);
}

std::string inQuotes(std::string_view s) {
    // Built with append, not "'" + std::string: GCC 12 gives a bogus -Wrestrict there.
    std::string q;
    q.reserve(s.size() + 2);
    q.append(1, '\'').append(s).append(1, '\'');
    return q;
}

/// A shape as a Python tuple: "()", "(5,)", "(2, 3)". NumPy writes exactly this.
std::string pythonTuple(const Shape& shape) {
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i)
            s += ", ";
        s += std::to_string(shape[i]);
    }
    if (shape.size() == 1)
        s += ',';
    return s + ')';
}

std::uint16_t readLe16(const char* p) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return static_cast<std::uint16_t>(u[0] | (u[1] << 8));
}

std::uint32_t readLe32(const char* p) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return std::uint32_t(u[0]) | (std::uint32_t(u[1]) << 8) | (std::uint32_t(u[2]) << 16) | (std::uint32_t(u[3]) << 24);
}

std::uint64_t readLe64(const char* p) {
    return std::uint64_t(readLe32(p)) | (std::uint64_t(readLe32(p + 4)) << 32);
}

// ---------------------------------------------------------------------------
// The header: a Python dict literal such as
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// parsed by a tiny recursive-descent reader (no eval, no nesting beyond the tuple).

struct Header {
    std::string descr;
    bool fortranOrder = false;
    Shape shape;
};

class HeaderParser {
public:
    HeaderParser(std::string_view text, const std::string& name) : m_text(text), m_name(name) {}

    Header parse() {
        Header h;
        bool haveDescr = false, haveOrder = false, haveShape = false;
        skipSpace();
        expect('{', "'{' at the start of the header");
        skipSpace();
        while (!atEnd() && peek() != '}') {
            const std::size_t keyPos = m_pos;
            const std::optional<std::string> key = parseString();
            if (!key)
                error("expected a quoted key");
            skipSpace();
            expect(':', "':' after key " + inQuotes(*key));
            skipSpace();
            if (*key == "descr") {
                if (haveDescr)
                    error("duplicate key 'descr'", keyPos);
                haveDescr = true;
                const std::optional<std::string> descr = parseString();
                if (!descr)
                    fail(m_name, "unsupported dtype: only simple dtypes are read, not structured "
                                 "ones " +
                                     std::string(kExpectedDtypes));
                h.descr = *descr;
            } else if (*key == "fortran_order") {
                if (haveOrder)
                    error("duplicate key 'fortran_order'", keyPos);
                haveOrder = true;
                h.fortranOrder = parseBool();
            } else if (*key == "shape") {
                if (haveShape)
                    error("duplicate key 'shape'", keyPos);
                haveShape = true;
                h.shape = parseShape();
            } else {
                error("unexpected key " + inQuotes(*key) + " (expected 'descr', 'fortran_order' and 'shape')", keyPos);
            }
            skipSpace();
            if (!atEnd() && peek() == ',') {
                ++m_pos;
                skipSpace();
            } else if (atEnd() || peek() != '}') {
                error("expected ',' or '}' after the value of " + inQuotes(*key));
            }
        }
        expect('}', "'}' at the end of the header");
        skipSpace(); // the padding: spaces and the final '\n'
        if (!atEnd())
            error("unexpected text after the closing '}'");
        if (!haveDescr || !haveOrder || !haveShape)
            error(std::string("missing key ") + (!haveDescr ? "'descr'" : !haveOrder ? "'fortran_order'" : "'shape'"));
        return h;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }

    [[noreturn]] void error(const std::string& what, std::optional<std::size_t> at = {}) const {
        fail(m_name,
             "unparseable header: " + what + " at byte " + std::to_string(at.value_or(m_pos)) + " of the header");
    }

    void skipSpace() {
        // NumPy pads with spaces and ends with '\n'; some writers use NULs.
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r' || peek() == '\0'))
            ++m_pos;
    }

    void expect(char c, const std::string& what) {
        if (atEnd() || peek() != c)
            error("expected " + what);
        ++m_pos;
    }

    /// A 'single' or "double" quoted string without escapes; nullopt when the
    /// next character is not a quote.
    std::optional<std::string> parseString() {
        if (atEnd() || (peek() != '\'' && peek() != '"'))
            return std::nullopt;
        const char quote = peek();
        const std::size_t start = ++m_pos;
        while (!atEnd() && peek() != quote) {
            if (peek() == '\\')
                error("escape sequences are not supported in strings");
            ++m_pos;
        }
        if (atEnd())
            error("unterminated string", start - 1);
        return std::string(m_text.substr(start, m_pos++ - start));
    }

    bool parseBool() {
        if (m_text.substr(m_pos, 4) == "True") {
            m_pos += 4;
            return true;
        }
        if (m_text.substr(m_pos, 5) == "False") {
            m_pos += 5;
            return false;
        }
        error("expected True or False for 'fortran_order'");
    }

    Index parseDim() {
        const std::size_t start = m_pos;
        const bool negative = !atEnd() && peek() == '-';
        if (negative)
            ++m_pos;
        if (atEnd() || peek() < '0' || peek() > '9')
            error("expected an integer in 'shape'");
        std::uint64_t v = 0;
        bool tooLarge = false;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            const auto digit = static_cast<std::uint64_t>(peek() - '0');
            if (v > (std::uint64_t(std::numeric_limits<Index>::max()) - digit) / 10)
                tooLarge = true;
            else
                v = v * 10 + digit;
            ++m_pos;
        }
        const std::string_view literal = m_text.substr(start, m_pos - start);
        if (!atEnd() && (peek() == 'L' || peek() == 'l')) // Python 2 long, e.g. (3L, 4L)
            ++m_pos;
        if (negative)
            fail(m_name, "negative dimension " + std::string(literal) + " in 'shape'");
        if (tooLarge)
            fail(m_name, "dimension " + std::string(literal) + " in 'shape' does not fit in 64 bits");
        return static_cast<Index>(v);
    }

    Shape parseShape() {
        Shape shape;
        expect('(', "a tuple '(' for 'shape'");
        skipSpace();
        while (!atEnd() && peek() != ')') {
            shape.push_back(parseDim());
            skipSpace();
            if (!atEnd() && peek() == ',') {
                ++m_pos;
                skipSpace();
            } else if (atEnd() || peek() != ')') {
                error("expected ',' or ')' in 'shape'");
            }
        }
        expect(')', "')' closing 'shape'");
        return shape;
    }

    std::string_view m_text;
    const std::string& m_name;
    std::size_t m_pos = 0;
};

struct DtypeInfo {
    NpyDtype dtype;
    std::uint64_t itemSize;
};

// `integers`: for the integer reader (parseNpyIntegers), which also takes
// '<i4' and '<i8'; the float reader refuses them as before.
DtypeInfo dtypeFromDescr(const std::string& descr, const std::string& name, bool integers) {
    if (descr == "<f4")
        return {NpyDtype::Float32, 4};
    if (descr == "<f8")
        return {NpyDtype::Float64, 8};
    // np.save of a Python int list is int64 ('<i8'); np.int32 arrays are '<i4'.
    if (integers && descr == "<i4")
        return {NpyDtype::Int32, 4};
    if (integers && descr == "<i8")
        return {NpyDtype::Int64, 8};
    // Byte order is meaningless for one byte: NumPy writes '|b1', '?' is the same type.
    if (descr == "|b1" || descr == "b1" || descr == "?" || descr == "|?" || descr == "<b1" || descr == "=b1")
        return {NpyDtype::Bool, 1};
    if (!descr.empty() && descr[0] == '>')
        fail(name, "big-endian dtype " + inQuotes(descr) + " is not supported " + std::string(kExpectedDtypes));
    const bool integer = descr.size() >= 2 && (descr[1] == 'i' || descr[1] == 'u') &&
                         (descr[0] == '<' || descr[0] == '|' || descr[0] == '=');
    if (integers && integer)
        fail(name, "unsupported integer dtype " + inQuotes(descr) +
                       ": integers are read as int32 '<i4' or int64 '<i8' only (convert with "
                       "a.astype(np.int32)) " +
                       std::string(kExpectedIntegers));
    fail(name, "unsupported dtype " + inQuotes(descr) + " " + std::string(kExpectedDtypes));
}

std::uint64_t itemSize(NpyDtype dtype) {
    switch (dtype) {
    case NpyDtype::Float64:
    case NpyDtype::Int64: return 8;
    case NpyDtype::Float32:
    case NpyDtype::Int32: return 4;
    case NpyDtype::Bool: return 1;
    }
    return 1;
}

float loadElement(const char* p, NpyDtype dtype) {
    switch (dtype) {
    case NpyDtype::Float32: return std::bit_cast<float>(readLe32(p));
    case NpyDtype::Float64: return static_cast<float>(std::bit_cast<double>(readLe64(p)));
    case NpyDtype::Int32: return static_cast<float>(static_cast<std::int32_t>(readLe32(p)));
    case NpyDtype::Int64: return static_cast<float>(static_cast<std::int64_t>(readLe64(p)));
    case NpyDtype::Bool: return *p != 0 ? 1.0f : 0.0f;
    }
    return 0.0f;
}

// An integer element exactly (only for the integer and bool dtypes).
std::int64_t loadInteger(const char* p, NpyDtype dtype) {
    switch (dtype) {
    case NpyDtype::Int32: return static_cast<std::int32_t>(readLe32(p));
    case NpyDtype::Int64: return static_cast<std::int64_t>(readLe64(p));
    case NpyDtype::Bool: return *p != 0 ? 1 : 0;
    default: return 0;
    }
}

/// Converts `count` stored elements to float32 in row-major order. Fortran data
/// is walked in storage order (first axis fastest) and scattered to C offsets.
/// The caller has checked that count * itemSize bytes are present.
template <class T, class Load>
std::vector<T> convertData(const char* src, const Shape& shape, Index count, DtypeInfo info, bool fortranOrder,
                           const std::string& name, Load load) {
    std::vector<T> out(static_cast<std::size_t>(count));
    const auto item = static_cast<std::size_t>(info.itemSize);
    // An empty array has nothing to scatter; its other axes may be huge (its
    // element count is 0 whatever they are), so no stride is computed for it.
    if (count == 0)
        return out;
    if (!fortranOrder || shape.size() < 2) {
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = load(src + i * item, info.dtype);
        return out;
    }
    const std::size_t rank = shape.size();
    std::vector<Index> cStride(rank, 1); // row-major strides, in elements
    for (std::size_t a = rank - 1; a > 0; --a) {
        // Each stride divides count when no axis is 0, so this cannot fail
        // for an array that passed the size checks; it is checked all the same.
        const std::optional<Index> stride = checkedMul(cStride[a], shape[a]);
        if (!stride)
            fail(name, "shape " + pythonTuple(shape) + " has strides that do not fit in 64 bits");
        cStride[a - 1] = *stride;
    }
    std::vector<Index> idx(rank, 0);
    Index cOffset = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[static_cast<std::size_t>(cOffset)] = load(src + i * item, info.dtype);
        // advance the multi-index with axis 0 fastest, keeping cOffset in step
        for (std::size_t a = 0; a < rank; ++a) {
            if (++idx[a] < shape[a]) {
                cOffset += cStride[a];
                break;
            }
            cOffset -= (idx[a] - 1) * cStride[a];
            idx[a] = 0;
        }
    }
    return out;
}

std::string readWholeFile(const std::string& path, std::uint64_t maxSize) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) // opens fine, but its "size" is nonsense
        throw NpyError("cannot open " + inQuotes(path) + ": " + std::strerror(EISDIR));
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw NpyError("cannot open " + inQuotes(path) + ": " + std::strerror(errno ? errno : ENOENT));
    in.seekg(0, std::ios::end);
    const std::streamoff end = in.tellg();
    if (end < 0)
        throw NpyError("cannot read " + inQuotes(path) + ": cannot determine its size");
    const auto size = static_cast<std::uint64_t>(end);
    if (size > maxSize)
        fail(path, "file is " + std::to_string(size) + " bytes, larger than the limit of " + std::to_string(maxSize));
    in.seekg(0, std::ios::beg);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
        throw NpyError("cannot read " + inQuotes(path) + ": " + std::strerror(errno ? errno : EIO));
    return bytes;
}

void writeWholeFile(const std::string& path, const std::string& bytes) {
    errno = 0;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw NpyError("cannot open " + inQuotes(path) + " for writing: " + std::strerror(errno ? errno : EACCES));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out)
        throw NpyError("cannot write " + inQuotes(path) + ": " + std::strerror(errno ? errno : EIO));
}

/// Magic, version and header, padded like NumPy's _wrap_header: the whole
/// preamble is a multiple of 64 bytes and ends in '\n'.
std::string npyPreamble(const std::string& descr, const Shape& shape) {
    const std::string dict =
        "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + pythonTuple(shape) + ", }";
    constexpr std::size_t kAlign = 64;
    for (const int major : {1, 2}) {
        const std::size_t lenBytes = major == 1 ? 2 : 4;
        const std::size_t unpadded = kMagicLen + 2 + lenBytes + dict.size() + 1; // + '\n'
        const std::size_t pad = kAlign - unpadded % kAlign;                      // NumPy pads 64 when already aligned
        const std::size_t headerLen = dict.size() + pad + 1;
        if (major == 1 && headerLen > 0xFFFF)
            continue; // needs format 2.0's 4-byte length
        std::string out(kMagic);
        out += static_cast<char>(major);
        out += '\0';
        for (std::size_t b = 0; b < lenBytes; ++b)
            out += static_cast<char>((headerLen >> (8 * b)) & 0xFF);
        out += dict;
        out.append(pad, ' ');
        out += '\n';
        return out;
    }
    throw NpyError("shape " + pythonTuple(shape) + " is too long for a .npy header");
}

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

struct ZipErrorGuard {
    zip_error_t error;
    ZipErrorGuard() { zip_error_init(&error); }
    ~ZipErrorGuard() { zip_error_fini(&error); }
    ZipErrorGuard(const ZipErrorGuard&) = delete;
    ZipErrorGuard& operator=(const ZipErrorGuard&) = delete;
    std::string message() { return zip_error_strerror(&error); }
};

// Read a member in chunks rather than trusting the declared size for one big
// allocation: memory then follows the data that really arrives. Reading up to
// one byte past the declared size proves a member that is longer.
std::string readMemberContent(zip_t* archive, zip_uint64_t index, std::uint64_t declared,
                              const std::string& memberName) {
    ZipFilePtr file(zip_fopen_index(archive, index, 0));
    if (!file)
        fail(memberName, std::string("cannot open: ") + zip_strerror(archive));
    std::string content;
    constexpr std::uint64_t kChunk = std::uint64_t(1) << 20;
    const std::uint64_t wanted = saturatingAdd<std::uint64_t>(declared, 1);
    while (content.size() < wanted) {
        const std::size_t have = content.size();
        const auto step = static_cast<std::size_t>(std::min(kChunk, wanted - have));
        content.resize(have + step);
        const zip_int64_t n = zip_fread(file.get(), content.data() + have, step);
        if (n < 0)
            fail(memberName, std::string("cannot read: ") + zip_file_strerror(file.get()));
        content.resize(have + static_cast<std::size_t>(n));
        if (n == 0)
            break;
    }
    if (content.size() != declared)
        fail(memberName, "declares " + std::to_string(declared) + " bytes but holds " +
                             (content.size() > declared ? "more" : std::to_string(content.size())));
    return content;
}

// One member by name from an opened source (takes ownership of `source`).
std::optional<std::string> readNamedMember(zip_source_t* source, const std::string& name, const std::string& member,
                                           std::uint64_t maxBytes) {
    ZipErrorGuard err;
    ZipPtr archive(zip_open_from_source(source, ZIP_RDONLY, &err.error));
    if (!archive) {
        zip_source_free(source);
        fail(name, "is not a zip archive, or is truncated (libzip: " + err.message() + ")");
    }
    const zip_int64_t index = zip_name_locate(archive.get(), member.c_str(), 0);
    if (index < 0)
        return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    const std::string memberName = name + ": member " + inQuotes(member);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        fail(memberName, std::string("cannot read: ") + zip_strerror(archive.get()));
    if (st.size > maxBytes)
        fail(memberName,
             "declares " + std::to_string(st.size) + " bytes, more than the limit of " + std::to_string(maxBytes));
    return readMemberContent(archive.get(), static_cast<zip_uint64_t>(index), st.size, memberName);
}

} // namespace

// ---------------------------------------------------------------------------

Tensor parseNpy(std::string_view bytes, const std::string& name, const NpyLimits& limits) {
    return parseNpy(bytes, name, nullptr, limits);
}

namespace {

// The checked header and where the data starts: shared by the float and the integer readers.
struct ParsedNpy {
    Header header;
    DtypeInfo info;
    Index count = 0;
    const char* data = nullptr;
};

ParsedNpy parseNpyLayout(std::string_view bytes, const std::string& name, const NpyLimits& limits, bool integers) {
    if (bytes.size() < kMagicLen || bytes.substr(0, kMagicLen) != kMagic)
        fail(name, "is not a .npy file (bad magic)");
    if (bytes.size() < kMagicLen + 2)
        fail(name, "truncated: the file ends inside the .npy preamble");
    const auto major = static_cast<unsigned char>(bytes[kMagicLen]);
    const auto minor = static_cast<unsigned char>(bytes[kMagicLen + 1]);
    if (major < 1 || major > 3 || minor != 0)
        fail(name, "unsupported .npy format version " + std::to_string(major) + "." + std::to_string(minor) +
                       " (expected 1.0, 2.0 or 3.0)");
    const std::size_t lenBytes = major == 1 ? 2 : 4;
    const std::size_t headerStart = kMagicLen + 2 + lenBytes;
    if (bytes.size() < headerStart)
        fail(name, "truncated: the file ends inside the .npy preamble");
    const std::uint64_t headerLen =
        major == 1 ? readLe16(bytes.data() + kMagicLen + 2) : readLe32(bytes.data() + kMagicLen + 2);
    if (headerLen > kMaxHeaderLen)
        fail(name, "header length " + std::to_string(headerLen) + " is larger than the limit of " +
                       std::to_string(kMaxHeaderLen) + " bytes");
    if (headerLen > bytes.size() - headerStart)
        fail(name, "header length " + std::to_string(headerLen) + " points past the end of the file (" +
                       std::to_string(bytes.size()) + " bytes)");

    // Version 1.0/2.0 headers are latin-1 and 3.0 is utf-8; the keys and values
    // we accept are ASCII either way, so the bytes are parsed as they are.
    const Header header = HeaderParser(bytes.substr(headerStart, headerLen), name).parse();
    const DtypeInfo info = dtypeFromDescr(header.descr, name, integers);

    Index count = 0;
    try {
        count = shapeSize(header.shape);
    } catch (const std::length_error&) {
        fail(name, "shape " + pythonTuple(header.shape) + " has more elements than fit in 64 bits");
    }
    const std::optional<std::uint64_t> dataBytesOrNone = checkedMul(static_cast<std::uint64_t>(count), info.itemSize);
    if (!dataBytesOrNone || *dataBytesOrNone > limits.maxBytes)
        fail(name, "array of shape " + pythonTuple(header.shape) + " and dtype " + inQuotes(header.descr) +
                       " is larger than the limit of " + std::to_string(limits.maxBytes) + " bytes");
    const std::uint64_t dataBytes = *dataBytesOrNone;
    const std::uint64_t available = bytes.size() - headerStart - headerLen;
    if (available < dataBytes)
        fail(name, "truncated: header says " + std::to_string(dataBytes) + " bytes of data, file has " +
                       std::to_string(available));
    if (available > dataBytes)
        fail(name, "trailing data: header says " + std::to_string(dataBytes) + " bytes of data, file has " +
                       std::to_string(available));

    return {header, info, count, bytes.data() + headerStart + headerLen};
}

} // namespace

Tensor parseNpy(std::string_view bytes, const std::string& name, NpyDtype* storedDtype, const NpyLimits& limits) {
    const ParsedNpy p = parseNpyLayout(bytes, name, limits, false);
    std::vector<float> data =
        convertData<float>(p.data, p.header.shape, p.count, p.info, p.header.fortranOrder, name, loadElement);
    if (storedDtype)
        *storedDtype = p.info.dtype;
    return Tensor(p.header.shape, std::move(data));
}

NpyIntegers parseNpyIntegers(std::string_view bytes, const std::string& name, bool allowBool, const NpyLimits& limits) {
    const ParsedNpy p = parseNpyLayout(bytes, name, limits, true);
    const NpyDtype d = p.info.dtype;
    if (d == NpyDtype::Float32 || d == NpyDtype::Float64)
        fail(name, "holds floating-point numbers (" + inQuotes(p.header.descr) +
                       "), not integers: save it as int32 '<i4' or int64 '<i8', e.g. np.save(path, "
                       "a.astype(np.int32))");
    if (d == NpyDtype::Bool && !allowBool)
        fail(name, "holds booleans ('|b1'), not integers: save it as int32 '<i4' or int64 '<i8'");
    NpyIntegers out;
    out.shape = p.header.shape;
    out.dtype = d;
    out.values =
        convertData<std::int64_t>(p.data, p.header.shape, p.count, p.info, p.header.fortranOrder, name, loadInteger);
    return out;
}

NpyIntegers readNpyIntegers(const std::string& path, bool allowBool, const NpyLimits& limits) {
    const std::string bytes = readWholeFile(path, saturatingAdd(limits.maxBytes, kMaxHeaderLen + kMaxPreamble));
    return parseNpyIntegers(bytes, path, allowBool, limits);
}

Tensor readNpy(const std::string& path, const NpyLimits& limits) {
    return readNpy(path, nullptr, limits);
}

Tensor readNpy(const std::string& path, NpyDtype* storedDtype, const NpyLimits& limits) {
    const std::string bytes = readWholeFile(path, saturatingAdd(limits.maxBytes, kMaxHeaderLen + kMaxPreamble));
    return parseNpy(bytes, path, storedDtype, limits);
}

std::map<std::string, Tensor> parseNpz(std::string_view bytes, const std::string& name, const NpyLimits& limits) {
    if (bytes.empty()) // libzip would open an empty buffer as an empty archive
        fail(name, "is not a .npz (zip) file: the file is empty");
    ZipErrorGuard err;
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err.error);
    if (!source)
        fail(name, "cannot read .npz: " + err.message());
    ZipPtr archive(zip_open_from_source(source, ZIP_RDONLY, &err.error));
    if (!archive) {
        zip_source_free(source);
        fail(name, "is not a .npz (zip) file: " + err.message());
    }

    std::map<std::string, Tensor> arrays;
    std::uint64_t used = 0; // data bytes of the arrays read so far, as stored
    const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive.get(), index, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
            !(st.valid & ZIP_STAT_SIZE))
            fail(name, "cannot read member " + std::to_string(i) + ": " + zip_strerror(archive.get()));
        const std::string member = st.name;
        const std::string memberName = name + ": member " + inQuotes(member);
        constexpr std::string_view kSuffix = ".npy";
        if (member.size() < kSuffix.size() || !member.ends_with(kSuffix))
            fail(memberName, "is not a .npy array (every .npz member must be one)");
        const std::string key = member.substr(0, member.size() - kSuffix.size());
        if (arrays.count(key))
            fail(memberName, "duplicate key " + inQuotes(key));

        // Check the declared size before reading a byte: the array data must fit
        // in what is left of the budget, plus room for its .npy header.
        const std::uint64_t remaining = limits.maxBytes - used;
        if (st.size - std::min(st.size, kMaxHeaderLen + kMaxPreamble) > remaining)
            fail(memberName, "declares " + std::to_string(st.size) + " bytes, more than the remaining limit of " +
                                 std::to_string(remaining) + " bytes");
        const std::string content = readMemberContent(archive.get(), index, st.size, memberName);

        // parseNpy checks this member's data against what is left of the budget.
        NpyLimits memberLimits;
        memberLimits.maxBytes = remaining;
        NpyDtype dtype = NpyDtype::Float32;
        Tensor t = parseNpy(content, memberName, &dtype, memberLimits);
        used = saturatingAdd(used, saturatingMul(static_cast<std::uint64_t>(t.size()), itemSize(dtype)));
        arrays.emplace(key, std::move(t));
    }
    return arrays;
}

std::optional<std::string> readZipMember(std::string_view zipBytes, const std::string& name, const std::string& member,
                                         std::uint64_t maxBytes) {
    if (zipBytes.empty())
        fail(name, "is not a zip archive: the file is empty");
    ZipErrorGuard err;
    zip_source_t* source = zip_source_buffer_create(zipBytes.data(), zipBytes.size(), 0, &err.error);
    if (!source)
        fail(name, "cannot read: " + err.message());
    return readNamedMember(source, name, member, maxBytes);
}

std::optional<std::string> readZipMemberFromFile(const std::string& path, const std::string& member,
                                                 std::uint64_t maxBytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw NpyError("cannot open " + inQuotes(path) + ": " +
                       (std::filesystem::exists(path, ec) ? "not a regular file" : std::strerror(ENOENT)));
    if (std::filesystem::file_size(path, ec) == 0 && !ec)
        fail(path, "is not a zip archive: the file is empty");
    ZipErrorGuard err;
    zip_source_t* source = zip_source_file_create(path.c_str(), 0, -1, &err.error);
    if (!source)
        throw NpyError("cannot open " + inQuotes(path) + ": " + err.message());
    return readNamedMember(source, path, member, maxBytes);
}

std::map<std::string, Tensor> readNpz(const std::string& path, const NpyLimits& limits) {
    const std::string bytes = readWholeFile(path, saturatingAdd(limits.maxBytes, kNpzSlack));
    return parseNpz(bytes, path, limits);
}

std::string serializeNpy(const Tensor& t) {
    std::string out = npyPreamble("<f4", t.shape());
    const std::size_t start = out.size();
    out.resize(start + t.values().size() * 4);
    for (std::size_t i = 0; i < t.values().size(); ++i) {
        const auto u = std::bit_cast<std::uint32_t>(t.values()[i]);
        for (std::size_t b = 0; b < 4; ++b)
            out[start + 4 * i + b] = static_cast<char>((u >> (8 * b)) & 0xFF);
    }
    return out;
}

std::string serializeNpyBool(const Tensor& t) {
    std::string out = npyPreamble("|b1", t.shape());
    out.reserve(out.size() + t.values().size());
    for (const float v : t.values())
        out += v != 0.0f ? '\1' : '\0'; // NaN is nonzero, hence True, as in NumPy
    return out;
}

std::string serializeNpyInt32(const Shape& shape, const std::vector<std::int32_t>& values) {
    std::string out = npyPreamble("<i4", shape);
    const std::size_t start = out.size();
    out.resize(start + values.size() * 4);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto u = static_cast<std::uint32_t>(values[i]);
        for (std::size_t b = 0; b < 4; ++b)
            out[start + 4 * i + b] = static_cast<char>((u >> (8 * b)) & 0xFF);
    }
    return out;
}

void writeNpyInt32(const std::string& path, const Shape& shape, const std::vector<std::int32_t>& values) {
    writeWholeFile(path, serializeNpyInt32(shape, values));
}

void writeNpy(const std::string& path, const Tensor& t) {
    writeWholeFile(path, serializeNpy(t));
}

void writeNpz(const std::string& path, const std::map<std::string, Tensor>& arrays) {
    if (arrays.empty()) {
        // libzip writes no file at all for an empty archive; np.savez() writes
        // just the end-of-central-directory record, so do that.
        std::string eocd = "PK\x05\x06";
        eocd.append(18, '\0');
        writeWholeFile(path, eocd);
        return;
    }
    // The serialized members must outlive zip_close, which is when libzip reads them.
    std::vector<std::string> contents;
    contents.reserve(arrays.size());
    int errorCode = 0;
    zip_t* raw = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &errorCode);
    if (!raw) {
        ZipErrorGuard err;
        zip_error_init_with_code(&err.error, errorCode);
        throw NpyError("cannot create " + inQuotes(path) + ": " + err.message());
    }
    ZipPtr archive(raw);
    for (const auto& [key, tensor] : arrays) {
        contents.push_back(serializeNpy(tensor));
        const std::string member = key + ".npy";
        zip_source_t* source = zip_source_buffer(archive.get(), contents.back().data(), contents.back().size(), 0);
        if (!source)
            throw NpyError("cannot write " + inQuotes(path) + ": " + zip_strerror(archive.get()));
        const zip_int64_t index = zip_file_add(archive.get(), member.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            throw NpyError("cannot write " + inQuotes(path) + ": member " + inQuotes(member) + ": " +
                           zip_strerror(archive.get()));
        }
        if (zip_set_file_compression(archive.get(), static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) != 0)
            throw NpyError("cannot write " + inQuotes(path) + ": " + zip_strerror(archive.get()));
    }
    // libzip writes to a temporary file and renames it over `path` here.
    if (zip_close(archive.get()) != 0)
        throw NpyError("cannot write " + inQuotes(path) + ": " + zip_strerror(archive.get()));
    archive.release(); // closed successfully, nothing left to discard
}

} // namespace attnviz::core
