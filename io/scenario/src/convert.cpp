// Stage 1, top level: the scenario's sections, run settings, profiles, costs and outputs.
#include "convert.hpp"
#include "dated_pairs.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "limits.hpp"

namespace bedflow::scenario {

StageOneResult read_scenario(Context& ctx, const Node& root) {
  StageOneResult result;
  model::Scenario& s = result.scenario;
  const std::vector<std::string> sections{"schema",   "scenario",           "profiles",
                                          "cohorts",  "arrivals",           "services",
                                          "discharge_pathways", "initial_state", "costs_gbp",
                                          "outputs"};
  if (!expect_map(ctx, root, "", sections, "a map of scenario sections")) return result;
  if (const Node* n = root.find("scenario")) read_run(ctx, *n, s.run);
  if (const Node* n = root.find("profiles")) read_profiles(ctx, *n, s.profiles);
  if (const Node* n = required(ctx, root, "", "cohorts", "the patient groups"))
    read_cohorts(ctx, *n, s.cohorts);
  if (const Node* n = required(ctx, root, "", "arrivals", "the admission streams"))
    read_arrivals(ctx, *n, s.arrivals);
  if (const Node* n = required(ctx, root, "", "services", "acute and community services"))
    read_services(ctx, *n, s.services);
  if (const Node* n = root.find("discharge_pathways"))
    read_discharge_pathways(ctx, *n, s.discharge_pathways, s.pathway_windows);
  if (const Node* n = root.find("initial_state")) {
    if (expect_map(ctx, *n, "initial_state", {"census_csv"})) {
      if (const Node* csv = n->find("census_csv")) {
        if (const auto path = read_text(ctx, *csv, "initial_state.census_csv"))
          result.census_csv = *path;
      }
    }
  }
  if (root.find("costs_gbp") != nullptr) refuse_global_costs(ctx, root, s);
  if (const Node* n = root.find("outputs")) read_outputs(ctx, *n, s.outputs);
  return result;
}

void read_run(Context& ctx, const Node& node, model::RunSettings& run) {
  const std::string path = "scenario";
  if (!expect_map(ctx, node, path,
                  {"name", "description", "start", "horizon_days", "warmup_days", "replications",
                   "seed"}))
    return;
  if (const Node* n = node.find("name"))
    if (auto v = read_name(ctx, *n, path + ".name")) run.name = *v;
  if (const Node* n = node.find("description"))
    if (auto v = read_text(ctx, *n, path + ".description")) run.description = *v;
  if (const Node* n = node.find("start"))
    if (auto v = read_date(ctx, *n, path + ".start")) run.start = *v;
  if (const Node* n = node.find("horizon_days"))
    if (auto v = read_number(ctx, *n, path + ".horizon_days",
                             positive(limits::kMaxHorizonDays, "a positive number of days")))
      run.horizon_days = *v;
  if (const Node* n = node.find("warmup_days"))
    if (auto v = read_number(ctx, *n, path + ".warmup_days",
                             non_negative(limits::kMaxHorizonDays, "a number of days")))
      run.warmup_days = *v;
  if (const Node* n = node.find("replications"))
    if (auto v = read_replications(ctx, *n, path + ".replications")) run.replications = *v;
  if (const Node* n = node.find("seed"))
    if (auto v = read_seed(ctx, *n, path + ".seed")) run.seed = *v;
  const Node* warmup = node.find("warmup_days");
  if (warmup != nullptr && run.warmup_days >= run.horizon_days) {
    const Node* horizon = node.find("horizon_days");
    ctx.error(*warmup, path + ".warmup_days",
              "expected warmup_days below horizon_days (" +
                  (horizon != nullptr ? horizon->text : std::string("the default")) +
                  "), found " + warmup->text,
              "the warm-up is discarded from every statistic; the horizon must be longer");
  }
}

namespace {

void read_dated_points(Context& ctx, const Node& node, const std::string& path,
                       model::Profile& profile) {
  if (!expect_list(ctx, node, path, "a list of [date, factor] pairs")) return;
  if (node.items.empty()) {
    ctx.error(node, path, "expected at least one [date, factor] pair, found an empty list");
    return;
  }
  const Bounds factor = non_negative(limits::kMaxFactor, "a factor (1 = no change)");
  read_dated_pairs(
      ctx, node, path,
      {"factor", "e.g. [2026-12-10, 1.08]", "list the dates in increasing order, each once"},
      [&factor](Context& c, const Node& n, const std::string& p) {
        return read_number(c, n, p, factor);
      },
      profile.points);
}

}  // namespace

void read_profiles(Context& ctx, const Node& node, std::vector<model::Profile>& profiles) {
  if (!expect_named_map(ctx, node, "profiles", "profiles")) return;
  const Bounds factor = non_negative(limits::kMaxFactor, "a factor (1 = no change)");
  for (const auto& entry : node.entries) {
    const std::string path = "profiles." + entry.key;
    const Node& body = entry.value;
    model::Profile profile;
    profile.name = entry.key;
    if (!expect_map(ctx, body, path, {"weekly", "daily", "dated", "interpolate"},
                    "{ weekly: [7 factors] }, { daily: [24 factors] } or { dated: [...] }"))
      continue;
    const Node* weekly = body.find("weekly");
    const Node* daily = body.find("daily");
    const Node* dated = body.find("dated");
    const int kinds = (weekly ? 1 : 0) + (daily ? 1 : 0) + (dated ? 1 : 0);
    if (kinds != 1) {
      ctx.error(body, path,
                "expected exactly one of weekly, daily or dated, found " + std::to_string(kinds));
      continue;
    }
    if (weekly || daily) {
      const std::size_t expected = weekly ? 7 : 24;
      const std::string key = weekly ? "weekly" : "daily";
      profile.kind = weekly ? model::Profile::Kind::weekly : model::Profile::Kind::daily;
      const Node& list = weekly ? *weekly : *daily;
      if (auto values = read_number_list(ctx, list, path + "." + key, factor)) {
        if (values->size() != expected) {
          ctx.error(list, path + "." + key,
                    "expected " + std::to_string(expected) + " factors (" +
                        (weekly ? "Monday to Sunday" : "hours 00 to 23") + "), found " +
                        std::to_string(values->size()));
        }
        profile.factors = *values;
      }
      if (const Node* interp = body.find("interpolate")) {
        ctx.error(*interp, path + ".interpolate", "'interpolate' applies only to dated profiles");
      }
    } else {
      profile.kind = model::Profile::Kind::dated;
      read_dated_points(ctx, *dated, path + ".dated", profile);
      if (const Node* interp = body.find("interpolate")) {
        if (auto v = read_name(ctx, *interp, path + ".interpolate")) {
          if (*v == "linear") profile.interpolation = model::Profile::Interpolation::linear;
          else if (*v == "step") profile.interpolation = model::Profile::Interpolation::step;
          else
            ctx.error(*interp, path + ".interpolate", "expected linear or step, found " + *v);
        }
      }
    }
    profiles.push_back(std::move(profile));
  }
}

namespace {

// Where a key of the old top-level costs_gbp block went: the kind of service that now
// carries it and the key under that service's costs_gbp.
struct MovedCost {
  const char* old_key;
  model::ServiceKind kind;  // the kind of service, when it is the only one of its kind
  int pathway;              // or the destination of this discharge pathway (-1: none)
  const char* what;         // the service, in words, when its name cannot be found
  const char* new_keys;
};

const std::vector<MovedCost>& moved_costs() {
  using K = model::ServiceKind;
  static const std::vector<MovedCost> table{
      {"acute_bed_day", K::acute, -1, "<acute service>",
       "place_day (commissioned) and occupied_day"},
      {"escalation_bed_day", K::acute, -1, "<acute service>", "escalation_place_day"},
      {"virtual_ward_day", K::virtual_ward, -1, "<virtual ward>", "place_day and occupied_day"},
      {"ucr_visit", K::urgent_community_response, -1, "<urgent community response>",
       "visit (and place_day for its daily capacity)"},
      {"reablement_day", K::caseload, 1, "<reablement service>", "place_day and occupied_day"},
      {"home_care_day", K::caseload, -1, "<home care service>", "place_day and occupied_day"},
      {"intermediate_care_bed_day", K::beds, 2, "<intermediate care service>",
       "place_day and occupied_day"},
      {"care_home_day", K::beds, 3, "<care home service>", "place_day and occupied_day"},
  };
  return table;
}

// The service that now carries a moved cost: the destination of its pathway, else the only
// service of its kind, else a placeholder in words.
std::string new_home(const model::Scenario& s, const MovedCost& moved) {
  if (moved.pathway > 0) {
    const std::string& to = s.discharge_pathways[static_cast<std::size_t>(moved.pathway)].to;
    return to == model::kHome || to.empty() ? moved.what : to;
  }
  std::string found;
  for (const auto& service : s.services) {
    if (service.kind != moved.kind) continue;
    if (!found.empty()) return moved.what;
    found = service.name;
  }
  return found.empty() ? moved.what : found;
}

}  // namespace

void refuse_global_costs(Context& ctx, const Node& root, const model::Scenario& scenario) {
  for (const auto& entry : root.entries) {
    if (entry.key != "costs_gbp") continue;
    ctx.diagnostics.error(
        entry.key_where, "costs_gbp",
        "costs are no longer one top-level block: each service carries its own "
        "costs_gbp { place_day, occupied_day } (UCR: place_day, visit; acute also "
        "escalation_place_day)",
        "move each unit cost under services.<name>.costs_gbp (docs/scenarios.md, services)");
    if (!entry.value.is_map()) return;
    for (const auto& old : entry.value.entries) {
      const std::string path = "costs_gbp." + old.key;
      const MovedCost* moved = nullptr;
      for (const auto& m : moved_costs())
        if (old.key == m.old_key) moved = &m;
      if (moved == nullptr) {
        ctx.diagnostics.error(old.key_where, path, "unknown cost '" + old.key + "'",
                              "unit costs belong under services.<name>.costs_gbp");
        continue;
      }
      const std::string service = new_home(scenario, *moved);
      ctx.diagnostics.error(old.key_where, path,
                            "'" + old.key + "' has moved to services." + service + ".costs_gbp",
                            "give it as services." + service + ".costs_gbp: " + moved->new_keys);
    }
  }
}

void read_outputs(Context& ctx, const Node& node, model::Outputs& outputs) {
  if (!expect_map(ctx, node, "outputs", {"timeseries_every_hours", "patient_events", "percentiles"}))
    return;
  if (const Node* n = node.find("timeseries_every_hours"))
    if (auto v = read_number(ctx, *n, "outputs.timeseries_every_hours",
                             positive(24.0 * 366, "a positive number of hours")))
      outputs.timeseries_every_hours = *v;
  if (const Node* n = node.find("patient_events"))
    if (auto v = read_bool(ctx, *n, "outputs.patient_events")) outputs.patient_events = *v;
  if (const Node* n = node.find("percentiles"))
    if (auto v = read_number_list(ctx, *n, "outputs.percentiles",
                                  non_negative(100.0, "a percentile"))) {
      // Each percentile names a column (p5, p97_5 as six significant digits): two that would
      // share a name are one percentile asked for twice.
      std::vector<std::string> names;
      for (const double p : *v) {
        const std::string name = fmt::format("{:g}", p);
        if (std::find(names.begin(), names.end(), name) != names.end()) {
          ctx.error(*n, "outputs.percentiles",
                    "percentile " + name + " is listed twice (percentiles are told apart to "
                    "six significant digits)");
        }
        names.push_back(name);
      }
      outputs.percentiles = *v;
    }
}

}  // namespace bedflow::scenario
