#include "run_size.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "bedflow/engine/distribution.hpp"

namespace bedflow::scenario {
namespace {

// The largest factor a profile applies on any day (a dated profile is 1 outside its points).
double largest_factor(const model::Profile& profile) {
  double largest = profile.kind == model::Profile::Kind::dated ? 1.0 : 0.0;
  for (const double f : profile.factors) largest = std::max(largest, f);
  for (const auto& point : profile.points) largest = std::max(largest, point.factor);
  return largest;
}

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
    double factor = 1.0;
    for (const auto& name : stream.profiles) {
      for (const auto& profile : s.profiles)
        if (profile.name == name) factor *= largest_factor(profile);
    }
    const double per_day = stream.rate_per_day * factor;
    peak_per_day += per_day;
    peak_bed_days += per_day * mean_acute_stay(s, stream);
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

  const double step_days =
      s.outputs.timeseries_every_hours > 0.0 ? s.outputs.timeseries_every_hours / 24.0 : 1.0;
  const double samples = std::floor((horizon - s.run.warmup_days) / step_days) + 1.0;
  const double series = 3.0 * static_cast<double>(s.services.size()) + 7.0;
  const double bytes = samples * series * static_cast<double>(s.run.replications) * 8.0;
  if (bytes > kWarnSeriesBytes) {
    const Location where =
        first_known(ctx, {"outputs.timeseries_every_hours", "scenario.horizon_days", "scenario"});
    const std::string text = fmt::format(
        "the time series would hold {:.3g} samples x {:.0f} series x {} replications: {}",
        samples, series, s.run.replications, bytes_text(bytes));
    const std::string path = "outputs.timeseries_every_hours";
    if (bytes > kMaxSeriesBytes) {
      ctx.diagnostics.error(where, path, text + ", more than the " + bytes_text(kMaxSeriesBytes) +
                                             " a run may hold",
                            "sample less often (a larger timeseries_every_hours) or run fewer days");
    } else {
      ctx.diagnostics.warning(where, path, text + " in memory");
    }
  }
}

}  // namespace bedflow::scenario
