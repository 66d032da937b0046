#pragma once
// The hospital scenario as plain data: what the model needs to know, nothing about how it
// was written down.
//
// Invariants:
//  - These are plain structs with no behaviour. The scenario loader (io/scenario) fills them
//    from YAML and validates every field; the model may assume a Scenario it receives has
//    passed validation (names resolve, probabilities sum to 1, capacities are finite and
//    non-negative, dates are in order).
//  - Units are in the field names: *_days, *_hours, *_per_day, *_gbp.
//  - Names (cohorts, services, profiles) are the scenario's own identifiers. The exit from
//    the system is the reserved destination name `home` (kHome).
//  - Maps keep declaration order where order matters (vectors of pairs); std::map is used
//    only where order does not change results.
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bedflow/engine/calendar.hpp"
#include "bedflow/engine/distribution.hpp"

namespace bedflow::model {

using engine::Date;
using engine::DistributionParams;

inline constexpr const char* kHome = "home";

// A capacity at or above this many places means "no limit" (e.g. `capacity: unlimited`).
// It is finite so that sums of capacities cannot overflow.
inline constexpr std::int64_t kUnlimitedCapacity = std::numeric_limits<std::int64_t>::max() / 8;

// A multiplier on a rate, a stay or a capacity, as a function of calendar time.
struct Profile {
  enum class Kind { weekly, daily, dated };
  enum class Interpolation { step, linear };
  struct Point {
    Date date;
    double factor = 1.0;
  };
  std::string name;
  Kind kind = Kind::weekly;
  std::vector<double> factors;  // weekly: 7 values Monday..Sunday; daily: 24 values 00..23h
  // dated: strictly increasing dates. The factor is 1 before the first point; each point's
  // factor holds from its date (step) or is interpolated to the next point's (linear); the
  // last point's factor holds after it.
  std::vector<Point> points;
  Interpolation interpolation = Interpolation::linear;
};

// A capacity that changes on given dates: `base` until the first change.
struct CapacitySchedule {
  struct Change {
    Date date;
    std::int64_t capacity = 0;
  };
  std::int64_t base = 0;
  std::vector<Change> changes;  // strictly increasing dates
};

struct Readmission {
  double within_days = 0.0;   // 0: no readmissions
  double probability = 0.0;   // default, whatever the route out
  // Overrides by the last service the patient left before going home (e.g. reablement).
  std::map<std::string, double> probability_after;
};

struct Cohort {
  std::string name;
  DistributionParams acute_los_days;
  std::string los_multiplier_profile;  // empty: none; else a dated profile scaling stays
  std::array<double, 4> discharge_pathway{1.0, 0.0, 0.0, 0.0};  // P0..P3, sums to 1
  Readmission readmission;
};

struct ArrivalStream {
  std::string name;
  double rate_per_day = 0.0;            // base rate before profiles
  std::vector<std::string> profiles;    // multiplicative rate profiles, by name
  bool weekdays_only = false;           // no arrivals on Saturday and Sunday
  std::vector<std::pair<std::string, double>> cohort_mix;  // cohort -> share, sums to 1
  std::map<std::string, double> avoidable_share;           // cohort -> share avoidable
  // Community alternatives tried in order by avoidable arrivals; the first with room takes
  // the patient, and if none has room the patient is admitted.
  std::vector<std::string> alternatives;
  // The service that takes these patients. An acute service admits them (the ED line); any
  // other service makes this demand from the community (step-up referrals): its patients
  // enter that service directly (a virtual ward as step-up, an urgent community response as
  // a referral), wait at home holding no place when it is full, or are turned away when it
  // turns people away. Such a stream has no avoidable shares, alternatives or cancellation.
  std::string admit_to;
  // Demand from the community only: the acute service its patients are admitted to after an
  // escalation from a step-up virtual ward or a failed urgent community response visit (each
  // trust's own); empty: the first acute service.
  std::string escalate_to;
  std::optional<double> cancel_when_occupancy_above;  // electives: cancelled above this
  // Elective ring-fencing: beds of the acute service `admit_to` kept for this stream only
  // (places, within its capacity; 0: none). A patient of this stream takes a free one first;
  // with none free it is treated as without ring-fencing (a general bed, or cancellation by
  // `cancel_when_occupancy_above`, which then counts general beds only). Other patients never
  // use them. At most one such stream per acute service.
  std::int64_t ring_fenced_beds = 0;
};

struct EscalationLevel {
  std::int64_t beds = 0;
  double open_above = 1.0;    // opens when occupancy / open capacity exceeds this
  double close_below = 0.0;   // closes when it falls below this (hysteresis)
};

enum class ServiceKind {
  acute,                      // acute hospital beds: the emergency queue, escalation
  beds,                       // a bedded community service (intermediate care, care home)
  caseload,                   // community caseload (reablement, home care)
  virtual_ward,               // step-up and step-down places in one pool
  urgent_community_response,  // visits within hours, daily capacity
};

struct StepUp {
  DistributionParams los_days;
  double escalate_to_acute_probability = 0.0;
};

struct StepDown {
  double replaces_acute_days = 0.0;
  std::vector<std::string> eligible_cohorts;
  DistributionParams los_days;
};

// Random ward closures (infection outbreaks): closures begin as a Poisson process of
// `rate_per_day` x the profile's factor; each closes `beds` places (a draw rounded to a whole
// number, at least 1) for `duration_days`. Closed beds lower the open capacity (never below
// zero, never evicting anyone) on top of the dated capacity schedule.
struct Closures {
  double rate_per_day = 0.0;
  std::string profile;  // empty: none; else a weekly or dated profile's name
  DistributionParams beds = DistributionParams::fixed(1.0);
  DistributionParams duration_days = DistributionParams::fixed(1.0);
};

// What a community service does with an entrant who finds no free place.
enum class WhenFull {
  queue,      // waits first in, first out (keeping any place it holds elsewhere)
  turn_away,  // a loss service: the entrant goes to `if_turned_away` (home by default)
};

struct UrgentResponse {
  int opens_hour = 8;         // visits start at this hour
  int closes_hour = 20;       // and no new visit starts after this hour
  std::int64_t capacity_per_day = 0;
  double response_target_hours = 2.0;
  DistributionParams response_hours = DistributionParams::triangular(0.25, 1.0, 4.0);
  double success_probability = 1.0;  // else the patient goes on to be admitted
};

// When patients ready to leave may leave (models/README.md, discharge windows): the named
// profiles' factors are, hour by hour, the probability that a patient ready to leave goes in
// that hour. An empty name means "always 1". The loader checks that each names a profile of
// the right kind (daily: 24 factors, weekly: 7) with factors in [0, 1], not all zero.
struct DischargeWindow {
  std::string daily;   // a daily profile, by clock hour 00..23
  std::string weekly;  // a weekly profile, Monday..Sunday
  friend bool operator==(const DischargeWindow&, const DischargeWindow&) = default;
};

// What a service costs, GBP; 0 where not given. The commissioned part is paid for every
// place whether used or not; the activity part for what is used.
struct ServiceCosts {
  // Per commissioned place per day, following the capacity schedule (urgent community
  // response: per visit a day of daily capacity, per day).
  double place_day = 0.0;
  // Per occupied place per day (acute: base and escalation beds occupied). Not for UCR.
  double occupied_day = 0.0;
  // Urgent community response only: per visit made.
  double visit = 0.0;
  // Acute only: per escalation bed per day while its level is open.
  double escalation_place_day = 0.0;
  friend bool operator==(const ServiceCosts&, const ServiceCosts&) = default;
};

struct DischargePathway {
  std::string to = kHome;  // destination service or kHome
  DistributionParams assessment_days = DistributionParams::fixed(0.0);
};

// An acute service's own version of a discharge pathway (each trust discharging into its own
// community services): the fields given replace the scenario's; the others are inherited.
struct PathwayOverride {
  std::optional<std::string> to;
  std::optional<DistributionParams> assessment_days;
  // Replaces the scenario's pathway window (Scenario::pathway_windows) for this service.
  std::optional<DischargeWindow> discharge_window;
};

struct Service {
  std::string name;
  ServiceKind kind = ServiceKind::beds;
  CapacitySchedule capacity;
  std::optional<DistributionParams> los_days;  // stay in this service (not acute: per cohort)
  // Onward routes on leaving: destination (a service or kHome) -> probability, sums to 1.
  // Empty means everyone goes home.
  std::vector<std::pair<std::string, double>> then;
  // Discharges from this service wait for this window (not urgent community response).
  std::optional<DischargeWindow> discharge_window;
  // After a patient leaves a place, the place is unavailable (cleaning, preparation) for a
  // time drawn from this, in hours (not urgent community response).
  std::optional<DistributionParams> turnaround_hours;

  // acute
  std::vector<EscalationLevel> escalation;
  std::vector<double> report_waits_over_hours{4.0, 12.0};
  std::array<PathwayOverride, 4> discharge_pathways;  // P0..P3; unset: the scenario's
  // caseload (reablement)
  std::optional<double> independent_at_91_days;  // share still independent at 91 days
  std::string on_failure;                        // service taking those who are not
  // virtual ward
  std::optional<StepUp> step_up;
  std::optional<StepDown> step_down;
  // urgent community response
  std::optional<UrgentResponse> urgent_response;
  ServiceCosts costs;
  // beds, caseload, virtual ward: what happens to an entrant finding the service full, and
  // where a turned-away patient goes instead (a community service or kHome; empty = home).
  WhenFull when_full = WhenFull::queue;
  std::string if_turned_away;
  // services with places (all but urgent community response): random ward closures.
  std::optional<Closures> closures;
};

// One patient already in a service when the run starts.
// With `waiting_for_bed` the patient is in the ED waiting for a bed of the acute service
// named, holding no place, and `days_in_service` is the time already waited (days).
struct CensusEntry {
  std::string service;
  std::string cohort;
  double days_in_service = 0.0;
  bool medically_fit = false;
  bool waiting_for_bed = false;
};

struct Outputs {
  double timeseries_every_hours = 24.0;
  bool patient_events = false;
  std::vector<double> percentiles{5.0, 50.0, 95.0};
};

struct RunSettings {
  std::string name;
  std::string description;
  Date start{2026, 10, 1};
  double horizon_days = 182.0;
  double warmup_days = 0.0;
  std::uint32_t replications = 10;
  std::uint64_t seed = 1;
};

struct Scenario {
  RunSettings run;
  std::vector<Profile> profiles;
  std::vector<Cohort> cohorts;
  std::vector<ArrivalStream> arrivals;
  std::vector<Service> services;
  std::array<DischargePathway, 4> discharge_pathways;
  // `discharge_pathways.Pk.discharge_window`, by pathway: acute patients leaving on pathway k
  // wait for this window instead of their acute service's own. (Kept beside the pathways
  // rather than in them, so that a pathway stays a { to, assessment_days } pair.)
  std::array<std::optional<DischargeWindow>, 4> pathway_windows;
  std::vector<CensusEntry> census;  // empty: start empty (with warm-up, if any)
  Outputs outputs;
};

// Pathway `k` (0..3) as it applies to patients of acute service `acute`: the scenario's
// discharge pathway with the service's overrides applied.
inline DischargePathway pathway_for(const Scenario& scenario, const Service& acute, std::size_t k) {
  DischargePathway pathway = scenario.discharge_pathways[k];
  const PathwayOverride& own = acute.discharge_pathways[k];
  if (own.to) pathway.to = *own.to;
  if (own.assessment_days) pathway.assessment_days = *own.assessment_days;
  return pathway;
}

}  // namespace bedflow::model
