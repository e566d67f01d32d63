// attnviz-trace's work, separated from main() so tests can call it in-process:
// parse arguments, run the spec, print the table / write the .npz / bench.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace attnviz {

/// Run attnviz-trace with these arguments (argv[0] excluded). Returns the
/// process exit code: 0 ok, 1 bad input (one line on err), 2 bad usage.
int runTraceCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace attnviz
