#pragma once
// Stage 2 rules for scenarios with several acute services (trusts): names that would make
// two measures one, and the ED-wait thresholds every trust shares. Each problem is reported
// where it was written (see cross_check.hpp for the stage's invariants).
#include "bedflow/models/scenario.hpp"
#include "fields.hpp"

namespace bedflow::scenario {

// With several acute services, no acute service is named like a discharge pathway (P0..P3)
// or a calendar month (2027_01), or ends like a month (east_2027_01).
void check_acute_names(Context& ctx, const model::Scenario& scenario);
// Each acute service's report_waits_over_hours names each threshold once; with several acute
// services, the first one's list is every trust's, so a different list written on a later
// one (which would be read and ignored) is refused where it was written.
void check_wait_thresholds(Context& ctx, const model::Scenario& scenario);

}  // namespace bedflow::scenario
