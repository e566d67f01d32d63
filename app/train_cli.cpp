// attnviz-trace --train / --train-task: see train_cli.h.
#include "train_cli.h"

#include "core/io/keras_h5_writer.h"
#include "core/io/npy.h"
#include "core/teach/train_script.h"
#include "core/spec/spec.h"
#include "core/train/tasks.h"
#include "core/train/trainer.h"

#include <chrono>
#include <iomanip>
#include <ostream>

namespace attnviz {

namespace {

using namespace attnviz::core;

void writeResults(const std::string& path, const Trainer& t) {
    std::map<std::string, Tensor> arrays;
    const Index n = Index(t.lossHistory().size());
    arrays["loss"] = Tensor({n}, t.lossHistory());
    arrays["accuracy"] = Tensor({n}, t.accuracyHistory());
    for (const auto& [k, g] : t.firstGradients())
        arrays["grad_step1/" + k] = g;
    for (auto& [k, w] : t.weights())
        arrays["final/" + k] = std::move(w);
    writeNpz(path, arrays);
}

} // namespace

int runTrainCli(const TrainCliOptions& o, std::ostream& out, std::ostream& err) {
    const std::string what = o.trainPath.empty() ? "--train-task " + o.task : o.trainPath;
    try {
        TrainLimits limits;
        if (o.maxBytes > 0)
            limits.maxBytes = o.maxBytes;
        TrainSpec spec;
        if (!o.trainPath.empty()) {
            spec = loadTrainSpec(o.trainPath, limits);
        } else {
            std::optional<LayerKind> layer;
            if (!o.layer.empty()) {
                layer = layerFromName(o.layer);
                if (!layer) {
                    err << "attnviz-trace: --layer: unknown layer '" << o.layer
                        << "'. Expected MultiHeadAttention, GroupQueryAttention, Attention or AdditiveAttention.\n";
                    return 1;
                }
            }
            if (o.steps && *o.steps < 1) {
                err << "attnviz-trace: --steps must be a positive integer. Received: " << *o.steps << '\n';
                return 1;
            }
            spec = taskTrainSpec(o.task, o.steps.value_or(1000), o.seed, layer);
            if (o.learningRate)
                spec.optimizer.learningRate = *o.learningRate;
        }
        std::optional<ScriptTarget> script;
        if (!o.python.empty()) {
            script = scriptTargetFromName(o.python[0]);
            if (!script || *script == ScriptTarget::NumPy) {
                err << "attnviz-trace: --python with --train: unknown target '" << o.python[0]
                    << "'. Expected keras or torch (a training run needs gradients, which NumPy does not have).\n";
                return 1;
            }
            if (!o.python[1].ends_with(".py")) {
                err << "attnviz-trace: --python: the script file must end in .py. Received: " << o.python[1] << '\n';
                return 1;
            }
        }
        if (!o.kerasOut.empty() && !o.kerasOut.ends_with(".keras")) {
            err << "attnviz-trace: --save-keras: the file must end in .keras (Keras' load_model insists). Received: "
                << o.kerasOut << '\n';
            return 1;
        }
        Trainer trainer(spec, limits);
        if (!o.bundleDir.empty()) {
            saveTrainBundle(o.bundleDir, trainer.spec());
            out << "wrote " << o.bundleDir << "/train.json with its data (" << trainer.totalSteps()
                << " batches) and init.npz\n";
        }
        const Index steps = trainer.totalSteps();
        const Index every = o.printEvery > 0 ? o.printEvery : std::max<Index>(1, steps / 20);
        out << "training " << trainer.weightKeys().size() << " weights for " << steps << " steps (Adam, learning rate "
            << trainer.learningRate() << ")\n";
        const auto t0 = std::chrono::steady_clock::now();
        std::optional<Index> reached;
        double window = 0;
        while (!trainer.finished() && trainer.stepsDone() < steps) {
            const StepResult r = trainer.step();
            const auto& acc = trainer.accuracyHistory();
            window += r.accuracy;
            if (acc.size() > 10)
                window -= acc[acc.size() - 11];
            const bool last = trainer.stepsDone() == steps;
            const bool hit = o.stopAt && acc.size() >= 10 && window / 10.0 >= *o.stopAt;
            if (r.step % every == 0 || r.step == 1 || last || hit)
                out << "step " << std::setw(6) << r.step << "  loss " << std::fixed << std::setprecision(5) << r.loss
                    << "  accuracy " << std::setprecision(4) << r.accuracy << std::defaultfloat << '\n'
                    << std::flush;
            if (hit) {
                reached = r.step;
                break;
            }
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        out << "trained " << trainer.stepsDone() << " steps in " << std::fixed << std::setprecision(3) << seconds
            << " s" << std::defaultfloat << '\n';
        if (o.stopAt) {
            if (reached)
                out << "reached a mean accuracy of " << *o.stopAt << " over the last 10 steps at step " << *reached
                    << '\n';
            else
                out << "did not reach a mean accuracy of " << *o.stopAt << " over 10 steps\n";
        }
        if (!o.outPath.empty()) {
            writeResults(o.outPath, trainer);
            out << "wrote loss, accuracy, grad_step1/* and final/* to " << o.outPath << '\n';
        }
        if (!o.kerasOut.empty()) {
            saveKerasModel(o.kerasOut, kerasModelOf(trainer.spec().model), trainer.weights());
            out << "wrote the trained model to " << o.kerasOut << " (keras.saving.load_model reads it)\n";
        }
        if (script) {
            writeTrainScript(o.python[1], trainScriptInput(trainer), *script);
            const std::string stem = o.python[1].substr(0, o.python[1].size() - 3);
            out << "wrote " << o.python[1] << " (" << scriptTargetName(*script) << ") and " << stem
                << ".npz: it trains the same model and checks its curve against this one\n";
        }
        if (o.list || !o.traceOut.empty()) {
            const Trace trace = trainer.probeTrace();
            if (o.list)
                for (const Step& s : trace.steps)
                    out << s.key << "  " << shapeString(s.value.shape()) << "  " << s.formula << '\n';
            if (!o.traceOut.empty()) {
                std::map<std::string, Tensor> arrays;
                for (const Step& s : trace.steps)
                    arrays[s.key] = s.value;
                writeNpz(o.traceOut, arrays);
                out << "wrote the probe trace (" << trace.steps.size() << " steps) to " << o.traceOut << '\n';
            }
        }
        return 0;
    } catch (const SpecError& e) {
        err << "attnviz-trace: " << e.what() << '\n';
    } catch (const NpyError& e) {
        err << "attnviz-trace: " << e.what() << '\n';
    } catch (const std::bad_alloc&) {
        err << "attnviz-trace: " << what << ": out of memory while training\n";
    } catch (const std::exception& e) {
        err << "attnviz-trace: " << what << ": " << e.what() << '\n';
    }
    return 1;
}

int runKerasWriterChild(const std::vector<std::string>& args, std::ostream& err) {
    if (args.size() != 3) {
        err << "usage: attnviz-trace --internal-write-keras TRAIN.json WEIGHTS.npz OUT.keras\n";
        return 2;
    }
    try {
        const TrainSpec spec = loadTrainSpec(args[0]);
        saveKerasModel(args[2], kerasModelOf(spec.model), readNpz(args[1]));
        return 0;
    } catch (const std::exception& e) {
        err << "attnviz-trace: " << e.what() << '\n';
        return 1;
    }
}

} // namespace attnviz
