#pragma once
// Warnings about dated profiles whose edges hold over days of the run their points do not
// name (see docs/scenarios.md, `profiles`).
//
// Invariants:
//  - A dated profile is 1 before its first point and keeps its last point's factor after it.
//    A last factor other than 1 that holds beyond the last point's date within the run, and a
//    linear profile whose first factor is not 1 on a run starting before that point (the
//    factor jumps from 1), are each reported once, as a warning at the point's place.
//  - Only warnings are added: a scenario that passed both validation stages stays valid.
#include "bedflow/models/scenario.hpp"
#include "fields.hpp"

namespace bedflow::scenario {

void warn_about_profile_edges(Context& ctx, const model::Scenario& scenario);

}  // namespace bedflow::scenario
