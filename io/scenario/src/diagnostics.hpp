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
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bedflow/scenario/load.hpp"
#include "tree.hpp"

namespace bedflow::scenario {

class Diagnostics {
 public:
  static constexpr std::size_t kMaxReported = 100;

  // Problems found later in `file` also say which scenario file, line and key named it.
  void note_reference(const std::string& file, const Location& named_at, const std::string& key) {
    if (named_at.file.empty() || file == named_at.file) return;
    std::string note = "named by ";
    note.append(named_at.file);
    if (named_at.line > 0) note.append(":").append(std::to_string(named_at.line));
    if (named_at.line > 0 && named_at.column > 0)
      note.append(":").append(std::to_string(named_at.column));
    note.append(" (").append(key).append(")");
    references_.emplace(file, std::move(note));
  }
  void error(const Location& where, std::string path, std::string message,
             std::string hint = {}) {
    add(Diagnostic{where.file, where.line, where.column, std::move(path), std::move(message),
                   std::move(hint)});
  }
  void warning(const Location& where, std::string path, std::string message,
               std::string hint = {}) {
    if (warnings_.size() >= kMaxReported) return;
    warnings_.push_back(Diagnostic{where.file, where.line, where.column, std::move(path),
                                   std::move(message), std::move(hint), Severity::warning,
                                   reference_of(where.file)});
  }
  const std::vector<Diagnostic>& warnings() const noexcept { return warnings_; }
  void add(Diagnostic diagnostic) {
    if (diagnostic.referenced_by.empty()) diagnostic.referenced_by = reference_of(diagnostic.file);
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
  std::string reference_of(const std::string& file) const {
    const auto found = references_.find(file);
    return found == references_.end() ? std::string() : found->second;
  }

  std::map<std::string, std::string> references_;  // file -> who named it (the first to)
  std::vector<Diagnostic> list_;
  std::vector<Diagnostic> warnings_;
  std::size_t dropped_ = 0;
};

}  // namespace bedflow::scenario
