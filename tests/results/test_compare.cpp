// compare: B - A with 95% intervals, paired under common random numbers, Welch otherwise.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bedflow/results/compare.hpp"
#include "fake_results.hpp"

using namespace bedflow;

namespace {

std::vector<model::ReplicationResult> replications(std::uint64_t seed, std::uint32_t n,
                                                   double shift) {
  std::vector<model::ReplicationResult> reps;
  for (std::uint32_t r = 0; r < n; ++r) reps.push_back(test::fake_replication(seed, r, false, shift));
  return reps;
}

results::MeasureDifference find(const results::Comparison& c, const std::string& name) {
  const auto found = std::find_if(c.measures.begin(), c.measures.end(),
                                  [&](const results::MeasureDifference& d) { return d.name == name; });
  REQUIRE(found != c.measures.end());
  return *found;
}

}  // namespace

TEST_CASE("a run compared with itself differs by exactly zero") {
  const auto a = replications(11, 8, 0.0);
  for (bool paired : {true, false}) {
    const auto c = results::compare_replications(a, a, paired);
    REQUIRE(c.measures.size() == a.front().scalars.size());
    for (const auto& m : c.measures) {
      const auto& d = m.effect();
      REQUIRE(d.difference == 0.0);
      REQUIRE(d.mean_a == d.mean_b);
      REQUIRE_FALSE(d.significant());
      if (paired) REQUIRE(d.half_width == 0.0);
    }
    REQUIRE(c.only_in_a.empty());
    REQUIRE(c.only_in_b.empty());
  }
}

TEST_CASE("a shift shared by every replication is found exactly when paired") {
  const auto a = replications(11, 10, 0.0);
  const auto b = replications(11, 10, 25.0);  // same streams, delayed_bed_days + 25
  const auto paired = results::compare_replications(a, b, true);
  const auto d = *find(paired, "delayed_bed_days").over_window;
  REQUIRE(d.difference == Approx(25.0));
  REQUIRE(d.half_width < 1e-9);
  REQUIRE(d.significant());
  // Independent analysis of the same numbers carries the replication noise.
  const auto welch =
      *find(results::compare_replications(a, b, false), "delayed_bed_days").over_window;
  REQUIRE(welch.difference == Approx(25.0));
  REQUIRE(welch.half_width > 1.0);
}

TEST_CASE("measures present on one side only are listed, not compared") {
  auto a = replications(3, 4, 0.0);
  auto b = replications(3, 4, 0.0);
  for (auto& rep : a) rep.scalars.push_back({"only_a", "x", 1.0, false});
  for (auto& rep : b) {
    // Listed first in B: matching goes by name, not by position.
    std::vector<model::ScalarMeasure> scalars{{"only_b", "x", 1.0, false}};
    scalars.insert(scalars.end(), rep.scalars.begin(), rep.scalars.end());
    rep.scalars = scalars;
  }
  const auto c = results::compare_replications(a, b, true);
  REQUIRE(c.only_in_a == std::vector<std::string>{"only_a"});
  REQUIRE(c.only_in_b == std::vector<std::string>{"only_b"});
  REQUIRE(c.measures.size() == 5);
  const auto csv = results::format_comparison_csv(c);
  REQUIRE(csv.rfind("measure,unit,", 0) == 0);
  REQUIRE(std::count(csv.begin(), csv.end(), '\n') == 6);
  const auto table = results::format_comparison_table(c, "a.h5", "b.h5");
  REQUIRE(table.find("Only in A (not compared): only_a") != std::string::npos);
  REQUIRE(table.find("paired by replication") != std::string::npos);
}

TEST_CASE("totals over different windows are compared per year, never as totals") {
  const auto a = replications(11, 10, 0.0);
  auto b = replications(11, 10, 0.0);
  // B observed twice as long and, at the same daily rate, accumulated twice as much.
  for (auto& rep : b) {
    rep.window.to_days = rep.window.from_days + 2.0 * a.front().window.days();
    for (auto& scalar : rep.scalars) {
      if (scalar.accumulation == model::Accumulation::total) scalar.value *= 2.0;
    }
  }
  const auto c = results::compare_replications(a, b, true);
  REQUIRE_FALSE(c.same_window());
  const auto total = find(c, "delayed_bed_days");
  REQUIRE_FALSE(total.over_window.has_value());
  REQUIRE(total.per_year.has_value());
  // Same rate per year: the effect is zero, exactly.
  REQUIRE(total.per_year->difference == Approx(0.0).margin(1e-6));
  REQUIRE(total.per_year->mean_a ==
          Approx(a.front().scalars.front().value * 0 + total.per_year->mean_b));
  const double days = a.front().window.days();
  REQUIRE(total.per_year->mean_a ==
          Approx(results::compare_replications(a, a, true).measures.front().over_window->mean_a *
                 365.0 / days));
  // A level compares as it is, whatever the windows.
  const auto level = find(c, "acute_occupancy_share");
  REQUIRE(level.over_window.has_value());
  REQUIRE_FALSE(level.per_year.has_value());

  const auto table = results::format_comparison_table(c, "a.h5", "b.h5");
  INFO(table);
  REQUIRE(table.find("2026-10-15 to 2026-11-14 (31 days)") != std::string::npos);
  REQUIRE(table.find("2026-10-15 to 2026-12-15 (62 days)") != std::string::npos);
  REQUIRE(table.find("windows DIFFER") != std::string::npos);
  const auto csv = results::format_comparison_csv(c);
  REQUIRE(csv.find("delayed_bed_days,bed-days,total,1,,,,,,") != std::string::npos);
}

TEST_CASE("the money block splits what a change costs from what it saves") {
  auto a = replications(11, 6, 0.0);
  auto b = replications(11, 6, 0.0);
  auto add_costs = [](std::vector<model::ReplicationResult>& reps, double capacity,
                      double activity) {
    for (auto& rep : reps) {
      rep.scalars.push_back({"cost_capacity_x", "GBP", capacity, false,
                             model::Accumulation::total, false});
      rep.scalars.push_back({"cost_activity_x", "GBP", activity, false,
                             model::Accumulation::total, false});
      for (auto& scalar : rep.scalars) {
        if (scalar.name == "cost_total") scalar.value = capacity + activity;
      }
    }
  };
  add_costs(a, 100.0, 500.0);
  add_costs(b, 160.0, 420.0);  // 60 more on places, 80 less on activity
  const auto money = results::cost_change(results::compare_replications(a, b, true));
  REQUIRE(money.has_costs);
  const double year = 365.0 / a.front().window.days();
  REQUIRE(money.extra_cost_per_year == Approx(60.0 * year));
  REQUIRE(money.saving_per_year == Approx(80.0 * year));
  REQUIRE(money.net_per_year.difference == Approx(-20.0 * year));
}

TEST_CASE("a paired comparison carries the replications' spread of the effect") {
  const auto a = replications(11, 10, 0.0);
  const auto b = replications(11, 10, 25.0);
  const auto c = results::compare_replications(a, b, true, {10.0, 90.0});
  REQUIRE(c.percentiles == std::vector<double>{10.0, 90.0});
  const auto shifted = *find(c, "delayed_bed_days").over_window;
  REQUIRE(shifted.percentiles.size() == 2);
  // Every replication differs by exactly 25: no spread.
  REQUIRE(shifted.percentiles[0] == Approx(25.0));
  REQUIRE(shifted.percentiles[1] == Approx(25.0));
  const auto csv = results::format_comparison_csv(c);
  REQUIRE(csv.find("P10_difference,P10_difference_per_year,P90_difference") != std::string::npos);
  const auto table = results::format_comparison_table(c, "a.h5", "b.h5", true);
  REQUIRE(table.find("Spread of B - A across replications") != std::string::npos);
  // Independent runs have no per-replication effect to spread.
  const auto welch = results::compare_replications(a, b, false, {10.0, 90.0});
  REQUIRE(welch.percentiles.empty());
  REQUIRE(find(welch, "delayed_bed_days").over_window->percentiles.empty());
}

TEST_CASE("paired files with unequal replication counts are compared over the first n of each") {
  const auto a = replications(11, 6, 0.0);
  const auto b = replications(11, 4, 25.0);
  const auto c = results::compare_replications(a, b, true);
  const auto& d = find(c, "delayed_bed_days");
  REQUIRE(d.n_a == 6);
  REQUIRE(d.n_b == 4);
  // Over the first 4 of each, every pair differs by exactly 25.
  REQUIRE(d.over_window->difference == Approx(25.0));
  const auto note = results::unequal_replications_note(true, "a.h5", 6, "b.h5", 4);
  REQUIRE(note == "a.h5 has 6 replications and b.h5 has 4: the paired difference, and both "
                  "means beside it, use the first 4 of each.");
  // Equal counts, or independent runs (Welch uses every replication): nothing to say.
  REQUIRE(results::unequal_replications_note(true, "a", 4, "b", 4).empty());
  REQUIRE(results::unequal_replications_note(false, "a", 6, "b", 4).empty());
}

TEST_CASE("a month the two windows observe for different days is listed, not compared") {
  // A observes 2026-10-15 to 2026-11-14; B the same start to 2026-12-15. October is observed
  // alike (17 days each); November for 14 days against 30: its count is no effect.
  auto a = replications(11, 4, 0.0);
  auto b = replications(11, 4, 0.0);
  for (auto* side : {&a, &b}) {
    for (auto& rep : *side) {
      for (const char* month : {"2026_10", "2026_11"}) {
        rep.scalars.push_back({std::string("ed_waits_over_4h_") + month, "patients", 30.0, false,
                               model::Accumulation::level, false});
      }
    }
  }
  for (auto& rep : b) rep.window.to_days = rep.window.from_days + 62.0;
  const auto c = results::compare_replications(a, b, true);
  REQUIRE(c.month_observed_differently == std::vector<std::string>{"ed_waits_over_4h_2026_11"});
  REQUIRE(find(c, "ed_waits_over_4h_2026_10").over_window->difference == Approx(0.0));
  const auto table = results::format_comparison_table(c, "a.h5", "b.h5");
  REQUIRE(table.find("observe for different days (not compared): ed_waits_over_4h_2026_11") !=
          std::string::npos);
  // The same windows compare every month.
  REQUIRE(results::compare_replications(a, a, true).month_observed_differently.empty());
}
