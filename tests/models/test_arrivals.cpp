// Arrivals are a non-homogeneous Poisson process with the profiled rate, sampled exactly:
// counts per hour of day, per weekday and per dated period match their expectations within
// Poisson bounds (per-cell z with a Bonferroni correction, and a chi-square over all cells).
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "bedflow/engine/calendar.hpp"
#include "bedflow/models/arrival_process.hpp"
#include "bedflow/models/rate_function.hpp"
#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

const std::vector<double> kHourly = {0.55, 0.45, 0.40, 0.38, 0.38, 0.42, 0.55, 0.80,
                                     1.15, 1.40, 1.50, 1.52, 1.48, 1.42, 1.38, 1.35,
                                     1.32, 1.28, 1.20, 1.10, 1.00, 0.90, 0.78, 0.65};
const std::vector<double> kWeekly = {1.10, 1.03, 1.00, 0.99, 1.00, 0.94, 0.94};

struct Cells {
  std::vector<double> observed;
  std::vector<double> expected;
};

// The weekly x hourly rate of the tests below, on `calendar`.
RateFunction weekly_and_hourly_rate(const engine::Calendar& calendar) {
  const Profile weekly{"w", Profile::Kind::weekly, kWeekly, {}, Profile::Interpolation::linear};
  const Profile daily{"d", Profile::Kind::daily, kHourly, {}, Profile::Interpolation::linear};
  return RateFunction({CalendarProfile(weekly, calendar), CalendarProfile(daily, calendar)},
                      calendar, false);
}

// Arrivals of `process` before `horizon`, counted in `n` cells by `cell_of(t)`.
template <class CellOf>
std::vector<double> count_arrivals(ArrivalProcess& process, engine::Time horizon, std::size_t n,
                                   CellOf cell_of) {
  std::vector<double> counts(n, 0.0);
  for (engine::Time t = process.next(horizon); t < horizon; t = process.next(horizon)) {
    counts[static_cast<std::size_t>(cell_of(t))] += 1;
  }
  return counts;
}

void check_poisson_cells(const Cells& cells, double alpha) {
  const double z = bonferroni_z(cells.observed.size(), alpha);
  double chi2 = 0.0;
  for (std::size_t i = 0; i < cells.observed.size(); ++i) {
    const double e = cells.expected[i];
    REQUIRE(e > 20.0);  // the normal bound needs enough expected arrivals per cell
    INFO("cell " << i << ": observed " << cells.observed[i] << ", expected " << e);
    CHECK(std::fabs(cells.observed[i] - e) <= z * std::sqrt(e));
    chi2 += (cells.observed[i] - e) * (cells.observed[i] - e) / e;
  }
  boost::math::chi_squared dist(static_cast<double>(cells.observed.size()));
  CHECK(chi2 <= boost::math::quantile(dist, 1.0 - alpha));
}

TEST_CASE("arrival counts per weekday and hour match the profiled rate", "[arrivals]") {
  const engine::Calendar calendar(Date{2026, 10, 5});  // a Monday
  const RateFunction rate = weekly_and_hourly_rate(calendar);
  const double rate_per_day = 200.0;
  const int weeks = 52;
  ArrivalProcess process(rate_per_day, rate, engine::RandomStream(7, 0, engine::stream_id("a")));
  const engine::Time horizon = weeks * engine::kWeek;
  Cells cells{count_arrivals(process, horizon, 168,
                             [&](engine::Time t) {
                               return calendar.weekday_at(t) * 24 + calendar.hour_at(t);
                             }),
              std::vector<double>(168, 0.0)};
  for (int w = 0; w < 7; ++w) {
    for (int h = 0; h < 24; ++h) {
      cells.expected[static_cast<std::size_t>(w * 24 + h)] =
          rate_per_day / 24.0 * kWeekly[static_cast<std::size_t>(w)] *
          kHourly[static_cast<std::size_t>(h)] * weeks;
    }
  }
  check_poisson_cells(cells, 0.001);
}

TEST_CASE("dated profiles interpolate linearly or by steps and shape the counts", "[arrivals]") {
  const engine::Calendar calendar(Date{2026, 10, 1});
  for (const auto interpolation : {Profile::Interpolation::linear, Profile::Interpolation::step}) {
    const Profile dated{"winter", Profile::Kind::dated, {},
                        {{Date{2026, 10, 11}, 1.0}, {Date{2026, 12, 10}, 2.0},
                         {Date{2027, 1, 9}, 0.5}},
                        interpolation};
    const CalendarProfile profile(dated, calendar);
    CHECK(profile.max_factor() == 2.0);
    CHECK(profile.factor_at(0) == 1.0);                          // flat before the first point
    CHECK(profile.factor_at(200 * engine::kDay) == 0.5);         // and after the last
    const engine::Time mid = 10 * engine::kDay + 30 * engine::kDay;  // half way to 2.0
    CHECK(profile.factor_at(mid) ==
          Approx(interpolation == Profile::Interpolation::linear ? 1.5 : 1.0));
    RateFunction rate({profile}, calendar, false);
    const double rate_per_day = 300.0;
    ArrivalProcess process(rate_per_day, rate, engine::RandomStream(9, 1, engine::stream_id("b")));
    const int days = 120, bin_days = 5;
    const engine::Time horizon = days * engine::kDay;
    Cells cells{std::vector<double>(days / bin_days, 0.0), std::vector<double>(days / bin_days, 0.0)};
    for (engine::Time t = process.next(horizon); t < horizon; t = process.next(horizon)) {
      cells.observed[static_cast<std::size_t>(t / (bin_days * engine::kDay))] += 1;
    }
    // Expected counts: the rate integrated over each day; points fall on midnights, so the
    // factor is linear (or constant) within a day and the trapezoid rule is exact.
    for (int d = 0; d < days; ++d) {
      const double start = profile.factor_at(d * engine::kDay);
      const double end = interpolation == Profile::Interpolation::linear
                             ? profile.factor_at((d + 1) * engine::kDay)
                             : start;
      cells.expected[static_cast<std::size_t>(d / bin_days)] += rate_per_day * 0.5 * (start + end);
    }
    check_poisson_cells(cells, 0.001);
  }
}

TEST_CASE("a dated profile is 1 before its first point: a January-only surge leaves "
          "November alone", "[arrivals]") {
  const Date start{2026, 6, 1};
  const engine::Calendar calendar(start);
  const Profile january{"january", Profile::Kind::dated, {},
                        {{Date{2027, 1, 1}, 1.10}, {Date{2027, 2, 1}, 1.00}},
                        Profile::Interpolation::step};
  const CalendarProfile profile(january, calendar);
  auto at = [&calendar](Date d) { return calendar.time_of(d) + 12 * engine::kHour; };
  CHECK(profile.factor_at(0) == 1.0);                         // before the first point
  CHECK(profile.factor_at(at(Date{2026, 11, 15})) == 1.0);
  CHECK(profile.factor_at(calendar.time_of(Date{2027, 1, 1})) == 1.10);  // from its date
  CHECK(profile.factor_at(at(Date{2027, 1, 31})) == 1.10);
  CHECK(profile.factor_at(at(Date{2027, 2, 15})) == 1.00);   // the last point holds after
  CHECK(profile.max_factor() == 1.10);

  // Arrivals a day in November and January over replications (one stream each), against
  // 560 and 560 x 1.1 = 616, within the replications' own 99.9% confidence intervals.
  const double rate_per_day = 560.0;
  const engine::Time november = calendar.time_of(Date{2026, 11, 1});
  const engine::Time december = calendar.time_of(Date{2026, 12, 1});
  const engine::Time january_start = calendar.time_of(Date{2027, 1, 1});
  const engine::Time february = calendar.time_of(Date{2027, 2, 1});
  std::vector<double> per_day_november, per_day_january;
  for (std::uint32_t rep = 0; rep < 10; ++rep) {
    ArrivalProcess process(rate_per_day, RateFunction({profile}, calendar, false),
                           engine::RandomStream(11, rep, engine::stream_id("arrivals/emergency")));
    double in_november = 0.0, in_january = 0.0;
    for (engine::Time t = process.next(february); t < february; t = process.next(february)) {
      in_november += (t >= november && t < december) ? 1.0 : 0.0;
      in_january += (t >= january_start) ? 1.0 : 0.0;
    }
    per_day_november.push_back(in_november / 30.0);
    per_day_january.push_back(in_january / 31.0);
  }
  const auto nov = engine::confidence_interval(per_day_november, 0.999);
  const auto jan = engine::confidence_interval(per_day_january, 0.999);
  INFO("November " << nov.mean << " +- " << nov.half_width << " a day; January " << jan.mean
                   << " +- " << jan.half_width);
  CHECK(nov.lower() <= 560.0);
  CHECK(560.0 <= nov.upper());
  CHECK(jan.lower() <= 616.0);
  CHECK(616.0 <= jan.upper());
}

TEST_CASE("the thinning bound includes 1 when the run starts before a dated profile's first "
          "point", "[arrivals]") {
  const engine::Calendar calendar(Date{2026, 10, 1});
  const Profile dip{"dip", Profile::Kind::dated, {},
                    {{Date{2026, 12, 1}, 0.5}, {Date{2027, 1, 1}, 0.8}},
                    Profile::Interpolation::linear};
  const CalendarProfile before(dip, calendar);
  CHECK(before.factor_at(0) == 1.0);
  CHECK(before.max_factor() == 1.0);
  const engine::Calendar later(Date{2026, 12, 1});  // starts on the first point: never 1
  const CalendarProfile inside(dip, later);
  CHECK(inside.factor_at(0) == 0.5);
  CHECK(inside.max_factor() == 0.8);
  // Linear from the first point, after a jump from 1 on its date.
  const engine::Time first = calendar.time_of(Date{2026, 12, 1});
  CHECK(before.factor_at(first - 1) == 1.0);
  CHECK(before.factor_at(first) == 0.5);
  CHECK(before.factor_at(first + 31 * engine::kDay / 2) == Approx(0.65));
}

TEST_CASE("weekday-only streams never arrive at weekends", "[arrivals]") {
  const engine::Calendar calendar(Date{2026, 10, 1});  // a Thursday
  RateFunction rate({}, calendar, true);
  const double rate_per_day = 150.0;
  ArrivalProcess process(rate_per_day, rate, engine::RandomStream(3, 0, engine::stream_id("e")));
  const int weeks = 10;
  const engine::Time horizon = weeks * engine::kWeek;
  Cells cells{std::vector<double>(7, 0.0), std::vector<double>(7, 0.0)};
  for (engine::Time t = process.next(horizon); t < horizon; t = process.next(horizon)) {
    cells.observed[static_cast<std::size_t>(calendar.weekday_at(t))] += 1;
  }
  CHECK(cells.observed[5] == 0.0);
  CHECK(cells.observed[6] == 0.0);
  cells.observed.resize(5);
  cells.expected.assign(5, rate_per_day * weeks);
  check_poisson_cells(cells, 0.001);
}

TEST_CASE("a rate that repeats weekly reads the same doubles from its hour-of-week table",
          "[arrivals]") {
  // The table is computed once by the same products in the same order, so thinning keeps
  // exactly the candidates the direct computation would, on any start weekday.
  for (const Date start : {Date{2026, 10, 1}, Date{2026, 10, 5}, Date{2027, 1, 3}}) {
    const engine::Calendar calendar(start);
    const Profile hourly{"hourly", Profile::Kind::daily, kHourly, {}, {}};
    const Profile weekly{"weekly", Profile::Kind::weekly, kWeekly, {}, {}};
    const CalendarProfile by_hour(hourly, calendar), by_day(weekly, calendar);
    for (const bool weekdays_only : {false, true}) {
      const RateFunction rate({by_day, by_hour}, calendar, weekdays_only);
      INFO("start " << engine::to_iso_string(start) << ", weekdays only " << weekdays_only);
      for (engine::Time t = -3 * engine::kHour; t < 3 * engine::kWeek; t += 1799) {
        const double seconds = static_cast<double>(t) + 0.25;
        const auto second = static_cast<engine::Time>(std::floor(seconds));
        const bool shut = weekdays_only && calendar.weekday_at(second) >= 5;
        const double direct =
            shut ? 0.0 : 1.0 * by_day.factor_at(second) * by_hour.factor_at(second);
        REQUIRE(rate.factor_at(seconds) == direct);
        REQUIRE(rate.acceptance_at(seconds) == direct / rate.upper_bound());
      }
    }
  }
}

TEST_CASE("a weekly-repeating rate held constant gives exponential gaps across hour "
          "boundaries", "[arrivals]") {
  // Inversion walks the rate hour by hour; at a constant rate the process it gives must be
  // memoryless, so the gaps are exponential whatever hours they span. Kolmogorov-Smirnov
  // at the 0.1% level (critical value 1.949 / sqrt(n), Stephens 1974), with the one-second
  // rounding of arrival times (at most 1 / mean gap in the CDF) added to the bound.
  const engine::Calendar calendar(Date{2026, 10, 5});
  const Profile flat{"flat", Profile::Kind::daily, std::vector<double>(24, 1.0), {}, {}};
  const RateFunction rate({CalendarProfile(flat, calendar)}, calendar, false);
  REQUIRE(rate.repeats_weekly());
  const double rate_per_day = 100.0;
  ArrivalProcess process(rate_per_day, rate, engine::RandomStream(5, 0, engine::stream_id("g")));
  const engine::Time horizon = 200 * engine::kDay;
  std::vector<double> gaps;
  engine::Time last = 0;
  for (engine::Time t = process.next(horizon); t < horizon; t = process.next(horizon)) {
    gaps.push_back(static_cast<double>(t - last));
    last = t;
  }
  std::sort(gaps.begin(), gaps.end());
  const double n = static_cast<double>(gaps.size());
  const double mean_gap = static_cast<double>(engine::kDay) / rate_per_day;
  double largest = 0.0;
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    const double cdf = 1.0 - std::exp(-gaps[i] / mean_gap);
    largest = std::max({largest, std::fabs(static_cast<double>(i + 1) / n - cdf),
                        std::fabs(static_cast<double>(i) / n - cdf)});
  }
  INFO(gaps.size() << " gaps, KS distance " << largest);
  CHECK(largest <= 1.949 / std::sqrt(n) + 1.0 / mean_gap);
}

TEST_CASE("a rare weekly-repeating stream skips whole weeks and keeps its rate", "[arrivals]") {
  // 0.02 a day: most Exp(1) draws exceed a week's expected 0.14 arrivals, so inversion
  // passes whole weeks at once; counts per weekday must still match the profiled rate.
  const engine::Calendar calendar(Date{2026, 10, 5});  // a Monday
  const RateFunction rate = weekly_and_hourly_rate(calendar);
  const double rate_per_day = 0.02;
  const int weeks = 8000;
  ArrivalProcess process(rate_per_day, rate, engine::RandomStream(13, 0, engine::stream_id("r")));
  const engine::Time horizon = weeks * engine::kWeek;
  Cells cells{count_arrivals(process, horizon, 7,
                             [&](engine::Time t) { return calendar.weekday_at(t); }),
              std::vector<double>(7, 0.0)};
  double hourly_mean = 0.0;
  for (const double f : kHourly) hourly_mean += f / 24.0;
  for (std::size_t d = 0; d < 7; ++d) cells.expected[d] = rate_per_day * kWeekly[d] * hourly_mean * weeks;
  check_poisson_cells(cells, 0.001);
}

TEST_CASE("a zero rate never produces an arrival", "[arrivals]") {
  const engine::Calendar calendar(Date{2026, 10, 1});
  ArrivalProcess process(0.0, RateFunction({}, calendar, false),
                         engine::RandomStream(1, 0, engine::stream_id("z")));
  CHECK(process.next(100 * engine::kDay) == engine::kTimeNever);
}

}  // namespace
}  // namespace bedflow::model::testing
