// The scalar measures of one replication (their list and meaning: models/README.md).
#include <algorithm>
#include <cmath>
#include <string>

#include "hospital_model.hpp"
#include "measure_label.hpp"

namespace bedflow::model {
namespace {

double share(std::uint64_t part, std::uint64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

double mean_of(double sum, std::uint64_t n) {
  return n > 0 ? sum / static_cast<double>(n) : 0.0;
}

}  // namespace

void HospitalModel::build_scalars(ReplicationResult& result) const {
  const engine::Time t = now();
  const double period_days = engine::to_days(plan_.horizon - plan_.warmup);
  auto& out = result.scalars;
  // A level (mean, share, peak, duration) and a total accumulated over the window.
  auto add = [&out](std::string name, std::string unit, double value, bool headline = false) {
    out.push_back({std::move(name), std::move(unit), value, headline, Accumulation::level});
  };
  auto add_total = [&out](std::string name, std::string unit, double value,
                          bool headline = false) {
    out.push_back({std::move(name), std::move(unit), value, headline, Accumulation::total});
  };
  // Precision mode's default short list: measures whose means are far from zero in any
  // realistic scenario (counts of rare events, such as 12-hour waits, are left out).
  auto aim_precision = [&out](const std::string& name) {
    for (auto& scalar : out) {
      if (scalar.name == name) scalar.precision = true;
    }
  };
  auto count = [](std::uint64_t n) { return static_cast<double>(n); };
  auto place_days = [t](const engine::TimeWeighted& level) {
    return level.area(t) / static_cast<double>(engine::kDay);
  };
  // Occupied places: in use, less beds in turnaround and places reserved for a patient
  // waiting for a discharge window (both 0 unless the scenario has those mechanisms).
  auto occupied_mean = [&](const ServiceState& state) {
    return state.places.occupancy().mean(t) - state.in_turnaround.mean(t) -
           state.reserved.mean(t);
  };
  auto occupied_days = [&](const ServiceState& state) {
    return place_days(state.places.occupancy()) - place_days(state.in_turnaround) -
           place_days(state.reserved);
  };

  // Flow and conservation.
  add_total("patients_arrived", "patients", count(counters_.arrived));
  add_total("patients_left", "patients", count(counters_.left));
  add("patients_inside_start", "patients", count(counters_.inside_start));
  add("patients_inside_end", "patients", count(patients_.inside()));
  for (std::size_t s = 0; s < plan_.streams.size(); ++s) {
    add_total("arrivals_" + plan_.streams[s].name, "patients", count(counters_.arrivals[s]));
    add_total("admissions_" + plan_.streams[s].name, "patients", count(counters_.admissions[s]));
  }
  add_total("admissions_total", "patients", count(counters_.admissions_total));
  add_total("elective_cancellations", "patients", count(counters_.cancellations), true);

  // Acute.
  double occupancy = 0.0, open = 0.0, peak = 0.0, escalation_days = 0.0, escalation_open = 0.0;
  double acute_bed_days = 0.0;
  bool acute_unlimited = false;  // a share of unlimited beds means nothing: not reported
  std::uint64_t still_waiting = 0;
  double open_wait_hours = 0.0;  // summed over patients still waiting at the end
  std::vector<std::uint64_t> waits_over = counters_.waits_over;
  for (std::size_t i = 0; i < plan_.services.size(); ++i) {
    if (plan_.services[i].kind != ServiceKind::acute) continue;
    const ServiceState& state = services_[i];
    acute_unlimited = acute_unlimited || plan_.services[i].unlimited_sometime;
    occupancy += occupied_mean(state);
    open += state.capacity_open.mean(t);
    peak += static_cast<double>(state.peak);
    escalation_days += place_days(state.escalation_used);
    escalation_open += state.escalation_open.mean(t);
    acute_bed_days += occupied_days(state) - place_days(state.escalation_used);
    // Patients still waiting at the end count once their wait already exceeds a threshold.
    state.places.line().for_each([&](std::uint32_t id) {
      const double hours = engine::to_hours(t - patients_[id].admitted);
      for (std::size_t k = 0; k < waits_over.size(); ++k) {
        if (hours > waits_over_hours_[k]) ++waits_over[k];
      }
      ++still_waiting;
      open_wait_hours += hours;
    });
  }
  add("acute_mean_occupancy", "beds", occupancy);
  if (!acute_unlimited)
    add("acute_occupancy_share", "share", open > 0.0 ? occupancy / open : 0.0, true);
  add("acute_peak_occupancy", "beds", peak);
  add_total("acute_bed_days", "bed-days", acute_bed_days);
  // Waits that ended (admissions) and waits still open at the end, at their length so far.
  const engine::Sum& ed = counters_.ed_wait_hours;
  add("ed_mean_wait_hours", "hours",
      mean_of(ed.total() + open_wait_hours, ed.count() + still_waiting),
      true);
  for (std::size_t k = 0; k < waits_over.size(); ++k) {
    const std::string label = threshold_label(waits_over_hours_[k]);
    add_total("ed_waits_over_" + label + "h", "patients", count(waits_over[k]),
        waits_over_hours_[k] == 12.0);
  }
  add("ed_still_waiting_end", "patients", count(still_waiting));
  add("ed_open_wait_mean_hours", "hours", mean_of(open_wait_hours, still_waiting));
  add_total("escalation_bed_days", "bed-days", escalation_days);
  add("escalation_beds_mean_open", "beds", escalation_open);

  // Delayed discharges.
  add("delayed_patients_mean", "patients", delayed_total_.mean(t), true);
  for (int k = 1; k <= 3; ++k) {
    add("delayed_patients_mean_P" + std::to_string(k), "patients",
        delayed_[static_cast<std::size_t>(k)].mean(t));
  }
  const double delayed_bed_days = place_days(delayed_total_);
  add_total("delayed_bed_days", "bed-days", delayed_bed_days, true);
  add("delayed_bed_days_per_week", "bed-days/week",
      period_days > 0.0 ? delayed_bed_days * 7.0 / period_days : 0.0, true);
  // A delay runs from medically fit to leaving the acute bed. Delays that ended in the window
  // and delays still open at the end (at their length so far) are counted together, so
  // without warm-up delayed_patients_mean_Pk = delays_counted_Pk / window days x
  // discharge_delay_mean_days_Pk exactly (Little's law over the window).
  for (int k = 1; k <= 3; ++k) {
    const auto pathway = static_cast<std::size_t>(k);
    const engine::Sum& closed = counters_.delay_days[pathway];
    const std::uint64_t open_count = open_delays_[pathway];
    const double open_days = engine::to_days(
        static_cast<engine::Time>(open_count) * t - open_delay_fit_sum_[pathway]);
    const std::uint64_t counted = closed.count() + open_count;
    const std::string suffix = "_P" + std::to_string(k);
    add("discharge_delay_mean_days" + suffix, "days",
        mean_of(closed.total() + open_days, counted));
    add_total("delays_counted" + suffix, "patients", count(counted));
    add("delayed_at_end" + suffix, "patients", count(open_count));
    add("open_delay_mean_days" + suffix, "days", mean_of(open_days, open_count));
  }
  add_total("step_down_acute_days_saved", "bed-days", counters_.step_down_days_saved);

  // Community.
  std::vector<bool> is_alternative(plan_.services.size(), false);
  for (const auto& stream : plan_.streams) {
    for (const std::int16_t alt : stream.alternatives) {
      is_alternative[static_cast<std::size_t>(alt)] = true;
    }
  }
  std::uint64_t avoided_total = 0;
  for (std::size_t i = 0; i < plan_.services.size(); ++i) {
    if (!is_alternative[i]) continue;
    add_total("avoided_admissions_" + plan_.services[i].name, "patients", count(counters_.avoided[i]));
    avoided_total += counters_.avoided[i];
  }
  add_total("avoided_admissions_total", "patients", count(avoided_total), true);
  // A service the scenario does not have reports nothing rather than a zero share, which a
  // reader would take for a measured failure (and `compare` lists it as not in common).
  const auto& declared = plan_.source->services;
  const bool has_ucr = std::any_of(declared.begin(), declared.end(), [](const Service& s) {
    return s.kind == ServiceKind::urgent_community_response;
  });
  const bool has_reablement = std::any_of(declared.begin(), declared.end(), [](const Service& s) {
    return s.independent_at_91_days.has_value();
  });
  if (has_ucr) {
    add_total("ucr_referrals", "patients", count(counters_.ucr_referrals));
    add_total("ucr_visits", "visits", count(counters_.ucr_visits));
    add("ucr_2h_share", "share", share(counters_.ucr_within_target, counters_.ucr_visits), true);
  }
  if (has_reablement) {
    add_total("reablement_completed", "patients", count(counters_.reablement_completed));
    add("reablement_independent_91d_share", "share",
        share(counters_.reablement_independent, counters_.reablement_completed), true);
  }
  add_total("readmissions", "patients", count(counters_.readmissions), true);
  for (std::size_t i = 0; i < plan_.services.size(); ++i) {
    add("occupancy_mean_" + plan_.services[i].name, "places", occupied_mean(services_[i]));
  }

  // Costs, per service: the commissioned capacity (place cost x the integral of the capacity
  // schedule over the window, paid whether used or not), acute escalation beds while open,
  // and activity (occupied place-days or visits x their unit cost). cost_total is their sum
  // in the order reported, so adding up every cost_* row but cost_total gives it exactly.
  double cost_total = 0.0;
  auto add_cost = [&](const std::string& name, double value) {
    add_total(name, "GBP", value);
    cost_total += value;
  };
  double delayed_bed_day_cost = 0.0;
  bool acute_priced = false;
  for (std::size_t i = 0; i < plan_.services.size(); ++i) {
    const ServicePlan& service = plan_.services[i];
    const ServiceCosts& unit = service.costs;
    const ServiceState& state = services_[i];
    add_cost("cost_capacity_" + service.name,
             unit.place_day * plan_.commissioned_place_days(i, plan_.warmup, plan_.horizon));
    if (service.kind == ServiceKind::acute) {
      add_cost("cost_escalation_" + service.name,
               unit.escalation_place_day * place_days(state.escalation_open));
    }
    const double activity = service.kind == ServiceKind::urgent_community_response
                                ? unit.visit * count(counters_.visits[i])
                                : unit.occupied_day * occupied_days(state);
    add_cost("cost_activity_" + service.name, activity);
    if (service.kind == ServiceKind::acute && !acute_priced) {
      // Delayed patients are priced at the first acute service's full bed-day cost.
      delayed_bed_day_cost = unit.place_day + unit.occupied_day;
      acute_priced = true;
    }
  }
  add_total("cost_total", "GBP", cost_total, true);
  // An "of which": the share of the acute costs above spent on medically fit patients still
  // in a bed. Never added to cost_total (and so named without the cost_ prefix).
  add_total("delayed_discharge_cost", "GBP", delayed_bed_days * delayed_bed_day_cost, true);
  add_blocking_scalars(result);
  add_closure_scalars(result);
  add_ring_fence_scalars(result);
  build_window_scalars(out);
  for (const char* name : {"acute_occupancy_share", "delayed_patients_mean", "delayed_bed_days",
                           "avoided_admissions_total", "cost_total"}) {
    aim_precision(name);
  }
  add_service_scalars(out);
}

}  // namespace bedflow::model
