#pragma once
// Limits on what a scenario asks the simulator to do, checked after stage 1 and before the
// cross-references (so a scenario far too large is refused before any quadratic check).
//
// Invariants:
//  - `validate` and `run` apply exactly these checks (both load through load_scenario), so a
//    scenario `validate` accepts never fails a size limit in `run`.
//  - Every refusal is located at the key the user wrote and says, in the user's terms, what
//    the limit is and what the scenario asks for.
#include "fields.hpp"

namespace bedflow::scenario {

void check_size_limits(Context& ctx, const model::Scenario& scenario);

// The largest factor a stream's profiles can multiply its base rate by at any moment: the
// product of each profile's maximum (1 before a dated profile's first point). Unknown
// profile names count as 1 (stage 2 reports them).
double peak_profile_factor(const model::Scenario& scenario, const model::ArrivalStream& stream);

}  // namespace bedflow::scenario
