#include "bedflow/analysis/sizing_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace bedflow::analysis {
namespace {

std::string format_number(double value) { return fmt::format("{:.4g}", value); }

std::string cost_header(const SizingRequest& request) {
  return request.cost.per_unit.empty() && request.cost.scale != 1.0 ? "cost_per_year"
                                                                    : "cost_mean";
}

}  // namespace

std::string format_gbp(double value) {
  if (!std::isfinite(value)) return fmt::format("{}", value);
  const std::string digits = fmt::format("{:.0f}", std::abs(value));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  if (value < 0 && grouped != "0") grouped.insert(grouped.begin(), '-');
  return grouped;
}

// The comparison a bound that misses the target makes with it: "<=" missed is ">".
std::string_view missed(Comparison comparison) noexcept {
  switch (comparison) {
    case Comparison::less: return ">=";
    case Comparison::less_equal: return ">";
    case Comparison::greater: return "<=";
    case Comparison::greater_equal: return "<";
  }
  return "?";
}

std::string describe_evidence(const EvaluatedPoint& point, const Target& target,
                              const std::string& unit) {
  const auto& e = point.target;
  return fmt::format("{} {}{} ({:g}% CI {} to {}); one-sided {:g}% bound {} {} {}: {}",
                     target.measure, format_number(e.mean), unit.empty() ? "" : " " + unit,
                     e.level * 100.0, format_number(e.lower()), format_number(e.upper()),
                     e.level * 100.0, format_number(e.bound),
                     e.meets ? to_string(target.comparison) : missed(target.comparison),
                     format_number(target.threshold), e.meets ? "meets" : "misses");
}

void print_points_table(std::ostream& out, const std::vector<EvaluatedPoint>& points,
                        const std::vector<Lever>& levers, const std::string& cost_header) {
  std::vector<std::size_t> order(points.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return points[a].setting < points[b].setting;
  });
  std::vector<std::size_t> widths;
  std::string header;
  for (const auto& lever : levers) {
    widths.push_back(std::max<std::size_t>(8, lever.path.size()));
    header += fmt::format("{:>{}}  ", lever.path, widths.back());
  }
  out << fmt::format("{}{:>12} {:>12} {:>12} {:>12}  {:<6} {:>16}\n", header, "mean", "ci_low",
                     "ci_high", "bound", "meets", cost_header);
  for (std::size_t i : order) {
    const auto& p = points[i];
    std::string row;
    for (std::size_t k = 0; k < levers.size(); ++k) {
      row += fmt::format("{:>{}}  ", p.setting.at(levers[k].path), widths[k]);
    }
    out << fmt::format("{}{:>12} {:>12} {:>12} {:>12}  {:<6} {:>16}\n", row,
                       format_number(p.target.mean), format_number(p.target.lower()),
                       format_number(p.target.upper()), format_number(p.target.bound),
                       p.target.meets ? "yes" : "no",
                       p.cost ? format_gbp(p.cost->mean) : std::string("-"));
  }
}

bool report_one_lever(std::ostream& out, const SizingRequest& request,
                      const OneLeverResult& result, const std::string& unit) {
  const Lever& lever = request.levers.front();
  out << "\n";
  switch (result.status) {
    case SizingStatus::found: {
      out << fmt::format("Answer: {} = {}\n", lever.path, *result.answer);
      out << fmt::format("  at {:>8}: {}\n", *result.answer,
                         describe_evidence(result.points[*result.answer_point], request.target,
                                           unit));
      const auto& below = result.points[*result.below_point];
      out << fmt::format("  at {:>8}: {}\n", below.setting.at(lever.path),
                         describe_evidence(below, request.target, unit));
      break;
    }
    case SizingStatus::smallest_meets:
      out << fmt::format(
          "Answer: {} = {}, the lowest value of the range: even it meets the target, so the "
          "smallest sufficient value may lie below the range (lower LOW to look further).\n",
          lever.path, *result.answer);
      out << fmt::format("  at {:>8}: {}\n", *result.answer,
                         describe_evidence(result.points[*result.answer_point], request.target,
                                           unit));
      break;
    case SizingStatus::none_meets: {
      out << fmt::format(
          "No value of {} in {}..{} meets {} with confidence {}: raise HIGH or relax the "
          "target.\n",
          lever.path, lever.low, lever.high, request.target.describe(), request.confidence);
      for (const auto& point : result.points) {
        out << fmt::format("  at {:>8}: {}\n", point.setting.at(lever.path),
                           describe_evidence(point, request.target, unit));
      }
      break;
    }
  }
  out << fmt::format("\nPoints evaluated ({} of {} values):\n", result.points.size(),
                     lever.count());
  print_points_table(out, result.points, request.levers, cost_header(request));
  if (!result.monotone) {
    out << "\nWarning: the target measure did not move one way with the lever across the "
           "points evaluated; the search assumes it does, so check the answer with a sweep.\n";
  }
  return result.status != SizingStatus::none_meets;
}

bool report_two_levers(std::ostream& out, const SizingRequest& request,
                       const TwoLeverResult& result, const std::string& unit) {
  const Lever& first = request.levers[0];
  const Lever& second = request.levers[1];
  out << "\nSmallest " << second.path << " meeting the target, for each " << first.path << ":\n";
  const std::size_t w1 = std::max<std::size_t>(8, first.path.size());
  const std::size_t w2 = std::max<std::size_t>(8, second.path.size());
  out << fmt::format("{:>{}}  {:>{}}  {:>16}\n", first.path, w1, second.path, w2,
                     cost_header(request));
  for (const auto& row : result.frontier) {
    out << fmt::format("{:>{}}  {:>{}}  {:>16}\n", row.first, w1,
                       row.second ? std::to_string(*row.second) : std::string("none"), w2,
                       row.point ? format_gbp(result.points[*row.point].cost->mean)
                                 : std::string("-"));
  }
  out << "\n";
  if (result.cheapest) {
    const auto& point = result.points[*result.cheapest];
    out << fmt::format("Cheapest combination: {} = {}, {} = {} (cost {})\n", first.path,
                       point.setting.at(first.path), second.path, point.setting.at(second.path),
                       format_gbp(point.cost->mean));
    out << fmt::format("  {}\n", describe_evidence(point, request.target, unit));
    for (const Lever* lever : {&first, &second}) {
      if (point.setting.at(lever->path) == lever->low) {
        out << fmt::format("  {} is at the lowest value of its range: a smaller value may also "
                           "meet the target, and cost less.\n",
                           lever->path);
      }
    }
  } else {
    out << fmt::format(
        "No combination in {} {}..{} x {} {}..{} meets {} with confidence {}: raise the ranges "
        "or relax the target.\n",
        first.path, first.low, first.high, second.path, second.low, second.high,
        request.target.describe(), request.confidence);
  }
  out << fmt::format("\nPoints evaluated ({} of {} combinations):\n", result.points.size(),
                     first.count() * second.count());
  print_points_table(out, result.points, request.levers, cost_header(request));
  if (!result.monotone) {
    out << "\nWarning: the target measure did not move one way with the second lever on some "
           "row; the search assumes it does, so check the answer with a sweep.\n";
  }
  if (!result.cost_monotone) {
    out << "\nWarning: cost fell as the second lever rose on some row; the cheapest point of "
           "that row may lie above the smallest value that meets the target.\n";
  }
  return result.cheapest.has_value();
}

void report_cost_comparison(std::ostream& out, const SizingRecord& record,
                            const std::string& missing_reason) {
  out << fmt::format("\nCost: {}\n", record.cost_description);
  if (!record.comparison) {
    if (!missing_reason.empty()) {
      out << fmt::format("No comparison with the scenario as given: {}\n", missing_reason);
    }
    return;
  }
  const CostComparison& c = *record.comparison;
  std::string unit;
  if (!record.cost_unit.empty()) unit = fmt::format(" {}", record.cost_unit);
  std::string change = format_gbp(c.change.mean);
  if (c.change.mean > 0) change.insert(change.begin(), '+');
  out << fmt::format("  at the answer:           {}{}\n", format_gbp(c.answer.mean), unit);
  out << fmt::format("  the scenario as given:   {}{}\n", format_gbp(c.as_given.mean), unit);
  out << fmt::format(
      "  change (answer - as given): {}{} ({:g}% CI {} to {}, paired by replication over {} "
      "replications, same seed)\n",
      change, unit, c.change.level * 100.0,
      format_gbp(c.change.lower()), format_gbp(c.change.upper()), c.change.n);
}

}  // namespace bedflow::analysis
