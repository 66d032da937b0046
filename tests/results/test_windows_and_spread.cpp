// Every figure says its period, and the spread of outcomes is stored beside the means:
// the observed window, series dates, /summary_statistics and the series' percentile bands.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "bedflow/engine/statistics.hpp"
#include "bedflow/results/h5/read.hpp"
#include "bedflow/results/h5/write.hpp"
#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/write_results.hpp"
#include "fake_results.hpp"

using namespace bedflow;
namespace h5 = results::h5;

TEST_CASE("a window is described by its first and last calendar days") {
  // The fake window: day 14 to day 45 after 2026-10-01, i.e. 31 whole days.
  const model::ObservedWindow window{engine::Date{2026, 10, 1}, 14.0, 45.0};
  REQUIRE(results::window_first_date(window) == "2026-10-15");
  REQUIRE(results::window_last_date(window) == "2026-11-14");  // ends at midnight: the day before
  REQUIRE(results::describe_window(window) == "2026-10-15 to 2026-11-14 (31 days)");
  REQUIRE(results::per_year_factor(window) == Approx(365.0 / 31.0));
  REQUIRE(results::per_day_factor(window) == Approx(1.0 / 31.0));
  // Across a year end and a leap day.
  const model::ObservedWindow leap{engine::Date{2027, 12, 1}, 31.0, 31.0 + 366.0};
  REQUIRE(results::describe_window(leap) == "2028-01-01 to 2028-12-31 (366 days)");
  REQUIRE(results::iso_instant(engine::Date{2026, 10, 1}, 0.25) == "2026-10-01T06:00");
  REQUIRE(results::iso_instant(engine::Date{2026, 10, 1}, 31.0) == "2026-11-01");
  const model::ObservedWindow empty{engine::Date{2026, 10, 1}, 5.0, 5.0};
  REQUIRE(results::per_year_factor(empty) == 0.0);
}

TEST_CASE("a total's rate scales mean, interval and percentiles, a level is left alone") {
  const auto file = test::fake_file(5, 8);
  const std::vector<double> percentiles{10.0, 90.0};
  const auto summaries = results::summarise_measures(file.variants.front().replications,
                                                     percentiles);
  for (const auto& s : summaries) {
    INFO(s.name);
    const auto yearly = results::as_rate(s, 2.0, "year");
    if (s.is_total()) {
      REQUIRE(yearly.unit == s.unit + "/year");
      REQUIRE(yearly.ci.mean == Approx(2.0 * s.ci.mean));
      REQUIRE(yearly.ci.half_width == Approx(2.0 * s.ci.half_width));
      REQUIRE(yearly.percentiles[1] == Approx(2.0 * s.percentiles[1]));
    } else {
      REQUIRE(yearly.unit == s.unit);
      REQUIRE(yearly.ci.mean == s.ci.mean);
    }
  }
}

TEST_CASE("the file stores the window, series dates, summary statistics and bands") {
  auto file = test::fake_file(9, 12);
  file.metadata.percentiles = {5.0, 50.0, 97.5};
  const auto path = test::scratch_path("windows_and_spread.h5");
  results::write_results_file(path, file);

  const auto h5file = h5::open_file_read_only(path);
  const auto root = h5::open_group(h5file.get(), "/");
  REQUIRE(h5::read_string_attribute(root.get(), "window_first_date") == "2026-10-15");
  REQUIRE(h5::read_string_attribute(root.get(), "window_last_date") == "2026-11-14");
  REQUIRE(h5::read_double_attribute(root.get(), "window_days") == 31.0);
  REQUIRE(h5::read_string_attribute(root.get(), "calendar_start") == "2026-10-01");

  const auto acute = h5::open_group(h5file.get(), "timeseries/acute");
  const auto dates = h5::read_string_column(acute.get(), "date");
  const auto days = h5::read_double_column(acute.get(), "time_days");
  REQUIRE(dates.size() == days.size());
  REQUIRE(dates.front() == "2026-10-15");  // day 14 after 2026-10-01

  // /summary_statistics equals the summaries computed from the replications.
  const auto& reps = file.variants.front().replications;
  const auto summaries = results::summarise_measures(reps, file.metadata.percentiles);
  const auto stats = h5::open_group(h5file.get(), "summary_statistics");
  const auto measure = h5::read_string_column(stats.get(), "measure");
  const auto mean = h5::read_double_column(stats.get(), "mean");
  const auto p97_5 = h5::read_double_column(stats.get(), "p97_5");
  const auto per_year = h5::read_double_column(stats.get(), "per_year_mean");
  const auto accumulation = h5::read_string_column(stats.get(), "accumulation");
  REQUIRE(measure.size() == summaries.size());
  for (std::size_t m = 0; m < summaries.size(); ++m) {
    INFO(measure[m]);
    REQUIRE(measure[m] == summaries[m].name);
    REQUIRE(mean[m] == summaries[m].ci.mean);
    REQUIRE(p97_5[m] == summaries[m].percentiles[2]);
    if (summaries[m].is_total()) {
      REQUIRE(accumulation[m] == "total");
      REQUIRE(per_year[m] == Approx(summaries[m].ci.mean * 365.0 / 31.0));
    } else {
      REQUIRE(accumulation[m] == "level");
      REQUIRE(std::isnan(per_year[m]));
    }
  }

  // Bands: row k of each series is the replications' percentile k at every time.
  const auto bands = h5::read_matrix(h5file.get(), "timeseries_percentiles/acute/occupancy");
  REQUIRE(bands.rows == 3);
  const std::size_t columns = reps.front().series.front().values.size();
  REQUIRE(bands.columns == columns);
  for (std::size_t t = 0; t < columns; t += 5) {
    std::vector<double> across;
    for (const auto& rep : reps) across.push_back(rep.series.front().values[t]);
    REQUIRE(bands.values[0 * columns + t] == engine::sample_percentile(across, 5.0));
    REQUIRE(bands.values[2 * columns + t] == engine::sample_percentile(across, 97.5));
  }
}

TEST_CASE("a file of an older format is refused with what to do about it") {
  const auto file = test::fake_file(9, 2);
  const auto path = test::scratch_path("old_format.h5");
  results::write_results_file(path, file);
  {
    auto h5file = h5::open_file_for_write(path);
    auto root = h5::open_group_for_write(h5file.get(), "/");
    REQUIRE(H5Adelete(root.get(), "format_version") >= 0);
    h5::write_attribute(root.get(), "format_version", std::int64_t{2});
  }
  REQUIRE_THROWS_WITH(results::read_results_file(path),
                      Catch::Contains("format version 2") && Catch::Contains("run the scenario again") &&
                          Catch::Contains(path));
}
