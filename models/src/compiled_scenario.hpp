#pragma once
// A Scenario resolved for running: names turned into indices, distributions built, profiles
// bound to the calendar, probabilities turned into cumulative tables.
//
// Invariants:
//  - Built once per replication from a validated Scenario; read-only while the run goes on.
//  - Service, cohort and stream indices follow declaration order in the Scenario, so every
//    measure and series comes out in the same order in every replication.
//  - A destination is a service index or kHomeDestination; an unresolvable name is reported
//    as std::invalid_argument naming it (the loader should have caught it first).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bedflow/engine/calendar.hpp"
#include "bedflow/engine/distribution.hpp"
#include "bedflow/engine/time.hpp"
#include "bedflow/models/rate_function.hpp"
#include "bedflow/models/scenario.hpp"
#include "discharge_window.hpp"

namespace bedflow::model {

inline constexpr std::int16_t kHomeDestination = -1;

// A choice among destinations by cumulative probability (last entry's cumulative is 1).
struct RouteTable {
  std::vector<std::int16_t> destinations;
  std::vector<double> cumulative;
  bool empty() const noexcept { return destinations.empty(); }
  std::int16_t pick(double u) const noexcept {
    for (std::size_t i = 0; i + 1 < cumulative.size(); ++i) {
      if (u < cumulative[i]) return destinations[i];
    }
    return destinations.empty() ? kHomeDestination : destinations.back();
  }
};

struct CohortPlan {
  std::string name;
  engine::Distribution acute_los;
  int los_profile = -1;  // index into CompiledScenario::profiles
  std::array<double, 4> pathway_cumulative{1.0, 1.0, 1.0, 1.0};
  std::array<double, 4> pathway_share{1.0, 0.0, 0.0, 0.0};
  engine::Time readmission_within = 0;
  double readmission_probability = 0.0;
  std::vector<double> readmission_after;  // by last service; default where not overridden
  bool step_down_eligible = false;
};

struct StreamPlan {
  std::string name;
  double rate_per_day = 0.0;
  RateFunction rate;
  std::vector<std::uint16_t> mix_cohorts;
  std::vector<double> mix_cumulative;
  std::vector<double> avoidable_share;  // by cohort
  std::vector<std::int16_t> alternatives;
  // Draw the avoidable-admission stream only when it can change anything (some cohort has a
  // share and there is an alternative to try): it is its own stream, so skipping it shifts
  // no other draw.
  bool draws_avoidable = false;
  // The acute service that admits (for a community stream: the first acute service, or -1,
  // which escalations and failed visits go to).
  std::int16_t admit_to = 0;
  // Demand from the community: the non-acute service its patients enter directly; -1 for a
  // stream admitting to acute.
  std::int16_t enters = -1;
  std::optional<double> cancel_above;
  bool ring_fenced = false;  // takes the admitting service's ring-fenced beds first
};

struct PathwayPlan {
  std::int16_t to = kHomeDestination;
  engine::Distribution assessment{engine::DistributionParams::fixed(0.0)};
  bool instant = true;  // fixed zero assessment: no event needed
  int window = -1;      // replaces the acute service's window (-1: none)
};

// Random ward closures of one service, resolved (see Closures in scenario.hpp).
struct ClosurePlan {
  double rate_per_day = 0.0;
  RateFunction rate;
  engine::Distribution beds{engine::DistributionParams::fixed(1.0)};  // rounded, at least 1
  engine::Distribution duration_days{engine::DistributionParams::fixed(1.0)};
};

struct ServicePlan {
  std::string name;
  ServiceKind kind = ServiceKind::beds;
  std::int64_t base_capacity = 0;
  // Capacity `unlimited` on every date (or, for urgent community response, per day): such a
  // service has no capacity series; an unlimited acute service, on any date, no occupancy share.
  bool unlimited_throughout = false;
  bool unlimited_sometime = false;
  std::optional<engine::Distribution> los;
  RouteTable then;
  std::vector<EscalationLevel> escalation;
  std::int64_t ring_fenced_beds = 0;  // acute: beds kept for one elective stream (places)
  std::vector<double> waits_over_hours;
  // acute: discharge pathways P0..P3 for this service's patients (pathway_for(): the
  // scenario's, with the service's own overrides)
  std::array<PathwayPlan, 4> pathways;
  std::optional<double> independent_share;
  std::int16_t on_failure = kHomeDestination;
  // virtual ward
  std::optional<engine::Distribution> step_up_los;
  double step_up_escalate = 0.0;
  std::optional<engine::Distribution> step_down_los;
  engine::Time step_down_replaces = 0;
  // urgent community response
  int opens_hour = 8;
  int closes_hour = 20;
  std::int64_t ucr_per_day = 0;
  engine::Time response_target = 0;
  std::optional<engine::Distribution> response_hours;
  double success_probability = 1.0;
  ServiceCosts costs;
  // A loss service (when_full: turn_away): an entrant finding it full goes to
  // `if_turned_away` (a community service or kHomeDestination) instead of queueing.
  bool turn_away = false;
  std::int16_t if_turned_away = kHomeDestination;
  // Reports turned_away_ and blocking_share_: a loss service, or an urgent community
  // response that a community stream refers to (a referral finding no visit left today).
  bool reports_blocking = false;
  std::optional<ClosurePlan> closures;
  // Discharge windows: the service's own (index into CompiledScenario::windows, -1 none),
  // and whether any window applies to patients leaving it (its own or, for an acute
  // service, one of its discharge pathways'): such a service reports its window waits.
  int window = -1;
  bool has_window = false;
  // Bed turnaround, in hours; none when the scenario does not give one.
  std::optional<engine::Distribution> turnaround;
};

struct CapacityChangePlan {
  engine::Time at = 0;
  std::int16_t service = 0;
  std::int64_t capacity = 0;
};

// A calendar month that the observed window touches, for counts by month of an event.
struct WindowMonth {
  std::string label;  // "2027_01": year and month, as in a measure's name
  engine::Time end;   // the instant the month ends (midnight of the next month's first day)
};

struct CompiledScenario {
  explicit CompiledScenario(const Scenario& scenario);
  // Profiles point at `calendar`: the plan stays where it was built.
  CompiledScenario(const CompiledScenario&) = delete;
  CompiledScenario& operator=(const CompiledScenario&) = delete;

  const Scenario* source;
  engine::Calendar calendar;
  engine::Time horizon = 0;
  engine::Time warmup = 0;
  engine::Time sample_step = engine::kDay;
  std::vector<CalendarProfile> profiles;
  std::vector<CohortPlan> cohorts;
  std::vector<StreamPlan> streams;
  std::vector<ServicePlan> services;
  std::vector<CapacityChangePlan> capacity_changes;  // sorted by time
  std::int16_t step_down_service = kHomeDestination;  // the ward taking step-downs, if any
  std::vector<WindowPlan> windows;  // discharge windows (services' and pathways')
  int week_hour_at_zero = 0;        // hour of the week (0 = Monday 00:00) of time 0
  // Every calendar month from the one holding the window's first instant (the end of
  // warm-up) to the one holding its last (a window ending at midnight ends the day before),
  // in order; at least one. The last month's end is kTimeNever, so a cursor that moves on
  // while the clock has passed its month's end never runs off the list: counting an event
  // in its month costs one comparison, never date arithmetic.
  std::vector<WindowMonth> window_months;

  // Throws std::invalid_argument naming `what` when `name` is not a service.
  std::int16_t service_index(const std::string& name, const std::string& what) const;
  // kHomeDestination for kHome, else service_index().
  std::int16_t destination_index(const std::string& name, const std::string& what) const;
  int cohort_index(const std::string& name, const std::string& what) const;
  int profile_index(const std::string& name) const;
  ClosurePlan compile_closures(const Closures& spec, const std::string& service) const;
  // The integral of service `s`'s commissioned capacity (its schedule, without escalation
  // beds; UCR: visits a day) over [from, to], in place-days. Exact: the schedule is a step
  // function and the sum is taken in whole place-seconds.
  double commissioned_place_days(std::size_t s, engine::Time from, engine::Time to) const;
};

}  // namespace bedflow::model
