#pragma once
// Stage 2: cross-references and sums, on a scenario whose fields each passed stage 1.
//
// Invariants:
//  - Every name used (cohort, service, profile) must resolve; unresolved names are reported
//    where they were written, with a did-you-mean hint from the names that exist.
//  - Shares that must sum to 1 (cohort_mix, discharge_pathway, then) do so within
//    kSumTolerance, and are then divided by their sum (so 9 x 0.1111111 is taken as 9 x 1/9).
//  - The only changes made are that normalisation and documented defaults (admit_to: the only
//    acute service).
//  - The model's own network check runs last, and only on a scenario with no other
//    problem (and only when `network_check`), so its messages never repeat ours.
#include "census.hpp"
#include "fields.hpp"

namespace bedflow::scenario {

inline constexpr double kSumTolerance = 1e-6;

void cross_check(Context& ctx, model::Scenario& scenario, const Census& census,
                 bool network_check = true);

// The profiles named by discharge windows (check_windows.cpp).
void check_discharge_windows(Context& ctx, const model::Scenario& scenario);

}  // namespace bedflow::scenario
