#pragma once
// Stage-1 readers: one YAML value each, checked on its own (type, range, shape).
//
// Invariants:
//  - A reader either returns a valid value or returns nullopt after adding exactly one
//    diagnostic naming the key path, what was expected and what was found.
//  - Every value read is recorded in the Context's location index under its key path, so
//    stage 2 can point at the exact place of a name it cannot resolve.
//  - Numbers must be finite plain scalars: "3100" in quotes is text, .nan and .inf are
//    refused with their own message.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bedflow/engine/calendar.hpp"
#include "bedflow/engine/distribution.hpp"
#include "diagnostics.hpp"
#include "tree.hpp"

namespace bedflow::scenario {

struct Context {
  Diagnostics& diagnostics;
  std::map<std::string, Location> where;  // key path -> where its value was written

  void error(const Node& node, const std::string& path, std::string message,
             std::string hint = {}) {
    diagnostics.error(node.where, path, std::move(message), std::move(hint));
  }
  void note(const std::string& path, const Node& node) { where[path] = node.where; }
  Location at(const std::string& path) const {
    const auto found = where.find(path);
    return found == where.end() ? Location{} : found->second;
  }
};

// What a number may be. `unit` is used in messages ("beds", "days").
struct Bounds {
  double low = 0.0;
  double high = 0.0;
  bool low_inclusive = true;
  bool high_inclusive = true;
  std::string meaning;  // e.g. "a probability", "a positive number of days"
};

Bounds probability();
Bounds non_negative(double high, std::string meaning);
Bounds positive(double high, std::string meaning);

std::string join_path(const std::string& parent, const std::string& key);

// A number as diagnostics quote it: up to ten significant figures, no trailing zeros.
std::string number_text(double value);

// Checks that `node` is a map whose keys are all in `allowed`; reports each unknown key with
// a did-you-mean hint. Returns false (after one diagnostic) when it is not a map at all.
bool expect_map(Context& ctx, const Node& node, const std::string& path,
                const std::vector<std::string>& allowed, const std::string& what = "a map");
// A map whose keys are the user's own names (services, cohorts...): checks each name.
bool expect_named_map(Context& ctx, const Node& node, const std::string& path,
                      const std::string& what);
bool expect_list(Context& ctx, const Node& node, const std::string& path, const std::string& what);

// A required key: reports "missing" (at the map) when absent.
const Node* required(Context& ctx, const Node& map, const std::string& path,
                     const std::string& key, const std::string& what);

std::optional<double> read_number(Context& ctx, const Node& node, const std::string& path,
                                  const Bounds& bounds);
std::optional<std::int64_t> read_integer(Context& ctx, const Node& node, const std::string& path,
                                         const Bounds& bounds);
// scenario.seed and scenario.replications: the ranges and wording the command line's --seed
// and -n share (bedflow/scenario/run_limits.hpp).
std::optional<std::uint64_t> read_seed(Context& ctx, const Node& node, const std::string& path);
std::optional<std::uint32_t> read_replications(Context& ctx, const Node& node,
                                               const std::string& path);
std::optional<bool> read_bool(Context& ctx, const Node& node, const std::string& path);
std::optional<std::string> read_text(Context& ctx, const Node& node, const std::string& path);
// A name: letters, digits, '_' and '-'.
std::optional<std::string> read_name(Context& ctx, const Node& node, const std::string& path);
std::optional<engine::Date> read_date(Context& ctx, const Node& node, const std::string& path);
std::optional<std::vector<std::string>> read_name_list(Context& ctx, const Node& node,
                                                       const std::string& path);
std::optional<std::vector<double>> read_number_list(Context& ctx, const Node& node,
                                                    const std::string& path, const Bounds& bounds);
// A duration distribution: a plain number (fixed) or { kind: parameters }. Parameters are
// checked by constructing an engine::Distribution; the mean must not exceed `max_mean`.
std::optional<engine::DistributionParams> read_distribution(Context& ctx, const Node& node,
                                                            const std::string& path,
                                                            double max_mean);
bool is_valid_name(const std::string& name);

// An entry of a named section (services, cohorts, arrivals) without its `required_key`, whose
// name is one slip from an entry that has it and was written in another file (a parent, or
// the scenario an override changes), is a misspelling in a file that extends the scenario
// (or in an override): it made a new entry instead of changing one. Reports
// "unknown <what> 'x'" (did you mean 'y'?) at the user's key, not a missing key in a map they
// never meant to create, and returns true; false (nothing reported) otherwise.
bool report_misspelt_entry(Context& ctx, const Node& section, const MapEntry& entry,
                           const std::string& path, const char* required_key,
                           const std::string& what);

}  // namespace bedflow::scenario
