// The run of one replication: starting state, warm-up, observation points, end of run.
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

#include "hospital_model.hpp"
#include "bedflow/models/simulate.hpp"

namespace bedflow::model {

using engine::Priority;
using engine::Time;

void HospitalModel::place_census() {
  const Scenario& scenario = *plan_.source;
  // Census occupants of community services take their places before any medically fit
  // acute patient looks for one, so a fit patient whose destination is full keeps the acute
  // bed and queues (a delayed discharge from day 0) instead of over-filling it. The rows are
  // placed in a canonical order (community before acute, then service, cohort, days spent,
  // fitness), so the census file's row order cannot change the draws or the results.
  // Patients waiting in the ED for a bed come last, longest wait first: they join the line
  // once every census patient in a bed has its bed (and the fit ones that could leave have).
  struct Row {
    const CensusEntry* entry;
    bool acute;
    std::int16_t service;
    std::uint16_t cohort;
    bool waiting;
    double minus_waited;  // -days waited (waiting rows), else 0: longest wait sorts first
  };
  std::vector<Row> rows;
  rows.reserve(scenario.census.size());
  for (const CensusEntry& entry : scenario.census) {
    const std::int16_t s = plan_.service_index(entry.service, "census");
    const bool acute = plan_.services[static_cast<std::size_t>(s)].kind == ServiceKind::acute;
    const bool waiting = acute && entry.waiting_for_bed;
    rows.push_back({&entry, acute, s,
                    static_cast<std::uint16_t>(plan_.cohort_index(entry.cohort, "census")),
                    waiting, waiting ? -entry.days_in_service : 0.0});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
    return std::tie(x.acute, x.waiting, x.minus_waited, x.service, x.cohort,
                    x.entry->days_in_service, x.entry->medically_fit) <
           std::tie(y.acute, y.waiting, y.minus_waited, y.service, y.cohort,
                    y.entry->days_in_service, y.entry->medically_fit);
  });
  for (const Row& row : rows) {
    const CensusEntry& entry = *row.entry;
    const std::int16_t s = row.service;
    const std::uint16_t cohort = row.cohort;
    if (row.waiting) {
      const std::uint32_t id = new_patient(kReadmitted, cohort, s);
      --counters_.arrived;  // already inside: not an arrival
      const Time waited = engine::from_days(entry.days_in_service);
      patients_[id].arrived = -waited;
      log(id, PatientEventKind::census, s);
      place_census_waiting(id, s);
      continue;
    }
    const ServicePlan& plan = plan_.services[static_cast<std::size_t>(s)];
    ServiceState& state = services_[static_cast<std::size_t>(s)];
    // A census patient admitted from the acute service it is in, or else the first one.
    std::int16_t acute = plan.kind == ServiceKind::acute ? s : kNoService;
    for (std::size_t i = 0; acute == kNoService && i < plan_.services.size(); ++i) {
      if (plan_.services[i].kind == ServiceKind::acute) acute = static_cast<std::int16_t>(i);
    }
    const std::uint32_t id = new_patient(kReadmitted, cohort, acute);
    --counters_.arrived;  // already inside: not an arrival
    Patient& p = patients_[id];
    const Time elapsed = engine::from_days(entry.days_in_service);
    p.arrived = p.admitted = p.entered_at = -elapsed;
    p.service = s;
    p.entry = Entry::census;
    p.was_admitted = plan.kind != ServiceKind::urgent_community_response &&
                     plan.kind != ServiceKind::virtual_ward;
    state.places.force_seize(0);
    log(id, PatientEventKind::census, s);
    if (plan.kind == ServiceKind::acute) {
      const CohortPlan& c = plan_.cohorts[cohort];
      const double u = cohort_streams_[cohort].pathway.uniform01();
      if (entry.medically_fit) {
        // Still in a bed once fit: waiting for a pathway with a destination (1..3), drawn
        // from the cohort's mix restricted to those; assessment is taken as done.
        const double rest = 1.0 - c.pathway_share[0];
        std::uint8_t pathway = 0;
        if (rest > 0.0) {
          double running = 0.0;
          pathway = 3;
          for (std::uint8_t k = 1; k <= 3; ++k) {
            running += c.pathway_share[k] / rest;
            if (u < running) {
              pathway = k;
              break;
            }
          }
        }
        p.pathway = pathway;
        p.fit_at = 0;
        start_delay(id);
        move_to(id, pathway_of(p).to);
      } else {
        std::uint8_t pathway = 0;
        while (pathway < 3 && u >= c.pathway_cumulative[pathway]) ++pathway;
        p.pathway = pathway;
        // Remaining stay drawn given the time already spent, not from the full distribution.
        const double remaining = c.acute_los.sample_remaining(census_stream_, entry.days_in_service);
        p.fit_at = engine::from_days(remaining);
        sim_.schedule_at(p.fit_at, Priority::release, kMedicallyFit, id);
      }
      acute_changed(s);
    } else if (plan.kind == ServiceKind::urgent_community_response) {
      p.entry = Entry::referral;
      sim_.schedule_at(0, Priority::release, kUcrVisit, id);
    } else {
      const engine::Distribution* los = plan.los ? &*plan.los
                                                 : (plan.step_up_los ? &*plan.step_up_los
                                                                     : nullptr);
      if (plan.kind == ServiceKind::virtual_ward && plan.step_up_los) {
        p.entry = Entry::step_up;
        los = &*plan.step_up_los;
      }
      const double remaining = los ? los->sample_remaining(census_stream_, entry.days_in_service)
                                   : 0.0;
      sim_.schedule_at(engine::from_days(remaining), Priority::release, kStayEnd, id);
    }
  }
}

// A census patient in the ED waiting for a bed since `arrived` (before the start): takes a
// free bed at once or joins the line, its wait counted from when it began.
void HospitalModel::place_census_waiting(std::uint32_t id, std::int16_t a) {
  Patient& p = patients_[id];
  ServiceState& acute = services_[static_cast<std::size_t>(a)];
  p.admitted = p.queued_at = p.arrived;
  if (acute.places.try_seize(now())) {
    start_acute_stay(id);
    acute_changed(a);
  } else {
    p.waiting_for = a;
    acute.places.enqueue(now(), id);
    log(id, PatientEventKind::wait_for_bed, a);
  }
}

void HospitalModel::reset_statistics() {
  const Time t = now();
  Counters fresh;
  fresh.arrivals.assign(plan_.streams.size(), 0);
  fresh.admissions.assign(plan_.streams.size(), 0);
  fresh.waits_over.assign(waits_over_hours_.size(), 0);
  fresh.avoided.assign(plan_.services.size(), 0);
  fresh.visits.assign(plan_.services.size(), 0);
  fresh.window_wait_hours.assign(plan_.services.size(), {});
  fresh.offered.assign(plan_.services.size(), 0);
  fresh.turned_away.assign(plan_.services.size(), 0);
  fresh.closures.assign(plan_.services.size(), 0);
  fresh.inside_start = patients_.inside();
  size_service_counters(fresh);
  counters_ = std::move(fresh);
  for (auto& state : services_) {
    state.places.reset_statistics(t);
    state.capacity_open.reset(t);
    state.escalation_open.reset(t);
    state.escalation_used.reset(t);
    state.beds_closed.reset(t);
    state.delayed.reset(t);
    state.in_turnaround.reset(t);
    state.reserved.reset(t);
    state.ring_fenced_held.reset(t);
  }
  for (std::size_t s = 0; s < services_.size(); ++s) services_[s].peak = occupied(s);
  for (auto& d : delayed_) d.reset(t);
  delayed_total_.reset(t);
}

ReplicationResult HospitalModel::run() {
  ReplicationResult result;
  result.replication = replication_;
  result.window = {plan_.source->run.start, engine::to_days(plan_.warmup),
                   engine::to_days(plan_.horizon)};
  reset_statistics();  // sizes the counters; census patients are already inside after this
  in_warmup_ = plan_.warmup > 0;  // census rows at time 0 belong to the warm-up too
  place_census();
  counters_.inside_start = plan_.source->census.size();
  for (std::uint16_t s = 0; s < streams_.size(); ++s) {
    streams_[s].process.start_at(0);
    const Time first = streams_[s].process.next(plan_.horizon);
    if (first != engine::kTimeNever) sim_.schedule_at(first, Priority::arrival, kArrival, s);
  }
  start_closures();
  // After each event, the records of the patients the next event and the one four places
  // later are about start loading while nothing waits for them (pure hints: they read, never
  // change, the queue or the records). One event ahead is too close to hide a miss to main
  // memory; with tens of thousands of patients inside, four ahead made the M1 model at
  // 56,000 beds 1.3 times as fast.
  auto handler = [this](const engine::Event& event) {
    handle(event);
    if (!sim_.queue().empty()) {
      const engine::Event& next = sim_.queue().top();
      if ((kPatientEvents >> next.type) & 1u) patients_.prefetch(next.subject);
    }
    if (const engine::Event* later = sim_.queue().upcoming(4)) {
      if ((kPatientEvents >> later->type) & 1u) patients_.prefetch(later->subject);
    }
  };
  if (plan_.warmup > 0) {
    sim_.run_until(plan_.warmup, handler);
    in_warmup_ = false;
    reset_statistics();
  }
  build_series_skeleton(result);
  result.series_start_days = engine::to_days(plan_.warmup);
  result.series_step_days = engine::to_days(plan_.sample_step);
  for (Time t = plan_.warmup; t <= plan_.horizon; t += plan_.sample_step) {
    sim_.run_until(t, handler);
    sample_series();
  }
  sim_.run_until(plan_.horizon, handler);
  for (std::size_t k = 0; k < result.series.size(); ++k) {
    result.series[k].values = std::move(series_values_[k]);
  }
  build_scalars(result);
  if (keep_patient_events_) {
    result.patient_events = std::move(patient_events_);
    result.event_codes = event_codes();
  }
  result.events_processed = sim_.events_processed();
  result.warnings = std::move(warnings_);
  return result;
}

void HospitalModel::build_series_skeleton(ReplicationResult& result) {
  for (const auto& service : plan_.services) {
    result.series.push_back({service.name, "occupancy", "places", {}});
    // An unlimited capacity has no number of places to plot (see docs/outputs.md).
    if (!service.unlimited_throughout)
      result.series.push_back({service.name, "capacity", "places", {}});
    result.series.push_back({service.name, "queue", "patients", {}});
    if (service.closures) result.series.push_back({service.name, "beds_closed", "places", {}});
  }
  result.series.push_back({"acute", "escalation_beds_open", "beds", {}});
  result.series.push_back({"acute", "ed_queue", "patients", {}});
  result.series.push_back({"system", "delayed_P1", "patients", {}});
  result.series.push_back({"system", "delayed_P2", "patients", {}});
  result.series.push_back({"system", "delayed_P3", "patients", {}});
  result.series.push_back({"system", "delayed_total", "patients", {}});
  series_values_.assign(result.series.size(), {});
}

// Kept beside build_series_skeleton: the two must agree (tests check they do).
std::size_t series_count(const Scenario& scenario) {
  std::size_t closures = 0;
  for (const auto& service : scenario.services) {
    if (service.closures && service.kind != ServiceKind::urgent_community_response) ++closures;
  }
  return 3 * scenario.services.size() + closures + 6;
}

void HospitalModel::sample_series() {
  std::size_t k = 0;
  double escalation = 0.0, ed_queue = 0.0;
  for (std::size_t i = 0; i < plan_.services.size(); ++i) {
    const ServiceState& state = services_[i];
    const bool ucr = plan_.services[i].kind == ServiceKind::urgent_community_response;
    series_values_[k++].push_back(static_cast<double>(occupied(i)));
    if (!plan_.services[i].unlimited_throughout) {
      // NaN while the schedule says unlimited: there is no number of places (docs/outputs.md).
      const std::int64_t places = ucr ? plan_.services[i].ucr_per_day
                                         : state.places.capacity() + state.ring_fenced_free;
      series_values_[k++].push_back(places >= kUnlimitedCapacity
                                        ? std::numeric_limits<double>::quiet_NaN()
                                        : static_cast<double>(places));
    }
    series_values_[k++].push_back(static_cast<double>(state.places.waiting()));
    if (plan_.services[i].closures) series_values_[k++].push_back(state.beds_closed.level());
    if (plan_.services[i].kind == ServiceKind::acute) {
      escalation += static_cast<double>(state.ladder.beds_open());
      ed_queue += static_cast<double>(state.places.waiting());
    }
  }
  series_values_[k++].push_back(escalation);
  series_values_[k++].push_back(ed_queue);
  for (int pathway = 1; pathway <= 3; ++pathway) {
    series_values_[k++].push_back(delayed_level(pathway));
  }
  series_values_[k++].push_back(delayed_total_.level());
}

}  // namespace bedflow::model
