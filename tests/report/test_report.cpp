// The report library: sections present, numbers equal to the file's, what is missing said in
// the page, bad files refused naming the file.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <hdf5.h>

#include <cctype>
#include <fstream>
#include <string>

#include "page_text.hpp"
#include "../results/fake_results.hpp"
#include "bedflow/analysis/sizing_record.hpp"
#include "bedflow/analysis/target.hpp"
#include "bedflow/report/report.hpp"
#include "bedflow/report/report_error.hpp"
#include "bedflow/results/h5/read.hpp"
#include "bedflow/results/h5/write.hpp"
#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/write_results.hpp"
#include "format.hpp"
#include "labels.hpp"

using namespace bedflow;

using bedflow::report::testing::contains;

namespace {

std::string written(const results::ResultsFile& file, const std::string& name) {
  const auto path = test::scratch_path(name);
  results::write_results_file(path, file);
  return path;
}

report::Report report_of(const std::vector<std::string>& paths) {
  std::vector<report::ReportSource> sources;
  for (const auto& path : paths) sources.push_back(report::load_report_source(path));
  return report::build_report(sources);
}

// The fake file with the model's headline names, so the cards find them.
results::ResultsFile hospital_like_file(std::uint64_t seed) {
  auto file = test::fake_file(seed, 5);
  file.metadata.scenario_name = "small-system";
  file.metadata.scenario_given =
      "# Question: how full are the beds of a small system?\n#\n# Sources: made up for a test.\n"
      "schema: 1\nscenario:\n  name: small-system\n  description: A test system.\n"
      "services:\n  acute:\n    capacity: 520   # KNOB: from the trust's bed base\n";
  file.metadata.scenario_resolved =
      "schema: 1\nscenario:\n  name: small-system\n  description: A test system.\n"
      "  start: 2026-10-01\n  warmup_days: 14\nservices:\n  acute:\n    capacity: 520\n";
  for (auto& variant : file.variants) {
    variant.resolved_yaml = file.metadata.scenario_resolved;
    for (auto& rep : variant.replications) {
      rep.scalars.push_back({"delayed_patients_mean", "patients", 90.0 + rep.replication, true,
                             model::Accumulation::level, true});
      rep.scalars.push_back({"cost_delayed_discharge", "GBP", 4.0e5 + 1e3 * rep.replication,
                             true, model::Accumulation::total, false});
      rep.scalars.push_back({"cost_acute", "GBP", 2.0e6, false, model::Accumulation::total, false});
    }
  }
  return file;
}

// True when a src= or href= attribute points at http(s): what a page that opens offline
// must never hold.
bool links_to_network(const std::string& html) {
  for (const std::string attribute : {"src", "href"}) {
    for (std::size_t at = html.find(attribute); at != std::string::npos;
         at = html.find(attribute, at + 1)) {
      std::size_t k = at + attribute.size();
      while (k < html.size() && std::isspace(static_cast<unsigned char>(html[k]))) ++k;
      if (k >= html.size() || html[k] != '=') continue;
      ++k;
      while (k < html.size() && (std::isspace(static_cast<unsigned char>(html[k])) ||
                                 html[k] == '"' || html[k] == '\'')) {
        ++k;
      }
      if (html.compare(k, 5, "http:") == 0 || html.compare(k, 6, "https:") == 0) return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("board-friendly numbers") {
  CHECK(report::format_number(951.3) == "951");
  CHECK(report::format_number(12345) == "12,300");
  CHECK(report::format_number(0.0456) == "0.0456");
  CHECK(report::format_share(0.9341) == "93.4%");
  CHECK(report::format_gbp(4.2e8) == "£420m");
  CHECK(report::format_gbp(45000) == "£45,000");
  CHECK(report::format_difference(-3.0, "patients") == "\u22123");
  CHECK(report::format_difference(0.021, "share") == "+2.1 pp");
}

TEST_CASE("a report has every section, a strict CSP and no network address") {
  const auto path = written(hospital_like_file(11), "report_sections.h5");
  const auto page = report_of({path});
  const auto& html = page.html;
  for (const char* id : {"answer", "over-time", "money", "method"}) {
    INFO(id);
    CHECK(contains(html, std::string("<section id=\"") + id + "\""));
  }
  CHECK(contains(html, "Content-Security-Policy"));
  CHECK(contains(html, "default-src 'none'"));
  CHECK_FALSE(links_to_network(html));
  CHECK(contains(html, "how full are the beds of a small system?"));
  CHECK(contains(html, "A test system."));
  CHECK(contains(html, "KNOB: from the trust&#39;s bed base"));
  CHECK(page.charts >= 2);
  CHECK(contains(html, "data-charts-expected=\"" + std::to_string(page.charts) + "\""));
}

TEST_CASE("headline numbers equal the summaries of the file's replications") {
  const auto path = written(hospital_like_file(12), "report_numbers.h5");
  const auto source = report::load_report_source(path);
  const auto& reps = source.file.variants.front().replications;
  const auto summaries = results::summarise_measures(reps, source.file.metadata.percentiles);
  const auto page = report::build_report({source});
  const double year = results::per_year_factor(reps.front().window);
  for (const auto& summary : summaries) {
    if (summary.name == "acute_occupancy_share" || summary.name == "delayed_patients_mean") {
      INFO(summary.name);
      const auto text = report::format_value(summary.ci.mean, summary.unit);
      CHECK(contains(page.html, "<div class=\"card-value\">" + text + "</div>"));
      CHECK(contains(page.html, "95% CI " + report::format_range(summary.ci.lower(),
                                                                  summary.ci.upper(), summary.unit)));
    }
    if (summary.name == "cost_total") {
      const auto annual = results::as_rate(summary, year, "year");
      CHECK(contains(page.html, "<div class=\"card-value\">" +
                                    report::format_gbp(annual.ci.mean) + "</div>"));
    }
  }
  CHECK(contains(page.html, results::describe_window(reps.front().window)));
}

TEST_CASE("what a file lacks is said in the page") {
  auto file = test::fake_file(13, 3);
  for (auto& rep : file.variants.front().replications) {
    rep.series.clear();
    std::erase_if(rep.scalars, [](const auto& s) { return s.name.rfind("cost_", 0) == 0; });
  }
  const auto page = report_of({written(file, "report_missing.h5")});
  CHECK(contains(page.html, "hold no time series"));
  CHECK(contains(page.html, "hold no cost measures"));
  CHECK(contains(page.html, "Not in this file (no measure delayed_patients_mean)"));
  CHECK(page.charts == 0);
  CHECK_FALSE(page.notes.empty());
}

TEST_CASE("two files: differences from the baseline, paired when the seeds match") {
  const auto a = written(hospital_like_file(21), "report_a.h5");
  auto other = hospital_like_file(21);
  other.metadata.scenario_name = "more-beds";
  const auto b = written(other, "report_b.h5");
  const auto page = report_of({a, b});
  CHECK(contains(page.html, "<section id=\"differences\""));
  CHECK(contains(page.html, "more-beds against small-system"));
  CHECK(contains(page.html, "paired by replication"));
  CHECK(contains(page.html, "Cost and savings of each option against the baseline"));
  CHECK_FALSE(contains(page.html, "use the first"));

  // The option with one replication fewer: the page says the pairs are the first 4 of each.
  other.variants.front().replications.pop_back();
  const auto fewer = written(other, "report_b_fewer.h5");
  const auto unequal = report_of({a, fewer});
  CHECK(contains(unequal.html, "The baseline has 5 replications and the option has 4"));
  CHECK(contains(unequal.html, "use the first 4 of each"));

  // Two runs of one scenario (a baseline and a --set option): each is named with its file.
  const auto same_name = written(hospital_like_file(21), "report_option.h5");
  const auto alike = report_of({a, same_name});
  CHECK(contains(alike.html, "small-system (report_option.h5) against small-system (report_a.h5)"));
  CHECK_FALSE(contains(alike.html, "small-system against small-system"));
}

TEST_CASE("ED waits by month and by hour of the day: tables and charts from the measures") {
  // The fake window, 2026-10-15 to 2026-11-14, touches October (17 of its 31 days) and
  // November (14 of 30).
  auto file = hospital_like_file(51);
  constexpr auto total = model::Accumulation::total;
  constexpr auto level = model::Accumulation::level;
  for (auto& rep : file.variants.front().replications) {
    const double r = rep.replication;
    rep.scalars.push_back({"ed_waits_over_4h_2026_10", "patients", 40.0 + r, false, total, false});
    rep.scalars.push_back({"ed_waits_over_4h_2026_11", "patients", 30.0 + r, false, total, false});
    rep.scalars.push_back({"ed_waits_over_12h_2026_10", "patients", 0.0, false, total, false});
    rep.scalars.push_back({"ed_waits_over_12h_2026_11", "patients", 0.0, false, total, false});
    for (int h = 0; h < 24; ++h) {
      rep.scalars.push_back({fmt::format("ed_wait_mean_hours_at_{:02d}h", h), "hours",
                             h == 9 ? 2.0 + r : 0.5, false, level, false});
    }
  }
  const auto page = report_of({written(file, "report_ed_waits.h5")});
  const auto& html = page.html;
  CHECK(contains(html, "<section id=\"ed-waits\""));
  CHECK(contains(html, "Waits in ED over 4 hours, by month"));
  CHECK(contains(html, "October 2026"));
  CHECK(contains(html, "November 2026"));
  CHECK(contains(html, "17 of 31 days"));
  CHECK(contains(html, "14 of 30 days"));
  CHECK(contains(html, report::format_value(42.0, "patients") + " <span class=\"ci\">"));
  CHECK(contains(html, "No patient waited more than 12 hours in ED for a bed in any month"));
  CHECK(contains(html, "Mean wait in ED for a bed, by hour of the decision to admit"));
  CHECK(contains(html, "09:00–09:59"));
  std::size_t columns = 0;
  for (auto at = html.find("\"type\":\"columns\""); at != std::string::npos;
       at = html.find("\"type\":\"columns\"", at + 1)) {
    ++columns;
  }
  CHECK(columns == 2);  // the 4-hour months and the hours; the 12-hour months are all zero
  // A file without these measures says so.
  const auto older = report_of({written(hospital_like_file(52), "report_no_ed_waits.h5")});
  CHECK(contains(older.html, "no ED waits by month or by hour of the day"));
}

TEST_CASE("labels of the measures per service, per acute service, by month and by hour") {
  CHECK(report::measure_label("ed_waits_over_12h_2027_01") ==
        "ED waits for a bed over 12 hours, January 2027");
  CHECK(report::measure_label("ed_waits_over_4p5h_north") ==
        "North: ED waits for a bed over 4.5 hours");
  CHECK(report::measure_label("ed_wait_mean_hours_at_08h") ==
        "Mean wait in ED for a bed (hours), decision to admit 08:00-08:59");
  CHECK(report::measure_label("queue_mean_reablement") ==
        "Reablement: people waiting for a place (average)");
  CHECK(report::measure_label("delayed_patients_mean_P2") == "Medically fit, waiting for pathway 2");
  CHECK(report::measure_label("delayed_patients_mean_north") ==
        "North: medically fit patients still in a bed (average)");
  CHECK(report::measure_label("ed_waits_over_12h") == "ED waits for a bed over 12 hours");
  CHECK(report::measure_label("ring_fenced_held_mean_acute") ==
        "Acute beds: ring-fenced elective beds held (average)");
  CHECK(report::ed_wait_threshold("ed_waits_over_12h_2027_01").empty());  // not a card
  std::string hours, month;
  CHECK(report::ed_wait_month("ed_waits_over_12h_2027_01", hours, month));
  CHECK(hours == "12");
  CHECK(month == "2027_01");
  CHECK_FALSE(report::ed_wait_month("ed_waits_over_12h_north", hours, month));
  CHECK(report::ed_wait_hour("ed_wait_mean_hours_at_23h") == 23);
  CHECK(report::ed_wait_hour("ed_wait_mean_hours_at_24h") == -1);
}

TEST_CASE("bad files are refused naming the file") {
  SECTION("missing") {
    const auto path = test::scratch_path("report_no_such_file.h5");
    CHECK_THROWS_WITH(report::load_report_source(path), Catch::Contains(path));
  }
  SECTION("not HDF5") {
    const auto path = test::scratch_path("report_not_hdf5.h5");
    std::ofstream(path) << "not a results file";
    CHECK_THROWS_WITH(report::load_report_source(path), Catch::Contains(path));
  }
  SECTION("unfinished") {
    const auto path = written(test::fake_file(5, 2), "report_unfinished.h5");
    {
      const auto h5file = results::h5::open_file_for_write(path);
      const auto metadata = results::h5::open_group(h5file.get(), "metadata");
      REQUIRE(H5Adelete(metadata.get(), "complete") >= 0);
    }
    CHECK_THROWS_WITH(report::load_report_source(path),
                      Catch::Contains(path) && Catch::Contains("incomplete"));
  }
  SECTION("an older format version") {
    const auto path = written(test::fake_file(5, 2), "report_old.h5");
    {
      const auto h5file = results::h5::open_file_for_write(path);
      REQUIRE(H5Adelete(h5file.get(), "format_version") >= 0);
      results::h5::write_attribute(h5file.get(), "format_version", std::int64_t{2});
    }
    CHECK_THROWS_WITH(report::load_report_source(path),
                      Catch::Contains(path) && Catch::Contains("version"));
  }
  SECTION("no file at all") {
    CHECK_THROWS_AS(report::build_report({}), report::ReportError);
  }
}

TEST_CASE("a sweep gives one scenario per variant, the first as baseline") {
  auto file = hospital_like_file(31);
  file.metadata.sweep = "services.acute.capacity=500:520:20";
  auto second = file.variants.front();
  file.variants.front().label = "500";
  file.variants.front().override_text = "services.acute.capacity=500";
  second.label = "520";
  second.override_text = "services.acute.capacity=520";
  file.variants.push_back(second);
  const auto page = report_of({written(file, "report_sweep.h5")});
  CHECK(contains(page.html, "services.acute.capacity=520 against services.acute.capacity=500"));
  CHECK(contains(page.html, "<section id=\"differences\""));
}

TEST_CASE("a sizing record adds its section: target, answer and points") {
  const auto path = written(hospital_like_file(41), "report_sizing.h5");
  analysis::SizingRecord record;
  record.levers = {analysis::Lever{"services.acute.capacity", 500, 540, 20}};
  record.target = analysis::parse_target("acute_occupancy_share <= 0.92");
  record.confidence = 0.9;
  record.status = analysis::SizingStatus::found;
  for (const std::int64_t value : {500, 540, 520}) {
    analysis::EvaluatedPoint point;
    point.setting = {{"services.acute.capacity", value}};
    point.target.mean = 0.95 - 0.001 * static_cast<double>(value - 500);
    point.target.bound = point.target.mean + 0.005;
    point.target.n = 5;
    point.target.meets = value >= 520;
    record.points.push_back(point);
    record.labels.push_back(analysis::setting_label(point.setting));
  }
  record.answer = record.points[2].setting;
  analysis::write_sizing_record(path, record, analysis::RecordMode::append);
  const auto source = report::load_report_source(path);
  REQUIRE(source.sizing.has_value());
  const auto page = report::build_report({source});
  CHECK(contains(page.html, "<section id=\"sizing\""));
  CHECK(contains(page.html, "The answer: services.acute.capacity=520."));
  CHECK(contains(page.html, "acute_occupancy_share &lt;= 0.92"));
  // The file's variants are not the answer's label, so nothing is charted over time; said so.
  CHECK(contains(page.html, "found no answer") == false);
  CHECK_FALSE(page.notes.empty());
}

TEST_CASE("a window shorter than a year says its yearly figures are at that window's rate") {
  // The fake file observes 31 days: a finance reader must not read its "a year" as a budget's.
  const auto page = report_of({written(hospital_like_file(71), "report_part_year.h5")});
  CHECK(contains(page.html, "A window shorter than a year (31 days) gives a year at that "
                            "window&#39;s rate"));
}
