#pragma once
// A sizing run on the hospital model from start to finish, below the command line: checking
// the request before any simulation, the search, the comparison of the answer with the
// scenario as given, and the results file.
//
// Invariants:
//  - prepare_sizing() simulates nothing but a one-day probe: it loads the scenario at both
//    ends of every range (scenario::ScenarioError, with located diagnostics, when refused),
//    fills the replications, seed and yearly cost scale, and checks the target and cost
//    measures by name (AnalysisError with a did-you-mean hint).
//  - run_sizing() evaluates every point with the same seed and replications, then runs the
//    scenario as given (the --set overrides, no lever) the same way, so the answer's cost
//    change against it is paired by replication.
//  - write_sizing_file() writes every evaluated point (and the scenario as given) as
//    /variants plus the /sizing record into the output's temporary file, then renames it;
//    on failure it throws and the temporary file is removed by SafeOutputFile.
#include <cstdint>
#include <ostream>
#include <string>

#include "bedflow/analysis/scenario_evaluator.hpp"
#include "bedflow/analysis/sizing_record.hpp"
#include "bedflow/analysis/sizing_request.hpp"
#include "bedflow/results/safe_output.hpp"

namespace bedflow::analysis {

inline constexpr const char* kAsGivenLabel = "as-given";

struct PreparedSizing {
  std::string scenario_name;      // the scenario's name at the lowest lever values
  std::string cost_description;   // how a point's cost is counted, in words
  std::string cost_unit;          // "GBP/year" for a yearly cost
  std::string as_given_problem;   // why the scenario as given cannot run ("" when it can)
};

PreparedSizing prepare_sizing(SizingRequest& request);

struct SizingOutcome {
  SizingRecord record;
  std::string report;     // the text for standard output
  bool answered = false;  // false: no value or combination in the ranges meets the target
};

SizingOutcome run_sizing(const SizingRequest& request, const PreparedSizing& prepared,
                         ScenarioEvaluator& evaluator);

void write_sizing_file(const SizingRequest& request, ScenarioEvaluator& evaluator,
                       const SizingRecord& record, const std::string& started_at,
                       results::SafeOutputFile& output);

}  // namespace bedflow::analysis
