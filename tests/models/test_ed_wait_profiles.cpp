// ED waits by calendar month of admission and by clock hour of the decision to admit: the
// months a window touches, counts that add up to the system's exactly and match the patient
// log, and an hour-of-day profile with a known answer.
#include <array>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "model_fixtures.hpp"
#include "named_events.hpp"

namespace bedflow::model::testing {
namespace {

// 21 a day on 20 beds with 1-day stays, from Monday 2026-10-05 with a 10-day warm-up: the
// window runs from 2026-10-15 to 2026-12-13 (60 days over three months), the line grows
// and is still there at the end.
Scenario overloaded_across_months() {
  Scenario s = basic_scenario(21.0, DistributionParams::exponential(1.0));
  s.services[0].capacity.base = 20;
  s.services[0].report_waits_over_hours = {4.0, 12.0};
  s.run.warmup_days = 10;
  s.run.horizon_days = 70;
  s.outputs.patient_events = true;
  return s;
}

std::map<std::string, bool> names_of(const ReplicationResult& r) {
  std::map<std::string, bool> names;
  for (const auto& m : r.scalars) names[m.name] = true;
  return names;
}

// Each ED wait of the window from the log: the decision to admit (joining the line, or the
// admission itself when a bed was free), its length in hours, and whether still open.
struct Wait {
  double decided_days = 0.0;
  double hours = 0.0;
  bool open = false;  // still waiting at the end
};

// The month a wait is counted in for threshold `h`, ended or still open: the month it passed
// `h` (the window's first month if before the window).
std::string month_counted(const ReplicationResult& r, const Wait& w, double h,
                          const std::string& first_month) {
  const auto date = engine::Calendar(r.window.calendar_start)
                        .date_at(engine::from_days(w.decided_days + h / 24.0));
  return std::max(first_month, fmt::format("{:04d}_{:02d}", date.year, date.month));
}

std::vector<Wait> waits_from_log(const ReplicationResult& r) {
  std::map<std::uint32_t, double> in_line;
  std::vector<Wait> waits;
  for (const auto& e : test::named_events(r)) {
    if (e.event == "wait_for_bed") in_line[e.patient] = e.time_days;
    if (e.event != "admit") continue;
    const auto found = in_line.find(e.patient);
    const double decided = found != in_line.end() ? found->second : e.time_days;
    if (found != in_line.end()) in_line.erase(found);
    if (!e.warmup) waits.push_back({decided, (e.time_days - decided) * 24.0, false});
  }
  for (const auto& [patient, since] : in_line)
    waits.push_back({since, (r.window.to_days - since) * 24.0, true});
  return waits;
}

TEST_CASE("ED waits by month: the months the window touches, adding up to the total",
          "[outputs][ed][months]") {
  // The run ends at the start of 3 December (day 59 from 5 October) with days-long waits
  // open: many passed 12 hours in November.
  Scenario s = overloaded_across_months();
  s.run.horizon_days = 59;
  const std::vector<std::string> months = {"2026_10", "2026_11", "2026_12"};
  // Open waits that passed 12 hours before the last month: counting them all in the last
  // month (as an earlier rule did) would fail the per-month checks below.
  int open_passed_earlier = 0;
  for (std::uint32_t rep = 0; rep < 3; ++rep) {
    INFO("replication " << rep);
    const ReplicationResult r = simulate_replication(s, 61, rep);
    const auto names = names_of(r);
    CHECK(names.count("ed_waits_over_4h_2026_09") == 0);
    CHECK(names.count("ed_waits_over_4h_2027_01") == 0);
    REQUIRE(scalar(r, "ed_still_waiting_end") > 0.0);  // open waits are counted too
    const auto waits = waits_from_log(r);
    for (const auto& w : waits)
      open_passed_earlier += w.open && w.hours > 12.0 &&
                                     month_counted(r, w, 12.0, months.front()) != months.back()
                                 ? 1
                                 : 0;
    for (const double h : {4.0, 12.0}) {
      const std::string stem = fmt::format("ed_waits_over_{}h", h);
      double sum = 0.0;
      for (const auto& month : months) {
        INFO(stem << " " << month);
        double expected = 0.0;
        for (const auto& w : waits)
          expected += w.hours > h && month_counted(r, w, h, months.front()) == month ? 1.0 : 0.0;
        const double counted = scalar(r, stem + "_" + month);
        CHECK(counted == expected);
        sum += counted;
      }
      CHECK(sum == scalar(r, stem));  // exactly
      CHECK(scalar(r, stem + "_2026_11") > 0.0);
      // A month's count is over its month, not the window: no rate over the window from it.
      for (const auto& m : r.scalars) {
        if (m.name.rfind(stem + "_20", 0) == 0) CHECK(m.accumulation == Accumulation::level);
        if (m.name == stem) CHECK(m.accumulation == Accumulation::total);
      }
    }
  }
  CHECK(open_passed_earlier > 0);
}

TEST_CASE("a window inside one month has that month alone, a run with none names the "
          "month of its start", "[outputs][ed][months]") {
  Scenario s = basic_scenario(5.0, DistributionParams::exponential(1.0));
  s.run.start = Date{2027, 1, 1};
  s.run.horizon_days = 31;  // ends at midnight on 1 February: January only
  auto names = names_of(simulate_replication(s, 1, 0));
  CHECK(names.count("ed_waits_over_12h_2027_01") == 1);
  CHECK(names.count("ed_waits_over_12h_2027_02") == 0);
  CHECK(names.count("ed_waits_over_12h_2026_12") == 0);
  s.run.horizon_days = 31.5;  // half a day of February
  names = names_of(simulate_replication(s, 1, 0));
  CHECK(names.count("ed_waits_over_12h_2027_02") == 1);
  s.run.warmup_days = 31;  // a window from midnight on 1 February: February only
  names = names_of(simulate_replication(s, 1, 0));
  CHECK(names.count("ed_waits_over_12h_2027_01") == 0);
  CHECK(names.count("ed_waits_over_12h_2027_02") == 1);
}

TEST_CASE("measure names come without running, months of the window included", "[outputs]") {
  const Scenario s = kent_medway_winter();  // 2026-10-01 + 42 days: 2026-11-12 to 2027-03-31
  const auto names = measure_names(s);
  std::vector<std::string> run;
  for (const auto& m : simulate_replication(s, 1, 0).scalars) run.push_back(m.name);
  CHECK(names == run);
  CHECK(std::count(names.begin(), names.end(), "ed_waits_over_12h_2026_11") == 1);
  CHECK(std::count(names.begin(), names.end(), "ed_waits_over_12h_2027_03") == 1);
  CHECK(std::count(names.begin(), names.end(), "ed_waits_over_12h_2026_10") == 0);
}

TEST_CASE("the hour-of-day profile of ED waits agrees with the log and with the mean wait",
          "[outputs][ed][hours]") {
  const Scenario s = overloaded_across_months();
  const ReplicationResult r = simulate_replication(s, 62, 0);
  const auto waits = waits_from_log(r);
  const engine::Calendar calendar(r.window.calendar_start);
  std::array<double, 24> sum{}, n{};
  for (const auto& w : waits) {
    const auto hour = static_cast<std::size_t>(calendar.hour_at(engine::from_days(w.decided_days)));
    sum[hour] += w.hours;
    n[hour] += 1.0;
  }
  double weighted = 0.0, total = 0.0;
  for (std::size_t h = 0; h < 24; ++h) {
    INFO("hour " << h);
    const double mean = scalar(r, fmt::format("ed_wait_mean_hours_at_{:02d}h", h));
    REQUIRE(n[h] > 0.0);
    CHECK(mean == Approx(sum[h] / n[h]).epsilon(1e-6));
    weighted += mean * n[h];
    total += n[h];
  }
  CHECK(weighted / total == Approx(scalar(r, "ed_mean_wait_hours")).epsilon(1e-6));
}

TEST_CASE("the hour-of-day profile of ED waits has its closed form when beds open at "
          "midnight", "[outputs][ed][hours][theory]") {
  // No beds on the first day; unlimited from midnight on day 1, when arrivals stop. A
  // patient arriving at hour hh + u (u uniform on (0, 1), Poisson arrivals) waits 24 - hh - u
  // hours: the mean for hour hh is 23.5 - hh. Counting the hour of the admission instead
  // (midnight for all) or of anything else would fail.
  Scenario s = basic_scenario(240.0, DistributionParams::exponential(1.0));
  s.run.horizon_days = 2;
  s.services[0].capacity = {0, {{Date{2026, 10, 6}, kUnlimitedCapacity}}};
  s.profiles = {{"first_day_only", Profile::Kind::dated, {}, {{Date{2026, 10, 6}, 0.0}},
                 Profile::Interpolation::step}};
  s.arrivals[0].profiles = {"first_day_only"};
  std::array<std::vector<double>, 24> means;
  const std::uint32_t replications = 20;
  for (std::uint32_t rep = 0; rep < replications; ++rep) {
    const ReplicationResult r = simulate_replication(s, 5, rep);
    for (std::size_t h = 0; h < 24; ++h)
      means[h].push_back(scalar(r, fmt::format("ed_wait_mean_hours_at_{:02d}h", h)));
  }
  // A 99% family of 24 intervals (Bonferroni).
  const double level = 1.0 - 0.01 / 24.0;
  for (std::size_t h = 0; h < 24; ++h) {
    const auto ci = engine::confidence_interval(means[h], level);
    const double expected = 23.5 - static_cast<double>(h);
    INFO("hour " << h << ": " << ci.mean << " +- " << ci.half_width << ", closed form "
         << expected);
    CHECK(ci.lower() <= expected);
    CHECK(expected <= ci.upper());
    CHECK(ci.half_width < 0.25);  // narrow enough to tell neighbouring hours apart
  }
}

TEST_CASE("a month two windows both observe counts the same waits however the windows end",
          "[outputs][ed][months]") {
  // The same seed to 14 December and to 3 December: October (from the 15th) and November
  // are observed alike, so their counts are equal exactly, though the shorter run still has
  // November's long waits open at its end (counted where they passed the threshold, as the
  // longer run counts them when they end).
  Scenario longer = overloaded_across_months();
  Scenario shorter = longer;
  shorter.run.horizon_days = 59;
  for (std::uint32_t rep = 0; rep < 3; ++rep) {
    INFO("replication " << rep);
    const ReplicationResult a = simulate_replication(longer, 63, rep);
    const ReplicationResult b = simulate_replication(shorter, 63, rep);
    REQUIRE(scalar(b, "ed_still_waiting_end") > 0.0);
    for (const char* name : {"ed_waits_over_4h_2026_10", "ed_waits_over_4h_2026_11",
                             "ed_waits_over_12h_2026_11"}) {
      INFO(name);
      CHECK(scalar(a, name) == scalar(b, name));
    }
    CHECK(scalar(a, "ed_waits_over_12h_2026_11") > 0.0);
  }
}

}  // namespace
}  // namespace bedflow::model::testing
