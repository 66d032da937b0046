// The end of acute treatment and everything after it: step-down, assessment, moves between
// services (keeping the current place while the next is full), stays in community services,
// urgent community response visits, going home and readmission.
#include <cmath>

#include "hospital_model.hpp"

namespace bedflow::model {

using engine::Priority;
using engine::Time;

void HospitalModel::on_step_down_check(std::uint32_t id) {
  Patient& p = patients_[id];
  const std::int16_t ward = plan_.step_down_service;
  if (services_[static_cast<std::size_t>(ward)].places.try_seize(now())) {
    counters_.step_down_days_saved += engine::to_days(p.fit_at - now());
    log(id, PatientEventKind::step_down, ward);
    leave_current(id);
    enter_service(id, ward, Entry::step_down);
  } else {
    sim_.schedule_at(p.fit_at, Priority::release, kMedicallyFit, id);
  }
}

void HospitalModel::on_medically_fit(std::uint32_t id) {
  Patient& p = patients_[id];
  const PathwayPlan& pathway = pathway_of(p);
  log(id, PatientEventKind::medically_fit, p.service);
  if (pathway.instant && pathway.to == kHomeDestination) {
    if (waits_for_window(id, kHomeDestination)) return;  // delayed from now until it opens
    counters_.delay_days[p.pathway].add(0.0);
    leave_current(id);
    discharge_home(id);
    return;
  }
  p.fit_at = now();
  start_delay(id);
  if (pathway.instant) {
    move_to(id, pathway.to);
  } else {
    const double days = pathway.assessment.sample(assessment_streams_[p.pathway]);
    sim_.schedule_in(engine::from_days(days), Priority::transfer, kAssessmentDone, id);
  }
}

// A delay runs from `fit_at` (medically fit) until the patient leaves the acute bed. The
// measures count its time inside the observed window only (from the end of warm-up), as the
// time-weighted level of delayed patients does, so Little's law holds on them exactly.
engine::Time HospitalModel::delay_counted_from(const Patient& p) const noexcept {
  return std::max(p.fit_at, plan_.warmup);
}

void HospitalModel::start_delay(std::uint32_t id) {
  Patient& p = patients_[id];
  p.fit_in_acute = true;
  services_[static_cast<std::size_t>(p.service)].delayed.add(now(), 1.0);
  delayed_[p.pathway].add(now(), 1.0);
  delayed_total_.add(now(), 1.0);
  ++open_delays_[p.pathway];
  open_delay_fit_sum_[p.pathway] += delay_counted_from(p);
}

void HospitalModel::end_delay(std::uint32_t id) {
  Patient& p = patients_[id];
  p.fit_in_acute = false;
  services_[static_cast<std::size_t>(p.service)].delayed.add(now(), -1.0);
  delayed_[p.pathway].add(now(), -1.0);
  delayed_total_.add(now(), -1.0);
  --open_delays_[p.pathway];
  open_delay_fit_sum_[p.pathway] -= delay_counted_from(p);
  counters_.delay_days[p.pathway].add(engine::to_days(now() - delay_counted_from(p)));
}

void HospitalModel::move_to(std::uint32_t id, std::int16_t destination) {
  if (destination == kHomeDestination) {
    if (waits_for_window(id, kHomeDestination)) return;
    leave_current(id);
    discharge_home(id);
    return;
  }
  const auto d = static_cast<std::size_t>(destination);
  if (plan_.services[d].kind == ServiceKind::acute) {
    // An admission (escalation from a virtual ward, a failed response visit), not a
    // discharge: it waits for no window.
    leave_current(id);
    patients_[id].acute = destination;
    admit(id);
    return;
  }
  const ServicePlan& next = plan_.services[d];
  if (next.reports_blocking) ++counters_.offered[d];
  if (services_[d].places.try_seize(now())) {
    if (waits_for_window(id, destination)) return;  // the place taken is held for it
    leave_current(id);
    enter_service(id, destination, Entry::route);
    return;
  }
  if (next.turn_away) {
    // A loss service: on to its if_turned_away destination (the loader refuses a cycle of
    // them, so this ends).
    ++counters_.turned_away[d];
    log(id, PatientEventKind::turned_away, destination);
    move_to(id, next.if_turned_away);
    return;
  }
  // Full: keep the current place and queue for the next one, first in, first out.
  Patient& p = patients_[id];
  p.waiting_for = destination;
  p.queued_at = now();
  services_[d].places.enqueue(now(), id);
  log(id, PatientEventKind::wait_for_place, destination);
  if (p.service == kNoService) return;
  // A gridlock is completed by a community patient queueing for another community service,
  // which leaves every occupant of the full service it is in waiting for another place.
  ServiceState& held = services_[static_cast<std::size_t>(p.service)];
  ++held.blocked;
  if (plan_.services[static_cast<std::size_t>(p.service)].kind != ServiceKind::acute &&
      held.blocked >= held.places.in_use() && held.places.in_use() >= held.places.capacity()) {
    check_gridlock();
  }
}

void HospitalModel::leave_current(std::uint32_t id) {
  Patient& p = patients_[id];
  const std::int16_t s = p.service;
  if (s == kNoService) return;
  if (p.fit_in_acute) end_delay(id);
  p.last_service = s;
  p.service = kNoService;
  ++counters_.departures[static_cast<std::size_t>(s)];
  log(id, PatientEventKind::leave, s);
  free_place(s, p.ring_fenced);
  p.ring_fenced = false;
}

void HospitalModel::enter_service(std::uint32_t id, std::int16_t s, Entry entry) {
  Patient& p = patients_[id];
  const ServicePlan& plan = plan_.services[static_cast<std::size_t>(s)];
  ServiceStreams& streams = service_streams_[static_cast<std::size_t>(s)];
  p.service = s;
  p.waiting_for = kNoService;
  p.entry = entry;
  p.entered_at = now();
  ++counters_.entered[static_cast<std::size_t>(s)];
  log(id, PatientEventKind::enter, s);
  if (plan.kind == ServiceKind::urgent_community_response) {
    // Routed into a response service: visited as a referral at once.
    p.entry = Entry::referral;
    sim_.schedule_at(now(), Priority::release, kUcrVisit, id);
    return;
  }
  const engine::Distribution* los = plan.los ? &*plan.los : nullptr;
  if (entry == Entry::step_up && plan.step_up_los) los = &*plan.step_up_los;
  if (entry == Entry::step_down && plan.step_down_los) los = &*plan.step_down_los;
  if (los == nullptr) los = plan.step_down_los ? &*plan.step_down_los
                                               : (plan.step_up_los ? &*plan.step_up_los : nullptr);
  const double days = los ? los->sample(streams.los) : 0.0;
  sim_.schedule_in(engine::from_days(days), Priority::release, kStayEnd, id);
}

void HospitalModel::on_stay_end(std::uint32_t id) {
  Patient& p = patients_[id];
  const std::int16_t s = p.service;
  const ServicePlan& plan = plan_.services[static_cast<std::size_t>(s)];
  ServiceStreams& streams = service_streams_[static_cast<std::size_t>(s)];
  std::int16_t destination = kHomeDestination;
  if (plan.kind == ServiceKind::virtual_ward && p.entry == Entry::step_up) {
    if (streams.outcome.uniform01() < plan.step_up_escalate) {
      destination = p.acute;
      log(id, PatientEventKind::escalate, s);
    } else {
      if (!from_community(p)) ++counters_.avoided[static_cast<std::size_t>(s)];
      if (!plan.then.empty()) destination = plan.then.pick(streams.route.uniform01());
    }
  } else if (plan.independent_share) {
    ++counters_.reablement_completed;
    if (streams.outcome.uniform01() < *plan.independent_share) {
      ++counters_.reablement_independent;
      destination = plan.then.pick(streams.route.uniform01());
    } else {
      destination = plan.on_failure;
    }
  } else if (!plan.then.empty()) {
    destination = plan.then.pick(streams.route.uniform01());
  }
  move_to(id, destination);
}

void HospitalModel::on_ucr_visit(std::uint32_t id) {
  Patient& p = patients_[id];
  const std::int16_t s = p.service;
  const ServicePlan& plan = plan_.services[static_cast<std::size_t>(s)];
  ServiceStreams& streams = service_streams_[static_cast<std::size_t>(s)];
  ++counters_.ucr_visits;
  ++counters_.visits[static_cast<std::size_t>(s)];
  if (now() - p.entered_at <= plan.response_target) ++counters_.ucr_within_target;
  log(id, PatientEventKind::visit, s);
  if (streams.outcome.uniform01() < plan.success_probability) {
    if (!from_community(p)) ++counters_.avoided[static_cast<std::size_t>(s)];
    move_to(id, kHomeDestination);
  } else {
    move_to(id, p.acute);
  }
}

void HospitalModel::discharge_home(std::uint32_t id) {
  const Patient& p = patients_[id];
  if (p.was_admitted && p.acute >= 0) {
    const CohortPlan& cohort = plan_.cohorts[p.cohort];
    if (cohort.readmission_within > 0) {
      CohortStreams& streams = cohort_streams_[p.cohort];
      const double probability = p.last_service >= 0
          ? cohort.readmission_after[static_cast<std::size_t>(p.last_service)]
          : cohort.readmission_probability;
      const double u = streams.readmission.uniform01();
      const double when = streams.readmission.uniform01();
      if (u < probability) {
        const auto delay = static_cast<Time>(when * static_cast<double>(cohort.readmission_within));
        const std::uint32_t subject =
            static_cast<std::uint32_t>(p.cohort) | (static_cast<std::uint32_t>(p.acute) << 16);
        if (now() + delay <= plan_.horizon) {
          sim_.schedule_in(delay, Priority::arrival, kReadmission, subject);
        }
      }
    }
  }
  log(id, PatientEventKind::home, kNoService);
  ++counters_.left;
  patients_.remove(id);
}

}  // namespace bedflow::model
