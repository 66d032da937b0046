#pragma once
// Warnings about flows a scenario sets up that cannot work as the author most likely meant:
// the scenario stays valid (each could be a question asked on purpose), but the run would
// otherwise show a queue or a blocked route with no word of why.
//
// Invariants:
//  - Only warnings are added, each at the key (or census row and column) that causes it.
//  - A turned-away destination is "without places" when its largest scheduled capacity over
//    the run is 0 (base and every dated change up to the run's last day).
//  - Offered load (places' worth of work) = entrants a day x (mean stay in days + mean
//    turnaround in hours / 24), entrants from the base arrival rates (x 5/7 on weekdays
//    only; profiles not applied) routed by the cohorts' pathway shares, `then` and
//    `on_failure` probabilities, and streams from the community. It is warned about only
//    when turnaround tips it to at least the largest capacity (with escalation beds, acute)
//    while the stays alone would fit: a service overloaded without turnaround is a
//    different question.
//  - A census ED wait (waiting_for_bed) longer than kLongestCensusEdWaitDays is warned about
//    at its row's days_in_service.
#include "census.hpp"
#include "fields.hpp"

namespace bedflow::scenario {

// England's longest reported waits from decision to admit run to two or three days at the
// very worst; a census wait beyond 3 days is far more likely hours written in the days
// column (12 hours written as 12 days) than a patient really there that long.
inline constexpr double kLongestCensusEdWaitDays = 3.0;

void warn_about_turned_away_to_no_places(Context& ctx, const model::Scenario& scenario);
void warn_about_turnaround_load(Context& ctx, const model::Scenario& scenario);
// Ring-fenced elective beds that leave the other admissions fewer general beds (escalation
// included) than their treatment alone needs (arrivals a day x mean acute stay).
void warn_about_ring_fence_load(Context& ctx, const model::Scenario& scenario);
// Closures of more beds than a service has, or closing on average (rate x beds x duration,
// M/G/infinity) at least all of its places.
void warn_about_closures_load(Context& ctx, const model::Scenario& scenario);
void warn_about_census_ed_waits(Context& ctx, const Census& census);

}  // namespace bedflow::scenario
