// Summaries across replications and the precision test on them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "bedflow/results/measure_summary.hpp"
#include "fake_results.hpp"

using namespace bedflow;

TEST_CASE("summaries keep the measures, mark headlines and put them first") {
  std::vector<model::ReplicationResult> reps;
  for (std::uint32_t r = 0; r < 6; ++r) reps.push_back(test::fake_replication(5, r));
  const auto summaries = results::summarise_measures(reps);
  REQUIRE(summaries.size() == reps.front().scalars.size());
  double sum = 0.0;
  for (const auto& rep : reps) sum += rep.scalars[0].value;
  REQUIRE(summaries[0].ci.mean == Approx(sum / 6.0));
  REQUIRE(summaries[0].ci.n == 6);
  const auto sorted = results::sort_headline_first(summaries);
  REQUIRE(sorted.back().name == "patients_arrived");
  const auto table = results::format_summary_table(summaries);
  REQUIRE(table.find("Headline measures") < table.find("Other measures"));
  REQUIRE(table.find("delayed_bed_days") < table.find("Other measures"));
  REQUIRE(table.find("patients_arrived") > table.find("Other measures"));
}

// A measure over 10 replications with this mean and CI half-width.
results::MeasureSummary summary_named(const char* name, bool precision, double mean = 0.0,
                                      double half_width = 0.0) {
  results::MeasureSummary summary{name, "u", false, {}, model::Accumulation::level, precision, {}};
  summary.ci.mean = mean;
  summary.ci.half_width = half_width;
  summary.ci.n = 10;
  return summary;
}

TEST_CASE("precision is judged on the default list relative to their means") {
  const results::MeasureSummary wide = summary_named("a", true, 100.0, 10.0);
  const results::MeasureSummary zero = summary_named("z", true);
  const results::MeasureSummary other = summary_named("o", false, 1.0, 100.0);
  const std::vector<results::MeasureSummary> summaries{wide, zero, other};

  const auto loose = results::check_precision(summaries, 0.2);
  REQUIRE(loose.reached);
  REQUIRE(loose.worst_ratio == Approx(0.5));
  REQUIRE(loose.skipped == std::vector<std::string>{"z"});

  const auto strict = results::check_precision(summaries, 0.05);
  REQUIRE_FALSE(strict.reached);
  REQUIRE(strict.worst_ratio == Approx(2.0));
  REQUIRE(strict.not_reached == std::vector<std::string>{"a"});

  // Named measures replace the default list: "o" is far too wide, "a" is not looked at.
  const auto named = results::check_precision(summaries, 0.05, {"o"});
  REQUIRE_FALSE(named.reached);
  REQUIRE(named.not_reached == std::vector<std::string>{"o"});
  REQUIRE(named.worst_ratio == Approx(100.0 / 0.05));
}

TEST_CASE("the precision verdict claims the target only for the measures it assessed") {
  const results::MeasureSummary good = summary_named("a", true, 100.0, 10.0);
  const results::MeasureSummary zero = summary_named("z", true);
  const results::MeasureSummary also_zero = summary_named("y", true);

  // One measure assessed and within 20%, two with mean 0: reached for "a" alone.
  const auto some = results::check_precision({good, zero, also_zero}, 0.2);
  REQUIRE(some.reached);
  REQUIRE(some.assessed == std::vector<std::string>{"a"});
  const auto reached = results::format_precision_verdict(some, 0.2, 10);
  CHECK_THAT(reached, Catch::StartsWith("Precision reached for the measures assessed: the 95% "
                                        "CIs of a are within 20% of their means after 10 "
                                        "replications."));
  CHECK_THAT(reached, Catch::EndsWith(" Not assessed: z, y (mean 0, which has no relative "
                                      "precision)."));
  CHECK(reached.find('\n') == std::string::npos);

  // Every measure assessed: the plain verdict, nothing about measures not assessed.
  const auto all =
      results::format_precision_verdict(results::check_precision({good}, 0.2), 0.2, 10);
  CHECK(all == "Precision reached: the 95% CIs of a are within 20% of their means after 10 "
               "replications.");

  // Nothing assessed: no claim that precision was reached.
  const auto none = results::format_precision_verdict(
      results::check_precision({zero, also_zero}, 0.2), 0.2, 10);
  CHECK(none.find("reached") == std::string::npos);
  CHECK_THAT(none, Catch::StartsWith("Precision not assessed after 10 replications: z, y have "
                                     "mean 0"));

  // Still too wide at the cap: which ones, and those not assessed named apart.
  const auto wide = results::format_precision_verdict(
      results::check_precision({good, zero}, 0.05), 0.05, 40);
  CHECK(wide == "Precision NOT reached within the cap of 40 replications; still too wide: a. "
                "Not assessed: z (mean 0, which has no relative precision).");
}

TEST_CASE("the sweep table has one row per headline measure and one column per variant") {
  std::vector<std::vector<results::MeasureSummary>> per_variant;
  for (std::uint64_t seed : {1u, 2u}) {
    std::vector<model::ReplicationResult> reps;
    for (std::uint32_t r = 0; r < 4; ++r) reps.push_back(test::fake_replication(seed, r));
    per_variant.push_back(results::summarise_measures(reps));
  }
  const auto table = results::format_sweep_table({"600", "650"}, per_variant);
  REQUIRE(std::count(table.begin(), table.end(), '\n') == 1 + 3);  // header + 3 headlines
  REQUIRE(table.find("600") < table.find("650"));
  REQUIRE(table.find("patients_arrived") == std::string::npos);
  REQUIRE(table.find("+/-") != std::string::npos);
}

TEST_CASE("GBP-sized figures print whole with grouped thousands, never in exponent form") {
  results::MeasureSummary cost = summary_named("cost_total", false, 1234567.4, 23456.0);
  cost.unit = "GBP";
  // A negative change prints its sign before the groups.
  const results::MeasureSummary beds =
      summary_named("delayed_bed_days", false, -98765432.0, 1500.0);
  const results::MeasureSummary share =
      summary_named("acute_occupancy_share", false, 0.91234, 0.0123);
  const auto table = results::format_summary_table({cost, beds, share});
  INFO(table);
  CHECK(table.find("1,234,567") != std::string::npos);
  CHECK(table.find("-98,765,432") != std::string::npos);
  CHECK(table.find("[1,211,111, 1,258,023]") != std::string::npos);
  CHECK(table.find("0.9123") != std::string::npos);
  CHECK(table.find("e+0") == std::string::npos);
}

TEST_CASE("intervals shown are clipped to the measure's possible range, stored ones are not") {
  // Replications with a rare count (0, 0, 0, 0, 3) and a share near 1 (1, 1, 1, 1, 0.9): the
  // Student-t interval mean +/- t(4) sd / sqrt(5) reaches below 0 and above 1.
  const std::vector<double> counts = {0.0, 0.0, 0.0, 0.0, 3.0};
  const std::vector<double> shares = {1.0, 1.0, 1.0, 1.0, 0.9};
  std::vector<model::ReplicationResult> reps(counts.size());
  for (std::size_t r = 0; r < reps.size(); ++r) {
    reps[r].scalars.push_back({"ed_waits_over_12h", "patients", counts[r], true,
                               model::Accumulation::total, false});
    reps[r].scalars.push_back({"acute_occupancy_share", "share", shares[r], true,
                               model::Accumulation::level, false});
    reps[r].scalars.push_back({"change_in_beds", "beds difference", counts[r] - 1.0, false,
                               model::Accumulation::level, false});
  }
  const auto summaries = results::summarise_measures(reps);
  const auto raw_count = engine::confidence_interval(counts);
  const auto raw_share = engine::confidence_interval(shares);
  // Stored: as computed, past the range.
  REQUIRE(summaries[0].ci.lower() == raw_count.lower());
  REQUIRE(raw_count.lower() < 0.0);
  REQUIRE(summaries[1].ci.upper() == raw_share.upper());
  REQUIRE(raw_share.upper() > 1.0);
  // Shown: clipped at the bound crossed, the other end unchanged.
  const auto count = results::shown_interval(summaries[0]);
  CHECK(count.lower == 0.0);
  CHECK(count.upper == raw_count.upper());
  const auto share = results::shown_interval(summaries[1]);
  CHECK(share.lower == raw_share.lower());
  CHECK(share.upper == 1.0);
  // A unit with no known range (a difference) is never clipped.
  const auto difference = results::shown_interval(summaries[2]);
  CHECK(difference.lower == summaries[2].ci.lower());
  CHECK(difference.lower < -1.0);
  // A rate's unit is its base's: patients/year is never negative.
  const auto yearly = results::as_rate(summaries[0], 365.0 / 90.0, "year");
  CHECK(results::shown_interval(yearly).lower == 0.0);
  CHECK(results::possible_range("GBP/year").low == 0.0);
  CHECK(std::isinf(results::possible_range("beds difference").high));
  // The terminal table shows the clipped interval, per window and per year.
  model::ObservedWindow window;
  window.to_days = 90.0;
  results::SummaryTableOptions options;
  options.window = window;
  const auto table = results::format_summary_table(summaries, options);
  CHECK(table.find("[0, ") != std::string::npos);
  const bool only_difference_negative =
      table.find("[-") == std::string::npos || table.find("[-") > table.find("change_in_beds");
  CHECK(only_difference_negative);  // only the difference goes below 0
  CHECK(table.find(", 1]") != std::string::npos);
}
