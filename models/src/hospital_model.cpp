// The model's construction, event dispatch, and the places of services: lines moving into
// freed places, escalation, capacity changes.
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
                             std::uint32_t replication, bool keep_patient_events,
                             PatientEventBlocks blocks)
    : plan_(scenario),
      seed_(seed),
      replication_(replication),
      keep_patient_events_(keep_patient_events),
      blocks_(keep_patient_events ? std::move(blocks) : PatientEventBlocks{}),
      assessment_streams_{make_stream(seed, replication, "assessment/P0"),
                          make_stream(seed, replication, "assessment/P1"),
                          make_stream(seed, replication, "assessment/P2"),
                          make_stream(seed, replication, "assessment/P3")},
      census_stream_(make_stream(seed, replication, "census")) {
  for (const auto& service : plan_.services) {
    ServiceState state;
    state.base_capacity = state.schedule_capacity = service.base_capacity;
    std::int64_t capacity = service.base_capacity;
    if (service.kind == ServiceKind::urgent_community_response) capacity = kUnlimitedCapacity;
    state.ring_fenced_free = service.ring_fenced_beds;
    state.places = engine::CountedCapacity(
        std::max<std::int64_t>(0, capacity - state.ring_fenced_free), 0);
    state.capacity_open = engine::TimeWeighted(
        0, static_cast<double>(service.kind == ServiceKind::urgent_community_response
                                   ? service.ucr_per_day
                                   : service.base_capacity));
    state.ladder = EscalationLadder(service.escalation);
    services_.push_back(std::move(state));
    service_streams_.push_back({make_stream(seed, replication, "los/" + service.name),
                                make_stream(seed, replication, "route/" + service.name),
                                make_stream(seed, replication, "outcome/" + service.name),
                                make_stream(seed, replication, "response/" + service.name),
                                make_stream(seed, replication, "discharge_window/" + service.name),
                                make_stream(seed, replication, "turnaround/" + service.name)});
  }
  for (std::size_t i = 0; i < plan_.services.size(); ++i) {
    const auto& closures = plan_.services[i].closures;
    if (!closures) continue;
    const std::string& name = plan_.services[i].name;
    closure_sources_.push_back(
        {static_cast<std::int16_t>(i),
         ArrivalProcess(closures->rate_per_day, closures->rate,
                        make_stream(seed, replication, "closures/" + name)),
         make_stream(seed, replication, "closures/" + name + "/extent")});
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
  // Place codes: services, then arrival streams, then home (PatientEventCodes).
  stream_place_ = static_cast<std::uint16_t>(plan_.services.size());
  home_place_ = static_cast<std::uint16_t>(plan_.services.size() + plan_.streams.size());
  if (blocks_) patient_events_.reserve(kLogBlock);
  patients_.reserve(8192);
  sim_.queue().reserve(16384);
}

void HospitalModel::log_place(std::uint32_t id, PatientEventKind event, std::uint16_t place) {
  patient_events_.push_back({engine::to_days(now()), serials_[id], place, patients_[id].cohort,
                             event, in_warmup_});
  // Handed over in blocks when asked: the buffer handed back (the same or another) is
  // reserved to a whole block, so it never regrows.
  if (blocks_ && patient_events_.size() == kLogBlock) {
    blocks_(replication_, patient_events_);
    patient_events_.clear();
    patient_events_.reserve(kLogBlock);
  }
}

PatientEventCodes HospitalModel::event_codes() const {
  PatientEventCodes codes;
  for (const auto& service : plan_.services) codes.places.push_back(service.name);
  for (const auto& stream : plan_.streams) codes.places.push_back(stream.name);
  codes.places.emplace_back(kHome);
  for (const auto& cohort : plan_.cohorts) codes.cohorts.push_back(cohort.name);
  return codes;
}

void HospitalModel::handle(const engine::Event& event) {
  switch (event.type) {
    case kArrival: on_arrival(static_cast<std::uint16_t>(event.subject)); break;
    case kReadmission: on_readmission(event.subject); break;
    case kMedicallyFit: on_medically_fit(event.subject); break;
    case kStepDownCheck: on_step_down_check(event.subject); break;
    case kAssessmentDone:
      move_to(event.subject, pathway_of(patients_[event.subject]).to);
      break;
    case kStayEnd: on_stay_end(event.subject); break;
    case kUcrVisit: on_ucr_visit(event.subject); break;
    case kCapacityChange: on_capacity_change(event.subject); break;
    case kClosureStart: on_closure_start(event.subject); break;
    case kClosureEnd: on_closure_end(event.subject); break;
    case kWindowDeparture: on_window_departure(event.subject); break;
    case kTurnaroundEnd: on_turnaround_end(event.subject); break;
    default: break;
  }
}

// ---------------------------------------------------------------- places and capacity

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
    if (now() > patients_[id].queued_at) ++counters_.entered_after_wait[static_cast<std::size_t>(s)];
    const std::int16_t held = patients_[id].service;
    if (held == kNoService) {
      // Waiting at home (demand from the community): it holds no place, and enters as it
      // was referred (a virtual ward's step-up).
      enter_service(id, s, patients_[id].entry);
      continue;
    }
    --services_[static_cast<std::size_t>(held)].blocked;
    // The place is taken; leaving the current one may still wait for its window.
    if (waits_for_window(id, s)) continue;
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
    state.places.set_capacity(state.general_capacity());
    state.capacity_open.set(now(), static_cast<double>(open));
    state.escalation_open.set(now(), static_cast<double>(state.ladder.beds_open()));
    if (change > 0) {
      while (const auto next = state.places.admit_next(now())) start_acute_stay(*next);
    }
  }
  // Escalation follows beds in use (occupied or in turnaround: not available); escalation
  // beds used and the peak count occupied beds only. Patients beyond the base beds are in
  // escalation beds only as far as escalation beds are open: the rest are still in beds
  // being closed (a bay closed for infection, a dated cut) until they leave, base beds.
  const std::int64_t in_bed = occupied(static_cast<std::size_t>(s));
  // Without escalation beds none are ever used: nothing to record.
  if (state.ladder.beds_open() > 0 || state.escalation_used.level() != 0.0) {
    state.escalation_used.set(
        now(), static_cast<double>(std::clamp<std::int64_t>(in_bed - state.base_capacity, 0,
                                                            state.ladder.beds_open())));
  }
  // Beds open, for the occupancy share: a closing bay's beds stay open while its patients
  // are in them (they close as the patients leave), so occupied never exceeds open.
  const auto open_beds = static_cast<double>(
      std::max<std::int64_t>(state.base_capacity + state.ladder.beds_open(), in_bed));
  if (open_beds != state.capacity_open.level()) state.capacity_open.set(now(), open_beds);
  if (in_bed > state.peak) state.peak = in_bed;
}

void HospitalModel::on_capacity_change(std::uint32_t index) {
  const auto& change = plan_.capacity_changes[index];
  set_capacity(change.service, change.capacity);
  pump(change.service);
}

void HospitalModel::set_capacity(std::int16_t s, std::int64_t schedule) {
  ServiceState& state = services_[static_cast<std::size_t>(s)];
  const ServicePlan& plan = plan_.services[static_cast<std::size_t>(s)];
  if (plan.kind == ServiceKind::urgent_community_response) return;  // visits per day instead
  state.schedule_capacity = schedule;
  apply_open_capacity(s);
}

}  // namespace bedflow::model
