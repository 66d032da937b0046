#pragma once
// Loading scenarios from YAML: parse, compose (extends, --set), validate, and hand back the
// model's plain Scenario.
//
// Invariants:
//  - load_scenario() either returns a Scenario that passed both validation stages or throws
//    ScenarioError holding every problem found (not just the first), each with file, line,
//    column, key path, what was expected, what was found and a hint where one exists.
//  - Warnings (a scenario that is valid but probably not what its author meant, such as a
//    dated profile whose last factor holds to the end of the run) never block loading: they
//    come back in LoadedScenario::warnings, and only errors are thrown.
//  - Nothing here runs a simulation or writes a file.
#include <stdexcept>
#include <string>
#include <vector>

#include "bedflow/models/scenario.hpp"

namespace bedflow::scenario {

enum class Severity { error, warning };

struct Diagnostic {
  std::string file;
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
  std::string path;  // key path, e.g. "services.acute.capacity"
  std::string message;
  std::string hint;  // may be empty
  Severity severity = Severity::error;
  // "file:line:column: path: message (hint)", with "WARNING: " before the path for warnings
  std::string to_string() const;
};

class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// A command-line override: "services.acute.capacity=3200" (value parsed as YAML).
struct Override {
  std::string path;
  std::string value;
};
// Parses "path=value"; throws ScenarioError on a malformed override.
Override parse_override(const std::string& text);

struct LoadedScenario {
  model::Scenario scenario;
  std::string source_text;    // the top file as given
  std::string resolved_yaml;  // after extends and overrides, as YAML
  std::vector<Diagnostic> warnings;  // in the order found; the scenario is valid regardless
};

LoadedScenario load_scenario(const std::string& path, const std::vector<Override>& overrides = {});

// A sweep "services.reablement.capacity=600:800:50" expands to one override per value
// (600, 650, ..., 800). Throws ScenarioError when malformed or empty.
std::vector<Override> expand_sweep(const std::string& text);

}  // namespace bedflow::scenario
