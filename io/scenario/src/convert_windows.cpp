// Stage 1: discharge windows (`discharge_window: { daily: <profile>, weekly: <profile> }` on
// a service or a discharge pathway). The profiles they name are checked in stage 2
// (check_windows.cpp): they must exist, be of the kind named, and hold factors in [0, 1].
#include "convert.hpp"

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

}  // namespace bedflow::scenario
