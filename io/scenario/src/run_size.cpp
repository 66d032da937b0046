#include "run_size.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "bedflow/engine/distribution.hpp"
#include "size_limits.hpp"

namespace bedflow::scenario {
namespace {

Location first_known(const Context& ctx, std::initializer_list<const char*> paths) {
  for (const char* path : paths) {
    const Location where = ctx.at(path);
    if (!where.file.empty()) return where;
  }
  return {};
}

std::string bytes_text(double bytes) {
  return bytes >= 1024.0 * 1024 * 1024 ? fmt::format("{:.1f} GiB", bytes / (1024.0 * 1024 * 1024))
                                       : fmt::format("{:.0f} MiB", bytes / (1024.0 * 1024));
}

// Mean acute stay over the cohorts a stream brings, weighted by its mix.
double mean_acute_stay(const model::Scenario& s, const model::ArrivalStream& stream) {
  double mean = 0.0;
  for (const auto& [name, share] : stream.cohort_mix) {
    for (const auto& cohort : s.cohorts) {
      if (cohort.name != name) continue;
      try {
        mean += share * engine::Distribution(cohort.acute_los_days).mean();
      } catch (const engine::DistributionError&) {
        // Reported where the stay was read.
      }
    }
  }
  return mean;
}

}  // namespace

void check_run_size(Context& ctx, const model::Scenario& s, std::size_t census_rows) {
  const double horizon = s.run.horizon_days;
  double patients = static_cast<double>(census_rows);
  bool refused = false;
  double peak_per_day = 0.0, peak_bed_days = 0.0;
  for (const auto& stream : s.arrivals) {
    const double factor = peak_profile_factor(s, stream);
    const double per_day = stream.rate_per_day * factor;
    // Demand from the community (a stream admitting to a non-acute service) is no acute load.
    bool acute = stream.admit_to.empty();
    for (const auto& v : s.services)
      if (v.name == stream.admit_to) acute = v.kind == model::ServiceKind::acute;
    if (acute) {
      peak_per_day += per_day;
      peak_bed_days += per_day * mean_acute_stay(s, stream);
    }
    patients += per_day * horizon;
    const std::string path = "arrivals." + stream.name + ".rate_per_day";
    if (per_day * horizon > kMaxPatients) {
      refused = true;
      ctx.diagnostics.error(
          first_known(ctx, {path.c_str(), "arrivals"}), path,
          fmt::format("arrivals up to {:.4g} a day (rate {:.4g} x its profiles' largest factor "
                      "{:.4g}) over {:.4g} days: about {:.3g} patients, more than the {:.0e} a "
                      "run can hold",
                      per_day, stream.rate_per_day, factor, horizon, per_day * horizon,
                      kMaxPatients),
          "check the rate and the profiles' factors (a factor multiplies the rate)");
    }
  }
  if (patients > kWarnPatients && !refused) {
    // About 10 events per patient at a few million events a second on one core; a patient
    // inside takes about 100 bytes of state and a pending event.
    const double seconds = patients * 10.0 / 3e6;
    ctx.diagnostics.warning(
        first_known(ctx, {"arrivals"}), "arrivals",
        fmt::format("up to {:.3g} patients a replication: a very long run (roughly {:.0f} s a "
                    "replication on one core, and up to {} of memory a replication if they "
                    "all stay)",
                    patients, seconds, bytes_text(patients * 100.0)));
  }
  double beds = 0.0;
  for (const auto& v : s.services)
    if (v.kind == model::ServiceKind::acute) beds += static_cast<double>(v.capacity.base);
  if (beds < static_cast<double>(model::kUnlimitedCapacity) && peak_bed_days > kOverloadFactor * beds) {
    ctx.diagnostics.warning(
        first_known(ctx, {"arrivals"}), "arrivals",
        fmt::format("at its peak the offered load is {:.4g} beds (arrivals {:.4g} a day x mean "
                    "acute stay), {:.3g} times the {:.0f} acute beds: the queue for a bed would "
                    "only grow",
                    peak_bed_days, peak_per_day, peak_bed_days / beds, beds));
  }

}

}  // namespace bedflow::scenario
