#pragma once
// A replication's patient log with its codes turned into names, for tests that look for
// events by name.
#include <cstdint>
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"

namespace bedflow::test {

struct NamedEvent {
  std::uint32_t patient = 0;
  double time_days = 0.0;
  std::string event;
  std::string service;  // a service, an arrival stream, or home
  std::string cohort;
  bool warmup = false;
};

inline std::vector<NamedEvent> named_events(const model::ReplicationResult& r) {
  std::vector<NamedEvent> named;
  named.reserve(r.patient_events.size());
  for (const auto& e : r.patient_events) {
    named.push_back({e.patient, e.time_days, model::event_name(e.event),
                     r.event_codes.places.at(e.place), r.event_codes.cohorts.at(e.cohort),
                     e.warmup});
  }
  return named;
}

}  // namespace bedflow::test
