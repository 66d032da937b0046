#include "compiled_scenario.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace bedflow::model {
namespace {

RouteTable make_route_table(const std::vector<std::pair<std::string, double>>& routes,
                            const CompiledScenario& plan, const std::string& what) {
  RouteTable table;
  double running = 0.0;
  for (const auto& [name, probability] : routes) {
    running += probability;
    table.destinations.push_back(plan.destination_index(name, what));
    table.cumulative.push_back(running);
  }
  if (!table.cumulative.empty()) table.cumulative.back() = 1.0;
  return table;
}

// A window's profiles by name (the loader checked their kinds and factors).
int add_window(const DischargeWindow& window, CompiledScenario& plan, const std::string& what) {
  auto find = [&](const std::string& name) -> const CalendarProfile* {
    if (name.empty()) return nullptr;
    const int p = plan.profile_index(name);
    if (p < 0) throw std::invalid_argument(what + ": unknown profile '" + name + "'");
    return &plan.profiles[static_cast<std::size_t>(p)];
  };
  plan.windows.push_back(make_window_plan(find(window.daily), find(window.weekly), plan.calendar));
  return static_cast<int>(plan.windows.size() - 1);
}

std::vector<WindowMonth> months_touched(const engine::Calendar& calendar, engine::Time from,
                                       engine::Time to) {
  const engine::Date first = calendar.date_at(from);
  const engine::Date last = calendar.date_at(std::max(to - 1, from));
  std::vector<WindowMonth> months;
  int year = first.year, month = first.month;
  while (true) {
    const int next_year = month == 12 ? year + 1 : year;
    const int next_month = month == 12 ? 1 : month + 1;
    const bool final = year == last.year && month == last.month;
    char label[32];
    std::snprintf(label, sizeof label, "%04d_%02d", year, month);
    months.push_back({label, final ? engine::kTimeNever
                                   : calendar.time_of(engine::Date{next_year, next_month, 1})});
    if (final) break;
    year = next_year;
    month = next_month;
  }
  return months;
}

}  // namespace

CompiledScenario::CompiledScenario(const Scenario& scenario)
    : source(&scenario), calendar(scenario.run.start) {
  horizon = engine::from_days(scenario.run.horizon_days);
  warmup = std::min(engine::from_days(scenario.run.warmup_days), horizon);
  const double every_hours = scenario.outputs.timeseries_every_hours;
  sample_step = every_hours > 0.0 ? std::max<engine::Time>(1, engine::from_hours(every_hours))
                                  : engine::kDay;

  for (const auto& profile : scenario.profiles) profiles.emplace_back(profile, calendar);
  week_hour_at_zero = calendar.weekday_at(0) * 24;
  window_months = months_touched(calendar, warmup, horizon);

  // Indices travel in 16-bit fields of patients and event subjects.
  if (scenario.services.size() > 30000 || scenario.cohorts.size() > 30000 ||
      scenario.arrivals.size() > 30000) {
    throw std::invalid_argument("scenario: more than 30000 services, cohorts or streams");
  }
  // Services first: cohorts and streams refer to them.
  services.resize(scenario.services.size());
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    services[i].name = scenario.services[i].name;
    services[i].kind = scenario.services[i].kind;
  }
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const Service& spec = scenario.services[i];
    ServicePlan& plan = services[i];
    plan.base_capacity = spec.capacity.base;
    plan.unlimited_throughout = plan.unlimited_sometime = spec.capacity.base >= kUnlimitedCapacity;
    for (const auto& change : spec.capacity.changes) {
      const bool unlimited = change.capacity >= kUnlimitedCapacity;
      plan.unlimited_throughout = plan.unlimited_throughout && unlimited;
      plan.unlimited_sometime = plan.unlimited_sometime || unlimited;
    }
    plan.costs = spec.costs;
    if (spec.los_days) plan.los.emplace(*spec.los_days);
    plan.then = make_route_table(spec.then, *this, "services." + spec.name + ".then");
    plan.escalation = spec.escalation;
    plan.waits_over_hours = spec.report_waits_over_hours;
    plan.independent_share = spec.independent_at_91_days;
    if (!spec.on_failure.empty()) {
      plan.on_failure = destination_index(spec.on_failure, "services." + spec.name + ".on_failure");
    }
    if (spec.step_up) {
      plan.step_up_los.emplace(spec.step_up->los_days);
      plan.step_up_escalate = spec.step_up->escalate_to_acute_probability;
    }
    if (spec.step_down) {
      plan.step_down_los.emplace(spec.step_down->los_days);
      plan.step_down_replaces = engine::from_days(spec.step_down->replaces_acute_days);
      if (step_down_service == kHomeDestination) {
        step_down_service = static_cast<std::int16_t>(i);
      }
    }
    if (spec.urgent_response) {
      const auto& ucr = *spec.urgent_response;
      plan.opens_hour = ucr.opens_hour;
      plan.closes_hour = ucr.closes_hour;
      plan.ucr_per_day = ucr.capacity_per_day;
      plan.unlimited_throughout = plan.unlimited_sometime = ucr.capacity_per_day >= kUnlimitedCapacity;
      plan.response_target = engine::from_hours(ucr.response_target_hours);
      plan.response_hours.emplace(ucr.response_hours);
      plan.success_probability = ucr.success_probability;
    } else if (spec.kind == ServiceKind::urgent_community_response) {
      plan.response_hours.emplace(UrgentResponse{}.response_hours);
      plan.response_target = engine::from_hours(UrgentResponse{}.response_target_hours);
    }
    if (spec.kind != ServiceKind::acute && spec.kind != ServiceKind::urgent_community_response) {
      plan.turn_away = spec.when_full == WhenFull::turn_away;
      plan.reports_blocking = plan.turn_away;
      plan.if_turned_away = destination_index(spec.if_turned_away,
                                              "services." + spec.name + ".if_turned_away");
    }
    if (spec.closures && spec.kind != ServiceKind::urgent_community_response) {
      plan.closures = compile_closures(*spec.closures, spec.name);
    }
    if (spec.discharge_window) {
      plan.window = add_window(*spec.discharge_window, *this,
                               "services." + spec.name + ".discharge_window");
      plan.has_window = true;
    }
    if (spec.turnaround_hours) plan.turnaround.emplace(*spec.turnaround_hours);
    for (const auto& change : spec.capacity.changes) {
      capacity_changes.push_back(
          {calendar.time_of(change.date), static_cast<std::int16_t>(i), change.capacity});
    }
  }
  std::stable_sort(capacity_changes.begin(), capacity_changes.end(),
                   [](const auto& a, const auto& b) { return a.at < b.at; });

  // The scenario's pathway windows, compiled once for every acute service.
  std::array<int, 4> pathway_window{-1, -1, -1, -1};
  for (std::size_t k = 0; k < 4; ++k) {
    if (const auto& window = scenario.pathway_windows[k]) {
      pathway_window[k] = add_window(
          *window, *this, "discharge_pathways.P" + std::to_string(k) + ".discharge_window");
    }
  }
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const Service& acute = scenario.services[i];
    if (acute.kind != ServiceKind::acute) continue;
    for (std::size_t k = 0; k < 4; ++k) {
      const DischargePathway spec = pathway_for(scenario, acute, k);
      PathwayPlan& plan = services[i].pathways[k];
      plan.to = destination_index(spec.to, "discharge_pathways.P" + std::to_string(k) + ".to");
      plan.assessment = engine::Distribution(spec.assessment_days);
      plan.instant = spec.assessment_days.kind == engine::DistributionKind::fixed &&
                     !(spec.assessment_days.a > 0.0);
      // The service's own pathway window, else the scenario's for this pathway.
      plan.window = pathway_window[k];
      if (const auto& own = acute.discharge_pathways[k].discharge_window) {
        plan.window = add_window(*own, *this,
                                 "services." + acute.name + ".discharge_pathways.P" +
                                     std::to_string(k) + ".discharge_window");
      }
      if (plan.window >= 0) services[i].has_window = true;
    }
  }

  std::vector<bool> step_down_cohort(scenario.cohorts.size(), false);
  for (const auto& cohort : scenario.cohorts) {
    CohortPlan plan{cohort.name, engine::Distribution(cohort.acute_los_days), -1, {}, {}, 0, 0.0,
                    {}, false};
    if (!cohort.los_multiplier_profile.empty()) {
      plan.los_profile = profile_index(cohort.los_multiplier_profile);
      if (plan.los_profile < 0) {
        throw std::invalid_argument("cohorts." + cohort.name + ".los_multiplier: unknown profile '" +
                                    cohort.los_multiplier_profile + "'");
      }
    }
    double running = 0.0;
    for (std::size_t k = 0; k < 4; ++k) {
      plan.pathway_share[k] = cohort.discharge_pathway[k];
      running += cohort.discharge_pathway[k];
      plan.pathway_cumulative[k] = running;
    }
    plan.pathway_cumulative[3] = 1.0;
    plan.readmission_within = engine::from_days(cohort.readmission.within_days);
    plan.readmission_probability = cohort.readmission.probability;
    plan.readmission_after.assign(services.size(), cohort.readmission.probability);
    for (const auto& [service, probability] : cohort.readmission.probability_after) {
      plan.readmission_after[static_cast<std::size_t>(
          service_index(service, "cohorts." + cohort.name + ".readmission"))] = probability;
    }
    if (step_down_service != kHomeDestination) {
      const auto& eligible = scenario.services[static_cast<std::size_t>(step_down_service)]
                                 .step_down->eligible_cohorts;
      plan.step_down_eligible =
          std::find(eligible.begin(), eligible.end(), cohort.name) != eligible.end();
    }
    cohorts.push_back(std::move(plan));
  }

  for (const auto& stream : scenario.arrivals) {
    StreamPlan plan;
    plan.name = stream.name;
    plan.rate_per_day = stream.rate_per_day;
    std::vector<CalendarProfile> rate_profiles;
    for (const auto& name : stream.profiles) {
      const int p = profile_index(name);
      if (p < 0) {
        throw std::invalid_argument("arrivals." + stream.name + ".profiles: unknown profile '" +
                                    name + "'");
      }
      rate_profiles.push_back(profiles[static_cast<std::size_t>(p)]);
    }
    plan.rate = RateFunction(std::move(rate_profiles), calendar, stream.weekdays_only);
    double running = 0.0;
    for (const auto& [cohort, share] : stream.cohort_mix) {
      plan.mix_cohorts.push_back(static_cast<std::uint16_t>(
          cohort_index(cohort, "arrivals." + stream.name + ".cohort_mix")));
      running += share;
      plan.mix_cumulative.push_back(running);
    }
    if (plan.mix_cohorts.empty()) {
      throw std::invalid_argument("arrivals." + stream.name + ".cohort_mix: no cohort");
    }
    plan.mix_cumulative.back() = 1.0;
    plan.avoidable_share.assign(cohorts.size(), 0.0);
    for (const auto& [cohort, share] : stream.avoidable_share) {
      plan.avoidable_share[static_cast<std::size_t>(
          cohort_index(cohort, "arrivals." + stream.name + ".avoidable"))] = share;
    }
    const std::string where = "arrivals." + stream.name;
    plan.admit_to = -1;
    if (!stream.admit_to.empty()) plan.admit_to = service_index(stream.admit_to, where + ".admit_to");
    if (plan.admit_to >= 0 &&
        services[static_cast<std::size_t>(plan.admit_to)].kind != ServiceKind::acute) {
      // Demand from the community: its patients enter that service, and are admitted (after
      // an escalation or a failed visit) to `escalate_to`, else the first acute service.
      plan.enters = plan.admit_to;
      plan.admit_to = stream.escalate_to.empty()
                          ? std::int16_t{-1}
                          : service_index(stream.escalate_to, where + ".escalate_to");
      ServicePlan& entered = services[static_cast<std::size_t>(plan.enters)];
      if (entered.kind == ServiceKind::urgent_community_response) entered.reports_blocking = true;
    }
    for (const auto& name : stream.alternatives) {
      const std::int16_t alt = service_index(name, where + ".alternatives");
      if (services[static_cast<std::size_t>(alt)].kind == ServiceKind::acute) {
        if (plan.admit_to < 0) plan.admit_to = alt;
        break;  // the acute service ends the list: nothing after it is tried
      }
      plan.alternatives.push_back(alt);
    }
    plan.draws_avoidable =
        !plan.alternatives.empty() &&
        std::any_of(plan.avoidable_share.begin(), plan.avoidable_share.end(),
                    [](double share) { return share > 0.0; });
    if (plan.admit_to < 0) {
      for (std::size_t i = 0; i < services.size(); ++i) {
        if (services[i].kind == ServiceKind::acute) {
          plan.admit_to = static_cast<std::int16_t>(i);
          break;
        }
      }
    }
    if (plan.admit_to < 0 && plan.enters < 0)
      throw std::invalid_argument(where + ": no acute service to admit to");
    plan.cancel_above = stream.cancel_when_occupancy_above;
    if (stream.ring_fenced_beds > 0) {
      if (plan.enters >= 0) throw std::invalid_argument(where + ".ring_fenced_beds: not an acute stream");
      ServicePlan& acute = services[static_cast<std::size_t>(plan.admit_to)];
      if (acute.ring_fenced_beds > 0)
        throw std::invalid_argument(where + ".ring_fenced_beds: '" + acute.name +
                                    "' keeps ring-fenced beds for another stream already");
      acute.ring_fenced_beds = stream.ring_fenced_beds;
      plan.ring_fenced = true;
    }
    streams.push_back(std::move(plan));
  }
}

std::int16_t CompiledScenario::service_index(const std::string& name, const std::string& what) const {
  for (std::size_t i = 0; i < services.size(); ++i) {
    if (services[i].name == name) return static_cast<std::int16_t>(i);
  }
  throw std::invalid_argument(what + ": unknown service '" + name + "'");
}

std::int16_t CompiledScenario::destination_index(const std::string& name,
                                                 const std::string& what) const {
  if (name == kHome || name.empty()) return kHomeDestination;
  return service_index(name, what);
}

int CompiledScenario::cohort_index(const std::string& name, const std::string& what) const {
  for (std::size_t i = 0; i < source->cohorts.size(); ++i) {
    if (source->cohorts[i].name == name) return static_cast<int>(i);
  }
  throw std::invalid_argument(what + ": unknown cohort '" + name + "'");
}

double CompiledScenario::commissioned_place_days(std::size_t s, engine::Time from,
                                                 engine::Time to) const {
  const ServicePlan& plan = services[s];
  if (to <= from) return 0.0;
  if (plan.kind == ServiceKind::urgent_community_response) {
    // Daily visit capacity has no schedule.
    return static_cast<double>(plan.ucr_per_day) * engine::to_days(to - from);
  }
  // Place-seconds are whole numbers below 2^53 for any capacity and horizon the loader
  // accepts, so every product and sum here is exact in a double.
  double place_seconds = 0.0;
  std::int64_t level = plan.base_capacity;
  engine::Time since = from;
  for (const auto& change : capacity_changes) {
    if (static_cast<std::size_t>(change.service) != s) continue;
    if (change.at > horizon) break;  // never applied
    if (change.at > since) {
      const engine::Time until = std::min(change.at, to);
      if (until > since) {
        place_seconds += static_cast<double>(level) * static_cast<double>(until - since);
        since = until;
      }
    }
    level = change.capacity;
    if (since >= to) break;
  }
  if (to > since) place_seconds += static_cast<double>(level) * static_cast<double>(to - since);
  return place_seconds / static_cast<double>(engine::kDay);
}

ClosurePlan CompiledScenario::compile_closures(const Closures& spec,
                                              const std::string& service) const {
  ClosurePlan plan;
  plan.rate_per_day = spec.rate_per_day;
  std::vector<CalendarProfile> rate_profiles;
  if (!spec.profile.empty()) {
    const int p = profile_index(spec.profile);
    if (p < 0) {
      throw std::invalid_argument("services." + service + ".closures.profile: unknown profile '" +
                                  spec.profile + "'");
    }
    rate_profiles.push_back(profiles[static_cast<std::size_t>(p)]);
  }
  plan.rate = RateFunction(std::move(rate_profiles), calendar, false);
  plan.beds = engine::Distribution(spec.beds);
  plan.duration_days = engine::Distribution(spec.duration_days);
  return plan;
}

int CompiledScenario::profile_index(const std::string& name) const {
  for (std::size_t i = 0; i < source->profiles.size(); ++i) {
    if (source->profiles[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace bedflow::model
