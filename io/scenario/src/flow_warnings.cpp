#include "flow_warnings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bedflow/engine/distribution.hpp"

namespace bedflow::scenario {
namespace {

using model::ServiceKind;

// The mean of a distribution, or NaN when it has none (reported where it was read).
double mean_of(const model::DistributionParams& params) {
  try {
    return engine::Distribution(params).mean();
  } catch (const engine::DistributionError&) {
    return std::nan("");
  }
}

std::int64_t last_day_of_run(const model::Scenario& s) {
  return engine::days_from_civil(s.run.start) +
         static_cast<std::int64_t>(std::ceil(s.run.horizon_days)) - 1;
}

// The most places the schedule gives at any time of the run.
std::int64_t largest_capacity(const model::Service& service, std::int64_t first_day,
                              std::int64_t last_day) {
  std::int64_t capacity = service.capacity.base;
  std::int64_t largest = 0;
  for (const auto& change : service.capacity.changes) {
    const std::int64_t day = engine::days_from_civil(change.date);
    if (day > last_day) break;
    if (day > first_day) largest = std::max(largest, capacity);
    capacity = change.capacity;
  }
  return std::max(largest, capacity);
}

std::size_t index_of(const model::Scenario& s, const std::string& name) {
  for (std::size_t i = 0; i < s.services.size(); ++i)
    if (s.services[i].name == name) return i;
  return s.services.size();
}

// Entrants a day into each service and their mean stay in days (NaN when unknown).
struct ServiceFlows {
  std::vector<double> per_day;
  std::vector<double> stay_days;
};

ServiceFlows service_flows(const model::Scenario& s) {
  const std::size_t n = s.services.size();
  ServiceFlows flows{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  std::vector<double> acute_stay_sum(n, 0.0);  // arrivals a day x stay, by acute service
  std::vector<double> external(n, 0.0);
  std::size_t first_acute = n;
  for (std::size_t i = 0; i < n && first_acute == n; ++i)
    if (s.services[i].kind == ServiceKind::acute) first_acute = i;
  for (const auto& stream : s.arrivals) {
    const double rate = stream.rate_per_day * (stream.weekdays_only ? 5.0 / 7.0 : 1.0);
    const std::size_t to = stream.admit_to.empty() ? first_acute : index_of(s, stream.admit_to);
    if (to >= n) continue;
    external[to] += rate;
    if (s.services[to].kind != ServiceKind::acute) continue;
    for (const auto& [cohort_name, share] : stream.cohort_mix) {
      for (const auto& cohort : s.cohorts) {
        if (cohort.name != cohort_name) continue;
        acute_stay_sum[to] += rate * share * mean_of(cohort.acute_los_days);
        for (std::size_t k = 1; k < 4; ++k) {
          const std::size_t d = index_of(s, model::pathway_for(s, s.services[to], k).to);
          if (d < n) external[d] += rate * share * cohort.discharge_pathway[k];
        }
      }
    }
  }
  // Routes between community services: entrants = external + routed in, solved by
  // repeated substitution (exact for routes without loops; loops converge geometrically,
  // their exits being checked elsewhere).
  flows.per_day = external;
  for (int pass = 0; pass < 200; ++pass) {
    std::vector<double> next = external;
    for (std::size_t i = 0; i < n; ++i) {
      const model::Service& v = s.services[i];
      if (v.kind == ServiceKind::acute) continue;
      for (const auto& [to, p] : v.then) {
        const std::size_t d = index_of(s, to);
        if (d < n && s.services[d].kind != ServiceKind::acute) next[d] += flows.per_day[i] * p;
      }
      if (!v.on_failure.empty() && v.independent_at_91_days) {
        const std::size_t d = index_of(s, v.on_failure);
        if (d < n) next[d] += flows.per_day[i] * (1.0 - *v.independent_at_91_days);
      }
    }
    const auto close = [](double a, double b) { return std::abs(a - b) <= 1e-12 * (1.0 + a); };
    const bool settled = std::equal(next.begin(), next.end(), flows.per_day.begin(), close);
    flows.per_day = std::move(next);
    if (settled) break;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const model::Service& v = s.services[i];
    if (v.kind == ServiceKind::acute) {
      flows.stay_days[i] = external[i] > 0.0 ? acute_stay_sum[i] / external[i] : 0.0;
    } else if (v.los_days) {
      flows.stay_days[i] = mean_of(*v.los_days);
    } else if (v.step_up) {
      flows.stay_days[i] = mean_of(v.step_up->los_days);
    } else {
      flows.stay_days[i] = std::nan("");
    }
  }
  return flows;
}

}  // namespace

void warn_about_turned_away_to_no_places(Context& ctx, const model::Scenario& s) {
  const std::int64_t first_day = engine::days_from_civil(s.run.start);
  const std::int64_t last_day = last_day_of_run(s);
  for (const auto& v : s.services) {
    if (v.when_full != model::WhenFull::turn_away || v.if_turned_away.empty()) continue;
    const std::size_t d = index_of(s, v.if_turned_away);
    if (d >= s.services.size()) continue;  // home, or reported as unknown
    const model::Service& to = s.services[d];
    if (to.kind == ServiceKind::urgent_community_response) continue;  // refused elsewhere
    if (largest_capacity(to, first_day, last_day) > 0) continue;
    const std::string path = "services." + v.name + ".if_turned_away";
    const std::string fate =
        to.when_full == model::WhenFull::turn_away
            ? "turned away again (to " +
                  (to.if_turned_away.empty() ? std::string("home") : "'" + to.if_turned_away + "'") +
                  ")"
            : "left waiting for a place that never opens, keeping the place they came from";
    ctx.diagnostics.warning(
        ctx.at(path), path,
        "'" + v.name + "' turns patients away to '" + to.name +
            "', which has no places at any time in the run (capacity 0): every patient turned "
            "away is " + fate,
        "give '" + to.name + "' places, or turn patients away to another service or home");
  }
}

void warn_about_turnaround_load(Context& ctx, const model::Scenario& s) {
  bool any = false;
  for (const auto& v : s.services) any = any || v.turnaround_hours.has_value();
  if (!any) return;
  const ServiceFlows flows = service_flows(s);
  const std::int64_t first_day = engine::days_from_civil(s.run.start);
  const std::int64_t last_day = last_day_of_run(s);
  for (std::size_t i = 0; i < s.services.size(); ++i) {
    const model::Service& v = s.services[i];
    if (!v.turnaround_hours || v.kind == ServiceKind::urgent_community_response) continue;
    const double turnaround_hours = mean_of(*v.turnaround_hours);
    const double per_day = flows.per_day[i];
    const double stay = flows.stay_days[i];
    if (!(turnaround_hours > 0.0) || !(per_day > 0.0) || !std::isfinite(stay)) continue;
    double places = static_cast<double>(largest_capacity(v, first_day, last_day));
    if (places >= static_cast<double>(model::kUnlimitedCapacity)) continue;
    for (const auto& level : v.escalation) places += static_cast<double>(level.beds);
    const double without = per_day * stay;
    const double with = per_day * (stay + turnaround_hours / 24.0);
    if (without >= places || with < places) continue;
    const std::string path = "services." + v.name + ".turnaround_hours";
    ctx.diagnostics.warning(
        ctx.at(path), path,
        fmt::format("with a mean turnaround of {:.3g} hours '{}' is offered {:.4g} places' worth "
                    "of work (about {:.3g} entrants a day at the base rates x (mean stay {:.3g} "
                    "days + turnaround)), at or above its {:.0f} places{}, where the stays alone "
                    "need {:.4g}: its line would only grow",
                    turnaround_hours, v.name, with, per_day, stay, places,
                    v.escalation.empty() ? "" : " with escalation beds", without),
        "turnaround_hours is in hours: check the unit, shorten it, or give the service places");
  }
}

void warn_about_census_ed_waits(Context& ctx, const Census& census) {
  for (std::size_t i = 0; i < census.entries.size(); ++i) {
    const auto& e = census.entries[i];
    if (!e.waiting_for_bed || !(e.days_in_service > kLongestCensusEdWaitDays)) continue;
    ctx.diagnostics.warning(
        Location{census.file, census.lines[i], 1}, "days_in_service",
        fmt::format("a patient in the ED waiting for a bed of '{}' has waited {:.4g} days "
                    "({:.4g} hours) so far: far beyond the longest waits reported from decision "
                    "to admit (a few days at the very worst)",
                    e.service, e.days_in_service, e.days_in_service * 24.0),
        "days_in_service is in days: write 0.5 for 12 hours");
  }
}

void warn_about_ring_fence_load(Context& ctx, const model::Scenario& s) {
  const std::int64_t first_day = engine::days_from_civil(s.run.start);
  const std::int64_t last_day = last_day_of_run(s);
  const std::size_t n = s.services.size();
  std::size_t first_acute = n;
  for (std::size_t i = 0; i < n && first_acute == n; ++i)
    if (s.services[i].kind == ServiceKind::acute) first_acute = i;
  const auto admits_to = [&](const model::ArrivalStream& a) {
    return a.admit_to.empty() ? first_acute : index_of(s, a.admit_to);
  };
  for (const auto& fenced : s.arrivals) {
    if (fenced.ring_fenced_beds <= 0) continue;
    const std::size_t to = admits_to(fenced);
    if (to >= n || s.services[to].kind != ServiceKind::acute) continue;  // refused elsewhere
    // Treatment bed-days a day of everyone else this service admits: a floor on their load
    // (medically fit patients' waits come on top).
    double others = 0.0;
    for (const auto& a : s.arrivals) {
      if (&a == &fenced || admits_to(a) != to) continue;
      const double rate = a.rate_per_day * (a.weekdays_only ? 5.0 / 7.0 : 1.0);
      for (const auto& [cohort_name, share] : a.cohort_mix)
        for (const auto& cohort : s.cohorts)
          if (cohort.name == cohort_name) others += rate * share * mean_of(cohort.acute_los_days);
    }
    const model::Service& acute = s.services[to];
    double general = static_cast<double>(largest_capacity(acute, first_day, last_day));
    if (general >= static_cast<double>(model::kUnlimitedCapacity)) continue;
    for (const auto& level : acute.escalation) general += static_cast<double>(level.beds);
    general -= static_cast<double>(fenced.ring_fenced_beds);
    if (!(others >= general)) continue;
    const std::string path = "arrivals." + fenced.name + ".ring_fenced_beds";
    ctx.diagnostics.warning(
        ctx.at(path), path,
        fmt::format("{} ring-fenced beds leave '{}' {:.0f} general beds (escalation included) "
                    "for the other admissions, whose treatment alone needs {:.4g} (arrivals a "
                    "day at the base rates x mean acute stay): the ED line would only grow",
                    fenced.ring_fenced_beds, acute.name, general, others),
        "ring-fence fewer beds, or give '" + acute.name + "' more");
  }
}

void warn_about_closures_load(Context& ctx, const model::Scenario& s) {
  const std::int64_t first_day = engine::days_from_civil(s.run.start);
  const std::int64_t last_day = last_day_of_run(s);
  for (const auto& v : s.services) {
    if (!v.closures) continue;
    const double places = static_cast<double>(largest_capacity(v, first_day, last_day));
    if (places >= static_cast<double>(model::kUnlimitedCapacity)) continue;
    const double beds = mean_of(v.closures->beds);
    // Closures form an M/G/infinity queue: beds closed on average = rate x beds x duration.
    const double closed = v.closures->rate_per_day * beds * mean_of(v.closures->duration_days);
    const std::string path = "services." + v.name + ".closures";
    if (beds > places) {
      ctx.diagnostics.warning(
          ctx.at(path), path,
          fmt::format("a closure of '{}' closes {:.4g} beds on average, more than its {:.0f} "
                      "places: each one shuts the whole service", v.name, beds, places),
          "closures.beds is beds per closure (a bay is about 6)");
    } else if (closed >= places) {
      ctx.diagnostics.warning(
          ctx.at(path), path,
          fmt::format("'{}' would have {:.4g} beds closed on average (rate {:.4g} a day x {:.4g} "
                      "beds x {:.4g} days, at the base rate), at least its {:.0f} places: the "
                      "service would be shut most of the run",
                      v.name, closed, v.closures->rate_per_day, beds,
                      mean_of(v.closures->duration_days), places),
          "check rate_per_day (closures begun a day) and duration_days");
    }
  }
}

}  // namespace bedflow::scenario
