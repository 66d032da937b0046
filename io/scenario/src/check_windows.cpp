// Stage 2: the profiles a discharge window names. Each must exist, be of the kind its key
// says (`daily`: a daily profile of 24 factors, `weekly`: a weekly one of 7), and hold
// probabilities: every factor in [0, 1] and not all of them 0 (a window that never opens
// would keep every patient for ever).
#include <string>

#include "bedflow/engine/did_you_mean.hpp"
#include "cross_check.hpp"

namespace bedflow::scenario {
namespace {

const char* kind_name(model::Profile::Kind kind) {
  switch (kind) {
    case model::Profile::Kind::weekly: return "weekly";
    case model::Profile::Kind::daily: return "daily";
    case model::Profile::Kind::dated: return "dated";
  }
  return "?";
}

void check_profile(Context& ctx, const model::Scenario& s, const std::string& path,
                   const std::string& name, model::Profile::Kind kind) {
  if (name.empty()) return;
  const model::Profile* found = nullptr;
  std::vector<std::string> names;
  for (const auto& p : s.profiles) {
    names.push_back(p.name);
    if (p.name == name) found = &p;
  }
  const Location where = ctx.at(path);
  if (found == nullptr) {
    std::string hint = engine::did_you_mean(name, names);
    if (hint.empty()) hint = "define it under 'profiles'";
    ctx.diagnostics.error(where, path, "unknown profile '" + name + "'", hint);
    return;
  }
  const bool daily = kind == model::Profile::Kind::daily;
  if (found->kind != kind) {
    ctx.diagnostics.error(where, path,
                          std::string("expected a ") + kind_name(kind) + " profile (" +
                              (daily ? "24 hourly" : "7 daily") + " factors) for a discharge "
                              "window's " + kind_name(kind) + " key, found '" + name +
                              "', a " + kind_name(found->kind) + " one");
    return;
  }
  bool any_open = false;
  for (std::size_t i = 0; i < found->factors.size(); ++i) {
    const double factor = found->factors[i];
    if (factor > 0.0) any_open = true;
    if (factor > 1.0) {
      static const char* const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};
      const std::string at = daily ? "hour " + std::to_string(i)
                                   : std::string(i < 7 ? kDays[i] : "?");
      ctx.diagnostics.error(where, path,
                            "profile '" + name + "' has factor " + number_text(factor) +
                                " at " + at + ": a discharge window's factors are the "
                                "probabilities of leaving in that hour, from 0 to 1",
                            "use 1 for open, 0 for shut, and a share in between");
      return;
    }
  }
  if (!any_open && !found->factors.empty()) {
    ctx.diagnostics.error(where, path,
                          "profile '" + name + "' is 0 everywhere: the window would never "
                          "open and no patient could leave",
                          "give at least one hour (or day) a factor above 0");
  }
}

void check_window(Context& ctx, const model::Scenario& s, const std::string& path,
                  const std::optional<model::DischargeWindow>& window) {
  if (!window) return;
  check_profile(ctx, s, path + ".daily", window->daily, model::Profile::Kind::daily);
  check_profile(ctx, s, path + ".weekly", window->weekly, model::Profile::Kind::weekly);
}

}  // namespace

void check_discharge_windows(Context& ctx, const model::Scenario& scenario) {
  for (const auto& service : scenario.services) {
    const std::string path = "services." + service.name;
    check_window(ctx, scenario, path + ".discharge_window", service.discharge_window);
    for (std::size_t k = 0; k < service.discharge_pathways.size(); ++k) {
      check_window(ctx, scenario,
                   path + ".discharge_pathways.P" + std::to_string(k) + ".discharge_window",
                   service.discharge_pathways[k].discharge_window);
    }
  }
  for (std::size_t k = 0; k < scenario.pathway_windows.size(); ++k) {
    check_window(ctx, scenario, "discharge_pathways.P" + std::to_string(k) + ".discharge_window",
                 scenario.pathway_windows[k]);
  }
}

}  // namespace bedflow::scenario
