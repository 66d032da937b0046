// From an extract to a fitted system: streams (fit_arrivals.cpp), cohort stays, pathway
// shares and delays, community stays and the census.
#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "bedflow/fitting/fit_extract.hpp"

namespace bedflow::fitting {
namespace {

constexpr std::size_t kFewStays = 30;  // below this a fitted stay is flagged as unreliable

// A completed duration from `from` to `to`, either of which may be a date without a time
// (the column is dates only). Then the duration is known to the day only, and is fitted as
// interval-censored: an end known to the day lies in [to, to + 1), so the duration in
// [t, t + 1); a start known to the day, in [t - 1, t]. Both ends dates: a stay recorded as d
// whole days (0 for the same day) is d plus the difference of two uniform times of day
// (Duration::between_dates; docs/fitting.md).
Duration span(double from, double to, bool from_date, bool to_date) {
  const double t = to - from;
  if (from_date && to_date) return {std::round(t), false, 0.0, true};
  if (to_date) return {t, false, t + 1};
  if (from_date) return {std::max(t - 1, 0.0), false, std::max(t, kMinimumDuration)};
  return {t, false};
}

std::optional<StayFit> fit_or_nothing(std::vector<Duration> durations, const std::string& what,
                                      std::vector<std::string>& warnings) {
  std::size_t events = 0, instant = 0;
  for (const auto& d : durations) {
    events += d.censored ? 0 : 1;
    instant += !d.censored && !d.between_dates && std::max(d.days, d.until) <= kMinimumDuration ? 1 : 0;
  }
  if (events > 0 && instant == events) {
    warnings.push_back(what + ": every completed duration is under a minute: none fitted");
    return std::nullopt;
  }
  if (events == 0) {
    if (!durations.empty()) warnings.push_back(what + ": no completed durations, nothing fitted");
    return std::nullopt;
  }
  // Whole days between dates all alike (same-day P0 delays, say): the kernel knows only that
  // each lasted within a day of that count, so the fitted spread comes from the family's
  // shape, not from the data.
  std::set<double> recorded_days;
  std::size_t recorded = 0;
  for (const auto& d : durations) {
    if (d.between_dates && !d.censored) recorded_days.insert(d.days), ++recorded;
  }
  if (recorded == events && recorded_days.size() == 1) {
    warnings.push_back(fmt::format(
        "{}: every duration is recorded as {:g} whole days between dates: its spread cannot be "
        "estimated from dates alone (the fitted spread is the family's, not the data's)",
        what, *recorded_days.begin()));
  }
  if (events < kFewStays) {
    warnings.push_back(fmt::format("{}: only {} completed durations; the fit is rough", what, events));
  }
  auto fit = fit_durations(std::move(durations));
  if (!fit.fits) {
    warnings.push_back(fmt::format(
        "{}: no family fits (best {}: Kolmogorov-Smirnov distance {:.3f} > {}); using the "
        "empirical distribution", what, family_name(fit.best().family), fit.best().ks,
        kPoorFitDistance));
  }
  return fit;
}

}  // namespace

FittedSystem fit_extract(const Extract& extract, const std::optional<std::string>& census_date) {
  FittedSystem out;
  out.extract_file = extract.file;
  out.rows = extract.rows;
  out.odd = extract.odd;
  const double first_day = std::floor(extract.start);
  // Arrivals are counted over whole days up to the day of the last admission (which may be
  // partial, so it is left out), never to the latest date in the file: a discharge or a
  // community stay ending after it would add days with no admissions, lowering the rate and
  // the last months' factors.
  const double end_day = std::max(std::floor(extract.last_admission), first_day + 1);
  out.first_day = format_date(first_day);
  out.last_day = format_date(end_day - 1);
  out.window_days = end_day - first_day;
  out.streams = fit_arrivals(extract, first_day, end_day, out.warnings);

  const auto n_cohorts = extract.cohorts.size();
  std::vector<std::vector<Duration>> stays(n_cohorts);
  std::array<std::vector<Duration>, 4> delays, community;
  out.cohorts.resize(n_cohorts);
  for (std::size_t c = 0; c < n_cohorts; ++c) out.cohorts[c].name = extract.cohorts[c];
  const bool admitted_date = extract.admitted_dates_only;
  for (const auto& s : extract.spells) {
    auto& cohort = out.cohorts[s.cohort];
    ++cohort.spells;
    // Admission to medically fit: the scenario's acute stay.
    if (s.ready != kMissing) {
      stays[s.cohort].push_back(span(s.admitted, s.ready, admitted_date, extract.ready_dates_only));
    } else if (s.discharged != kMissing) {
      stays[s.cohort].push_back(
          span(s.admitted, s.discharged, admitted_date, extract.discharged_dates_only));
    } else {
      stays[s.cohort].push_back({extract.end - s.admitted, true});
    }
    if (s.pathway < 0) {
      if (s.discharged != kMissing) ++out.spells_without_pathway;
      if (s.discharged == kMissing && s.ready != kMissing) ++out.open_delays_without_pathway;
      continue;
    }
    const auto k = static_cast<std::size_t>(s.pathway);
    ++cohort.pathway_counts[k];
    if (s.ready != kMissing) {
      if (s.discharged != kMissing) {
        delays[k].push_back(span(s.ready, s.discharged, extract.ready_dates_only,
                                 extract.discharged_dates_only));
      }
      else delays[k].push_back({extract.end - s.ready, true});
    }
    if (s.community_start != kMissing) {
      if (s.community_end != kMissing) {
        community[k].push_back(span(s.community_start, s.community_end,
                                    extract.community_dates_only, extract.community_dates_only));
      }
      else community[k].push_back({extract.end - s.community_start, true});
    }
  }
  for (std::size_t c = 0; c < n_cohorts; ++c) {
    out.cohorts[c].stay = fit_or_nothing(std::move(stays[c]),
                                         "cohort " + out.cohorts[c].name + " acute stay", out.warnings);
    std::size_t known = 0;
    for (const auto n : out.cohorts[c].pathway_counts) known += n;
    if (known == 0) {
      out.warnings.push_back("cohort " + out.cohorts[c].name +
                             ": no discharge pathway recorded; all taken as P0");
      out.cohorts[c].pathway_counts[0] = 1;
    }
  }
  for (std::size_t k = 0; k < 4; ++k) {
    out.delays[k] = fit_or_nothing(std::move(delays[k]), fmt::format("P{} delay", k), out.warnings);
    out.community[k] = fit_or_nothing(std::move(community[k]),
                                      fmt::format("P{} community stay", k), out.warnings);
  }
  if (out.spells_without_pathway > 0) {
    out.warnings.push_back(fmt::format("{} discharged spells have no pathway: left out of the "
                                       "pathway shares", out.spells_without_pathway));
  }

  if (out.open_delays_without_pathway > 0) {
    out.warnings.push_back(fmt::format(
        "{} patients still in hospital are ready for discharge but have no pathway: their "
        "delays so far are left out, which biases the fitted delays short (record the planned "
        "pathway)", out.open_delays_without_pathway));
  }
  if (census_date) {
    double day = 0;
    try {
      day = parse_date_time(*census_date);
    } catch (const std::invalid_argument& error) {
      throw std::invalid_argument(std::string("--census-date: ") + error.what());
    }
    if (day < extract.start || day > extract.end) {
      throw std::invalid_argument(fmt::format(
          "--census-date {} is outside the extract ({} to {})", *census_date,
          format_date(extract.start), format_date(extract.end)));
    }
    out.census_date = format_date(day);
    out.census = census_on(extract, day, out.community, out.warnings);
  }
  return out;
}

CountedTimes counted_times(const Extract& extract, const Spell& spell) {
  const auto at = [](double t, bool dates_only) {
    return t == kMissing || !dates_only ? t : t + 0.5;
  };
  return {at(spell.admitted, extract.admitted_dates_only),
          at(spell.discharged, extract.discharged_dates_only),
          at(spell.ready, extract.ready_dates_only),
          at(spell.community_start, extract.community_dates_only),
          at(spell.community_end, extract.community_dates_only)};
}

std::vector<DailyCount> daily_counts(const Extract& extract, double from, double to) {
  std::vector<DailyCount> days;
  const auto n = static_cast<std::size_t>(std::max(0.0, to - from + 1));
  std::vector<double> in(n + 1), fit(n + 1);
  // In hospital at midnight m (docs/fitting.md, backtest.hpp): admitted before m and not
  // discharged by m, i.e. admitted < m < discharged, as the census (fit_extract) counts; a
  // patient admitted at exactly 00:00 is first counted the next midnight, one discharged at
  // exactly 00:00 no longer. Medically fit: in hospital at m and ready by m (ready <= m).
  // Each spell adds 1 at those midnights: a difference array keeps this one pass.
  const auto clamp = [&](double d) { return std::clamp(d, 0.0, static_cast<double>(n)); };
  const auto first_midnight_after = [&](double t) { return clamp(std::floor(t - from) + 1); };
  const auto first_midnight_from = [&](double t) { return clamp(std::ceil(t - from)); };
  for (const auto& spell : extract.spells) {
    const CountedTimes s = counted_times(extract, spell);
    const double leave = s.discharged != kMissing ? s.discharged : extract.end;
    const auto a = static_cast<std::size_t>(first_midnight_after(s.admitted));
    const auto b = static_cast<std::size_t>(first_midnight_from(leave));
    if (a < b) in[a] += 1, in[b] -= 1;
    if (s.ready != kMissing) {
      const auto r = std::max(a, static_cast<std::size_t>(first_midnight_from(s.ready)));
      if (r < b) fit[r] += 1, fit[b] -= 1;
    }
  }
  double occupancy = 0, medically_fit = 0;
  for (std::size_t d = 0; d < n; ++d) {
    occupancy += in[d];
    medically_fit += fit[d];
    days.push_back({format_date(from + static_cast<double>(d)), occupancy, medically_fit});
  }
  return days;
}

}  // namespace bedflow::fitting
