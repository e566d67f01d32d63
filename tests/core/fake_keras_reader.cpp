// A stand-in for attnviz-trace --internal-read-keras-weights that misbehaves
// on purpose (tests/core/test_keras_model.cpp, tests/ui/test_keras_model_ui.cpp):
// $ATTNVIZ_FAKE_READER_MODE, or else the GROUP argument, says how.
// The parent (core::readKerasWeightsIsolated) must turn each into one clean
// SpecError and never crash or hang.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <new>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 7 || std::string(argv[1]) != "--internal-read-keras-weights")
        return 2;
    const char* mode = std::getenv("ATTNVIZ_FAKE_READER_MODE");
    const std::string how = mode && *mode ? mode : argv[4];
    const std::string out = argv[5];
    if (how == "crash")
        std::raise(SIGSEGV);
    if (how == "abort")
        std::abort();
    if (how == "hang")
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    if (how == "spin") {
        volatile unsigned long x = 0;
        for (;;)
            x = x + 1;
    }
    if (how == "oom") {
        // Touch memory until the address-space limit stops us.
        std::vector<char*> blocks;
        try {
            for (int i = 0; i < 256; ++i) { // 16 GiB at most
                char* p = new char[64 << 20];
                std::memset(p, 1, 64 << 20);
                blocks.push_back(p);
            }
        } catch (const std::bad_alloc&) {
            std::cerr << "weights.keras: reading its HDF5 weights ran out of memory (the reader's limit)\n";
            return 3;
        }
        std::cerr << "no memory limit was applied\n";
        return 5;
    }
    if (how == "garbage") {
        std::ofstream(out) << "not an npz";
        return 0;
    }
    if (how == "silent")
        return 0; // no output file at all
    if (how == "spew") {
        const std::string line(100000, 'x');
        for (int i = 0; i < 20; ++i)
            std::cerr << line << '\n';
        return 1;
    }
    if (how == "closed-stderr") {
        std::fclose(stderr);
        std::this_thread::sleep_for(std::chrono::seconds(30));
        return 0;
    }
    return 4;
}
