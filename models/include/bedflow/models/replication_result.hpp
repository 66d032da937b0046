#pragma once
// What one replication measured, in a shape the results layer can store without knowing
// anything about hospitals.
//
// Invariants:
//  - Measure names are snake_case with their unit in the name or in `unit`; they are the
//    same, in the same order, in every replication of one scenario.
//  - Every series of one result has the same sampling: value k is the state at
//    `series_start_days + k * series_step_days` (days since the scenario's start date),
//    observed after all changes at that instant.
//  - `headline` marks the measures a summary table shows first and that precision mode
//    drives to its target.
#include <cstdint>
#include <string>
#include <vector>

namespace bedflow::model {

struct ScalarMeasure {
  std::string name;   // e.g. "delayed_bed_days", "cost_total"
  std::string unit;   // e.g. "bed-days", "GBP", "patients", "share"
  double value = 0.0;
  bool headline = false;
};

struct TimeSeries {
  std::string group;    // a service name, or "system"
  std::string measure;  // e.g. "occupancy", "delayed_P1"
  std::string unit;
  std::vector<double> values;
};

// One line of the optional patient-level log.
struct PatientEvent {
  std::uint32_t patient = 0;
  double time_days = 0.0;
  std::string event;    // e.g. "arrive", "admit", "medically_fit", "leave"
  std::string service;  // where it happened
  std::string cohort;
};

struct ReplicationResult {
  std::uint32_t replication = 0;
  std::vector<ScalarMeasure> scalars;
  double series_start_days = 0.0;
  double series_step_days = 1.0;
  std::vector<TimeSeries> series;
  std::vector<PatientEvent> patient_events;  // empty unless asked for
  std::uint64_t events_processed = 0;
  double wall_seconds = 0.0;
};

}  // namespace bedflow::model
