#pragma once
// One replication of the hospital: patients arriving, admitted to acute beds, becoming
// medically fit, assessed and discharged along pathways into community services, and
// community alternatives taking avoidable admissions.
//
// Invariants:
//  - Every random draw comes from a stream named for its purpose ("arrivals/<stream>",
//    "los/<cohort>", "route/<service>", ...), derived from (seed, replication, name), so two
//    scenarios that differ in a capacity see the same patients (common random numbers).
//  - A patient holds at most one place at a time and waits in at most one line. Moving on
//    from a service whose successor is full, it keeps its current place and queues first in,
//    first out: in an acute bed that is a delayed discharge.
//  - A patient has at most one pending event, and none while waiting in a line, so removal
//    never leaves a stale event behind (see patient_store.hpp).
//  - Patients are conserved: arrived + inside at the start = left + inside at the end.
//  - Statistics are reset at the end of warm-up and cover the observed period only.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bedflow/engine/counted_capacity.hpp"
#include "bedflow/engine/random_stream.hpp"
#include "bedflow/engine/simulator.hpp"
#include "bedflow/engine/statistics.hpp"
#include "bedflow/models/arrival_process.hpp"
#include "bedflow/models/escalation_ladder.hpp"
#include "bedflow/models/patient_store.hpp"
#include "bedflow/models/replication_result.hpp"
#include "bedflow/models/simulate.hpp"
#include "compiled_scenario.hpp"

namespace bedflow::model {

// Live state of one service.
struct ServiceState {
  engine::CountedCapacity places;
  engine::TimeWeighted capacity_open;
  // The open base: max(0, schedule - closed). Escalation beds open on top of it, and the
  // escalation ladder measures occupancy against it.
  std::int64_t base_capacity = 0;
  std::int64_t schedule_capacity = 0;  // the dated capacity schedule's places now
  std::int64_t closed = 0;             // places closed by ward closures now
  engine::TimeWeighted beds_closed;    // min(closed, schedule): the closures that bite
  // acute only
  EscalationLadder ladder;
  engine::TimeWeighted escalation_open;  // escalation beds open
  engine::TimeWeighted escalation_used;  // patients beyond the base beds
  std::int64_t peak = 0;
  engine::TimeWeighted delayed;  // medically fit occupants (delayed discharges), patients
  // Occupants whose stay here is over and who wait, keeping their place, in another
  // service's line (a cheap first test for a gridlock).
  std::int64_t blocked = 0;
  // Places held but not occupied: beds in turnaround after a patient left, and places
  // reserved for a patient waiting for its current service's discharge window. Both count
  // in places.in_use() (nobody else can take them) but not as occupied. Their levels are
  // whole numbers of places.
  engine::TimeWeighted in_turnaround;
  engine::TimeWeighted reserved;
  // acute with ring-fenced elective beds: those neither held by an elective nor in
  // turnaround after one. They are left out of places' capacity (open beds less these), so
  // no one else can take them; an elective taking one raises that capacity with in_use(),
  // which leaves the general beds' free count as it was. Invariant: 0 <= ring_fenced_free
  // <= the plan's ring_fenced_beds, and held = ring_fenced_beds - ring_fenced_free.
  std::int64_t ring_fenced_free = 0;
  engine::TimeWeighted ring_fenced_held;
  // The places anyone may take: open beds (base + escalation) less free ring-fenced ones.
  std::int64_t general_capacity() const noexcept {
    return std::max<std::int64_t>(0, base_capacity + ladder.beds_open() - ring_fenced_free);
  }
  // urgent community response only
  std::int64_t day = -1;
  std::int64_t used_today = 0;
};

// Everything counted over the observed period.
struct Counters {
  std::uint64_t arrived = 0, left = 0, inside_start = 0;
  std::vector<std::uint64_t> arrivals, admissions;  // by stream
  std::uint64_t admissions_total = 0;
  std::uint64_t cancellations = 0;
  engine::Sum ed_wait_hours;
  std::vector<std::uint64_t> waits_over;  // by threshold
  std::vector<std::uint64_t> avoided;     // by service
  std::uint64_t ucr_referrals = 0, ucr_visits = 0, ucr_within_target = 0;
  std::vector<std::uint64_t> visits;      // UCR visits made, by service
  std::uint64_t reablement_completed = 0, reablement_independent = 0;
  std::uint64_t readmissions = 0;
  double step_down_days_saved = 0.0;
  std::array<engine::Sum, 4> delay_days;  // fit to leaving the acute bed, by pathway
  std::vector<engine::Sum> window_wait_hours;  // by service left (services with a window)
  // By service, counted only where ServicePlan::reports_blocking (loss services; urgent
  // community responses taking community referrals): entrants who came for a place (or a
  // visit) and those turned away for want of one.
  std::vector<std::uint64_t> offered, turned_away;
  std::vector<std::uint64_t> closures;  // ward closures begun, by service
  // Per service (hospital_service_measures.cpp): patients taking a place (for an acute
  // service its admissions), those of them who waited in its line first (for a time > 0),
  // and patients giving up a place. entered + in use at the start = departures + in use at
  // the end.
  std::vector<std::uint64_t> entered, entered_after_wait, departures;
  // ED waits of admissions, per acute service: hours summed, and the count over each
  // threshold at [service x thresholds + k].
  std::vector<double> ed_wait_hours_by_service;
  std::vector<std::uint64_t> waits_over_by_service;
  // Waits over each threshold by the calendar month they passed it, [k x months + month]
  // (CompiledScenario::window_months).
  std::vector<std::uint64_t> waits_over_by_month;
  // The same per service, [(service x thresholds + k) x months + month]: counted for acute
  // services only, reported when there are several (ed_waits_over_<h>h_<acute>_<yyyy>_<mm>).
  std::vector<std::uint64_t> waits_over_by_service_month;
  // ED waits of admissions by clock hour (0..23) of the decision to admit: hours summed and
  // admissions.
  std::array<double, 24> ed_wait_hours_by_hour{};
  std::array<std::uint64_t, 24> admissions_by_hour{};
};

class HospitalModel {
 public:
  // With `blocks`, the log is handed over every kLogBlock rows instead of held whole.
  HospitalModel(const Scenario& scenario, std::uint64_t seed, std::uint32_t replication,
                bool keep_patient_events, PatientEventBlocks blocks = {});
  static constexpr std::size_t kLogBlock = 65536;  // rows: 1.5 MB
  ReplicationResult run();
  // The scalar measures' names, in order, without running (they depend on the scenario's
  // structure and window, never on chance).
  std::vector<std::string> measure_names();

 private:
  enum EventType : std::uint32_t {
    kArrival, kReadmission, kMedicallyFit, kStepDownCheck, kAssessmentDone, kStayEnd,
    kUcrVisit, kCapacityChange, kClosureStart, kClosureEnd, kWindowDeparture, kTurnaroundEnd,
  };
  // Events whose subject is a patient id (the others carry a stream, a service or an index).
  static constexpr std::uint32_t kPatientEvents =
      1u << kMedicallyFit | 1u << kStepDownCheck | 1u << kAssessmentDone | 1u << kStayEnd |
      1u << kUcrVisit | 1u << kWindowDeparture;
  struct CohortStreams {
    engine::RandomStream los, pathway, readmission;
  };
  struct ServiceStreams {
    engine::RandomStream los, route, outcome, response, window, turnaround;
  };
  struct StreamState {
    ArrivalProcess process;
    engine::RandomStream mix, avoidable;
  };
  // Ward closures of one service: when they begin ("closures/<service>") and how many beds
  // for how long ("closures/<service>/extent").
  struct ClosureSource {
    std::int16_t service;
    ArrivalProcess process;
    engine::RandomStream extent;
  };
  struct ActiveClosure {
    std::int16_t service = 0;
    std::int64_t beds = 0;
  };

  void handle(const engine::Event& event);
  // arrivals and admission
  void on_arrival(std::uint16_t stream);
  void on_readmission(std::uint32_t subject);
  std::uint32_t new_patient(std::uint16_t stream, std::uint16_t cohort, std::int16_t acute);
  bool try_alternative(std::uint32_t id, std::int16_t service);
  // demand from the community and loss services (hospital_community.cpp)
  void enter_from_community(std::uint32_t id, std::int16_t service);
  void refer_from_community(std::uint32_t id, std::int16_t service);
  void add_blocking_scalars(ReplicationResult& result) const;
  // ward closures (hospital_closures.cpp)
  void start_closures();
  void on_closure_start(std::uint32_t source);
  void on_closure_end(std::uint32_t slot);
  void apply_open_capacity(std::int16_t service);
  void add_closure_scalars(ReplicationResult& result) const;
  void admit(std::uint32_t id);
  void start_acute_stay(std::uint32_t id);
  // acute stay and discharge
  void on_medically_fit(std::uint32_t id);
  void on_step_down_check(std::uint32_t id);
  void move_to(std::uint32_t id, std::int16_t destination);
  void leave_current(std::uint32_t id);
  void enter_service(std::uint32_t id, std::int16_t service, Entry entry);
  void on_stay_end(std::uint32_t id);
  void on_ucr_visit(std::uint32_t id);
  void discharge_home(std::uint32_t id);
  void start_delay(std::uint32_t id);
  engine::Time delay_counted_from(const Patient& p) const noexcept;
  void end_delay(std::uint32_t id);
  void pump(std::int16_t service);
  // Discharge windows and bed turnaround (hospital_windows.cpp).
  // With a window on the patient's current service (or its pathway's, leaving acute): true
  // when it must wait for the window, which it then does, keeping its place and holding
  // the place at `destination` (a service whose place it has just taken, or kHomeDestination).
  // False when it leaves now. Records the wait of a discharge from a service with a window.
  bool waits_for_window(std::uint32_t id, std::int16_t destination);
  engine::Time window_departure_time(std::uint32_t id);
  void begin_window_wait(std::uint32_t id, std::int16_t destination, engine::Time at);
  void on_window_departure(std::uint32_t id);
  // Frees a place of service `s` a patient has just left: at once, or after its turnaround.
  // Frees a place (after its turnaround, if any); a ring-fenced bed returns to the ring fence.
  void free_place(std::int16_t s, bool ring_fenced = false);
  void on_turnaround_end(std::uint32_t subject);
  void release_place(std::int16_t s, bool ring_fenced);
  // Elective ring-fencing (hospital_ring_fence.cpp).
  bool takes_ring_fenced_bed(std::uint16_t stream) const noexcept;
  void admit_to_ring_fenced_bed(std::uint32_t id);
  double general_share_in_use(std::int16_t acute) const noexcept;
  void add_ring_fence_scalars(ReplicationResult& result) const;
  // Places occupied by patients (in use, less those in turnaround or reserved). Inline: it
  // runs after every admission and discharge (acute_changed).
  std::int64_t occupied(std::size_t s) const noexcept {
    const ServiceState& state = services_[s];
    return state.places.in_use() - static_cast<std::int64_t>(state.in_turnaround.level()) -
           static_cast<std::int64_t>(state.reserved.level());
  }
  void acute_changed(std::int16_t service);
  void on_capacity_change(std::uint32_t index);
  // Reports (once, in warnings_) community services locked full waiting on each other.
  void check_gridlock();
  void set_capacity(std::int16_t service, std::int64_t base);
  // starting state and observation
  void place_census();
  void place_census_waiting(std::uint32_t id, std::int16_t acute);
  void reset_statistics();
  void sample_series();
  void build_series_skeleton(ReplicationResult& result);
  void build_scalars(ReplicationResult& result) const;
  // Discharge window waits and beds in turnaround, for services that have them.
  void build_window_scalars(std::vector<ScalarMeasure>& out) const;
  // Measures per service and per acute service, ED waits by month and by hour of day
  // (hospital_service_measures.cpp).
  void size_service_counters(Counters& fresh) const;
  void count_ed_wait(std::int16_t acute, engine::Time decided, double wait_hours);
  // The month (index in plan_.window_months) holding instant `at`, clamped to the window's
  // months: where a wait that passed a threshold at `at` is counted.
  std::size_t month_passed(engine::Time at) const;
  void add_service_scalars(std::vector<ScalarMeasure>& out) const;
  PatientEventCodes event_codes() const;
  // The patient log (a no-op unless asked for): `service` kNoService logs `home`.
  void log(std::uint32_t id, PatientEventKind event, std::int16_t service) {
    if (keep_patient_events_) {
      log_place(id, event, service >= 0 ? static_cast<std::uint16_t>(service) : home_place_);
    }
  }
  void log_arrival(std::uint32_t id, PatientEventKind event, std::uint16_t stream) {
    if (keep_patient_events_) {
      log_place(id, event, static_cast<std::uint16_t>(stream_place_ + stream));
    }
  }
  void log_place(std::uint32_t id, PatientEventKind event, std::uint16_t place);

  double delayed_level(int pathway) const noexcept { return delayed_[pathway].level(); }
  // Came from a stream of demand from the community (not an avoided admission).
  bool from_community(const Patient& p) const noexcept {
    return p.stream < plan_.streams.size() && plan_.streams[p.stream].enters >= 0;
  }
  engine::Time now() const noexcept { return sim_.now(); }
  // The discharge pathway the patient is on, as its acute service defines it.
  const PathwayPlan& pathway_of(const Patient& p) const noexcept {
    return plan_.services[static_cast<std::size_t>(p.acute)].pathways[p.pathway];
  }

  CompiledScenario plan_;
  std::uint64_t seed_;
  std::uint32_t replication_;
  bool keep_patient_events_;
  PatientEventBlocks blocks_;
  bool in_warmup_ = false;  // until the warm-up's last event has been handled
  std::uint16_t stream_place_ = 0;  // place code of arrival stream 0 (streams follow services)
  std::uint16_t home_place_ = 0;    // place code of `home` (last)
  engine::Simulator<> sim_;
  PatientStore patients_;
  std::uint32_t next_serial_ = 0;
  std::vector<std::uint32_t> serials_;  // patient serial by slot (log only)
  std::vector<ServiceState> services_;
  std::vector<StreamState> streams_;
  std::vector<ClosureSource> closure_sources_;
  std::vector<ActiveClosure> active_closures_;     // by slot: the event's subject
  std::vector<std::uint32_t> free_closure_slots_;
  std::vector<CohortStreams> cohort_streams_;
  std::vector<ServiceStreams> service_streams_;
  std::array<engine::RandomStream, 4> assessment_streams_;
  engine::RandomStream census_stream_;
  std::array<engine::TimeWeighted, 4> delayed_;
  engine::TimeWeighted delayed_total_;
  // Delays still open (medically fit, still in an acute bed), by pathway: how many, and the
  // sum of the times they became fit, so their delays so far are count x now - sum. State,
  // not statistics: never reset at the end of warm-up.
  std::array<std::uint64_t, 4> open_delays_{};
  std::array<engine::Time, 4> open_delay_fit_sum_{};  // of delay_counted_from(), open delays
  Counters counters_;
  std::vector<double> waits_over_hours_;
  std::vector<std::vector<double>> series_values_;
  std::vector<PatientEvent> patient_events_;
  std::vector<std::string> warnings_;
  bool gridlock_reported_ = false;
};

}  // namespace bedflow::model
