#pragma once
// The text a sizing run prints: the answer with its evidence, the table of evaluated points,
// warnings when the search's assumptions were contradicted, and the answer's yearly cost
// against the scenario as given.
//
// Invariants:
//  - Text only: nothing here runs a simulation or touches a file.
//  - The report functions return true when the search has an answer (the command then exits
//    0) and false when no value or combination in the ranges meets the target (exit 1).
#include <ostream>
#include <string>
#include <vector>

#include "bedflow/analysis/one_lever.hpp"
#include "bedflow/analysis/sizing_record.hpp"
#include "bedflow/analysis/sizing_request.hpp"
#include "bedflow/analysis/two_levers.hpp"

namespace bedflow::analysis {

// "measure 41.2 hours (90% CI 39.8 to 42.6); one-sided 90% bound 42.3 <= 44: meets"
std::string describe_evidence(const EvaluatedPoint& point, const Target& target,
                              const std::string& unit);

// One row per evaluated point, ordered by lever values: the target measure's mean, its
// two-sided interval, the one-sided bound that decided, and the cost.
void print_points_table(std::ostream& out, const std::vector<EvaluatedPoint>& points,
                        const std::vector<Lever>& levers, const std::string& cost_header);

bool report_one_lever(std::ostream& out, const SizingRequest& request,
                      const OneLeverResult& result, const std::string& unit);
bool report_two_levers(std::ostream& out, const SizingRequest& request,
                       const TwoLeverResult& result, const std::string& unit);

// The answer's cost, the scenario as given, and the paired change with its interval; or why
// there is no comparison (`missing_reason`, when not empty).
void report_cost_comparison(std::ostream& out, const SizingRecord& record,
                            const std::string& missing_reason);

// 1234567.8 -> "1,234,568"; negative values keep their sign.
std::string format_gbp(double value);

}  // namespace bedflow::analysis
