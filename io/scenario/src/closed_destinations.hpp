#pragma once
// Warnings about destinations that never open: a service some route sends patients to whose
// capacity is 0 for the whole run, or drops to 0 within the run and never comes back.
//
// Invariants:
//  - Routes counted: discharge pathways P1-P3 that some cohort uses (share > 0), `then`
//    routes with probability > 0, and `on_failure` where independent_at_91_days < 1.
//  - One warning per closed service, at its `capacity` key, naming the date it closes (or
//    "the whole run") and the routes that still lead there.
//  - Only warnings are added: the scenario stays valid (a closure can be a question asked
//    on purpose), but the run would otherwise show the queue with no word of why.
#include "fields.hpp"

namespace bedflow::scenario {

void warn_about_closed_destinations(Context& ctx, const model::Scenario& scenario);

}  // namespace bedflow::scenario
