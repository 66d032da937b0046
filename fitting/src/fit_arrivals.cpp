// Arrival streams: rates, weekday / hour-of-day / monthly profiles and cohort counts.
#include <cmath>
#include <map>

#include <date/date.h>
#include <fmt/format.h>

#include "bedflow/fitting/fit_extract.hpp"

namespace bedflow::fitting {
namespace {

constexpr double kMidnightShareForDates = 0.99;
constexpr double kMinDaysInMonth = 14;

// 1970-01-01 was a Thursday: Monday = 0.
int weekday_of(long day) { return static_cast<int>(((day + 3) % 7 + 7) % 7); }

}  // namespace

std::vector<StreamFit> fit_arrivals(const Extract& extract, double first_day, double end_day,
                                    std::vector<std::string>& warnings) {
  const long first = static_cast<long>(first_day);
  const long days = static_cast<long>(end_day) - first;
  std::vector<StreamFit> streams(2);
  streams[0].name = "emergency";
  streams[1].name = "elective";
  std::vector<std::vector<double>> per_day(2, std::vector<double>(static_cast<std::size_t>(days)));
  std::array<std::array<double, 24>, 2> per_hour{};
  std::array<std::size_t, 2> at_midnight{};
  for (auto& s : streams) s.cohort_counts.assign(extract.cohorts.size(), 0);
  for (const auto& spell : extract.spells) {
    const double floor_day = std::floor(spell.admitted);
    const long day = static_cast<long>(floor_day) - first;
    if (day < 0 || day >= days) continue;
    const auto m = static_cast<std::size_t>(spell.method);
    ++streams[m].admissions;
    ++streams[m].cohort_counts[spell.cohort];
    per_day[m][static_cast<std::size_t>(day)] += 1;
    const double minutes = std::round((spell.admitted - floor_day) * 1440.0);
    if (minutes == 0) ++at_midnight[m];
    per_hour[m][std::min<std::size_t>(23, static_cast<std::size_t>(minutes / 60))] += 1;
  }
  std::vector<StreamFit> kept;
  for (std::size_t m = 0; m < 2; ++m) {
    auto& s = streams[m];
    if (s.admissions == 0) continue;
    const double mean = static_cast<double>(s.admissions) / static_cast<double>(days);
    s.rate_per_day = mean;
    std::array<double, 7> sum{}, count{};
    for (long d = 0; d < days; ++d) {
      const int w = weekday_of(first + d);
      sum[static_cast<std::size_t>(w)] += per_day[m][static_cast<std::size_t>(d)];
      count[static_cast<std::size_t>(w)] += 1;
    }
    for (std::size_t w = 0; w < 7; ++w) s.weekday[w] = count[w] > 0 ? sum[w] / count[w] / mean : 1.0;
    // Dates without times say nothing about the hour: a profile from them would put every
    // admission at midnight.
    s.dates_only = extract.admitted_dates_only;
    if (s.dates_only) {
      warnings.push_back(fmt::format("{} admissions: the admission column has dates without "
                                     "times, so no hour-of-day profile", s.name));
    } else if (static_cast<double>(at_midnight[m]) < kMidnightShareForDates * static_cast<double>(s.admissions)) {
      std::array<double, 24> hour{};
      for (std::size_t h = 0; h < 24; ++h) {
        hour[h] = 24.0 * per_hour[m][h] / static_cast<double>(s.admissions);
      }
      s.hour = hour;
    } else {
      warnings.push_back(fmt::format("{} admissions: almost all at midnight (dates without "
                                     "times?), so no hour-of-day profile", s.name));
    }
    // Monthly factors, in date order.
    std::map<std::pair<int, unsigned>, std::pair<double, double>> months;  // sum, days
    for (long d = 0; d < days; ++d) {
      const date::year_month_day ymd{date::sys_days{date::days{first + d}}};
      auto& month = months[{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month())}];
      month.first += per_day[m][static_cast<std::size_t>(d)];
      month.second += 1;
    }
    std::vector<std::pair<std::string, double>> points;
    bool first_point = true;
    for (const auto& [key, month] : months) {
      if (month.second < kMinDaysInMonth) continue;
      const date::year_month_day start{date::year{key.first}, date::month{key.second}, date::day{1}};
      const auto from = std::max(date::sys_days{start}, date::sys_days{date::days{first}});
      points.emplace_back(first_point ? format_date(first_day)
                                      : date::format("%F", from),
                          month.first / month.second / mean);
      first_point = false;
    }
    if (points.size() >= 2) {
      points.emplace_back(format_date(end_day), 1.0);
      s.monthly = std::move(points);
    }
    kept.push_back(std::move(s));
  }
  return kept;
}

}  // namespace bedflow::fitting
