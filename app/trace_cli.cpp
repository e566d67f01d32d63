// attnviz-trace: SPEC.json → --list (a table), --out (every step in an .npz),
// --compare (the compare variants and equivalence checks, core/compare.h)
// or --bench N (median time against a plain Eigen GEMM timed in the same run).
#include "trace_cli.h"
#include "core/io/spec_files.h"

#include "core/layers/run.h"
#include "core/teach/compare.h"
#include "core/base/eigen_types.h"
#include "core/base/gemm.h"
#include "core/io/npy.h"
#include "core/teach/script_export.h"
#include "core/base/parallel.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <limits>
#include <optional>
#include <ostream>
#include <sstream>

namespace attnviz {

namespace {

using namespace attnviz::core;

// Display width of a UTF-8 string: one column per code point.
size_t columns(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

std::string pad(const std::string& s, size_t width) {
    return s + std::string(width > columns(s) ? width - columns(s) : 0, ' ');
}

std::string humanFlops(double f) {
    std::ostringstream os;
    os << std::setprecision(3);
    if (f >= 1e9)
        os << f / 1e9 << " G";
    else if (f >= 1e6)
        os << f / 1e6 << " M";
    else if (f >= 1e3)
        os << f / 1e3 << " k";
    else
        os << f;
    return os.str();
}

std::string joinAxes(const std::vector<std::string>& axes) {
    std::string s;
    for (size_t i = 0; i < axes.size(); ++i)
        s += (i ? "," : "") + axes[i];
    return s;
}

void printComparison(const Comparison& c, std::ostream& out) {
    out << "variants (the spec's inputs and masks, inference):\n";
    size_t idWidth = 0;
    for (const CompareVariant& v : c.variants)
        idWidth = std::max(idWidth, columns(v.id));
    for (const CompareVariant& v : c.variants) {
        out << "  " << pad(v.id, idWidth) << "  " << v.label << (v.usersLayer ? " (your layer)" : "");
        if (v.trace)
            out << "  weights " << shapeString(v.trace->find("weights")->value.shape()) << '\n';
        else
            out << "\n  " << std::string(idWidth, ' ') << "  cannot run: " << v.error << '\n';
    }
    out << "equivalence checks (max |Δ| over weights and output, tolerance " << EquivalenceCheck::kTolerance
        << "; ✓ only when your setup meets the conditions):\n";
    for (const EquivalenceCheck& k : c.checks) {
        out << "  "
            << (k.holdsForSetup()            ? "✓"
                : k.applicable && !k.holds() ? "✗"
                                             : "-")
            << ' ' << k.id << ": " << k.claim << '\n';
        out << "      holds when: " << k.conditions << '\n';
        if (k.applicable)
            out << "      with them applied here: max |Δ| = " << std::setprecision(3) << k.maxAbsDiff << " (" << k.note
                << ")\n";
        else
            out << "      cannot be checked here (" << k.note << ")\n";
        if (k.gradientsCompared)
            out << "      gradients (the spec asks for the backward pass): max |Δ| = " << std::setprecision(3)
                << k.gradMaxAbsDiff << " with gradients up to " << k.gradMaxAbs << ", "
                << (k.gradHolds() ? "holds" : "does not hold") << " (" << k.gradNote << ")\n";
        else if (!k.gradNote.empty())
            out << "      " << k.gradNote << '\n';
        out << "      your setup: ";
        if (k.setup.met)
            out << "meets them\n";
        else
            for (size_t i = 0; i < k.setup.unmet.size(); ++i)
                out << (i ? "; " : "does not meet them: ") << k.setup.unmet[i]
                    << (i + 1 == k.setup.unmet.size() ? "\n" : "");
    }
}

void printTable(const Trace& trace, std::ostream& out) {
    const std::vector<std::string> head{"key", "op", "shape", "axes", "FLOPs", "formula"};
    std::vector<std::vector<std::string>> rows;
    for (const Step& s : trace.steps)
        rows.push_back({s.key, opKindName(s.op), shapeString(s.value.shape()), joinAxes(s.axisNames()),
                        s.flops > 0 ? humanFlops(s.flops) : "-", s.formula.empty() ? "-" : s.formula});
    std::vector<size_t> w(head.size());
    for (size_t c = 0; c < head.size(); ++c) {
        w[c] = columns(head[c]);
        for (const auto& r : rows)
            w[c] = std::max(w[c], columns(r[c]));
    }
    out << trace.layer << ": " << trace.steps.size() << " steps, " << humanFlops(trace.totalFlops()) << "FLOPs\n";
    auto line = [&](const std::vector<std::string>& r) {
        for (size_t c = 0; c < r.size(); ++c)
            out << (c + 1 < r.size() ? pad(r[c], w[c]) + "  " : r[c]);
        out << '\n';
    };
    line(head);
    std::vector<std::string> rule;
    for (size_t c = 0; c < head.size(); ++c)
        rule.push_back(std::string(w[c], '-'));
    line(rule);
    for (const auto& r : rows)
        line(r);
}

double medianOf(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <class F> double timeMs(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int bench(const Spec& parsed, int n, const SpecLimits& limits, std::ostream& out) {
    // Time the forward pass alone: inputs and weights are resolved once.
    Spec spec = parsed;
    ResolvedInputs in = resolveInputs(spec);
    spec.query = in.query;
    spec.value = in.value;
    spec.key = in.key;
    spec.weights = resolveWeights(spec);
    double flops = 0;
    timeMs([&] { flops = run(spec, limits).totalFlops(); }); // warm-up
    std::vector<double> ms;
    for (int i = 0; i < n; ++i)
        ms.push_back(timeMs([&] { (void)run(spec, limits); }));
    const double med = medianOf(ms);

    // A plain single-threaded SGEMM with about as many FLOPs, same run.
    const Index g = std::clamp<Index>(static_cast<Index>(std::cbrt(flops / 2.0)), 64, 2048);
    MatrixRM a = MatrixRM::Random(g, g), b = MatrixRM::Random(g, g), c(g, g);
    // Through the trace's own kernel (core/base/gemm.h), so both figures use the same instructions.
    auto product = [&] { gemmNN(g, g, g, a.data(), g, b.data(), g, c.data(), g); };
    product(); // warm-up
    std::vector<double> gms;
    for (int i = 0; i < std::max(3, std::min(n, 15)); ++i)
        gms.push_back(timeMs(product));
    const double gemmRate = 2.0 * double(g) * double(g) * double(g) / (medianOf(gms) * 1e6);
    const double rate = flops / (med * 1e6);
    out << std::fixed << std::setprecision(3) << "median " << med << " ms over " << n << " runs with " << threadCount()
        << (threadCount() == 1 ? " thread, " : " threads, ") << std::setprecision(2) << rate << " GFLOP/s ("
        << humanFlops(flops) << "FLOPs per pass)\n"
        << "eigen sgemm " << g << "x" << g << "x" << g << " (1 thread): " << gemmRate << " GFLOP/s; trace at "
        << std::setprecision(1) << 100.0 * rate / gemmRate << " % of it\n"
        << "matrix products: " << gemmKernelDescription() << "\n";
    return 0;
}

} // namespace

int runTraceCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CLI::App app{"attnviz-trace: run a Keras attention layer spec and keep every intermediate step."};
    app.set_version_flag("--version", "attnviz-trace 0.1.0");
    std::string specPath, outPath;
    SpecLimits limits; // --max-memory, default 4 GiB
    bool list = false, compareVariants = false;
    int benchRuns = 0, threads = 1;
    std::vector<std::string> python;
    app.add_option("spec", specPath, "spec.json (see trace-format.md)")->required();
    app.add_option("--out,-o", outPath, "write every step's tensor to this .npz, keyed by step");
    app.add_flag("--list,-l", list, "print the steps: key, op, shape, axes, FLOPs, formula");
    app.add_flag("--compare", compareVariants,
                 "run the compare variants on the spec's inputs and print the equivalence checks with their max |Δ|");
    app.add_option("--bench", benchRuns, "time N forward passes (after a warm-up); writes nothing")
        ->check(CLI::Range(1, 100000));
    app.add_option("--python", python,
                   "write the computation as a script: --python numpy|keras|torch OUT.py (also writes OUT.npz "
                   "with the inputs and weights, and OUT_trace.npz)")
        ->expected(2);
    std::string maxMemory;
    app.add_option("--max-memory", maxMemory,
                   "refuse specs whose trace needs more (e.g. 512M, 1.5G, 4G; K, M, G, T are powers of 1024)")
        ->check(
            [](const std::string& text) {
                return parseByteSize(text) ? std::string()
                                           : "must be a positive size such as 512M, 1.5G or 8G (K, M, G, T are "
                                             "powers of 1024). Received: " +
                                                 text;
            },
            "SIZE");
    app.add_option("--threads", threads,
                   "threads for the forward pass (0: every core; default 1); the numbers do not depend on it")
        ->check(CLI::Range(0, 256));

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return 0;
    } catch (const CLI::CallForVersion&) {
        out << app.version() << '\n';
        return 0;
    } catch (const CLI::ParseError& e) {
        err << "attnviz-trace: " << e.what() << "\nRun with --help for usage.\n";
        return 2;
    }

    if (!maxMemory.empty())
        limits.maxBytes = *parseByteSize(maxMemory);

    std::optional<ScriptTarget> target;
    if (!python.empty()) {
        target = scriptTargetFromName(python[0]);
        if (!target) {
            err << "attnviz-trace: --python: unknown target '" << python[0] << "'. Expected numpy, keras or torch.\n";
            return 2;
        }
        if (!python[1].ends_with(".py")) {
            err << "attnviz-trace: --python: the script file must end in .py. Received: " << python[1] << '\n';
            return 2;
        }
    }
    if (outPath.empty() && benchRuns == 0 && !target && !compareVariants)
        list = true; // nothing asked: show the table
    setThreadCount(threads);

    try {
        const Spec spec = loadSpec(specPath);
        if (benchRuns > 0) {
            validate(spec, limits);
            return bench(spec, benchRuns, limits, out);
        }
        if (compareVariants) {
            validate(spec, limits);
            printComparison(compare(spec), out);
            if (!list && outPath.empty() && !target)
                return 0;
        }
        const Trace trace = run(spec, limits);
        for (const std::string& w : trace.warnings)
            err << "attnviz-trace: warning: " << w << '\n';
        if (list)
            printTable(trace, out);
        if (!outPath.empty()) {
            std::map<std::string, Tensor> arrays;
            for (const Step& s : trace.steps)
                arrays[s.key] = s.value;
            writeNpz(outPath, arrays);
            if (!list)
                out << "wrote " << trace.steps.size() << " steps to " << outPath << '\n';
        }
        if (target) {
            writeScriptExport(python[1], spec, trace, *target);
            const std::string stem = python[1].substr(0, python[1].size() - 3);
            out << "wrote " << python[1] << " (" << scriptTargetName(*target) << "), " << stem << ".npz and " << stem
                << "_trace.npz\n";
        }
        return 0;
    } catch (const SpecError& e) {
        err << "attnviz-trace: " << e.what() << '\n';
    } catch (const NpyError& e) {
        err << "attnviz-trace: " << e.what() << '\n';
    } catch (const std::bad_alloc&) {
        err << "attnviz-trace: " << specPath << ": out of memory while computing the trace\n";
    } catch (const std::exception& e) {
        err << "attnviz-trace: " << specPath << ": " << e.what() << '\n';
    }
    return 1;
}

} // namespace attnviz
