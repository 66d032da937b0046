// Random ward closures (infection outbreaks): closures begin as a non-homogeneous Poisson
// process per service (thinning, as arrivals), each closing a number of places for a random
// time. Closed places lower the open capacity like a capacity cut: never below zero, never
// evicting anyone; the schedule's dated changes still apply underneath, and escalation beds
// open on top of the reduced base (the ladder sees the reduced base).
//
// Invariants:
//  - open capacity = max(0, schedule - closed) + escalation beds open, at every instant.
//  - Closure times come from "closures/<service>", beds and durations from
//    "closures/<service>/extent": a scenario without closures draws nothing new.
//  - The commissioned capacity (costs) stays the schedule's: closed beds are still paid for.
#include <algorithm>
#include <cmath>

#include "hospital_model.hpp"

namespace bedflow::model {

using engine::Priority;
using engine::Time;

void HospitalModel::start_closures() {
  for (std::uint32_t k = 0; k < closure_sources_.size(); ++k) {
    ClosureSource& source = closure_sources_[k];
    source.process.start_at(0);
    const Time first = source.process.next(plan_.horizon);
    if (first != engine::kTimeNever) {
      sim_.schedule_at(first, Priority::capacity_change, kClosureStart, k);
    }
  }
}

void HospitalModel::on_closure_start(std::uint32_t k) {
  ClosureSource& source = closure_sources_[k];
  const Time next = source.process.next(plan_.horizon);
  if (next != engine::kTimeNever) sim_.schedule_at(next, Priority::capacity_change, kClosureStart, k);

  const std::int16_t s = source.service;
  const ClosurePlan& plan = *plan_.services[static_cast<std::size_t>(s)].closures;
  // A whole number of places, at least one (a closure closes something).
  const double drawn = plan.beds.sample(source.extent);
  const auto beds = std::max<std::int64_t>(
      1, static_cast<std::int64_t>(std::llround(std::min(drawn, 1e15))));
  const double days = plan.duration_days.sample(source.extent);
  ++counters_.closures[static_cast<std::size_t>(s)];

  std::uint32_t slot = 0;
  if (free_closure_slots_.empty()) {
    slot = static_cast<std::uint32_t>(active_closures_.size());
    active_closures_.push_back({s, beds});
  } else {
    slot = free_closure_slots_.back();
    free_closure_slots_.pop_back();
    active_closures_[slot] = {s, beds};
  }
  services_[static_cast<std::size_t>(s)].closed += beds;
  apply_open_capacity(s);
  sim_.schedule_in(engine::from_days(days), Priority::capacity_change, kClosureEnd, slot);
  pump(s);  // acute: the ladder sees the reduced base
}

void HospitalModel::on_closure_end(std::uint32_t slot) {
  const ActiveClosure closure = active_closures_[slot];
  free_closure_slots_.push_back(slot);
  services_[static_cast<std::size_t>(closure.service)].closed -= closure.beds;
  apply_open_capacity(closure.service);
  pump(closure.service);  // the line moves into the reopened places
}

void HospitalModel::apply_open_capacity(std::int16_t s) {
  ServiceState& state = services_[static_cast<std::size_t>(s)];
  state.base_capacity = std::max<std::int64_t>(0, state.schedule_capacity - state.closed);
  const std::int64_t open = state.base_capacity + state.ladder.beds_open();
  state.places.set_capacity(state.general_capacity());
  state.capacity_open.set(now(), static_cast<double>(open));
  if (plan_.services[static_cast<std::size_t>(s)].closures) {
    state.beds_closed.set(now(), static_cast<double>(
                                     std::min(state.closed, state.schedule_capacity)));
  }
}

void HospitalModel::add_closure_scalars(ReplicationResult& result) const {
  const Time t = now();
  for (std::size_t i = 0; i < plan_.services.size(); ++i) {
    if (!plan_.services[i].closures) continue;
    const std::string& name = plan_.services[i].name;
    result.scalars.push_back({"closures_" + name, "closures",
                              static_cast<double>(counters_.closures[i]), false,
                              Accumulation::total});
    result.scalars.push_back({"beds_closed_mean_" + name, "places",
                              services_[i].beds_closed.mean(t), false, Accumulation::level});
  }
}

}  // namespace bedflow::model
