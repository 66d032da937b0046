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
//  - `headline` marks the measures a summary table shows first; `precision` marks the
//    short list precision mode drives to its target by default (measures whose mean is
//    large enough for a relative precision to be reachable).
//  - Every scalar covers the observed window and says how: a `total` accumulates over it
//    (patients, bed-days, GBP) and scales with its length, so only its rates (per day, per
//    year) compare across windows; a `level` (a mean, share, peak or duration) does not.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bedflow/engine/calendar.hpp"

namespace bedflow::model {

enum class Accumulation : std::uint8_t {
  level,  // a mean over time, a share, a peak, a mean duration: independent of window length
  total,  // a sum over the window: per day = value / window days, per year = x 365 / days
};

struct ScalarMeasure {
  std::string name;   // e.g. "delayed_bed_days", "cost_total"
  std::string unit;   // e.g. "bed-days", "GBP", "patients", "share"
  double value = 0.0;
  bool headline = false;
  Accumulation accumulation = Accumulation::level;
  bool precision = false;  // in precision mode's default list
};

// The calendar period the scalars and series cover. Day 0 is midnight at the start of
// `calendar_start` (the scenario's start date); the window runs from `from_days` (the end of
// warm-up) to `to_days` (the end of the run), both in days since day 0.
struct ObservedWindow {
  engine::Date calendar_start{2026, 1, 1};
  double from_days = 0.0;
  double to_days = 0.0;
  double days() const noexcept { return to_days - from_days; }
  friend bool operator==(const ObservedWindow&, const ObservedWindow&) = default;
};

struct TimeSeries {
  std::string group;    // a service name, or "system"
  std::string measure;  // e.g. "occupancy", "delayed_P1"
  std::string unit;
  std::vector<double> values;
};

// What happened to a patient, as a code: the code is the index in kPatientEventNames. The
// list is fixed (documented in docs/outputs.md and models/README.md); new kinds are added at
// the end so that codes in older files keep their meaning.
enum class PatientEventKind : std::uint8_t {
  census,          // inside at the start of the run (place: the service it is in)
  arrive,          // a new arrival (place: its arrival stream)
  readmit,         // back within the readmission window (place: the acute service)
  referral,        // taken by an urgent community response service instead of admission
  wait_for_bed,    // joins the line for an acute bed (place: the acute service)
  admit,           // takes an acute bed
  step_down,       // leaves acute early for a step-down ward (place: that ward)
  medically_fit,   // no criteria to reside (place: the service it is in)
  wait_for_place,  // fit to move on, keeps its place and queues for the next service
  leave,           // gives up its place (place: the service it leaves)
  enter,           // takes a place in a community service
  escalate,        // a step-up virtual ward escalates it to acute
  visit,           // an urgent community response visit
  home,            // leaves the system (place: home)
  wait_for_window, // ready to leave, keeps its place until the discharge window of the
                   // service it is in (place) accepts it
  turned_away,     // a loss service (place) had no free place: its next event is at its
                   // if_turned_away destination (or home)
};
inline constexpr std::array<const char*, 16> kPatientEventNames = {
    "census", "arrive", "readmit", "referral", "wait_for_bed", "admit", "step_down",
    "medically_fit", "wait_for_place", "leave", "enter", "escalate", "visit", "home",
    "wait_for_window", "turned_away"};

inline const char* event_name(PatientEventKind kind) noexcept {
  return kPatientEventNames[static_cast<std::size_t>(kind)];
}

// One line of the optional patient-level log: 24 bytes, no strings. `place` and `cohort` are
// indices into the replication's PatientEventCodes.
struct PatientEvent {
  double time_days = 0.0;     // days since the scenario's start date
  std::uint32_t patient = 0;  // serial of the patient within its replication, from 0
  std::uint16_t place = 0;    // where it happened: a service, an arrival stream, or home
  std::uint16_t cohort = 0;
  PatientEventKind event = PatientEventKind::census;
  bool warmup = false;        // happened during warm-up (at or before its end)
  friend bool operator==(const PatientEvent&, const PatientEvent&) = default;
};

// The names behind the codes of a patient log: the same for every replication of a scenario.
// places: the scenario's services in order, then its arrival streams, then `home` (last).
struct PatientEventCodes {
  std::vector<std::string> places;
  std::vector<std::string> cohorts;
  friend bool operator==(const PatientEventCodes&, const PatientEventCodes&) = default;
};

struct ReplicationResult {
  std::uint32_t replication = 0;
  ObservedWindow window;
  std::vector<ScalarMeasure> scalars;
  double series_start_days = 0.0;
  double series_step_days = 1.0;
  std::vector<TimeSeries> series;
  std::vector<PatientEvent> patient_events;  // empty unless asked for
  PatientEventCodes event_codes;              // empty unless the log was asked for
  std::uint64_t events_processed = 0;
  double wall_seconds = 0.0;
  // What the run noticed that a planner must hear of (e.g. "gridlock from day 4.6: ..."),
  // printed by the CLI; not stored in results files.
  std::vector<std::string> warnings;
};

}  // namespace bedflow::model
