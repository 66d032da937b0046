// Discharge windows (a patient ready to leave waits, keeping its place, for an hour that
// accepts discharges) and bed turnaround (a place a patient has left stays unavailable for
// a while). Semantics: models/README.md.
#include "hospital_model.hpp"

namespace bedflow::model {

using engine::Priority;
using engine::Time;

// ---------------------------------------------------------------- discharge windows

Time HospitalModel::window_departure_time(std::uint32_t id) {
  const Patient& p = patients_[id];
  const auto s = static_cast<std::size_t>(p.service);
  const ServicePlan& plan = plan_.services[s];
  int window = plan.window;
  // A pathway's window replaces the acute service's own for patients leaving on it.
  if (plan.kind == ServiceKind::acute && plan.pathways[p.pathway].window >= 0) {
    window = plan.pathways[p.pathway].window;
  }
  if (window < 0) return now();
  return window_departure(plan_.windows[static_cast<std::size_t>(window)],
                          plan_.week_hour_at_zero, now(), plan_.horizon,
                          service_streams_[s].window);
}

bool HospitalModel::waits_for_window(std::uint32_t id, std::int16_t destination) {
  const std::int16_t service = patients_[id].service;
  if (service == kNoService) return false;
  const auto s = static_cast<std::size_t>(service);
  if (!plan_.services[s].has_window) return false;  // no window: nothing drawn, no cost
  const Time at = window_departure_time(id);
  if (at == now()) {
    counters_.window_wait_hours[s].add(0.0);
    return false;
  }
  begin_window_wait(id, destination, at);
  return true;
}

void HospitalModel::begin_window_wait(std::uint32_t id, std::int16_t destination, Time at) {
  Patient& p = patients_[id];
  // A patient waiting in an acute bed is medically fit and delayed; one going home with
  // no assessment (pathway 0) is delayed from now, every other one already is.
  if (plan_.services[static_cast<std::size_t>(p.service)].kind == ServiceKind::acute &&
      !p.fit_in_acute) {
    p.fit_at = now();
    start_delay(id);
  }
  p.queued_at = now();
  p.window_to = destination;
  p.waiting_for_window = true;
  if (destination != kHomeDestination) {
    services_[static_cast<std::size_t>(destination)].reserved.add(now(), 1.0);
  }
  log(id, PatientEventKind::wait_for_window, p.service);
  // Nothing can interrupt the wait (no event reaches a patient waiting for a window, and
  // a capacity cut never takes a reserved place back), so this is its one pending event.
  // A window that opens only after the run ends leaves it waiting at the end.
  if (at != engine::kTimeNever) sim_.schedule_at(at, Priority::release, kWindowDeparture, id);
}

void HospitalModel::on_window_departure(std::uint32_t id) {
  Patient& p = patients_[id];
  const std::int16_t destination = p.window_to;
  p.window_to = kNoService;
  p.waiting_for_window = false;
  counters_.window_wait_hours[static_cast<std::size_t>(p.service)].add(
      engine::to_hours(now() - p.queued_at));
  if (destination == kHomeDestination) {
    leave_current(id);
    discharge_home(id);
    return;
  }
  // The reserved place becomes an occupied one.
  services_[static_cast<std::size_t>(destination)].reserved.add(now(), -1.0);
  leave_current(id);
  enter_service(id, destination, Entry::route);
}

// ---------------------------------------------------------------- bed turnaround

// The turnaround event's subject: the service, with this bit set for a ring-fenced bed.
constexpr std::uint32_t kRingFencedBit = 1u << 16;

void HospitalModel::free_place(std::int16_t service, bool ring_fenced) {
  const auto s = static_cast<std::size_t>(service);
  ServiceState& state = services_[s];
  const ServicePlan& plan = plan_.services[s];
  if (plan.turnaround) {
    const Time duration =
        engine::from_hours(plan.turnaround->sample(service_streams_[s].turnaround));
    if (duration > 0) {
      // The place stays taken (not available) but is no longer occupied.
      state.in_turnaround.add(now(), 1.0);
      sim_.schedule_in(duration, Priority::release, kTurnaroundEnd,
                       static_cast<std::uint32_t>(service) | (ring_fenced ? kRingFencedBit : 0u));
      if (plan.kind == ServiceKind::acute) acute_changed(service);
      return;
    }
  }
  release_place(service, ring_fenced);
}

void HospitalModel::on_turnaround_end(std::uint32_t subject) {
  const auto service = static_cast<std::int16_t>(subject & (kRingFencedBit - 1));
  services_[static_cast<std::size_t>(service)].in_turnaround.add(now(), -1.0);
  release_place(service, (subject & kRingFencedBit) != 0);
}

void HospitalModel::release_place(std::int16_t service, bool ring_fenced) {
  ServiceState& state = services_[static_cast<std::size_t>(service)];
  state.places.release(now());
  if (ring_fenced) {
    // Back behind the ring fence: out of the general beds' capacity again.
    ++state.ring_fenced_free;
    state.ring_fenced_held.add(now(), -1.0);
    state.places.set_capacity(state.general_capacity());
  }
  pump(service);
}

// ---------------------------------------------------------------- measures

void HospitalModel::build_window_scalars(std::vector<ScalarMeasure>& out) const {
  const Time t = now();
  bool any_window = false;
  for (const ServicePlan& plan : plan_.services) any_window = any_window || plan.has_window;
  if (any_window) {
    // Per service: waits of every discharge in the window (zero waits included) plus the
    // waits still open at the end at their length so far, as ED waits and delays count
    // theirs (a window that never opens again must not read as no wait at all).
    std::vector<double> hours(plan_.services.size(), 0.0);
    std::vector<std::uint64_t> counted(plan_.services.size(), 0);
    for (std::size_t s = 0; s < plan_.services.size(); ++s) {
      const engine::Sum& waits = counters_.window_wait_hours[s];
      hours[s] = waits.total();
      counted[s] = waits.count();
    }
    // A slot not in use has waiting_for_window false (reset when its wait ended), so the
    // patients found here are exactly those still waiting for a window.
    for (std::uint32_t id = 0; id < patients_.slots(); ++id) {
      const Patient& p = patients_[id];
      if (!p.waiting_for_window) continue;
      const auto s = static_cast<std::size_t>(p.service);
      hours[s] += engine::to_hours(t - p.queued_at);
      ++counted[s];
    }
    double sum = 0.0;
    std::uint64_t count = 0;
    for (std::size_t s = 0; s < plan_.services.size(); ++s) {
      if (!plan_.services[s].has_window) continue;
      sum += hours[s];
      count += counted[s];
    }
    out.push_back({"discharge_window_wait_mean_hours", "hours",
                   count > 0 ? sum / static_cast<double>(count) : 0.0, false,
                   Accumulation::level});
    for (std::size_t s = 0; s < plan_.services.size(); ++s) {
      if (!plan_.services[s].has_window) continue;
      out.push_back({"window_wait_mean_hours_" + plan_.services[s].name, "hours",
                     counted[s] > 0 ? hours[s] / static_cast<double>(counted[s]) : 0.0, false,
                     Accumulation::level});
    }
  }
  for (std::size_t s = 0; s < plan_.services.size(); ++s) {
    if (!plan_.services[s].turnaround) continue;
    out.push_back({"turnaround_beds_mean_" + plan_.services[s].name, "beds",
                   services_[s].in_turnaround.mean(t), false, Accumulation::level});
  }
}

}  // namespace bedflow::model
