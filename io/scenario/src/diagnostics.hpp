#pragma once
// Collects every problem found while loading, so one run reports them all.
//
// Invariants:
//  - Adding never throws away an earlier problem; the order is the order found.
//  - At most kMaxReported problems are kept (a file of 100,000 unknown keys must not flood
//    the terminal); the rest are counted and summarised in one last diagnostic.
//  - throw_if_any() throws ScenarioError with every error collected, and nothing otherwise.
//  - Warnings are kept apart: they never count as problems, never make throw_if_any() throw,
//    and are handed back with the loaded scenario.
#include <string>
#include <utility>
#include <vector>

#include "bedflow/scenario/load.hpp"
#include "tree.hpp"

namespace bedflow::scenario {

class Diagnostics {
 public:
  static constexpr std::size_t kMaxReported = 100;

  void error(const Location& where, std::string path, std::string message,
             std::string hint = {}) {
    add(Diagnostic{where.file, where.line, where.column, std::move(path), std::move(message),
                   std::move(hint)});
  }
  void warning(const Location& where, std::string path, std::string message,
               std::string hint = {}) {
    if (warnings_.size() >= kMaxReported) return;
    warnings_.push_back(Diagnostic{where.file, where.line, where.column, std::move(path),
                                   std::move(message), std::move(hint), Severity::warning});
  }
  const std::vector<Diagnostic>& warnings() const noexcept { return warnings_; }
  void add(Diagnostic diagnostic) {
    if (list_.size() < kMaxReported) list_.push_back(std::move(diagnostic));
    else ++dropped_;
  }
  bool empty() const noexcept { return list_.empty(); }
  std::size_t size() const noexcept { return list_.size() + dropped_; }
  const std::vector<Diagnostic>& list() const noexcept { return list_; }
  void throw_if_any() const {
    if (list_.empty()) return;
    std::vector<Diagnostic> all = list_;
    if (dropped_ > 0) {
      all.push_back(Diagnostic{list_.back().file, 0, 0, "",
                               "... and " + std::to_string(dropped_) + " more problems",
                               "fix the ones above first"});
    }
    throw ScenarioError(std::move(all));
  }

 private:
  std::vector<Diagnostic> list_;
  std::vector<Diagnostic> warnings_;
  std::size_t dropped_ = 0;
};

}  // namespace bedflow::scenario
