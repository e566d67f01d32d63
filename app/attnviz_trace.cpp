// attnviz-trace: run a layer spec and list, save or time its trace.
#include "trace_cli.h"

#include <iostream>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return attnviz::runTraceCli(args, std::cout, std::cerr);
}
