// Stage 1: discharge windows (`discharge_window: { daily: <profile>, weekly: <profile> }` on
// a service or a discharge pathway). The profiles they name are checked in stage 2
// (check_windows.cpp): they must exist, be of the kind named, and hold factors in [0, 1].
#include "convert.hpp"
#include "limits.hpp"

namespace bedflow::scenario {

void read_discharge_window(Context& ctx, const Node& node, const std::string& path,
                           std::optional<model::DischargeWindow>& window) {
  if (!expect_map(ctx, node, path, {"daily", "weekly"},
                  "{ daily: <daily profile>, weekly: <weekly profile> }"))
    return;
  const Node* daily = node.find("daily");
  const Node* weekly = node.find("weekly");
  if (daily == nullptr && weekly == nullptr) {
    if (!node.entries.empty()) return;  // only unknown keys, each reported already
    ctx.error(node, path, "expected daily, weekly or both, found neither",
              "e.g. { daily: discharge_hours, weekly: discharge_days } naming profiles");
    return;
  }
  model::DischargeWindow read;
  bool ok = true;
  if (daily != nullptr) {
    if (auto v = read_name(ctx, *daily, path + ".daily")) read.daily = *v;
    else ok = false;
  }
  if (weekly != nullptr) {
    if (auto v = read_name(ctx, *weekly, path + ".weekly")) read.weekly = *v;
    else ok = false;
  }
  if (ok) window = read;
}

// `discharge_window` and `turnaround_hours` on a service: for services patients stay in, not
// for urgent community response (a visit: no place to leave or to clean).
void read_window_and_turnaround(Context& ctx, const Node& body, const std::string& path,
                                model::Service& service) {
  const bool ucr = service.kind == model::ServiceKind::urgent_community_response;
  for (const char* key : {"discharge_window", "turnaround_hours"}) {
    const Node* n = body.find(key);
    if (n == nullptr) continue;
    const std::string p = path + "." + key;
    if (ucr) {
      ctx.error(*n, p,
                std::string(key) + " does not apply to an urgent_community_response service "
                                   "(a visit holds no place)",
                "remove it; windows and turnaround belong to acute, beds, caseload and "
                "virtual_ward services");
      continue;
    }
    if (std::string(key) == "discharge_window") {
      read_discharge_window(ctx, *n, p, service.discharge_window);
    } else if (auto d = read_distribution(ctx, *n, p, limits::kMaxTurnaroundHours)) {
      service.turnaround_hours = *d;
    }
  }
}

}  // namespace bedflow::scenario
