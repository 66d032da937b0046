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
#include <cstddef>
#include <string>
#include <string_view>
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
  // For a problem in a file the scenario names (a parent of `extends:`, the census of
  // `initial_state.census_csv`): "named by SCENARIO:LINE:COLUMN (KEY)"; else empty.
  std::string referenced_by = {};
  // "file:line:column: path: message (hint)", with "WARNING: " before the path for warnings,
  // and "; named by ..." (referenced_by) at the end when set: always one line. Control characters are shown escaped
  // (""), so a message quoting a file's contents never drives the terminal.
  std::string to_string() const;
};

// A piece of the user's file quoted in a message is at most this many bytes (then "...").
inline constexpr std::size_t kMaxExcerpt = 40;

// `text` with control characters (C0, DEL, and C1 as UTF-8 \xc2\x80-\x9f) written as \xNN
// escapes; everything else, UTF-8 letters included, as it is.
std::string escape_controls(std::string_view text);
// `text` cut to kMaxExcerpt bytes (on a UTF-8 character boundary, then "...") and escaped.
std::string excerpt(std::string_view text);

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
  // The option that gave it ("--set", "--sweep", "--vary"): messages about it cite what the
  // user typed.
  std::string option = "--set";
};
// Parses "path=value"; throws ScenarioError on a malformed override, and on an empty value
// ("path=": removing a key is written "path=~").
Override parse_override(const std::string& text);

struct LoadedScenario {
  model::Scenario scenario;
  std::string source_text;    // the top file as given
  std::string resolved_yaml;  // after extends and overrides, as YAML
  std::vector<Diagnostic> warnings;  // in the order found; the scenario is valid regardless
};

LoadedScenario load_scenario(const std::string& path, const std::vector<Override>& overrides = {});

// A sweep "services.reablement.capacity=600:800:50" expands to one override per value
// (600, 650, ..., 800), or a list "=600,700,800". Throws ScenarioError when malformed, empty,
// or when a list repeats a value (two variants would share a label).
std::vector<Override> expand_sweep(const std::string& text);

}  // namespace bedflow::scenario
