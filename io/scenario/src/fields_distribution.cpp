// Stage 1 readers of distributions: `{kind: parameters}` maps or lists, and bare numbers (a
// fixed value), each parameter located and bounded like every other field.
#include "fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "bedflow/engine/did_you_mean.hpp"
#include "limits.hpp"

namespace bedflow::scenario {

namespace {

using engine::DistributionParams;
using engine::did_you_mean;

// Reads named parameters from a map, or positional ones from a list, into `out`.
bool read_parameters(Context& ctx, const Node& node, const std::string& path,
                     const std::vector<std::string>& names, std::vector<double>& out) {
  const Bounds any{-limits::kMaxDays, limits::kMaxDays, true, true, "a number"};
  out.assign(names.size(), 0.0);
  if (node.is_sequence()) {
    if (node.items.size() != names.size()) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      ctx.error(node, path, "expected " + std::to_string(names.size()) + " values [" + list +
                                "], found " + std::to_string(node.items.size()));
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const auto v = read_number(ctx, node.items[i], join_path(path, names[i]), any);
      if (v) out[i] = *v;
      else ok = false;
    }
    return ok;
  }
  if (!expect_map(ctx, node, path, names, "a map of parameters")) return false;
  bool ok = true;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const Node* p = required(ctx, node, path, names[i], "a number");
    if (p == nullptr) {
      ok = false;
      continue;
    }
    const auto v = read_number(ctx, *p, join_path(path, names[i]), any);
    if (v) out[i] = *v;
    else ok = false;
  }
  return ok;
}

// Which of several parameter sets a map uses (lognormal: meanlog/sdlog or mean/sd).
bool uses(const Node& node, const char* key) { return node.is_map() && node.find(key) != nullptr; }

}  // namespace

std::optional<DistributionParams> read_distribution(Context& ctx, const Node& node,
                                                    const std::string& path, double max_mean) {
  ctx.note(path, node);
  const std::vector<std::string> kinds{"fixed",  "uniform", "exponential", "lognormal",
                                       "gamma",  "weibull", "triangular",  "empirical"};
  std::optional<DistributionParams> params;
  if (node.is_scalar()) {
    const auto value = read_number(ctx, node, path, non_negative(max_mean, "a duration (fixed) or {kind: parameters}"));
    if (!value) return std::nullopt;
    return DistributionParams::fixed(*value);
  }
  if (!node.is_map() || node.entries.size() != 1) {
    ctx.error(node, path,
              "expected a distribution: a number or a map with one kind, found " + describe(node),
              "e.g. { lognormal: { mean: 6.7, sd: 9 } }; kinds: fixed, uniform, exponential, "
              "lognormal, gamma, weibull, triangular, empirical");
    return std::nullopt;
  }
  const MapEntry& entry = node.entries.front();
  const std::string kind = entry.key;
  const Node& body = entry.value;
  const std::string body_path = join_path(path, kind);
  std::vector<double> p;
  try {
    if (kind == "fixed") {
      const auto v = read_number(ctx, body, body_path, non_negative(max_mean, "a duration"));
      if (!v) return std::nullopt;
      params = DistributionParams::fixed(*v);
    } else if (kind == "uniform") {
      if (!read_parameters(ctx, body, body_path, {"low", "high"}, p)) return std::nullopt;
      params = DistributionParams::uniform(p[0], p[1]);
    } else if (kind == "exponential") {
      if (!read_parameters(ctx, body, body_path, {"mean"}, p)) return std::nullopt;
      params = DistributionParams::exponential(p[0]);
    } else if (kind == "lognormal") {
      if (uses(body, "meanlog") || uses(body, "sdlog")) {
        if (!read_parameters(ctx, body, body_path, {"meanlog", "sdlog"}, p)) return std::nullopt;
        params = DistributionParams::lognormal_log(p[0], p[1]);
      } else {
        if (!read_parameters(ctx, body, body_path, {"mean", "sd"}, p)) return std::nullopt;
        params = DistributionParams::lognormal_mean_sd(p[0], p[1]);
      }
    } else if (kind == "gamma") {
      if (uses(body, "shape") || uses(body, "scale")) {
        if (!read_parameters(ctx, body, body_path, {"shape", "scale"}, p)) return std::nullopt;
        params = DistributionParams::gamma_shape_scale(p[0], p[1]);
      } else {
        if (!read_parameters(ctx, body, body_path, {"mean", "sd"}, p)) return std::nullopt;
        params = DistributionParams::gamma_mean_sd(p[0], p[1]);
      }
    } else if (kind == "weibull") {
      if (!read_parameters(ctx, body, body_path, {"shape", "scale"}, p)) return std::nullopt;
      params = DistributionParams::weibull(p[0], p[1]);
    } else if (kind == "triangular") {
      if (!read_parameters(ctx, body, body_path, {"low", "mode", "high"}, p)) return std::nullopt;
      params = DistributionParams::triangular(p[0], p[1], p[2]);
    } else if (kind == "empirical") {
      if (!expect_map(ctx, body, body_path, {"samples", "edges", "weights"},
                      "{ samples: [...] } or { edges: [...], weights: [...] }"))
        return std::nullopt;
      const Bounds value_bounds = non_negative(limits::kMaxDays, "a non-negative number");
      if (const Node* samples = body.find("samples")) {
        const auto values = read_number_list(ctx, *samples, body_path + ".samples", value_bounds);
        if (!values) return std::nullopt;
        params = DistributionParams::empirical_samples(*values);
      } else {
        const Node* edges = required(ctx, body, body_path, "edges", "bin edges");
        const Node* weights = required(ctx, body, body_path, "weights", "one weight per bin");
        if (edges == nullptr || weights == nullptr) return std::nullopt;
        const auto e = read_number_list(ctx, *edges, body_path + ".edges", value_bounds);
        const auto w = read_number_list(ctx, *weights, body_path + ".weights", value_bounds);
        if (!e || !w) return std::nullopt;
        params = DistributionParams::empirical_histogram(*e, *w);
      }
    } else {
      ctx.diagnostics.error(entry.key_where, body_path, "unknown distribution '" + excerpt(kind) + "'",
                            did_you_mean(kind, kinds));
      return std::nullopt;
    }
    const engine::Distribution distribution(*params);
    if (!std::isfinite(distribution.mean()) || distribution.mean() > max_mean) {
      ctx.error(body, body_path,
                "expected a mean of at most " + number_text(max_mean) + ", found " +
                    number_text(distribution.mean()),
                "check the units and the parameters (meanlog/sdlog are logarithms)");
      return std::nullopt;
    }
  } catch (const engine::DistributionError& e) {
    ctx.error(body, body_path, std::string("invalid ") + kind + " distribution: " + e.what());
    return std::nullopt;
  }
  return params;
}

}  // namespace bedflow::scenario
