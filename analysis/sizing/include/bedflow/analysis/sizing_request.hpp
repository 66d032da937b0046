#pragma once
// What a sizing run on the hospital model was asked to do, once the command line has been
// read: the scenario, the levers, the target and how a point's cost is counted.
//
// Invariants:
//  - `levers` holds one or two levers with different paths, none of them also set by
//    `overrides` (the command line checks this while reading).
//  - `replications` and `seed` are empty until prepare_sizing() fills them from the
//    scenario when the command line did not give them.
//  - The default cost is the yearly total cost, commissioned capacity (escalation beds included) plus activity:
//    cost_total x 365 / window days (`cost.scale` is set by prepare_sizing()).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bedflow/analysis/evaluation.hpp"
#include "bedflow/analysis/lever.hpp"
#include "bedflow/analysis/target.hpp"
#include "bedflow/scenario/load.hpp"

namespace bedflow::analysis {

struct SizingRequest {
  std::string scenario_path;
  std::vector<scenario::Override> overrides;  // --set, applied before the levers
  std::vector<Lever> levers;                  // one or two
  Target target;
  double confidence = 0.9;
  CostSource cost;                            // measure "cost_total" unless asked otherwise
  std::optional<std::uint32_t> replications;
  std::optional<std::uint64_t> seed;
  unsigned threads = 1;
  std::string output;
  bool force = false;
};

// The --set overrides, then one override per lever of `setting`.
std::vector<scenario::Override> overrides_for(const SizingRequest& request,
                                              const LeverSetting& setting);

// "services.acute.capacity in 2900..3400 step 10[ and ...]"
std::string describe_levers(const std::vector<Lever>& levers);

}  // namespace bedflow::analysis
