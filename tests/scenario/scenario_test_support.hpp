#pragma once
// Shared by the scenario tests: paths to fixtures and a way to capture a loader's errors.
#include <string>
#include <vector>

#include "bedflow/scenario/load.hpp"

namespace bedflow::scenario::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(BEDFLOW_SOURCE_DIR) + "/" + relative;
}
inline std::string fixture(const std::string& relative) {
  return source_path("tests/scenario/fixtures/" + relative);
}

// The diagnostics a load produces; empty when it succeeds.
inline std::vector<Diagnostic> load_errors(const std::string& path,
                                           const std::vector<Override>& overrides = {}) {
  try {
    (void)load_scenario(path, overrides);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

// True when some diagnostic has this key path and its message contains `fragment`.
inline bool has_error(const std::vector<Diagnostic>& errors, const std::string& path,
                      const std::string& fragment) {
  for (const auto& d : errors)
    if (d.path == path && d.message.find(fragment) != std::string::npos) return true;
  return false;
}

inline const Diagnostic* find_error(const std::vector<Diagnostic>& errors,
                                    const std::string& path) {
  for (const auto& d : errors)
    if (d.path == path) return &d;
  return nullptr;
}

inline std::string all_messages(const std::vector<Diagnostic>& errors) {
  std::string text;
  for (const auto& d : errors) text += d.to_string() + "\n";
  return text;
}

}  // namespace bedflow::scenario::testing
