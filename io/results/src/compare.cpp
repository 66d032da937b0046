#include "bedflow/results/compare.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <boost/math/distributions/students_t.hpp>

#include "bedflow/engine/statistics.hpp"

namespace bedflow::results {
namespace {

struct Column {
  std::string unit;
  bool headline = false;
  std::vector<double> values;
};

// Measure name -> its values across replications, in first-replication order.
std::vector<std::pair<std::string, Column>> columns_of(
    const std::vector<model::ReplicationResult>& replications) {
  std::vector<std::pair<std::string, Column>> columns;
  if (replications.empty()) return columns;
  for (const auto& scalar : replications.front().scalars) {
    columns.push_back({scalar.name, Column{scalar.unit, scalar.headline, {}}});
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

void paired_difference(MeasureDifference& d, const Column& a, const Column& b) {
  const std::size_t n = std::min(a.values.size(), b.values.size());
  std::vector<double> differences(n);
  for (std::size_t k = 0; k < n; ++k) differences[k] = b.values[k] - a.values[k];
  const auto ci = engine::confidence_interval(differences);
  d.difference = ci.mean;
  d.half_width = ci.half_width;
}

void welch_difference(MeasureDifference& d, const Column& a, const Column& b) {
  const auto ca = engine::confidence_interval(a.values);
  const auto cb = engine::confidence_interval(b.values);
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

}  // namespace

Comparison compare_replications(const std::vector<model::ReplicationResult>& a,
                                const std::vector<model::ReplicationResult>& b, bool paired) {
  Comparison comparison;
  comparison.paired = paired;
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
    MeasureDifference d;
    d.name = name;
    d.unit = column.unit;
    d.unit_mismatch = column.unit != other.unit;
    d.headline = column.headline;
    d.mean_a = mean_of(column.values);
    d.mean_b = mean_of(other.values);
    d.n_a = column.values.size();
    d.n_b = other.values.size();
    if (paired) {
      paired_difference(d, column, other);
    } else {
      welch_difference(d, column, other);
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

}  // namespace bedflow::results
