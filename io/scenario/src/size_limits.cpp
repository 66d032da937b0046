#include "size_limits.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bedflow/models/simulate.hpp"
#include "limits.hpp"

namespace bedflow::scenario {
namespace {

// The largest factor a profile takes in a run from `start` (the calendar's time 0).
double profile_maximum(const model::Profile& profile, const engine::Date& start) {
  double peak = 0.0;
  for (const double f : profile.factors) peak = std::max(peak, f);
  if (profile.kind == model::Profile::Kind::dated) {
    // A dated profile is 1 before its first point: a factor the run sees only when it
    // starts before that point.
    bool starts_before_first_point = true;
    for (const auto& point : profile.points) {
      peak = std::max(peak, point.factor);
      if (engine::days_from_civil(point.date) <= engine::days_from_civil(start)) {
        starts_before_first_point = false;
      }
    }
    if (starts_before_first_point) peak = std::max(peak, 1.0);
  }
  return peak;
}

void check_counts(Context& ctx, const model::Scenario& s) {
  const auto refuse = [&](const std::string& key, std::size_t count, const char* what) {
    if (count <= limits::kMaxNamedItems) return;
    ctx.diagnostics.error(ctx.at(key), key,
                          fmt::format("{} {} given; at most {} are supported", count, what,
                                      limits::kMaxNamedItems),
                          "a whole health system needs a few dozen; split the scenario");
  };
  refuse("services", s.services.size(), "services");
  refuse("cohorts", s.cohorts.size(), "cohorts");
  refuse("arrivals", s.arrivals.size(), "arrival streams");
}

void check_peak_rates(Context& ctx, const model::Scenario& s) {
  for (const auto& stream : s.arrivals) {
    const double factor = peak_profile_factor(s, stream);
    const double peak = stream.rate_per_day * factor;
    if (peak <= limits::kMaxRatePerDay) continue;
    const std::string path = "arrivals." + stream.name + ".rate_per_day";
    ctx.diagnostics.error(
        ctx.at(path), path,
        fmt::format("peak arrival rate {:.6g} a day (rate {:.6g} x profile maximum {:.6g}) is "
                    "above the limit of {:.0f} a day",
                    peak, stream.rate_per_day, factor, limits::kMaxRatePerDay),
        "check the rate and the factors of this stream's profiles");
  }
}

// The series every replication keeps in memory until the results file is written.
void check_time_series(Context& ctx, const model::Scenario& s) {
  const std::string path = "outputs.timeseries_every_hours";
  const double every_hours = s.outputs.timeseries_every_hours;
  if (every_hours < limits::kMinSeriesStepHours) {
    ctx.diagnostics.error(
        ctx.at(path), path,
        fmt::format("a sampling step of {:.6g} hours is below the smallest supported, {:.6g} "
                    "hours (one minute)",
                    every_hours, limits::kMinSeriesStepHours),
        "daily (24) or hourly (1) series are the usual choices");
    return;
  }
  const double observed_hours = std::max(0.0, s.run.horizon_days - s.run.warmup_days) * 24.0;
  const double steps = std::floor(observed_hours / every_hours) + 1.0;
  const double series = static_cast<double>(model::series_count(s));
  const double replications = std::max<double>(s.run.replications, 1.0);
  const double bytes = steps * series * replications * 8.0;
  if (bytes <= limits::kWarnSeriesBytes) return;
  if (bytes <= limits::kMaxSeriesBytes) {
    ctx.diagnostics.warning(
        ctx.at(path), path,
        fmt::format("the time series will take {:.1f} GiB in memory ({:.0f} samples x {:.0f} "
                    "series x {:.0f} replications x 8 bytes) until the results are written",
                    bytes / (1024.0 * 1024.0 * 1024.0), steps, series, replications));
    return;
  }
  ctx.diagnostics.error(
      ctx.at(path), path,
      fmt::format("the time series would take {:.1f} GiB ({:.0f} samples x {:.0f} series x "
                  "{:.0f} replications x 8 bytes), above the limit of {:.0f} GiB",
                  bytes / (1024.0 * 1024.0 * 1024.0), steps, series, replications,
                  limits::kMaxSeriesBytes / (1024.0 * 1024.0 * 1024.0)),
      fmt::format("sample less often (at least every {:.3g} hours) or run fewer replications",
                  every_hours * bytes / limits::kMaxSeriesBytes));
}

}  // namespace

double peak_profile_factor(const model::Scenario& scenario, const model::ArrivalStream& stream) {
  double factor = 1.0;
  for (const auto& name : stream.profiles) {
    const auto found = std::find_if(scenario.profiles.begin(), scenario.profiles.end(),
                                    [&](const model::Profile& p) { return p.name == name; });
    if (found != scenario.profiles.end()) factor *= profile_maximum(*found, scenario.run.start);
  }
  return factor;
}

void check_size_limits(Context& ctx, const model::Scenario& scenario) {
  check_counts(ctx, scenario);
  check_peak_rates(ctx, scenario);
  check_time_series(ctx, scenario);
}

}  // namespace bedflow::scenario
