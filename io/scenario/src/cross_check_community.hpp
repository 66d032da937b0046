#pragma once
// Stage 2 for demand from the community, loss services and ward closures: names resolve,
// destinations are of the right kind, keys that mean nothing on a stream from the community
// are refused, and a chain of loss services never comes back on itself. Each problem is
// reported where it was written (see cross_check.hpp for the stage's invariants).
#include "bedflow/models/scenario.hpp"
#include "fields.hpp"

namespace bedflow::scenario {

// Streams whose admit_to is not an acute service: no avoidable shares, alternatives or
// cancellation; a virtual ward they enter has step_up.
void check_community_streams(Context& ctx, const model::Scenario& scenario);
// when_full / if_turned_away, and each closures.profile (a weekly or dated profile).
void check_loss_and_closures(Context& ctx, const model::Scenario& scenario);

}  // namespace bedflow::scenario
