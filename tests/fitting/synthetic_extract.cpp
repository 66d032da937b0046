#include "synthetic_extract.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>

#include <fmt/format.h>

namespace bedflow::test {
namespace {

std::string stamp(double day, const std::string& start, bool uk) {
  // start is YYYY-MM-DD; days from it with minute resolution.
  const int y = std::stoi(start.substr(0, 4)), m = std::stoi(start.substr(5, 2)), d = std::stoi(start.substr(8, 2));
  // Civil date from days (Howard Hinnant's days_from_civil / civil_from_days algorithms).
  const auto from_civil = [](int yy, int mm, int dd) {
    yy -= mm <= 2;
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const int yoe = yy - era * 400;
    const int doy = (153 * (mm + (mm > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  };
  const long minutes = std::lround(day * 1440.0);
  long z = from_civil(y, m, d) + minutes / 1440 + 719468;
  const long minute_of_day = minutes % 1440;
  const long era = z / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long dd = doy - (153 * mp + 2) / 5 + 1;
  const long mm = mp < 10 ? mp + 3 : mp - 9;
  const long yy = yoe + era * 400 + (mm <= 2);
  if (uk) return fmt::format("{:02}/{:02}/{} {:02}:{:02}", dd, mm, yy, minute_of_day / 60, minute_of_day % 60);
  return fmt::format("{}-{:02}-{:02}T{:02}:{:02}", yy, mm, dd, minute_of_day / 60, minute_of_day % 60);
}

}  // namespace

std::size_t write_synthetic_extract(const SyntheticSystem& s, const std::string& path) {
  std::mt19937_64 rng(s.seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::ofstream out(path);
  const bool community = std::any_of(s.community_mean_days.begin(), s.community_mean_days.end(),
                                     [](double m) { return m > 0; });
  out << "spell_id,admitted,discharged,admission_method,cohort,pathway,ready_for_discharge"
      << (community ? ",community_start,community_end\n" : "\n");
  std::array<double, 24> hour = s.hour;
  if (hour[0] == 0) hour.fill(1.0);
  const double peak = *std::max_element(s.weekday.begin(), s.weekday.end()) *
                      *std::max_element(hour.begin(), hour.end());
  std::size_t id = 0;
  const double end = s.days;
  const auto spell = [&](double t, const SyntheticCohort& c, const char* method) {
    double stay = 0;
    if (c.gamma) stay = std::gamma_distribution<double>(c.a, c.b)(rng);
    else stay = std::lognormal_distribution<double>(c.a, c.b)(rng);
    double r = u(rng), cumulative = 0;
    int k = 0;
    while (k < 3 && r >= (cumulative += c.pathway[static_cast<std::size_t>(k)])) ++k;
    const double mean = s.delay_mean_days[static_cast<std::size_t>(k)];
    const double delay = mean > 0 ? std::exponential_distribution<double>(1.0 / mean)(rng) : 0.0;
    const double ready = t + stay;
    const double leave = ready + delay;
    // Times are kept to the minute, as extracts hold them.
    out << fmt::format("S{},{},{},{},{},{},{}", ++id, stamp(t, s.start, s.uk_dates),
                       leave < end ? stamp(leave, s.start, s.uk_dates) : "", method, c.name,
                       ready < end ? fmt::format("P{}", k) : "",
                       ready < end ? stamp(ready, s.start, s.uk_dates) : "");
    if (community) {
      const double m = s.community_mean_days[static_cast<std::size_t>(k)];
      std::string fields = ",,";
      if (m > 0 && leave < end) {
        const double finish = leave + std::exponential_distribution<double>(1.0 / m)(rng);
        fields = fmt::format(",{},{}", stamp(leave, s.start, s.uk_dates),
                             finish < end ? stamp(finish, s.start, s.uk_dates) : "");
      }
      out << fields;
    }
    out << "\n";
  };
  // Thinning (Lewis & Shedler 1979): a homogeneous process at the peak rate, each point kept
  // with probability rate(t) / peak.
  std::exponential_distribution<double> gap(s.rate_per_day * peak);
  for (double t = gap(rng); t < end; t += gap(rng)) {
    const auto day = static_cast<long>(std::floor(t));
    const double factor = s.weekday[static_cast<std::size_t>(day % 7)] *
                          hour[static_cast<std::size_t>((t - static_cast<double>(day)) * 24.0)];
    if (u(rng) * peak >= factor) continue;
    double r = u(rng), cumulative = 0;
    std::size_t c = 0;
    while (c + 1 < s.cohorts.size() && r >= (cumulative += s.cohorts[c].share)) ++c;
    spell(t, s.cohorts[c], "emergency");
  }
  if (s.elective_rate_per_day > 0) {
    std::poisson_distribution<int> count(s.elective_rate_per_day * 7.0 / 5.0);
    for (int day = 0; day < s.days; ++day) {
      if (day % 7 >= 5) continue;
      const int n = count(rng);
      for (int i = 0; i < n; ++i) spell(day + 0.3 + 0.1 * u(rng), s.cohorts[0], "elective");
    }
  }
  // The extract's end: a last record touching the cut so the reader sees where it is.
  out << fmt::format("S{},{},,emergency,{},,{}\n", ++id, stamp(end - 1.0 / 1440, s.start, s.uk_dates),
                     s.cohorts[0].name, community ? ",," : "");
  return id;
}

}  // namespace bedflow::test
