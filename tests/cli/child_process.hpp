#pragma once
// Running the built `bedflow` binary as a child process, for the command-line tests.
//
// Invariants:
//  - The child's stdout and stderr are captured in full; its exit status or terminating
//    signal is reported. A child still running after the time limit is killed and reported
//    as timed out, so a hang fails a test instead of stalling CI.
#include <sys/types.h>

#include <string>
#include <vector>

namespace bedflow::test {

std::string bedflow_binary();
std::string source_path(const std::string& relative);
// A whole file's bytes (empty if it cannot be read).
std::string read_text(const std::string& path);
// The small scenario most command-line tests run (tests/scenario/fixtures/good/small.yaml).
const std::string& small_scenario();
// A fresh, empty scratch directory for one test under the build tree.
std::string scratch_directory(const std::string& name);

struct ChildResult {
  int exit_status = -1;  // when it exited
  int signal = 0;        // when a signal ended it
  bool timed_out = false;
  std::string out;
  std::string err;
};

ChildResult run_bedflow(const std::vector<std::string>& arguments,
                        const std::string& working_directory = "", double timeout_seconds = 120);
// Any program, by absolute path (e.g. /usr/bin/python3 for the scripts in tools/).
ChildResult run_program(const std::string& program, const std::vector<std::string>& arguments,
                        const std::string& working_directory = "", double timeout_seconds = 120);

// Starts bedflow without waiting (stdout/stderr to files in `working_directory`).
pid_t start_bedflow(const std::vector<std::string>& arguments,
                    const std::string& working_directory);
// Any program, likewise.
pid_t start_program(const std::string& program, const std::vector<std::string>& arguments,
                    const std::string& working_directory);
// Waits for a started child; returns its result (out/err empty).
ChildResult wait_for(pid_t child, double timeout_seconds);

std::vector<std::string> files_in(const std::string& directory);

}  // namespace bedflow::test
