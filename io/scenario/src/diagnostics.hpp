#pragma once
// Collects every problem found while loading, so one run reports them all.
//
// Invariants:
//  - Adding never throws away an earlier problem; the order is the order found.
//  - throw_if_any() throws ScenarioError with everything collected, and nothing otherwise.
#include <string>
#include <utility>
#include <vector>

#include "bedflow/scenario/load.hpp"
#include "tree.hpp"

namespace bedflow::scenario {

class Diagnostics {
 public:
  void error(const Location& where, std::string path, std::string message,
             std::string hint = {}) {
    list_.push_back(Diagnostic{where.file, where.line, where.column, std::move(path),
                               std::move(message), std::move(hint)});
  }
  void add(Diagnostic diagnostic) { list_.push_back(std::move(diagnostic)); }
  bool empty() const noexcept { return list_.empty(); }
  std::size_t size() const noexcept { return list_.size(); }
  const std::vector<Diagnostic>& list() const noexcept { return list_; }
  void throw_if_any() const {
    if (!list_.empty()) throw ScenarioError(list_);
  }

 private:
  std::vector<Diagnostic> list_;
};

}  // namespace bedflow::scenario
