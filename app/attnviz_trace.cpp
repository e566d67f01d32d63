// attnviz-trace: run a layer spec and list, save or time its trace.
#include "trace_cli.h"
#include "train_cli.h"

#include "core/io/keras_h5.h"
#include "core/io/keras_model.h"

#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // Keep freed trace buffers in the heap instead of returning them to the
    // kernel: re-faulting 64 MB score tensors on every pass cost more than
    // the softmax itself.
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
    // The HDF5 reader child that core::readKerasWeightsIsolated starts (with
    // limits) for .keras / .weights.h5 files: attnviz-trace is its own reader.
    if (!args.empty() && args[0] == "--internal-read-keras-weights")
        return attnviz::core::runKerasReaderChild({args.begin() + 1, args.end()}, std::cerr);
    // The .keras writer child for the GUI, which never links HDF5: TRAIN.json (the model) WEIGHTS.npz OUT.keras.
    if (!args.empty() && args[0] == "--internal-write-keras")
        return attnviz::runKerasWriterChild({args.begin() + 1, args.end()}, std::cerr);
    if (argc > 0)
        attnviz::core::setKerasReaderExecutable("/proc/self/exe");
    return attnviz::runTraceCli(args, std::cout, std::cerr);
}
