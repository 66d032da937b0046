// Discharge windows: a patient ready to leave waits, keeping its place (and holding the next
// one), for an hour that accepts discharges. Against closed forms: the mean wait of patients
// ready uniformly over the day or the week, Little's law on the delayed, M/G/infinity
// downstream; and a window that is always open changes nothing at all.
#include <cmath>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

constexpr double kRate = 40.0;       // arrivals a day, constant
constexpr double kWarmup = 20.0;     // days: the ward fills (exponential stays of 2 days)
constexpr double kObserved = 200.0;  // days
constexpr std::uint32_t kReplications = 20;

// A daily profile open (1) from `from` to `to` o'clock and shut (0) otherwise.
Profile open_hours(const std::string& name, int from, int to) {
  Profile p;
  p.name = name;
  p.kind = Profile::Kind::daily;
  p.factors.assign(24, 0.0);
  for (int h = from; h < to; ++h) p.factors[static_cast<std::size_t>(h)] = 1.0;
  return p;
}

// One ward of ample (unlimited) beds, Poisson arrivals at a constant rate, exponential
// stays, everyone home on pathway 0 with no assessment: the times patients are ready to leave
// form a Poisson process, uniform over the day and the week.
Scenario windowed_ward() {
  Scenario s = basic_scenario(kRate, DistributionParams::exponential(2.0));
  s.run.warmup_days = kWarmup;
  s.run.horizon_days = kWarmup + kObserved;
  s.profiles.push_back(open_hours("discharge_hours", 10, 18));
  return s;
}


// Ready uniformly over the day with the window open 8 hours: ready in the 16 shut hours
// (probability 16/24), the wait is uniform on (0, 16) hours.
constexpr double kEightHourWaitHours = (16.0 / 24.0) * (16.0 / 2.0);  // 5.333

TEST_CASE("an 8-hour daily window: the mean wait is (16/24) x (16/2) hours", "[windows]") {
  Scenario s = windowed_ward();
  s.services[0].discharge_window = DischargeWindow{"discharge_hours", ""};
  std::vector<double> wait, acute_wait, delayed, occupancy;
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const ReplicationResult result = simulate_replication(s, 31, r);
    wait.push_back(scalar(result, "discharge_window_wait_mean_hours"));
    acute_wait.push_back(scalar(result, "window_wait_mean_hours_acute"));
    delayed.push_back(scalar(result, "delayed_patients_mean"));
    occupancy.push_back(scalar(result, "acute_mean_occupancy"));
  }
  CHECK(wait == acute_wait);  // one service with a window: the system's mean is its own
  check_in_ci(wait, kEightHourWaitHours);
  // A patient waiting for the window in an acute bed is delayed (Little: rate x mean wait),
  // and holds its bed (M/G/infinity with stay + wait).
  check_in_ci(delayed, kRate * kEightHourWaitHours / 24.0);
  check_in_ci(occupancy, kRate * (2.0 + kEightHourWaitHours / 24.0));
}

TEST_CASE("a window with factors between 0 and 1: the geometric number of hours at weekends",
          "[windows]") {
  // Weekdays always open; at weekends each hour accepts a patient ready to leave with
  // probability p (the hour it is ready in included, leaving at once), and Monday 00:00
  // accepts everyone left. Ready at u hours into weekend hour j (u uniform), slot i >= 1 is
  // the start of hour j + i, i - u hours later (i - 1/2 on average).
  const double p = 0.25;
  double expected = 0.0;  // hours, over ready times uniform on the week
  for (int j = 0; j < 48; ++j) {
    double not_yet = 1.0 - p;  // refused by the hour it is ready in
    for (int i = 1;; ++i) {
      const double accept = j + i < 48 ? p : 1.0;
      expected += not_yet * accept * (i - 0.5) / 168.0;
      not_yet *= 1.0 - accept;
      if (accept == 1.0) break;
    }
  }
  Scenario s = windowed_ward();
  Profile weekends;
  weekends.name = "weekend_discharges";
  weekends.kind = Profile::Kind::weekly;
  weekends.factors = {1.0, 1.0, 1.0, 1.0, 1.0, p, p};
  s.profiles.push_back(weekends);
  s.services[0].discharge_window = DischargeWindow{"", "weekend_discharges"};
  const std::vector<double> wait =
      over_replications(s, kReplications, "discharge_window_wait_mean_hours", 47);
  check_in_ci(wait, expected);
  CHECK(expected > 0.5);  // about 0.7 hours: far from the 0 of no window
}

TEST_CASE("a pathway's window replaces the acute service's own for patients leaving on it",
          "[windows]") {
  // The acute service's window is the 8-hour one; pathway 0 has one that is always open.
  // Half the patients leave on P0 (no wait), half on P2 into unlimited beds (the acute
  // window: 5.333 hours on average, then a place held for them in the beds).
  Scenario s = windowed_ward();
  Profile always;
  always.name = "always";
  always.kind = Profile::Kind::daily;
  always.factors.assign(24, 1.0);
  s.profiles.push_back(always);
  s.services[0].discharge_window = DischargeWindow{"discharge_hours", ""};
  s.pathway_windows[0] = DischargeWindow{"always", ""};
  s.cohorts[0].discharge_pathway = {0.5, 0.0, 0.5, 0.0};
  s.services.push_back(unlimited_service("community_beds", ServiceKind::beds,
                                         DistributionParams::exponential(2.0)));
  s.discharge_pathways[2] = {"community_beds", DistributionParams::fixed(0.0)};
  std::vector<double> wait, delay_days, community;
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    const ReplicationResult result = simulate_replication(s, 53, r);
    wait.push_back(scalar(result, "window_wait_mean_hours_acute"));
    delay_days.push_back(scalar(result, "discharge_delay_mean_days_P2"));
    community.push_back(scalar(result, "occupancy_mean_community_beds"));
    // A community service without a window of its own reports no wait.
    for (const auto& m : result.scalars) CHECK(m.name != "window_wait_mean_hours_community_beds");
  }
  check_in_ci(wait, 0.5 * kEightHourWaitHours);
  // The acute service's own version of pathway 0 may carry the window instead of the
  // scenario's pathway: the same run.
  Scenario own = s;
  own.pathway_windows[0].reset();
  own.services[0].discharge_pathways[0].discharge_window = DischargeWindow{"always", ""};
  CHECK(scalar(simulate_replication(own, 53, 0), "window_wait_mean_hours_acute") == wait[0]);
  // A P2 patient is delayed from fit to leaving: here exactly its wait for the window.
  check_in_ci(delay_days, kEightHourWaitHours / 24.0);
  // The place held while the patient waits is not occupied: the beds' occupancy is the
  // M/G/infinity load of the stays alone (held places would add rate x wait = 4.4).
  check_in_ci(community, 0.5 * kRate * 2.0);
}

TEST_CASE("a patient moving up a line into a freed place still waits for its window",
          "[windows]") {
  // Half the patients go on to a small reablement service (P1) whose line is often long.
  // Whether it leaves at once or from the line when a place frees, a patient leaves the
  // acute bed only in an open hour, enters reablement at that moment, and reablement never
  // holds more occupied or held places than it has.
  Scenario s = windowed_ward();
  s.run.warmup_days = 10;
  s.run.horizon_days = 70;
  s.outputs.patient_events = true;
  s.services[0].discharge_window = DischargeWindow{"discharge_hours", ""};
  s.cohorts[0].discharge_pathway = {0.5, 0.5, 0.0, 0.0};
  s.services.push_back(limited_service("reablement", ServiceKind::caseload, 42,
                                       DistributionParams::exponential(2.0)));
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  const ReplicationResult r = simulate_replication(s, 5, 0);
  std::map<std::uint32_t, double> left_acute;
  std::size_t leaves = 0, waited_for_place = 0, waited_for_window = 0, entered = 0;
  for (const auto& e : test::named_events(r)) {
    const auto seconds = static_cast<long long>(std::llround(e.time_days * 86400.0));
    const long long hour = (seconds % 86400) / 3600;
    if (e.event == "wait_for_place") ++waited_for_place;
    if (e.event == "wait_for_window") {
      ++waited_for_window;
      CHECK(e.service == "acute");  // the place is the service whose window it waits for
    }
    if (e.event == "leave" && e.service == "acute") {
      ++leaves;
      CHECK(hour >= 10);
      CHECK(hour < 18);
      left_acute[e.patient] = e.time_days;
    }
    if (e.event == "enter" && e.service == "reablement") {
      ++entered;
      REQUIRE(left_acute.count(e.patient) == 1);
      CHECK(left_acute[e.patient] == e.time_days);
    }
  }
  CHECK(leaves > 1000);
  CHECK(waited_for_place > 100);  // the line did form
  CHECK(waited_for_window > 500);
  CHECK(entered > 500);
  const auto& occupied = series(r, "reablement", "occupancy").values;
  for (const double v : occupied) CHECK(v <= 42.0);
  CHECK(scalar(r, "patients_arrived") + scalar(r, "patients_inside_start") ==
        scalar(r, "patients_left") + scalar(r, "patients_inside_end"));
}

TEST_CASE("census patients ready at the start wait for the window too", "[windows][census]") {
  // Medically fit census patients whose destination has room are discharged only when the
  // window opens: the run starts on a Monday at midnight, so at 10:00 for a 10-18 window.
  Scenario s = windowed_ward();
  s.run.warmup_days = 0;
  s.run.horizon_days = 2;
  s.outputs.patient_events = true;
  s.services[0].discharge_window = DischargeWindow{"discharge_hours", ""};
  s.cohorts[0].discharge_pathway = {0.0, 1.0, 0.0, 0.0};
  s.services.push_back(unlimited_service("reablement", ServiceKind::caseload,
                                         DistributionParams::exponential(20.0)));
  s.discharge_pathways[1] = {"reablement", DistributionParams::fixed(0.0)};
  for (int k = 0; k < 30; ++k) s.census.push_back({"acute", "general", 3.0, true});
  const ReplicationResult r = simulate_replication(s, 9, 0);
  std::size_t census_left = 0;
  for (const auto& e : test::named_events(r)) {
    if (e.patient >= 30) continue;  // census patients are the first 30 serials
    if (e.event == "leave" && e.service == "acute") {
      ++census_left;
      CHECK(e.time_days == Approx(10.0 / 24.0).margin(1e-12));
    }
  }
  CHECK(census_left == 30);
}

TEST_CASE("a window always open and a zero turnaround change nothing", "[windows][turnaround]") {
  // Common random numbers: windows and turnaround draw from their own streams, and an open
  // hour or a zero turnaround draws nothing else and moves nobody, so every measure, series
  // and logged event is identical; only the new measures are added (all 0).
  Scenario plain = kent_medway_flowing();
  plain.run.horizon_days = 60;
  plain.run.warmup_days = 10;
  plain.outputs.patient_events = true;
  Scenario with = plain;
  Profile always;
  always.name = "always_open";
  always.kind = Profile::Kind::daily;
  always.factors.assign(24, 1.0);
  Profile every_day = always;
  every_day.name = "every_day";
  every_day.kind = Profile::Kind::weekly;
  every_day.factors.assign(7, 1.0);
  with.profiles.push_back(always);
  with.profiles.push_back(every_day);
  for (auto& service : with.services) {
    if (service.kind == ServiceKind::urgent_community_response) continue;
    service.discharge_window = DischargeWindow{"always_open", "every_day"};
    service.turnaround_hours = DistributionParams::fixed(0.0);
  }
  with.pathway_windows[2] = DischargeWindow{"", "every_day"};
  const ReplicationResult a = simulate_replication(plain, 11, 0);
  const ReplicationResult b = simulate_replication(with, 11, 0);
  std::size_t compared = 0;
  for (const auto& measure : a.scalars) {
    INFO(measure.name);
    CHECK(scalar(b, measure.name) == measure.value);
    ++compared;
  }
  CHECK(compared == a.scalars.size());
  for (const auto& measure : b.scalars) {
    const bool added = measure.name.rfind("window_wait_mean_hours_", 0) == 0 ||
                       measure.name.rfind("turnaround_beds_mean_", 0) == 0 ||
                       measure.name == "discharge_window_wait_mean_hours";
    if (added) CHECK(measure.value == 0.0);
  }
  CHECK(b.scalars.size() == a.scalars.size() + 1 + 2 * (with.services.size() - 1));
  REQUIRE(a.series.size() == b.series.size());
  for (std::size_t k = 0; k < a.series.size(); ++k) CHECK(a.series[k].values == b.series[k].values);
  CHECK(a.patient_events == b.patient_events);
  CHECK(a.events_processed == b.events_processed);
}

TEST_CASE("waits for a window still open at the end count at their length so far",
          "[windows][censoring]") {
  // The window opens on Sundays only and the run (from a Monday, no warm-up) ends on Friday:
  // every patient ready to leave is still waiting at the end, and its wait counts at its
  // length so far, as open ED waits and delays do. Ready times form a Poisson process of
  // intensity rate x (1 - e^(-r/m)) on (0, T) (exponential stays of mean m), so the waits
  // so far sum to rate x [T^2/2 - mT + m^2(1 - e^(-T/m))] over rate x [T - m(1 - e^(-T/m))]
  // waits, in expectation.
  constexpr double kDays = 5.0, kStay = 2.0;
  Scenario s = windowed_ward();
  s.run.warmup_days = 0.0;
  s.run.horizon_days = kDays;
  s.outputs.patient_events = true;
  Profile sundays;
  sundays.name = "sundays";
  sundays.kind = Profile::Kind::weekly;
  sundays.factors = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0};
  s.profiles.push_back(sundays);
  s.services[0].discharge_window = DischargeWindow{"", "sundays"};
  const double e = std::exp(-kDays / kStay);
  const double expected_hours =
      24.0 * (kDays * kDays / 2.0 - kStay * kDays + kStay * kStay * (1.0 - e)) /
      (kDays - kStay * (1.0 - e));  // 46.8 hours
  std::vector<double> means;
  for (std::uint32_t r = 0; r < 40; ++r) {
    const ReplicationResult result = simulate_replication(s, 71, r);
    const double mean = scalar(result, "discharge_window_wait_mean_hours");
    CHECK(scalar(result, "window_wait_mean_hours_acute") == mean);
    // From the log: every wait_for_window is open at the end, at T minus its start.
    double hours = 0.0;
    std::size_t waits = 0;
    for (const auto& event : test::named_events(result)) {
      if (event.event == "leave") FAIL("nobody can leave before the window opens");
      if (event.event != "wait_for_window") continue;
      hours += (kDays - event.time_days) * 24.0;
      ++waits;
    }
    REQUIRE(waits > 50);
    CHECK(mean == Approx(hours / static_cast<double>(waits)).epsilon(1e-9));
    means.push_back(mean);
  }
  check_in_ci(means, expected_hours);
}

TEST_CASE("wait_for_window keeps its code 14", "[windows][log]") {
  // Codes keep their meaning across versions: a new event kind is added at the end.
  CHECK(kPatientEventNames.size() >= 15);
  CHECK(std::string(kPatientEventNames[14]) == "wait_for_window");
  CHECK(static_cast<int>(PatientEventKind::wait_for_window) == 14);
  CHECK(std::string(event_name(PatientEventKind::wait_for_window)) == "wait_for_window");
  CHECK(std::string(event_name(PatientEventKind::home)) == "home");
}

}  // namespace
}  // namespace bedflow::model::testing
