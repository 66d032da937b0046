// Arrivals, avoidable admissions taking community alternatives, elective cancellations,
// readmissions, and the start of an acute stay.
#include <cmath>

#include "hospital_model.hpp"

namespace bedflow::model {

using engine::Priority;
using engine::Time;

std::uint32_t HospitalModel::new_patient(std::uint16_t stream, std::uint16_t cohort,
                                         std::int16_t acute) {
  Patient patient;
  patient.arrived = now();
  patient.cohort = cohort;
  patient.stream = stream;
  patient.acute = acute;
  const std::uint32_t id = patients_.add(patient);
  if (keep_patient_events_) {
    if (serials_.size() <= id) serials_.resize(id + 1);
    serials_[id] = next_serial_++;
  }
  ++counters_.arrived;
  return id;
}

void HospitalModel::on_arrival(std::uint16_t s) {
  StreamState& stream = streams_[s];
  const StreamPlan& plan = plan_.streams[s];
  const Time next = stream.process.next(plan_.horizon);
  if (next != engine::kTimeNever) sim_.schedule_at(next, Priority::arrival, kArrival, s);

  ++counters_.arrivals[s];
  // Each purpose has its own stream, drawn once per arrival whenever it can matter (more
  // than one cohort; an avoidable share with an alternative): a draw that cannot change
  // the outcome is skipped, which shifts no other stream.
  std::size_t k = 0;
  if (plan.mix_cumulative.size() > 1) {
    const double u_mix = stream.mix.uniform01();
    while (k + 1 < plan.mix_cumulative.size() && u_mix >= plan.mix_cumulative[k]) ++k;
  }
  const std::uint16_t cohort = plan.mix_cohorts[k];
  const bool avoidable =
      plan.draws_avoidable && stream.avoidable.uniform01() < plan.avoidable_share[cohort];
  if (plan.enters >= 0) {  // demand from the community: straight to the service named
    const std::uint32_t id = new_patient(s, cohort, plan.admit_to);
    log_arrival(id, PatientEventKind::arrive, s);
    enter_from_community(id, plan.enters);
    return;
  }

  if (takes_ring_fenced_bed(s)) {
    const std::uint32_t id = new_patient(s, cohort, plan.admit_to);
    log_arrival(id, PatientEventKind::arrive, s);
    admit_to_ring_fenced_bed(id);
    return;
  }
  if (plan.cancel_above) {
    if (general_share_in_use(plan.admit_to) > *plan.cancel_above) {
      // Counted as arrived and left at once, never given a place; the log shows it so (an
      // arrival, then home at the same instant), so its counts stay the measures'.
      ++counters_.cancellations;
      const std::uint32_t id = new_patient(s, cohort, plan.admit_to);
      log_arrival(id, PatientEventKind::arrive, s);
      log(id, PatientEventKind::home, kNoService);
      ++counters_.left;
      patients_.remove(id);
      return;
    }
  }
  const std::uint32_t id = new_patient(s, cohort, plan.admit_to);
  log_arrival(id, PatientEventKind::arrive, s);
  if (avoidable) {
    for (const std::int16_t alternative : plan.alternatives) {
      if (try_alternative(id, alternative)) return;
    }
  }
  admit(id);
}

void HospitalModel::on_readmission(std::uint32_t subject) {
  const auto cohort = static_cast<std::uint16_t>(subject & 0xffffu);
  const auto acute = static_cast<std::int16_t>(subject >> 16);
  const std::uint32_t id = new_patient(kReadmitted, cohort, acute);
  ++counters_.readmissions;
  log(id, PatientEventKind::readmit, acute);
  admit(id);
}

bool HospitalModel::try_alternative(std::uint32_t id, std::int16_t s) {
  const ServicePlan& plan = plan_.services[static_cast<std::size_t>(s)];
  ServiceState& state = services_[static_cast<std::size_t>(s)];
  Patient& p = patients_[id];
  switch (plan.kind) {
    case ServiceKind::acute: return false;
    case ServiceKind::urgent_community_response: {
      const Time t = now();
      const std::int64_t day = plan_.calendar.day_index_at(t);
      if (day != state.day) state.day = day, state.used_today = 0;
      const int hour = plan_.calendar.hour_at(t);
      if (hour < plan.opens_hour || hour >= plan.closes_hour || state.used_today >= plan.ucr_per_day) {
        return false;
      }
      ++state.used_today;
      ++counters_.ucr_referrals;
      state.places.force_seize(t);
      p.service = s;
      p.entry = Entry::referral;
      p.entered_at = t;
      log(id, PatientEventKind::referral, s);
      ServiceStreams& streams = service_streams_[static_cast<std::size_t>(s)];
      const Time response = engine::from_hours(plan.response_hours->sample(streams.response));
      const Time day_start = day * engine::kDay;
      const Time closing = day_start + plan.closes_hour * engine::kHour;
      Time visit = t + response;
      // No visit starts after closing: it waits for the next day's opening.
      if (visit > closing) visit = day_start + engine::kDay + plan.opens_hour * engine::kHour;
      sim_.schedule_at(visit, Priority::release, kUcrVisit, id);
      return true;
    }
    case ServiceKind::virtual_ward:
      if (!state.places.try_seize(now())) return false;
      enter_service(id, s, Entry::step_up);
      return true;
    case ServiceKind::beds:
    case ServiceKind::caseload:
      if (!state.places.try_seize(now())) return false;
      ++counters_.avoided[static_cast<std::size_t>(s)];
      enter_service(id, s, Entry::route);
      return true;
  }
  return false;
}

void HospitalModel::admit(std::uint32_t id) {
  Patient& p = patients_[id];
  const std::int16_t a = p.acute;
  ServiceState& acute = services_[static_cast<std::size_t>(a)];
  p.admitted = now();
  if (acute.places.try_seize(now())) {
    start_acute_stay(id);
    acute_changed(a);
  } else {
    p.waiting_for = a;
    p.queued_at = now();
    acute.places.enqueue(now(), id);
    log(id, PatientEventKind::wait_for_bed, a);
  }
}

void HospitalModel::start_acute_stay(std::uint32_t id) {
  Patient& p = patients_[id];
  const std::int16_t a = p.acute;
  const CohortPlan& cohort = plan_.cohorts[p.cohort];
  CohortStreams& streams = cohort_streams_[p.cohort];
  p.service = a;
  p.waiting_for = kNoService;
  p.entered_at = now();
  p.entry = Entry::admission;
  p.was_admitted = true;
  ++counters_.admissions_total;
  if (p.stream < counters_.admissions.size()) ++counters_.admissions[p.stream];
  const double wait_hours = engine::to_hours(now() - p.admitted);
  counters_.ed_wait_hours.add(wait_hours);
  count_ed_wait(a, p.admitted, wait_hours);
  log(id, PatientEventKind::admit, a);

  double los_days = cohort.acute_los.sample(streams.los);
  if (cohort.los_profile >= 0) {
    los_days *= plan_.profiles[static_cast<std::size_t>(cohort.los_profile)].factor_at(now());
  }
  std::uint8_t pathway = 0;
  if (cohort.pathway_cumulative[0] < 1.0) {  // else every patient takes pathway 0: no draw
    const double u = streams.pathway.uniform01();
    while (pathway < 3 && u >= cohort.pathway_cumulative[pathway]) ++pathway;
  }
  p.pathway = pathway;
  const Time los = engine::from_days(los_days);
  p.fit_at = now() + los;
  if (cohort.step_down_eligible && pathway == 0) {
    const Time early = plan_.services[static_cast<std::size_t>(plan_.step_down_service)]
                           .step_down_replaces;
    if (los > early) {
      sim_.schedule_at(p.fit_at - early, Priority::transfer, kStepDownCheck, id);
      return;
    }
  }
  sim_.schedule_at(p.fit_at, Priority::release, kMedicallyFit, id);
}

}  // namespace bedflow::model
