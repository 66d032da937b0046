// Stage 1: services (acute, bedded, caseload, virtual ward, urgent community response) and the
// discharge pathways that lead to them.
#include "convert.hpp"
#include "dated_pairs.hpp"
#include "bedflow/engine/did_you_mean.hpp"
#include "limits.hpp"

namespace bedflow::scenario {

using engine::did_you_mean;

namespace {

struct KindInfo {
  const char* name;
  model::ServiceKind kind;
  std::vector<std::string> keys;  // allowed keys besides `kind`
};

const std::vector<KindInfo>& kinds() {
  static const std::vector<KindInfo> table{
      {"acute",
       model::ServiceKind::acute,
       {"capacity", "escalation", "report_waits_over_hours", "discharge_pathways", "costs_gbp",
        "closures"}},
      {"beds",
       model::ServiceKind::beds,
       {"capacity", "los_days", "then", "costs_gbp", "when_full", "if_turned_away", "closures"}},
      {"caseload",
       model::ServiceKind::caseload,
       {"capacity", "los_days", "then", "independent_at_91_days", "on_failure", "costs_gbp",
        "when_full", "if_turned_away", "closures"}},
      {"virtual_ward",
       model::ServiceKind::virtual_ward,
       {"capacity", "step_up", "step_down", "then", "costs_gbp", "when_full", "if_turned_away",
        "closures"}},
      {"urgent_community_response",
       model::ServiceKind::urgent_community_response,
       {"opens_hour", "closes_hour", "capacity_per_day", "response_target_hours",
        "response_hours", "success_probability", "costs_gbp"}},
  };
  return table;
}

std::optional<std::int64_t> read_capacity_value(Context& ctx, const Node& node,
                                                const std::string& path, std::int64_t minimum) {
  if (node.is_scalar() && !node.quoted && node.text == "unlimited") {
    ctx.note(path, node);
    return kUnlimitedCapacity;
  }
  const std::string meaning = "a whole number of places (or unlimited)";
  if (node.is_scalar() && node.quoted && node.text == "unlimited") {
    ctx.note(path, node);
    ctx.error(node, path, "expected " + meaning + ", found " + describe(node), "remove the quotes");
    return std::nullopt;
  }
  return read_integer(ctx, node, path,
                      {static_cast<double>(minimum), limits::kMaxCapacity, true, true, meaning});
}

void read_capacity(Context& ctx, const Node& node, const std::string& path, std::int64_t minimum,
                   model::CapacitySchedule& capacity) {
  if (!node.is_map()) {
    if (auto v = read_capacity_value(ctx, node, path, minimum)) capacity.base = *v;
    return;
  }
  if (!expect_map(ctx, node, path, {"base", "changes"})) return;
  if (const Node* base = required(ctx, node, path, "base", "the capacity until the first change"))
    if (auto v = read_capacity_value(ctx, *base, path + ".base", minimum)) capacity.base = *v;
  const Node* changes = node.find("changes");
  if (changes == nullptr) return;
  if (!expect_list(ctx, *changes, path + ".changes", "a list of [date, capacity] pairs")) return;
  read_dated_pairs(
      ctx, *changes, path + ".changes",
      {"capacity", "e.g. [2026-12-01, 380]", "list capacity changes in increasing date order"},
      [minimum](Context& c, const Node& n, const std::string& p) {
        return read_capacity_value(c, n, p, minimum);
      },
      capacity.changes);
}

// A service's unit costs: which keys a kind takes, each a cost in GBP from 0.
void read_service_costs(Context& ctx, const Node& node, const std::string& path,
                        model::ServiceKind kind, model::ServiceCosts& costs) {
  std::vector<std::pair<std::string, double*>> fields{{"place_day", &costs.place_day}};
  if (kind == model::ServiceKind::urgent_community_response) {
    fields.emplace_back("visit", &costs.visit);
  } else {
    fields.emplace_back("occupied_day", &costs.occupied_day);
  }
  if (kind == model::ServiceKind::acute) {
    fields.emplace_back("escalation_place_day", &costs.escalation_place_day);
  }
  std::vector<std::string> keys;
  for (const auto& field : fields) keys.push_back(field.first);
  if (!expect_map(ctx, node, path, keys)) return;
  for (const auto& [key, target] : fields) {
    if (const Node* n = node.find(key)) {
      if (auto v = read_number(ctx, *n, path + "." + key,
                               non_negative(limits::kMaxCostGbp, "a cost in GBP")))
        *target = *v;
    }
  }
}

void read_routes(Context& ctx, const Node& node, const std::string& path,
                 std::vector<std::pair<std::string, double>>& routes) {
  if (!expect_named_map(ctx, node, path, "destinations")) return;
  for (const auto& entry : node.entries) {
    const std::string p = path + "." + entry.key;
    ctx.where[p + "#key"] = entry.key_where;
    if (auto v = read_number(ctx, entry.value, p, probability())) routes.emplace_back(entry.key, *v);
  }
}

void read_escalation(Context& ctx, const Node& node, const std::string& path,
                     std::vector<model::EscalationLevel>& levels) {
  if (!expect_list(ctx, node, path, "a list of escalation levels")) return;
  const Bounds fraction{0.0, 1.5, false, true, "an occupancy fraction"};
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const Node& item = node.items[i];
    const std::string p = path + "." + std::to_string(i);
    if (!expect_map(ctx, item, p, {"beds", "open_above", "close_below"})) continue;
    model::EscalationLevel level;
    bool ok = true;
    if (const Node* n = required(ctx, item, p, "beds", "beds opened at this level")) {
      if (auto v = read_integer(ctx, *n, p + ".beds",
                                positive(limits::kMaxCapacity, "a positive number of beds")))
        level.beds = *v;
      else ok = false;
    } else ok = false;
    if (const Node* n = required(ctx, item, p, "open_above", "occupancy that opens the level")) {
      if (auto v = read_number(ctx, *n, p + ".open_above", fraction)) level.open_above = *v;
      else ok = false;
    } else ok = false;
    if (const Node* n = required(ctx, item, p, "close_below", "occupancy that closes it")) {
      if (auto v = read_number(ctx, *n, p + ".close_below",
                               non_negative(1.5, "an occupancy fraction")))
        level.close_below = *v;
      else ok = false;
    } else ok = false;
    if (ok && level.close_below >= level.open_above) {
      ctx.error(*item.find("close_below"), p + ".close_below",
                "expected close_below below open_above (" + item.find("open_above")->text +
                    "), found " + item.find("close_below")->text,
                "the gap between them stops levels opening and closing every hour");
    }
    levels.push_back(level);
  }
}

void read_virtual_ward(Context& ctx, const Node& body, const std::string& path,
                       model::Service& service) {
  if (const Node* n = body.find("step_up")) {
    const std::string p = path + ".step_up";
    if (expect_map(ctx, *n, p, {"los_days", "escalate_to_acute_probability"})) {
      model::StepUp up;
      if (const Node* los = required(ctx, *n, p, "los_days", "a distribution of days"))
        if (auto d = read_distribution(ctx, *los, p + ".los_days", limits::kMaxDays)) up.los_days = *d;
      if (const Node* e = n->find("escalate_to_acute_probability"))
        if (auto v = read_number(ctx, *e, p + ".escalate_to_acute_probability", probability()))
          up.escalate_to_acute_probability = *v;
      service.step_up = up;
    }
  }
  if (const Node* n = body.find("step_down")) {
    const std::string p = path + ".step_down";
    if (expect_map(ctx, *n, p, {"replaces_acute_days", "eligible_cohorts", "los_days"})) {
      model::StepDown down;
      if (const Node* r = required(ctx, *n, p, "replaces_acute_days", "acute days saved"))
        if (auto v = read_number(ctx, *r, p + ".replaces_acute_days",
                                 non_negative(365.0, "a number of days")))
          down.replaces_acute_days = *v;
      if (const Node* e = required(ctx, *n, p, "eligible_cohorts", "cohorts that may step down"))
        if (auto v = read_name_list(ctx, *e, p + ".eligible_cohorts")) down.eligible_cohorts = *v;
      if (const Node* los = required(ctx, *n, p, "los_days", "a distribution of days"))
        if (auto d = read_distribution(ctx, *los, p + ".los_days", limits::kMaxDays))
          down.los_days = *d;
      service.step_down = down;
    }
  }
  if (body.find("step_up") == nullptr && body.find("step_down") == nullptr) {
    ctx.error(body, path, "a virtual ward needs step_up, step_down or both",
              "add step_up: { los_days: ... } to take avoidable admissions");
  }
}

void read_urgent_response(Context& ctx, const Node& body, const std::string& path,
                          model::Service& service) {
  model::UrgentResponse ucr;
  if (const Node* n = body.find("opens_hour"))
    if (auto v = read_integer(ctx, *n, path + ".opens_hour", {0, 23, true, true, "an hour of the day"}))
      ucr.opens_hour = static_cast<int>(*v);
  if (const Node* n = body.find("closes_hour"))
    if (auto v = read_integer(ctx, *n, path + ".closes_hour", {1, 24, true, true, "an hour of the day"}))
      ucr.closes_hour = static_cast<int>(*v);
  if (ucr.closes_hour <= ucr.opens_hour) {
    const Node* at = body.find("closes_hour") ? body.find("closes_hour") : &body;
    ctx.error(*at, path + ".closes_hour",
              "expected closes_hour after opens_hour (" + std::to_string(ucr.opens_hour) +
                  "), found " + std::to_string(ucr.closes_hour));
  }
  if (const Node* n = required(ctx, body, path, "capacity_per_day", "visits a day"))
    if (auto v = read_capacity_value(ctx, *n, path + ".capacity_per_day", 0)) {
      ucr.capacity_per_day = *v;
      service.capacity.base = *v;
    }
  if (const Node* n = body.find("response_target_hours"))
    if (auto v = read_number(ctx, *n, path + ".response_target_hours",
                             positive(72.0, "a positive number of hours")))
      ucr.response_target_hours = *v;
  if (const Node* n = body.find("response_hours"))
    if (auto d = read_distribution(ctx, *n, path + ".response_hours", 72.0)) ucr.response_hours = *d;
  if (const Node* n = body.find("success_probability"))
    if (auto v = read_number(ctx, *n, path + ".success_probability", probability()))
      ucr.success_probability = *v;
  service.urgent_response = ucr;
}

// An acute service's own pathways (services.<acute>.discharge_pathways): the same keys as
// the scenario's, each field given replacing the scenario's for that service's patients.
void read_pathway_overrides(Context& ctx, const Node& node, const std::string& path,
                            std::array<model::PathwayOverride, 4>& overrides) {
  if (!expect_map(ctx, node, path, {kPathwayKeys.begin(), kPathwayKeys.end()})) return;
  for (std::size_t k = 0; k < 4; ++k) {
    const Node* body = node.find(kPathwayKeys[k]);
    if (body == nullptr) continue;
    const std::string at = path + "." + kPathwayKeys[k];
    if (!expect_map(ctx, *body, at, {"to", "assessment_days", "discharge_window"})) continue;
    if (const Node* n = body->find("to"))
      if (auto v = read_name(ctx, *n, at + ".to")) overrides[k].to = *v;
    if (const Node* n = body->find("assessment_days"))
      if (auto d = read_distribution(ctx, *n, at + ".assessment_days", 365.0))
        overrides[k].assessment_days = *d;
    if (const Node* n = body->find("discharge_window"))
      read_discharge_window(ctx, *n, at + ".discharge_window", overrides[k].discharge_window);
  }
}

}  // namespace

void read_services(Context& ctx, const Node& node, std::vector<model::Service>& services) {
  if (!expect_named_map(ctx, node, "services", "services")) return;
  std::vector<std::string> kind_names;
  for (const auto& k : kinds()) kind_names.emplace_back(k.name);
  for (const auto& entry : node.entries) {
    const std::string path = "services." + entry.key;
    ctx.where[path + "#key"] = entry.key_where;
    const Node& body = entry.value;
    model::Service service;
    service.name = entry.key;
    if (entry.key == model::kHome) {
      ctx.diagnostics.error(entry.key_where, path, "'home' is reserved for the exit",
                            "name the service something else, e.g. home_care");
    }
    if (!body.is_map()) {
      ctx.error(body, path, "expected a map describing the service, found " + describe(body));
      continue;
    }
    // A service without `kind` named like another service is a misspelling in a file that
    // extends the scenario (or an override): it made a new service instead of changing one.
    // Say so at the user's own key, not "missing kind" at a map they never meant to create.
    if (report_misspelt_entry(ctx, node, entry, path, "kind", "service")) continue;
    const Node* kind_node = required(ctx, body, path, "kind", "one of: " + [&] {
      std::string list;
      for (const auto& k : kind_names) list += (list.empty() ? "" : ", ") + k;
      return list;
    }());
    if (kind_node == nullptr) continue;
    const auto kind_name = read_name(ctx, *kind_node, path + ".kind");
    if (!kind_name) continue;
    const KindInfo* info = nullptr;
    for (const auto& k : kinds())
      if (*kind_name == k.name) info = &k;
    if (info == nullptr) {
      ctx.error(*kind_node, path + ".kind", "unknown service kind '" + *kind_name + "'",
                did_you_mean(*kind_name, kind_names));
      continue;
    }
    service.kind = info->kind;
    std::vector<std::string> allowed = info->keys;
    allowed.emplace_back("kind");
    // Every kind knows these keys, so that on urgent community response they get their own
    // message rather than "unknown key".
    allowed.emplace_back("discharge_window");
    allowed.emplace_back("turnaround_hours");
    if (!expect_map(ctx, body, path, allowed)) continue;

    if (info->kind != model::ServiceKind::urgent_community_response) {
      if (const Node* n = required(ctx, body, path, "capacity", "beds or places, or unlimited"))
        read_capacity(ctx, *n, path + ".capacity",
                      info->kind == model::ServiceKind::acute ? 1 : 0, service.capacity);
    }
    if (info->kind == model::ServiceKind::beds || info->kind == model::ServiceKind::caseload) {
      if (const Node* n = required(ctx, body, path, "los_days", "a distribution of days"))
        if (auto d = read_distribution(ctx, *n, path + ".los_days", limits::kMaxDays))
          service.los_days = *d;
    }
    if (const Node* n = body.find("then")) read_routes(ctx, *n, path + ".then", service.then);
    if (const Node* n = body.find("escalation"))
      read_escalation(ctx, *n, path + ".escalation", service.escalation);
    if (const Node* n = body.find("report_waits_over_hours"))
      if (auto v = read_number_list(ctx, *n, path + ".report_waits_over_hours",
                                    positive(24.0 * 14, "a positive number of hours")))
        service.report_waits_over_hours = *v;
    if (const Node* n = body.find("discharge_pathways"))
      read_pathway_overrides(ctx, *n, path + ".discharge_pathways", service.discharge_pathways);
    if (const Node* n = body.find("independent_at_91_days"))
      if (auto v = read_number(ctx, *n, path + ".independent_at_91_days", probability()))
        service.independent_at_91_days = *v;
    if (const Node* n = body.find("on_failure"))
      if (auto v = read_name(ctx, *n, path + ".on_failure")) service.on_failure = *v;
    if (info->kind == model::ServiceKind::virtual_ward) read_virtual_ward(ctx, body, path, service);
    if (info->kind == model::ServiceKind::urgent_community_response)
      read_urgent_response(ctx, body, path, service);
    if (const Node* n = body.find("costs_gbp"))
      read_service_costs(ctx, *n, path + ".costs_gbp", info->kind, service.costs);
    read_loss_and_closures(ctx, body, path, service);
    read_window_and_turnaround(ctx, body, path, service);
    services.push_back(std::move(service));
  }
}

void read_discharge_pathways(Context& ctx, const Node& node,
                             std::array<model::DischargePathway, 4>& pathways,
                             std::array<std::optional<model::DischargeWindow>, 4>& windows) {
  std::array<model::PathwayOverride, 4> given;
  read_pathway_overrides(ctx, node, "discharge_pathways", given);
  for (std::size_t k = 0; k < 4; ++k) {
    if (given[k].to) pathways[k].to = *given[k].to;
    if (given[k].assessment_days) pathways[k].assessment_days = *given[k].assessment_days;
    windows[k] = given[k].discharge_window;
  }
}

}  // namespace bedflow::scenario
