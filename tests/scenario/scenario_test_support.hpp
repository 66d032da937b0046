#pragma once
// Shared by the scenario tests: paths to fixtures and a way to capture a loader's errors.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

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

#include <filesystem>
#include <fstream>
#include <sstream>

namespace bedflow::scenario::testing {

// The 1-based number of the first line of `path` containing `needle` (0 when none does), so
// tests can say where an error must point without counting lines by hand.
inline int line_of(const std::string& path, const std::string& needle) {
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number)
    if (line.find(needle) != std::string::npos) return number;
  return 0;
}

// The 1-based number of the first line of `path` that is exactly `text` (0 when none is).
inline int line_exactly(const std::string& path, const std::string& text) {
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number)
    if (line == text) return number;
  return 0;
}

// A scratch directory under the build tree, emptied for each test that asks for it.
inline std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::path(BEDFLOW_BINARY_DIR) / "scenario-test-tmp" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// The text of the small fixture (good/small.yaml).
inline std::string small_fixture_text() {
  std::ifstream in(fixture("good/small.yaml"));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A scenario extending the small fixture (good/small.yaml) with `body`, written as
// <scratch>/<prefix><name>/<name>.yaml; returns its path.
inline std::string extending_small(const std::string& prefix, const std::string& name,
                                   const std::string& body) {
  const auto dir = scratch_dir(prefix + name);
  std::string text = "schema: 1\nextends: ";
  text += fixture("good/small.yaml");
  text += "\n";
  text += body;
  return write_file(dir / (name + ".yaml"), text);
}

// A scenario extending the small fixture that starts from a census holding `rows` (CSV with
// its header), both written in `dir` as <name>.csv and <name>.yaml; returns the YAML's path.
inline std::string small_with_census(const std::filesystem::path& dir, const std::string& name,
                                     const std::string& rows) {
  write_file(dir / (name + ".csv"), rows);
  std::string text = "schema: 1\nextends: ";
  text += fixture("good/small.yaml");
  text += "\ninitial_state: { census_csv: ";
  text += name;
  text += ".csv }\n";
  return write_file(dir / (name + ".yaml"), text);
}

// The service called `name` of a scenario, or nullptr.
inline const model::Service* find_service(const model::Scenario& s, const std::string& name) {
  for (const auto& v : s.services)
    if (v.name == name) return &v;
  return nullptr;
}

// The service called `name`, which the test requires to exist.
inline const model::Service& service(const model::Scenario& s, const std::string& name) {
  static const model::Service missing{};
  const model::Service* found = find_service(s, name);
  INFO("service " << name);
  REQUIRE(found != nullptr);
  return found != nullptr ? *found : missing;
}

}  // namespace bedflow::scenario::testing
