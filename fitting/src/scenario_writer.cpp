// Writing a fitted system as a scenario: one section per part, each with its evidence.
#include "bedflow/fitting/scenario_writer.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include <fmt/format.h>

namespace bedflow::fitting {
namespace {

// Shares from counts, 6 decimals each, summing to exactly 1: the largest takes the rest.
std::vector<std::string> shares(const std::vector<std::size_t>& counts) {
  const double total = static_cast<double>(std::accumulate(counts.begin(), counts.end(), std::size_t{0}));
  std::vector<long long> micro(counts.size());
  std::size_t largest = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    micro[i] = std::llround(1e6 * static_cast<double>(counts[i]) / total);
    if (counts[i] > counts[largest]) largest = i;
  }
  micro[largest] += 1000000 - std::accumulate(micro.begin(), micro.end(), 0LL);
  std::vector<std::string> out;
  for (const auto m : micro) out.push_back(fmt::format("{}.{:06d}", m / 1000000, m % 1000000));
  return out;
}

std::string list(const auto& values, const char* format) {
  std::string s = "[";
  for (const double v : values) s += (s.size() > 1 ? ", " : "") + fmt::format(fmt::runtime(format), v);
  return s + "]";
}

std::string evidence(const StayFit& fit) {
  std::string s = fmt::format("# {} durations ({} censored); AIC", fit.count, fit.censored);
  if (fit.interval_censored > 0) {
    // Dates without times: said here, since the stay's likelihood is then a different one.
    s = fmt::format("# {} durations ({} censored, {} known to the day only: fitted by interval "
                    "censoring); AIC", fit.count, fit.censored, fit.interval_censored);
  }
  for (const auto& f : fit.families) s += fmt::format(" {} {:.1f}", family_name(f.family), f.aic);
  s += fmt::format("; KS distance {:.4f}", fit.best().ks);
  s += fit.fits ? fmt::format("; fitted mean {:.3g} days", fit.best().mean())
                : fmt::format("; no family fits: empirical (Kaplan-Meier mean {:.3g} days)", fit.km_mean);
  return s;
}

}  // namespace

std::string distribution_yaml(const StayFit& fit) {
  if (!fit.fits) {
    return fmt::format("{{ empirical: {{ edges: {}, weights: {} }} }}",
                       list(fit.empirical.edges, "{:.6g}"), list(fit.empirical.weights, "{:.6g}"));
  }
  const auto& f = fit.best();
  switch (f.family) {
    case Family::exponential: return fmt::format("{{ exponential: {{ mean: {:.6g} }} }}", f.a);
    case Family::lognormal:
      return fmt::format("{{ lognormal: {{ meanlog: {:.6g}, sdlog: {:.6g} }} }}", f.a, f.b);
    case Family::gamma: return fmt::format("{{ gamma: {{ shape: {:.6g}, scale: {:.6g} }} }}", f.a, f.b);
    case Family::weibull: return fmt::format("{{ weibull: {{ shape: {:.6g}, scale: {:.6g} }} }}", f.a, f.b);
  }
  return "";
}

std::string scenario_yaml(const FittedSystem& fit, const ScenarioText& settings) {
  std::string y;
  const auto line = [&](const std::string& text) { y += text + "\n"; };
  line(fmt::format("# Fitted by `bedflow fit` from {}: {} spells, admissions counted on {} whole "
                   "days {} to {}.", fit.extract_file, fit.rows, fit.window_days, fit.first_day, fit.last_day));
  line(fmt::format("# Odd rows: {} stays over a year (kept), {} ready dates after discharge and {} "
                   "before admission (ready date dropped), {} zero-length stays (fitted as one "
                   "minute), {} blank lines (skipped).", fit.odd.stays_over_a_year,
                   fit.odd.ready_after_discharge, fit.odd.ready_before_admission,
                   fit.odd.zero_length_stays, fit.odd.blank_lines));
  for (const auto& w : fit.warnings) line("# WARNING: " + w);
  line("# Methods and limits: docs/fitting.md. Acute capacity is unlimited: set your bed base.");
  line("schema: 1");
  const bool census = fit.census_date.has_value();
  line(fmt::format("scenario: {{ name: {}, start: {}, horizon_days: {}, warmup_days: {}, "
                   "replications: {}, seed: {} }}", settings.name,
                   census ? *fit.census_date : fit.first_day,
                   settings.horizon_days + (census ? 0 : 90), census ? 0 : 90,
                   settings.replications, settings.seed));
  line("profiles:");
  for (const auto& s : fit.streams) {
    line(fmt::format("  {}_weekday: {{ weekly: {} }}", s.name, list(s.weekday, "{:.4f}")));
    if (s.hour) line(fmt::format("  {}_hour: {{ daily: {} }}", s.name, list(*s.hour, "{:.4f}")));
    if (s.dates_only) {
      line(fmt::format("  # {}: no hour-of-day profile: the admissions are dates without times", s.name));
    }
    if (!s.monthly.empty()) {
      std::string points;
      for (const auto& [date, factor] : s.monthly) {
        points += fmt::format("{}[{}, {:.4f}]", points.empty() ? "" : ", ", date, factor);
      }
      line(fmt::format("  {}_monthly: {{ dated: [{}], interpolate: step }}", s.name, points));
    }
  }
  line("cohorts:");
  for (const auto& c : fit.cohorts) {
    line(fmt::format("  {}:", c.name));
    if (c.stay) {
      line("    " + evidence(*c.stay));
      line("    acute_los_days: " + distribution_yaml(*c.stay));
    } else {
      line("    # no stay of this cohort has ended in the extract: a placeholder of one day");
      line("    acute_los_days: 1");
    }
    const std::vector<std::size_t> counts(c.pathway_counts.begin(), c.pathway_counts.end());
    const auto p = shares(counts);
    line(fmt::format("    # pathways recorded on {} spells: P0 {}, P1 {}, P2 {}, P3 {}",
                     std::accumulate(counts.begin(), counts.end(), std::size_t{0}),
                     counts[0], counts[1], counts[2], counts[3]));
    line(fmt::format("    discharge_pathway: {{ P0: {}, P1: {}, P2: {}, P3: {} }}", p[0], p[1], p[2], p[3]));
  }
  line("arrivals:");
  for (const auto& s : fit.streams) {
    line(fmt::format("  {}:", s.name));
    line(fmt::format("    # {} admissions on {} days", s.admissions, fit.window_days));
    line(fmt::format("    rate_per_day: {:.6g}", s.rate_per_day));
    std::string profiles = s.name + "_weekday";
    if (s.hour) profiles += ", " + s.name + "_hour";
    if (!s.monthly.empty()) profiles += ", " + s.name + "_monthly";
    line(fmt::format("    profiles: [{}]", profiles));
    std::vector<std::size_t> counts;
    std::vector<std::string> names;
    for (std::size_t c = 0; c < s.cohort_counts.size(); ++c) {
      if (s.cohort_counts[c] > 0) counts.push_back(s.cohort_counts[c]), names.push_back(fit.cohorts[c].name);
    }
    const auto mix = shares(counts);
    std::string text;
    for (std::size_t i = 0; i < mix.size(); ++i) text += fmt::format("{}{}: {}", i ? ", " : "", names[i], mix[i]);
    line(fmt::format("    cohort_mix: {{ {} }}", text));
  }
  line("services:");
  line("  acute: { kind: acute, capacity: unlimited }");
  for (std::size_t k = 0; k < 4; ++k) {
    if (!fit.community[k]) continue;
    line(fmt::format("  community_P{}:", k));
    line("    " + evidence(*fit.community[k]));
    line("    kind: caseload");
    line("    capacity: unlimited");
    line("    los_days: " + distribution_yaml(*fit.community[k]));
  }
  line("discharge_pathways:");
  for (std::size_t k = 0; k < 4; ++k) {
    const std::string to = fit.community[k] ? fmt::format("community_P{}", k) : "home";
    if (fit.delays[k]) {
      line(fmt::format("  # P{}: ready for discharge to leaving", k));
      line("  " + evidence(*fit.delays[k]));
      line(fmt::format("  P{}: {{ to: {}, assessment_days: {} }}", k, to, distribution_yaml(*fit.delays[k])));
    } else {
      line(fmt::format("  P{}: {{ to: {} }}  # no ready-for-discharge dates: no delay", k, to));
    }
  }
  if (census) {
    std::map<std::string, std::size_t> by_service;
    for (const auto& r : fit.census) ++by_service[r.service];
    std::string counts;
    for (const auto& [service, n] : by_service) {
      counts += fmt::format("{}{} in {}", counts.empty() ? "" : ", ", n, service);
    }
    line(fmt::format("# {} patients in place at the start of {}{}{}", fit.census.size(),
                     *fit.census_date, counts.empty() ? "" : ": ", counts));
    line(fmt::format("initial_state: {{ census_csv: {} }}", settings.census_file));
  }
  return y;
}

std::string census_csv(const FittedSystem& fit) {
  std::string csv = "service,cohort,days_in_service,medically_fit\n";
  for (const auto& r : fit.census) {
    csv += fmt::format("{},{},{:.6f},{}\n", r.service, r.cohort, r.days_in_service, r.medically_fit ? "true" : "false");
  }
  return csv;
}

}  // namespace bedflow::fitting
