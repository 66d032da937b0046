#pragma once
// A fitted system as scenario text (docs/scenarios.md) and its census as the scenario
// format's census CSV (`service,cohort,days_in_service,medically_fit`).
//
// Invariants:
//  - The text is a complete `schema: 1` scenario that `bedflow validate` accepts: one acute
//    service of unlimited capacity (the extract does not say how many beds there were: set
//    yours), streams `emergency` / `elective`, one cohort per extract cohort, pathways P0-P3
//    to home (or to a community service per pathway of unlimited capacity when the extract
//    has community spells), each fitted item followed by a comment giving its row count and
//    fit statistics (AIC of each family, Kolmogorov-Smirnov distance).
//  - Shares are written with 6 decimals and sum to exactly 1 (the largest takes the rest).
//  - Only families the scenario format accepts are written: exponential, lognormal, gamma,
//    weibull, empirical.
#include <string>

#include "bedflow/fitting/fit_extract.hpp"

namespace bedflow::fitting {

struct ScenarioText {
  std::string name = "fitted";
  std::string census_file;  // the census CSV's name, relative to the scenario; "" for none
  int replications = 10;
  unsigned long long seed = 1;
  double horizon_days = 182;
};

std::string scenario_yaml(const FittedSystem& fit, const ScenarioText& settings);
std::string census_csv(const FittedSystem& fit);

// One distribution in the scenario format, e.g. "{ lognormal: { meanlog: 1.2, sdlog: 0.9 } }".
std::string distribution_yaml(const StayFit& fit);

}  // namespace bedflow::fitting
