#pragma once
// The whole `bedflow` command line as a function, so that the plain executable and the MPI
// one (whose rank 0 runs it) share it. Returns the exit status (exit_status.hpp).
namespace bedflow::cli {
int run_command_line(int argc, char** argv);
}  // namespace bedflow::cli
