#include "bedflow/results/compare.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include <boost/math/distributions/students_t.hpp>
#include <fmt/format.h>

#include "bedflow/engine/calendar.hpp"
#include "bedflow/engine/statistics.hpp"
#include "bedflow/results/ed_wait_names.hpp"
#include "bedflow/results/observed_window.hpp"

namespace bedflow::results {
namespace {

struct Column {
  std::string unit;
  bool headline = false;
  model::Accumulation accumulation = model::Accumulation::level;
  std::vector<double> values;
};

// Measure name -> its values across replications, in first-replication order.
std::vector<std::pair<std::string, Column>> columns_of(
    const std::vector<model::ReplicationResult>& replications) {
  std::vector<std::pair<std::string, Column>> columns;
  if (replications.empty()) return columns;
  for (const auto& scalar : replications.front().scalars) {
    columns.push_back({scalar.name, Column{scalar.unit, scalar.headline, scalar.accumulation, {}}});
  }
  for (const auto& rep : replications) {
    for (std::size_t m = 0; m < columns.size() && m < rep.scalars.size(); ++m) {
      columns[m].second.values.push_back(rep.scalars[m].value);
    }
  }
  return columns;
}

double mean_of(const std::vector<double>& values) {
  return engine::confidence_interval(values).mean;
}

std::vector<double> scaled(const std::vector<double>& values, double factor) {
  std::vector<double> out(values);
  for (double& v : out) v *= factor;
  return out;
}

void paired_difference(Difference& d, const std::vector<double>& a, const std::vector<double>& b,
                       const std::vector<double>& percentiles) {
  const std::size_t n = std::min(a.size(), b.size());
  std::vector<double> differences(n);
  for (std::size_t k = 0; k < n; ++k) differences[k] = b[k] - a[k];
  const auto ci = engine::confidence_interval(differences);
  d.difference = ci.mean;
  d.half_width = ci.half_width;
  for (const double p : percentiles) {
    d.percentiles.push_back(engine::sample_percentile(differences, p));
  }
}

void welch_difference(Difference& d, const std::vector<double>& a, const std::vector<double>& b) {
  const auto ca = engine::confidence_interval(a);
  const auto cb = engine::confidence_interval(b);
  d.difference = cb.mean - ca.mean;
  if (ca.n < 2 || cb.n < 2) return;
  const double va = ca.sd * ca.sd / static_cast<double>(ca.n);
  const double vb = cb.sd * cb.sd / static_cast<double>(cb.n);
  const double se2 = va + vb;
  if (se2 <= 0.0) return;
  const double df = se2 * se2 / (va * va / static_cast<double>(ca.n - 1) +
                                 vb * vb / static_cast<double>(cb.n - 1));
  const boost::math::students_t distribution(df);
  d.half_width = boost::math::quantile(distribution, 0.975) * std::sqrt(se2);
}

Difference difference_of(const std::vector<double>& a, const std::vector<double>& b,
                         bool paired, const std::vector<double>& percentiles) {
  Difference d;
  // Paired: A, B and B - A all over the replications both have, so the columns agree.
  const std::size_t n = paired ? std::min(a.size(), b.size()) : std::max(a.size(), b.size());
  auto first = [n](const std::vector<double>& values) {
    return std::vector<double>(values.begin(),
                               values.begin() + static_cast<std::ptrdiff_t>(std::min(n, values.size())));
  };
  d.mean_a = mean_of(first(a));
  d.mean_b = mean_of(first(b));
  if (paired) {
    paired_difference(d, a, b, percentiles);
  } else {
    welch_difference(d, a, b);
  }
  return d;
}

// True for a count over one calendar month that windows `a` and `b` observe for different
// spans of it (compared as instants, so windows on different calendars compare right).
bool month_observed_differently(const std::string& name, const model::ObservedWindow& a,
                                const model::ObservedWindow& b) {
  const std::string month = month_of_count(name);
  if (a == b || month.empty()) return false;
  const int year = std::stoi(month.substr(0, 4));
  const int m = std::stoi(month.substr(5));
  const auto span = [&](const model::ObservedWindow& w) {
    const model::ObservedWindow part = month_part(w, year, m);
    if (part.days() <= 0.0) return std::pair{0.0, 0.0};  // none of the month observed
    const auto origin = static_cast<double>(engine::days_from_civil(w.calendar_start));
    return std::pair{origin + part.from_days, origin + part.to_days};
  };
  return span(a) != span(b);
}

model::ObservedWindow window_of(const std::vector<model::ReplicationResult>& replications) {
  return replications.empty() ? model::ObservedWindow{} : replications.front().window;
}

}  // namespace

Comparison compare_replications(const std::vector<model::ReplicationResult>& a,
                                const std::vector<model::ReplicationResult>& b, bool paired,
                                const std::vector<double>& percentiles) {
  Comparison comparison;
  comparison.paired = paired;
  if (paired) comparison.percentiles = percentiles;
  comparison.window_a = window_of(a);
  comparison.window_b = window_of(b);
  const double year_a = per_year_factor(comparison.window_a);
  const double year_b = per_year_factor(comparison.window_b);
  const auto columns_a = columns_of(a);
  const auto columns_b = columns_of(b);
  std::map<std::string, const Column*> in_b;
  for (const auto& [name, column] : columns_b) in_b[name] = &column;
  std::map<std::string, bool> in_a;
  for (const auto& [name, column] : columns_a) {
    in_a[name] = true;
    const auto found = in_b.find(name);
    if (found == in_b.end()) {
      comparison.only_in_a.push_back(name);
      continue;
    }
    const Column& other = *found->second;
    if (month_observed_differently(name, comparison.window_a, comparison.window_b)) {
      comparison.month_observed_differently.push_back(name);
      continue;
    }
    MeasureDifference d;
    d.name = name;
    d.unit = column.unit;
    d.unit_mismatch = column.unit != other.unit;
    d.headline = column.headline;
    d.accumulation = column.accumulation;
    d.n_a = column.values.size();
    d.n_b = other.values.size();
    const bool total = column.accumulation == model::Accumulation::total ||
                       other.accumulation == model::Accumulation::total;
    if (total) d.accumulation = model::Accumulation::total;
    if (!total || comparison.same_window()) {
      d.over_window = difference_of(column.values, other.values, paired, percentiles);
    }
    if (total) {
      d.per_year = difference_of(scaled(column.values, year_a), scaled(other.values, year_b),
                                 paired, percentiles);
    }
    comparison.measures.push_back(d);
  }
  for (const auto& [name, column] : columns_b) {
    if (!in_a.count(name)) comparison.only_in_b.push_back(name);
  }
  std::stable_partition(comparison.measures.begin(), comparison.measures.end(),
                        [](const MeasureDifference& d) { return d.headline; });
  return comparison;
}

CostChange cost_change(const Comparison& comparison) {
  CostChange change;
  for (const auto& d : comparison.measures) {
    if (d.name.rfind("cost_", 0) != 0 || !d.per_year) continue;
    if (d.name == "cost_total") {
      change.has_costs = true;
      change.net_per_year = *d.per_year;
      continue;
    }
    const double delta = d.per_year->difference;
    if (delta > 0.0) change.extra_cost_per_year += delta;
    if (delta < 0.0) change.saving_per_year -= delta;
  }
  return change;
}

std::string unequal_replications_note(bool paired, const std::string& name_a, std::size_t n_a,
                                      const std::string& name_b, std::size_t n_b) {
  if (!paired || n_a == n_b) return "";
  return fmt::format(
      "{} has {} replications and {} has {}: the paired difference, and both means beside it, "
      "use the first {} of each.",
      name_a, n_a, name_b, n_b, std::min(n_a, n_b));
}

}  // namespace bedflow::results
