// Waits in ED per acute trust by month in the report: the names read as trust and month (ids
// with underscores and digits included), a table per threshold in the section by acute trust
// with the file's means and CIs as levels, and no other table counting them or misnaming them.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "../results/fake_results.hpp"
#include "page_text.hpp"
#include "bedflow/report/report.hpp"
#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/write_results.hpp"
#include "format.hpp"
#include "labels.hpp"

using namespace bedflow;
using bedflow::report::testing::contains;
using bedflow::report::testing::section;

namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::string page_of(const std::vector<results::ResultsFile>& files, const std::string& name) {
  std::vector<report::ReportSource> sources;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto path = test::scratch_path(fmt::format("{}_{}.h5", name, i));
    results::write_results_file(path, files[i]);
    sources.push_back(report::load_report_source(path));
  }
  return report::build_report(sources).html;
}

constexpr auto kTotalMeasure = model::Accumulation::total;
constexpr auto kLevelMeasure = model::Accumulation::level;
// Trust ids a month reading from the front would get wrong.
const std::vector<std::string> kTrusts = {"acute_2027", "east_kent"};
// The fake window, 2026-10-15 to 2026-11-14: 17 of October's days, 14 of November's.
const std::vector<std::string> kMonths = {"2026_10", "2026_11"};

// Replication r's count of waits over 4 hours at trust t in month m (12-hour waits: none).
double waits(double r, std::size_t t, std::size_t m) {
  return 10.0 * static_cast<double>(t + 1) + 3.0 * static_cast<double>(m) + r;
}

// Two trusts with their months, the system's months and the window counts, all adding up.
results::ResultsFile trusts_file(std::uint64_t seed, bool with_trust_months) {
  auto file = test::fake_file(seed, 5);
  file.metadata.scenario_name = "two-trusts";
  file.metadata.scenario_resolved =
      "schema: 1\nscenario:\n  name: two-trusts\n  start: 2026-10-01\nservices:\n"
      "  acute_2027: { kind: acute, capacity: 400 }\n  east_kent: { kind: acute, capacity: 300 }\n";
  for (auto& variant : file.variants) {
    variant.resolved_yaml = file.metadata.scenario_resolved;
    for (auto& rep : variant.replications) {
      const double r = rep.replication;
      auto& s = rep.scalars;
      double all = 0.0;
      for (std::size_t t = 0; t < kTrusts.size(); ++t) {
        const auto& trust = kTrusts[t];
        s.push_back({"ed_mean_wait_hours_" + trust, "hours", 1.0 + r, false, kLevelMeasure, false});
        s.push_back({"occupancy_share_" + trust, "share", 0.9, false, kLevelMeasure, false});
        s.push_back({"delayed_patients_mean_" + trust, "patients", 20.0, false, kLevelMeasure, false});
        double window = 0.0;
        for (std::size_t m = 0; m < kMonths.size(); ++m) window += waits(r, t, m);
        s.push_back({"ed_waits_over_4h_" + trust, "patients", window, false, kTotalMeasure, false});
        s.push_back({"ed_waits_over_12h_" + trust, "patients", 0.0, false, kTotalMeasure, false});
        all += window;
      }
      s.push_back({"ed_mean_wait_hours", "hours", 1.5 + r, true, kLevelMeasure, false});
      s.push_back({"ed_waits_over_4h", "patients", all, false, kTotalMeasure, false});
      s.push_back({"ed_waits_over_12h", "patients", 0.0, true, kTotalMeasure, false});
      s.push_back({"delayed_patients_mean", "patients", 40.0, true, kLevelMeasure, true});
      for (std::size_t m = 0; m < kMonths.size(); ++m) {
        double month = 0.0;
        for (std::size_t t = 0; t < kTrusts.size(); ++t) month += waits(r, t, m);
        s.push_back({"ed_waits_over_4h_" + kMonths[m], "patients", month, false, kLevelMeasure, false});
        s.push_back({"ed_waits_over_12h_" + kMonths[m], "patients", 0.0, false, kLevelMeasure, false});
      }
      if (!with_trust_months) continue;
      for (std::size_t t = 0; t < kTrusts.size(); ++t) {
        for (std::size_t m = 0; m < kMonths.size(); ++m) {
          const std::string stem = kTrusts[t] + "_" + kMonths[m];
          s.push_back(
              {"ed_waits_over_4h_" + stem, "patients", waits(r, t, m), false, kLevelMeasure, false});
          s.push_back({"ed_waits_over_12h_" + stem, "patients", 0.0, false, kLevelMeasure, false});
        }
      }
    }
  }
  return file;
}

// The cell for a level: the mean over the five replications and its clipped 95% CI.
std::string level_cell(const std::vector<double>& values) {
  results::MeasureSummary s;
  s.unit = "patients";
  s.accumulation = kLevelMeasure;
  s.ci = engine::confidence_interval(values);
  const auto shown = results::shown_interval(s);
  return report::format_value(s.ci.mean, s.unit) + " <span class=\"ci\">(" +
         report::format_range(shown.lower, shown.upper, s.unit) + ")</span>";
}

std::vector<double> over_replications(std::size_t t, std::size_t m, bool system) {
  std::vector<double> values;
  for (double r = 0; r < 5; ++r) {
    double v = 0.0;
    for (std::size_t k = 0; k < kTrusts.size(); ++k)
      if (system || k == t) v += waits(r, k, m);
    values.push_back(v);
  }
  return values;
}

}  // namespace

TEST_CASE("ED wait names read as system or trust, over the window or a month") {
  struct Case {
    std::string name, hours, service, month;
  };
  const std::vector<Case> cases = {
      {"ed_waits_over_12h_2027_01", "12", "", "2027_01"},
      {"ed_waits_over_4h_north", "4", "north", ""},
      {"ed_waits_over_4h_north_2027_01", "4", "north", "2027_01"},
      {"ed_waits_over_4h_acute_east_kent_2027_12", "4", "acute_east_kent", "2027_12"},
      {"ed_waits_over_4h_acute_2027", "4", "acute_2027", ""},
      {"ed_waits_over_4h_acute_2027_2026_11", "4", "acute_2027", "2026_11"},
      {"ed_waits_over_4p5h_a_1_2026_01", "4p5", "a_1", "2026_01"},
      {"ed_waits_over_4h_north_2027_13", "4", "north_2027_13", ""},  // no month 13
      {"ed_waits_over_4h_north_2027_00", "4", "north_2027_00", ""},
      {"ed_waits_over_4h_north2027_01", "4", "north2027_01", ""},  // no '_' before the month
      {"ed_waits_over_4h_2027_1", "4", "2027_1", ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    report::EdWaitCount count;
    REQUIRE(report::ed_wait_count(c.name, count));
    CHECK(count.hours == c.hours);
    CHECK(count.service == c.service);
    CHECK(count.month == c.month);
    std::string hours, month;
    CHECK(report::ed_wait_month(c.name, hours, month) == (c.service.empty() && !c.month.empty()));
    CHECK(report::ed_wait_threshold(c.name).empty());  // never a card's window total
  }
  report::EdWaitCount count;
  for (const char* other : {"ed_waits_over_4h", "ed_waits_over_4h_", "ed_waits_over_xh_north",
                            "ed_wait_mean_hours_at_08h", "queue_mean_acute_2027_01"}) {
    INFO(other);
    CHECK_FALSE(report::ed_wait_count(other, count));
  }
  CHECK(report::measure_label("ed_waits_over_4h_acute_2027_2026_11") ==
        "Acute 2027: ED waits for a bed over 4 hours, November 2026");
  CHECK(report::measure_label("ed_waits_over_4p5h_east_kent_2027_01") ==
        "East kent: ED waits for a bed over 4.5 hours, January 2027");
  CHECK(report::measure_label("ed_waits_over_4h_acute_2027") ==
        "Acute 2027: ED waits for a bed over 4 hours");
  CHECK(report::measure_label("ed_waits_over_12h_2027_01") ==
        "ED waits for a bed over 12 hours, January 2027");
}

TEST_CASE("the section by acute trust has a table of ED waits by month and trust") {
  const auto file = trusts_file(71, true);
  const auto html = page_of({file}, "report_trust_months");
  const auto trusts = section(html, "trusts");
  REQUIRE(!trusts.empty());
  const auto at = trusts.find("Waits in ED over 4 hours by month and trust");
  REQUIRE(at != std::string::npos);
  const auto table = trusts.substr(at, trusts.find("</table>", at) - at);
  // Columns: the trusts in the scenario's order, then all together.
  CHECK(table.find("<th>Acute 2027</th>") < table.find("<th>East kent</th>"));
  CHECK(table.find("<th>East kent</th>") < table.find("<th>All trusts together</th>"));
  // Rows: the months, partly observed ones saying so.
  CHECK(contains(table, "<td>October 2026 (17 of 31 days)</td>"));
  CHECK(contains(table, "<td>November 2026 (14 of 30 days)</td>"));
  CHECK(occurrences(table, "<tr>") == 1 + kMonths.size());
  // Cells: counts over the month (levels), not patients a day.
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    for (std::size_t t = 0; t < kTrusts.size(); ++t) {
      INFO(kTrusts[t] << " " << kMonths[m]);
      CHECK(contains(table, level_cell(over_replications(t, m, false))));
    }
    INFO("all trusts, " << kMonths[m]);
    CHECK(contains(table, level_cell(over_replications(0, m, true))));
  }
  // October's row in order: its month, then acute_2027, east_kent, all together.
  const auto october = table.substr(table.find("October 2026"));
  const auto first = october.find(level_cell(over_replications(0, 0, false)));
  const auto second = october.find(level_cell(over_replications(1, 0, false)));
  const auto together = october.find(level_cell(over_replications(0, 0, true)));
  CHECK(first < second);
  CHECK(second < together);
  CHECK(together < october.find("</tr>"));
  // No patient waited over 12 hours: one sentence, no table.
  CHECK(contains(trusts, "No patient waited more than 12 hours in ED for a bed at any trust"));
  CHECK(!contains(trusts, "Waits in ED over 12 hours by month and trust</h3><table"));
  // The window table still reads the trusts' window counts, per day.
  CHECK(contains(trusts, "Waits in ED over 4 hours (patients a day)"));
}

TEST_CASE("per-trust months are not counted or misnamed elsewhere in the report") {
  const auto with = trusts_file(72, true);
  const auto html = page_of({with}, "report_trust_months_elsewhere");
  // The ED waits section's months are the system's: two rows per threshold, no trust in it.
  const auto ed = section(html, "ed-waits");
  REQUIRE(!ed.empty());
  CHECK(!contains(ed, "Acute 2027"));
  CHECK(!contains(ed, "acute_2027"));
  CHECK(occurrences(ed, "<td>October 2026</td>") == 1);  // the 4-hour table; 12 hours: none
  // The cards read the system's window totals only.
  const auto answer = section(html, "answer");
  CHECK(occurrences(answer, "data-measure=\"ed_waits_over_") == 2);
  CHECK(!contains(answer, "2026_10"));
  // Differences name each trust-month as one.
  auto other = trusts_file(72, true);
  other.metadata.scenario_name = "more-beds";
  const auto compared = section(page_of({with, other}, "report_trust_months_compared"),
                                "differences");
  CHECK(contains(compared, "Acute 2027: ED waits for a bed over 4 hours, October 2026"));
  CHECK(contains(compared, "East kent: ED waits for a bed over 4 hours, November 2026"));
  CHECK(!contains(compared, "2027 2026"));
}

TEST_CASE("a file with trusts but no per-trust months says so and keeps the trust table") {
  const auto html = page_of({trusts_file(73, false)}, "report_no_trust_months");
  const auto trusts = section(html, "trusts");
  REQUIRE(!trusts.empty());
  CHECK(contains(trusts, "<td>East kent</td>"));
  CHECK(!contains(trusts, "by month and trust"));
  CHECK(contains(trusts, "no waits in ED per acute trust by month"));
}
