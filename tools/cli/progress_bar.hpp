#pragma once
// A one-line progress bar on stderr, shown only when stderr is a terminal.
//
// Invariants:
//  - When stderr is not a terminal (CI, pipes, files) nothing is ever printed.
//  - Redraws at most every 100 ms (and always for the last replication), so a fast run does
//    not spend its time printing; finish() ends the line.
#include <chrono>
#include <string>

#include "bedflow/results/replication_plan.hpp"

namespace bedflow::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  void update(const results::ProgressUpdate& progress);
  void finish();

 private:
  std::string label_;
  bool enabled_ = false;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace bedflow::cli
