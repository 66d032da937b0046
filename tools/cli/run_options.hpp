#pragma once
// The options of `bedflow run`, parsed and checked before anything is loaded or run.
//
// Invariants:
//  - parse_run_options() returns options that are all in range, or throws UsageError:
//    replications and threads at least 1, precision in (0, 1), a cap no smaller than the
//    first batch.
//  - Unset optional values stay unset: the scenario file's own replications and seed apply.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "command_line.hpp"

namespace bedflow::cli {

struct RunOptions {
  std::string scenario_path;
  std::string output_path;  // empty: the default (output_path.hpp)
  std::optional<std::uint32_t> replications;
  unsigned threads = 1;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> set;
  std::string sweep;
  double precision = 0.0;
  std::vector<std::string> precision_measures;  // empty: the model's default short list
  std::uint32_t max_replications = 1000;
  bool show_percentiles = false;  // percentile columns in the printed summary
  bool events = false;
  bool force = false;
};

extern const CommandSyntax kRunSyntax;
boost::program_options::options_description run_options_description();
RunOptions parse_run_options(const boost::program_options::variables_map& values);

}  // namespace bedflow::cli
