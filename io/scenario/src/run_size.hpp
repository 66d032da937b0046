#pragma once
// Up-front bounds on what a run would have to hold, so that a scenario that cannot fit is
// refused with a message in the planner's terms instead of ending in std::bad_alloc after
// minutes, and one that will be very long is announced with an estimate.
//
// Invariants:
//  - Patients: the arrival rate at its peak (each stream's rate x the product of its
//    profiles' largest factors) x horizon, plus the census, bounds the patients a
//    replication creates. Over kMaxPatients is refused (errors at the stream's rate); over
//    kWarnPatients is a warning with an estimate of run time.
//  - The time series' memory is bounded in size_limits.hpp (check_size_limits), with the
//    other limits on what a scenario may ask for.
//  - Offered load at the peak (arrivals a day x mean acute stay) against the acute beds: more
//    than kOverloadFactor times the beds is a warning (the ED queue would only grow).
#include <cstddef>
#include <cstdint>

#include "fields.hpp"

namespace bedflow::scenario {

inline constexpr double kMaxPatients = 1e8;
inline constexpr double kWarnPatients = 1e7;
inline constexpr double kOverloadFactor = 2.0;

void check_run_size(Context& ctx, const model::Scenario& scenario, std::size_t census_rows);

}  // namespace bedflow::scenario
