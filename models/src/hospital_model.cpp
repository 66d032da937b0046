#include "hospital_model.hpp"

#include <algorithm>
#include <cmath>

namespace bedflow::model {

using engine::Priority;
using engine::RandomStream;
using engine::stream_id;
using engine::Time;

namespace {

RandomStream make_stream(std::uint64_t seed, std::uint32_t replication, const std::string& name) {
  return RandomStream(seed, replication, stream_id(name));
}

}  // namespace

HospitalModel::HospitalModel(const Scenario& scenario, std::uint64_t seed,
                             std::uint32_t replication, bool keep_patient_events)
    : plan_(scenario),
      seed_(seed),
      replication_(replication),
      keep_patient_events_(keep_patient_events),
      assessment_streams_{make_stream(seed, replication, "assessment/P0"),
                          make_stream(seed, replication, "assessment/P1"),
                          make_stream(seed, replication, "assessment/P2"),
                          make_stream(seed, replication, "assessment/P3")},
      census_stream_(make_stream(seed, replication, "census")) {
  for (const auto& service : plan_.services) {
    ServiceState state;
    state.base_capacity = service.base_capacity;
    std::int64_t capacity = service.base_capacity;
    if (service.kind == ServiceKind::urgent_community_response) capacity = kUnlimitedCapacity;
    state.places = engine::CountedCapacity(capacity, 0);
    state.capacity_open = engine::TimeWeighted(
        0, static_cast<double>(service.kind == ServiceKind::urgent_community_response
                                   ? service.ucr_per_day
                                   : service.base_capacity));
    state.ladder = EscalationLadder(service.escalation);
    services_.push_back(std::move(state));
    service_streams_.push_back({make_stream(seed, replication, "los/" + service.name),
                                make_stream(seed, replication, "route/" + service.name),
                                make_stream(seed, replication, "outcome/" + service.name),
                                make_stream(seed, replication, "response/" + service.name)});
  }
  for (const auto& cohort : plan_.cohorts) {
    cohort_streams_.push_back({make_stream(seed, replication, "los/" + cohort.name),
                               make_stream(seed, replication, "pathway/" + cohort.name),
                               make_stream(seed, replication, "readmission/" + cohort.name)});
  }
  for (const auto& stream : plan_.streams) {
    streams_.push_back({ArrivalProcess(stream.rate_per_day, stream.rate,
                                       make_stream(seed, replication, "arrivals/" + stream.name)),
                        make_stream(seed, replication, "mix/" + stream.name),
                        make_stream(seed, replication, "avoidable/" + stream.name)});
  }
  // Reports of ED waits follow the first acute service's thresholds.
  for (const auto& service : plan_.services) {
    if (service.kind == ServiceKind::acute) {
      waits_over_hours_ = service.waits_over_hours;
      break;
    }
  }
  // Capacity changes dated at or before the start are in force from the start.
  for (std::uint32_t i = 0; i < plan_.capacity_changes.size(); ++i) {
    const auto& change = plan_.capacity_changes[i];
    if (change.at <= 0) {
      set_capacity(change.service, change.capacity);
    } else if (change.at <= plan_.horizon) {
      sim_.schedule_at(change.at, Priority::capacity_change, kCapacityChange, i);
    }
  }
  patients_.reserve(8192);
  sim_.queue().reserve(16384);
}

void HospitalModel::log(std::uint32_t id, const char* event, std::int16_t service) {
  if (!keep_patient_events_) return;
  const Patient& p = patients_[id];
  patient_events_.push_back(
      {serials_[id], engine::to_days(now()), event,
       service >= 0 ? plan_.services[static_cast<std::size_t>(service)].name : std::string(kHome),
       plan_.cohorts[p.cohort].name});
}

void HospitalModel::handle(const engine::Event& event) {
  switch (event.type) {
    case kArrival: on_arrival(static_cast<std::uint16_t>(event.subject)); break;
    case kReadmission: on_readmission(event.subject); break;
    case kMedicallyFit: on_medically_fit(event.subject); break;
    case kStepDownCheck: on_step_down_check(event.subject); break;
    case kAssessmentDone:
      move_to(event.subject, plan_.pathways[patients_[event.subject].pathway].to);
      break;
    case kStayEnd: on_stay_end(event.subject); break;
    case kUcrVisit: on_ucr_visit(event.subject); break;
    case kCapacityChange: on_capacity_change(event.subject); break;
    default: break;
  }
}

// ---------------------------------------------------------------- arrivals and admission

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
  const double u_mix = stream.mix.uniform01();
  std::size_t k = 0;
  while (k + 1 < plan.mix_cumulative.size() && u_mix >= plan.mix_cumulative[k]) ++k;
  const std::uint16_t cohort = plan.mix_cohorts[k];
  // One draw per arrival whatever happens next keeps the stream aligned across scenarios.
  const bool avoidable = stream.avoidable.uniform01() < plan.avoidable_share[cohort];

  if (plan.cancel_above) {
    const ServiceState& acute = services_[static_cast<std::size_t>(plan.admit_to)];
    const auto open = acute.places.capacity();
    const double share = open > 0 ? static_cast<double>(acute.places.in_use()) /
                                        static_cast<double>(open)
                                  : 1.0;
    if (share > *plan.cancel_above) {
      ++counters_.cancellations;
      ++counters_.arrived;  // counted as arrived and left at once, never given a slot
      ++counters_.left;
      return;
    }
  }
  const std::uint32_t id = new_patient(s, cohort, plan.admit_to);
  log(id, "arrive", kNoService);
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
  log(id, "readmit", kNoService);
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
      log(id, "referral", s);
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
    log(id, "wait_for_bed", a);
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
  for (std::size_t k = 0; k < waits_over_hours_.size(); ++k) {
    if (wait_hours > waits_over_hours_[k]) ++counters_.waits_over[k];
  }
  log(id, "admit", a);

  double los_days = cohort.acute_los.sample(streams.los);
  if (cohort.los_profile >= 0) {
    los_days *= plan_.profiles[static_cast<std::size_t>(cohort.los_profile)].factor_at(now());
  }
  const double u = streams.pathway.uniform01();
  std::uint8_t pathway = 0;
  while (pathway < 3 && u >= cohort.pathway_cumulative[pathway]) ++pathway;
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

// ---------------------------------------------------------------- discharge

void HospitalModel::on_step_down_check(std::uint32_t id) {
  Patient& p = patients_[id];
  const std::int16_t ward = plan_.step_down_service;
  if (services_[static_cast<std::size_t>(ward)].places.try_seize(now())) {
    counters_.step_down_days_saved += engine::to_days(p.fit_at - now());
    log(id, "step_down", ward);
    leave_current(id);
    enter_service(id, ward, Entry::step_down);
  } else {
    sim_.schedule_at(p.fit_at, Priority::release, kMedicallyFit, id);
  }
}

void HospitalModel::on_medically_fit(std::uint32_t id) {
  Patient& p = patients_[id];
  const PathwayPlan& pathway = plan_.pathways[p.pathway];
  log(id, "medically_fit", p.service);
  if (pathway.instant && pathway.to == kHomeDestination) {
    counters_.delay_days[p.pathway].add(0.0);
    leave_current(id);
    discharge_home(id);
    return;
  }
  p.fit_in_acute = true;
  p.fit_at = now();
  delayed_[p.pathway].add(now(), 1.0);
  delayed_total_.add(now(), 1.0);
  if (pathway.instant) {
    move_to(id, pathway.to);
  } else {
    const double days = pathway.assessment.sample(assessment_streams_[p.pathway]);
    sim_.schedule_in(engine::from_days(days), Priority::transfer, kAssessmentDone, id);
  }
}

void HospitalModel::move_to(std::uint32_t id, std::int16_t destination) {
  if (destination == kHomeDestination) {
    leave_current(id);
    discharge_home(id);
    return;
  }
  const auto d = static_cast<std::size_t>(destination);
  if (plan_.services[d].kind == ServiceKind::acute) {
    leave_current(id);
    patients_[id].acute = destination;
    admit(id);
    return;
  }
  if (services_[d].places.try_seize(now())) {
    leave_current(id);
    enter_service(id, destination, Entry::route);
    return;
  }
  // Full: keep the current place and queue for the next one, first in, first out.
  Patient& p = patients_[id];
  p.waiting_for = destination;
  p.queued_at = now();
  services_[d].places.enqueue(now(), id);
  log(id, "wait_for_place", destination);
}

void HospitalModel::leave_current(std::uint32_t id) {
  Patient& p = patients_[id];
  const std::int16_t s = p.service;
  if (s == kNoService) return;
  if (p.fit_in_acute) {
    p.fit_in_acute = false;
    delayed_[p.pathway].add(now(), -1.0);
    delayed_total_.add(now(), -1.0);
    counters_.delay_days[p.pathway].add(engine::to_days(now() - p.fit_at));
  }
  p.last_service = s;
  p.service = kNoService;
  services_[static_cast<std::size_t>(s)].places.release(now());
  log(id, "leave", s);
  pump(s);
}

void HospitalModel::enter_service(std::uint32_t id, std::int16_t s, Entry entry) {
  Patient& p = patients_[id];
  const ServicePlan& plan = plan_.services[static_cast<std::size_t>(s)];
  ServiceStreams& streams = service_streams_[static_cast<std::size_t>(s)];
  p.service = s;
  p.waiting_for = kNoService;
  p.entry = entry;
  p.entered_at = now();
  log(id, "enter", s);
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
      log(id, "escalate", s);
    } else {
      ++counters_.avoided[static_cast<std::size_t>(s)];
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
  if (now() - p.entered_at <= plan.response_target) ++counters_.ucr_within_target;
  log(id, "visit", s);
  if (streams.outcome.uniform01() < plan.success_probability) {
    ++counters_.avoided[static_cast<std::size_t>(s)];
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
  log(id, "home", kNoService);
  ++counters_.left;
  patients_.remove(id);
}

// Lets the line of service `s` move into places that are free.
void HospitalModel::pump(std::int16_t s) {
  ServiceState& state = services_[static_cast<std::size_t>(s)];
  if (plan_.services[static_cast<std::size_t>(s)].kind == ServiceKind::acute) {
    while (const auto next = state.places.admit_next(now())) start_acute_stay(*next);
    acute_changed(s);
    return;
  }
  while (const auto next = state.places.admit_next(now())) {
    const std::uint32_t id = *next;
    patients_[id].waiting_for = kNoService;
    leave_current(id);  // frees the place it kept while waiting (may move other lines on)
    enter_service(id, s, Entry::route);
  }
}

// After the acute occupancy changed: escalation, and the line moving into opened beds.
void HospitalModel::acute_changed(std::int16_t s) {
  ServiceState& state = services_[static_cast<std::size_t>(s)];
  const std::size_t guard = 2 * plan_.services[static_cast<std::size_t>(s)].escalation.size() + 2;
  for (std::size_t step = 0; step < guard && !state.ladder.empty(); ++step) {
    const int change = state.ladder.update(state.places.in_use(), state.base_capacity);
    if (change == 0) break;
    const std::int64_t open = state.base_capacity + state.ladder.beds_open();
    state.places.set_capacity(open);
    state.capacity_open.set(now(), static_cast<double>(open));
    state.escalation_open.set(now(), static_cast<double>(state.ladder.beds_open()));
    if (change > 0) {
      while (const auto next = state.places.admit_next(now())) start_acute_stay(*next);
    }
  }
  const std::int64_t in_use = state.places.in_use();
  state.escalation_used.set(now(), static_cast<double>(std::max<std::int64_t>(
                                        0, in_use - state.base_capacity)));
  if (in_use > state.peak) state.peak = in_use;
}

void HospitalModel::on_capacity_change(std::uint32_t index) {
  const auto& change = plan_.capacity_changes[index];
  set_capacity(change.service, change.capacity);
  pump(change.service);
}

void HospitalModel::set_capacity(std::int16_t s, std::int64_t base) {
  ServiceState& state = services_[static_cast<std::size_t>(s)];
  const ServicePlan& plan = plan_.services[static_cast<std::size_t>(s)];
  if (plan.kind == ServiceKind::urgent_community_response) return;  // visits per day instead
  state.base_capacity = base;
  const std::int64_t open = base + state.ladder.beds_open();
  state.places.set_capacity(open);
  state.capacity_open.set(now(), static_cast<double>(open));
}

}  // namespace bedflow::model
