#pragma once
// A canonical text of every field of a model::Scenario, so tests can compare two scenarios
// field by field (the model's structs have no equality of their own).
#include <sstream>
#include <string>

#include "bedflow/models/scenario.hpp"

namespace bedflow::scenario::testing {

inline void put(std::ostringstream& out, const engine::DistributionParams& d) {
  out << "dist(" << static_cast<int>(d.kind) << ',' << d.a << ',' << d.b << ',' << d.c << ",[";
  for (double v : d.values) out << v << ' ';
  out << "],[";
  for (double w : d.weights) out << w << ' ';
  out << "])";
}

inline void put(std::ostringstream& out, const engine::Date& d) {
  out << d.year << '-' << d.month << '-' << d.day;
}

inline std::string scenario_text(const model::Scenario& s) {
  std::ostringstream out;
  out.precision(17);
  const auto& r = s.run;
  out << "run " << r.name << '|' << r.description << '|';
  put(out, r.start);
  out << '|' << r.horizon_days << '|' << r.warmup_days << '|' << r.replications << '|' << r.seed
      << '\n';
  for (const auto& p : s.profiles) {
    out << "profile " << p.name << ' ' << static_cast<int>(p.kind) << ' '
        << static_cast<int>(p.interpolation) << " [";
    for (double f : p.factors) out << f << ' ';
    out << "] [";
    for (const auto& pt : p.points) {
      put(out, pt.date);
      out << ':' << pt.factor << ' ';
    }
    out << "]\n";
  }
  for (const auto& c : s.cohorts) {
    out << "cohort " << c.name << ' ';
    put(out, c.acute_los_days);
    out << ' ' << c.los_multiplier_profile << " [";
    for (double p : c.discharge_pathway) out << p << ' ';
    out << "] readmit " << c.readmission.within_days << ' ' << c.readmission.probability;
    for (const auto& [k, v] : c.readmission.probability_after) out << ' ' << k << '=' << v;
    out << '\n';
  }
  for (const auto& a : s.arrivals) {
    out << "arrivals " << a.name << ' ' << a.rate_per_day << ' ' << a.weekdays_only << ' '
        << a.admit_to << ' ' << a.cancel_when_occupancy_above.value_or(-1) << " profiles";
    for (const auto& p : a.profiles) out << ' ' << p;
    out << " mix";
    for (const auto& [k, v] : a.cohort_mix) out << ' ' << k << '=' << v;
    out << " avoidable";
    for (const auto& [k, v] : a.avoidable_share) out << ' ' << k << '=' << v;
    out << " alternatives";
    for (const auto& x : a.alternatives) out << ' ' << x;
    out << '\n';
  }
  for (const auto& v : s.services) {
    out << "service " << v.name << ' ' << static_cast<int>(v.kind) << " capacity "
        << v.capacity.base;
    for (const auto& ch : v.capacity.changes) {
      out << ' ';
      put(out, ch.date);
      out << '=' << ch.capacity;
    }
    out << " los ";
    if (v.los_days) put(out, *v.los_days);
    out << " then";
    for (const auto& [k, p] : v.then) out << ' ' << k << '=' << p;
    out << " escalation";
    for (const auto& e : v.escalation)
      out << ' ' << e.beds << '/' << e.open_above << '/' << e.close_below;
    out << " waits";
    for (double h : v.report_waits_over_hours) out << ' ' << h;
    out << " independent " << v.independent_at_91_days.value_or(-1) << ' ' << v.on_failure;
    if (v.step_up) {
      out << " step_up ";
      put(out, v.step_up->los_days);
      out << ' ' << v.step_up->escalate_to_acute_probability;
    }
    if (v.step_down) {
      out << " step_down " << v.step_down->replaces_acute_days;
      for (const auto& c : v.step_down->eligible_cohorts) out << ' ' << c;
      out << ' ';
      put(out, v.step_down->los_days);
    }
    if (v.urgent_response) {
      const auto& u = *v.urgent_response;
      out << " ucr " << u.opens_hour << ' ' << u.closes_hour << ' ' << u.capacity_per_day << ' '
          << u.response_target_hours << ' ' << u.success_probability << ' ';
      put(out, u.response_hours);
    }
    out << " costs " << v.costs.place_day << ' ' << v.costs.occupied_day << ' ' << v.costs.visit
        << ' ' << v.costs.escalation_place_day;
    out << " when_full " << static_cast<int>(v.when_full) << ' ' << v.if_turned_away;
    if (v.closures) {
      out << " closures " << v.closures->rate_per_day << ' ' << v.closures->profile << ' ';
      put(out, v.closures->beds);
      out << ' ';
      put(out, v.closures->duration_days);
    }
    if (v.discharge_window)
      out << " window " << v.discharge_window->daily << '/' << v.discharge_window->weekly;
    if (v.turnaround_hours) {
      out << " turnaround ";
      put(out, *v.turnaround_hours);
    }
    out << '\n';
  }
  for (std::size_t k = 0; k < s.discharge_pathways.size(); ++k) {
    const auto& p = s.discharge_pathways[k];
    out << "pathway " << p.to << ' ';
    put(out, p.assessment_days);
    if (const auto& w = s.pathway_windows[k]) out << " window " << w->daily << '/' << w->weekly;
    out << '\n';
  }
  for (const auto& e : s.census)
    out << "census " << e.service << ' ' << e.cohort << ' ' << e.days_in_service << ' '
        << e.medically_fit << ' ' << e.waiting_for_bed << '\n';
  out << "outputs " << s.outputs.timeseries_every_hours << ' ' << s.outputs.patient_events;
  for (double p : s.outputs.percentiles) out << ' ' << p;
  out << '\n';
  return out.str();
}

}  // namespace bedflow::scenario::testing
