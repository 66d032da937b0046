// The report's sections for several acute trusts and for the mechanisms of flow (discharge
// windows, turnaround, closures, loss services): present only when the file has their
// measures, their cells the file's means with 95% CIs clipped to what the measure can be.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <string>
#include <tuple>
#include <vector>

#include "page_text.hpp"
#include "../results/fake_results.hpp"
#include "bedflow/report/report.hpp"
#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/write_results.hpp"
#include "format.hpp"

using namespace bedflow;

using bedflow::report::testing::contains;
using bedflow::report::testing::section;

namespace {

std::string page_of(const results::ResultsFile& file, const std::string& name) {
  const auto path = test::scratch_path(name);
  results::write_results_file(path, file);
  std::vector<report::ReportSource> sources;
  sources.push_back(report::load_report_source(path));
  return report::build_report(sources).html;
}

// The cell text the report must show for these replications' values: the mean and the 95%
// CI clipped to the unit's range, in the unit's style (a total per day when `per_day`).
std::string expected_cell(const std::vector<double>& values, const std::string& unit,
                          bool total, double per_day) {
  results::MeasureSummary s;
  s.unit = unit;
  s.ci = engine::confidence_interval(values);
  s.accumulation = total ? model::Accumulation::total : model::Accumulation::level;
  if (total) s = results::as_rate(s, per_day, "day");
  const auto shown = results::shown_interval(s);
  return report::format_value(s.ci.mean, s.unit) + " <span class=\"ci\">(" +
         report::format_range(shown.lower, shown.upper, s.unit) + ")</span>";
}

constexpr auto kTotal = model::Accumulation::total;
constexpr auto kLevel = model::Accumulation::level;

results::ResultsFile file_with(std::uint64_t seed, bool trusts, bool mechanisms) {
  auto file = test::fake_file(seed, 5);
  file.metadata.scenario_name = "four-ish";
  file.metadata.scenario_resolved =
      "schema: 1\nscenario:\n  name: four-ish\n  start: 2026-10-01\nservices:\n"
      "  north: { kind: acute, capacity: 400 }\n  south: { kind: acute, capacity: 300 }\n"
      "  intermediate_care: { kind: beds, capacity: 20 }\n";
  for (auto& variant : file.variants) {
    variant.resolved_yaml = file.metadata.scenario_resolved;
    for (auto& rep : variant.replications) {
      const double r = rep.replication;
      auto& m = rep.scalars;
      // acute_occupancy_share comes with the fake file.
      m.push_back({"ed_mean_wait_hours", "hours", 1.5 + 0.1 * r, true, kLevel, false});
      m.push_back({"ed_waits_over_4h", "patients", 300.0 + r, false, kTotal, false});
      m.push_back({"ed_waits_over_12h", "patients", r == 4 ? 9.0 : 0.0, true, kTotal, false});
      m.push_back({"delayed_patients_mean", "patients", 90.0 + r, true, kLevel, true});
      if (trusts) {
        for (const char* trust : {"north", "south"}) {
          const double k = trust[0] == 'n' ? 1.0 : 2.0;
          m.push_back({fmt::format("occupancy_share_{}", trust), "share",
                       r == 4 ? 0.95 : 0.998 + 0.0005 * k, false, kLevel, false});
          m.push_back({fmt::format("ed_mean_wait_hours_{}", trust), "hours", k + 0.1 * r, false,
                       kLevel, false});
          m.push_back({fmt::format("ed_waits_over_4h_{}", trust), "patients", 100.0 * k + r, false,
                       kTotal, false});
          m.push_back({fmt::format("ed_waits_over_12h_{}", trust), "patients",
                       r == 4 ? 3.0 * k : 0.0, false, kTotal, false});
          m.push_back({fmt::format("delayed_patients_mean_{}", trust), "patients", 30.0 * k + r,
                       false, kLevel, false});
        }
      }
      if (mechanisms) {
        m.push_back({"discharge_window_wait_mean_hours", "hours", 5.0 + 0.2 * r, false, kLevel, false});
        m.push_back({"window_wait_mean_hours_north", "hours", 6.0 + 0.3 * r, false, kLevel, false});
        m.push_back({"turnaround_beds_mean_north", "beds", 12.0 + r, false, kLevel, false});
        m.push_back({"closures_north", "closures", r == 0 ? 1.0 : 0.0, false, kTotal, false});
        m.push_back({"beds_closed_mean_north", "beds", r == 0 ? 2.5 : 0.0, false, kLevel, false});
        m.push_back({"turned_away_intermediate_care", "patients", 40.0 + 2.0 * r, false, kTotal, false});
        m.push_back({"blocking_share_intermediate_care", "share", 0.1 + 0.01 * r, false, kLevel, false});
      }
    }
  }
  return file;
}

std::vector<double> values_of(const results::ResultsFile& file, const std::string& measure) {
  std::vector<double> values;
  for (const auto& rep : file.variants.front().replications)
    for (const auto& m : rep.scalars)
      if (m.name == measure) values.push_back(m.value);
  return values;
}

}  // namespace

TEST_CASE("several acute trusts: a row per trust and one for all together") {
  const auto file = file_with(61, true, false);
  const double per_day = results::per_day_factor(results::variant_window(file.variants.front()));
  const auto html = page_of(file, "report_trusts.h5");
  const auto trusts = section(html, "trusts");
  REQUIRE(!trusts.empty());
  CHECK(contains(trusts, "<td>North</td>"));
  CHECK(contains(trusts, "<td>South</td>"));
  CHECK(contains(trusts, "All trusts together"));
  CHECK(trusts.find("<td>North</td>") < trusts.find("<td>South</td>"));  // the scenario's order
  CHECK(contains(trusts, "Waits in ED over 12 hours (patients a day)"));
  const std::vector<std::tuple<std::string, std::string, bool>> cells = {
      {"occupancy_share_north", "share", false},
      {"ed_mean_wait_hours_south", "hours", false},
      {"ed_waits_over_4h_south", "patients", true},
      {"ed_waits_over_12h_north", "patients", true},
      {"delayed_patients_mean_north", "patients", false},
      {"acute_occupancy_share", "share", false},
      {"ed_waits_over_12h", "patients", true}};
  for (const auto& [measure, unit, total] : cells) {
    INFO(measure);
    CHECK(contains(trusts, expected_cell(values_of(file, measure), unit, total, per_day)));
  }
  // Clipped: one replication in five has waits over 12 hours (a CI reaching below 0), and
  // four of five are nearly full (a CI reaching above 100%); the page shows neither.
  const auto twelve = engine::confidence_interval(values_of(file, "ed_waits_over_12h_north"));
  REQUIRE(twelve.lower() < 0.0);
  const auto full = engine::confidence_interval(values_of(file, "occupancy_share_north"));
  REQUIRE(full.upper() > 1.0);
  CHECK(contains(trusts, "(0–"));
  std::string clipped_at_full = "–";
  clipped_at_full += report::format_share(1.0);
  clipped_at_full += ")";
  CHECK(contains(trusts, clipped_at_full));
  CHECK(!contains(trusts, "(\u2212"));
  // One acute service's file has no such section (its results are the headline figures).
  CHECK(section(page_of(file_with(62, false, false), "report_one_trust.h5"), "trusts").empty());
}

TEST_CASE("windows, turnaround, closures and turned away: tables only for what the file has") {
  const auto file = file_with(63, false, true);
  const double per_day = results::per_day_factor(results::variant_window(file.variants.front()));
  const double per_year = 365.0 * per_day;
  const auto html = page_of(file, "report_flow_losses.h5");
  const auto flow = section(html, "flow-losses");
  REQUIRE(!flow.empty());
  for (const char* title : {"Waits for the discharge window", "Beds in turnaround",
                            "Ward closures", "Patients turned away when full"}) {
    INFO(title);
    CHECK(contains(flow, title));
  }
  CHECK(contains(flow, "Every service with a window (hours)"));
  CHECK(contains(flow, "North (hours)"));
  CHECK(contains(flow, "Intermediate care: share of those offered turned away"));
  CHECK(contains(flow, expected_cell(values_of(file, "discharge_window_wait_mean_hours"), "hours",
                                     false, per_day)));
  CHECK(contains(flow, expected_cell(values_of(file, "turnaround_beds_mean_north"), "beds",
                                     false, per_day)));
  CHECK(contains(flow, expected_cell(values_of(file, "turned_away_intermediate_care"),
                                     "patients", true, per_day)));
  CHECK(contains(flow, expected_cell(values_of(file, "blocking_share_intermediate_care"), "share",
                                     false, per_day)));
  // Closures a year: one closure in one replication of five, the CI clipped at 0.
  results::MeasureSummary closures;
  closures.unit = "closures";
  closures.accumulation = kTotal;
  closures.ci = engine::confidence_interval(values_of(file, "closures_north"));
  closures = results::as_rate(closures, per_year, "year");
  REQUIRE(closures.ci.lower() < 0.0);
  CHECK(contains(flow, report::format_value(closures.ci.mean, closures.unit) +
                           " <span class=\"ci\">(0–"));
  CHECK(section(html, "trusts").empty());  // no per-trust measures in this file
  // Only windows: the other tables are left out; none of them: no section at all.
  auto windows_only = file_with(64, false, false);
  for (auto& rep : windows_only.variants.front().replications)
    rep.scalars.push_back({"discharge_window_wait_mean_hours", "hours", 5.0, false, kLevel, false});
  const auto only = section(page_of(windows_only, "report_windows_only.h5"), "flow-losses");
  CHECK(contains(only, "Waits for the discharge window"));
  CHECK(!contains(only, "Beds in turnaround"));
  CHECK(!contains(only, "Ward closures"));
  CHECK(section(page_of(file_with(65, false, false), "report_no_flow.h5"), "flow-losses").empty());
}

TEST_CASE("a trust's occupancy chart claims no base-beds line it cannot draw") {
  // Escalation beds are recorded for all acute services together ("acute" group), so a
  // trust's chart has occupancy and beds open, not base beds: its caption says only that.
  auto file = file_with(62, true, false);
  for (auto& rep : file.variants.front().replications) {
    const std::size_t days = rep.series.front().values.size();
    rep.series.push_back({"north", "occupancy", "places", std::vector<double>(days, 380.0)});
    rep.series.push_back({"north", "capacity", "places", std::vector<double>(days, 400.0)});
  }
  const auto html = page_of(file, "report_trust_chart.h5");
  CHECK(contains(html, "North: occupied, against beds open"));
  CHECK_FALSE(contains(html, "North: occupied, against base beds"));
}
