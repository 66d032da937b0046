#include "closed_destinations.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace bedflow::scenario {
namespace {

using model::ServiceKind;

// The first day of the run from which the service has no places to its end, if there is one.
std::optional<std::int64_t> closed_from(const model::Service& service, std::int64_t first_day,
                                        std::int64_t last_day) {
  std::int64_t capacity = service.capacity.base;
  std::int64_t since = first_day;
  for (const auto& change : service.capacity.changes) {
    const std::int64_t day = engine::days_from_civil(change.date);
    if (day > last_day) break;
    if (change.capacity != capacity) since = std::max(day, first_day);
    capacity = change.capacity;
  }
  if (capacity > 0) return std::nullopt;
  return since;
}

}  // namespace

void warn_about_closed_destinations(Context& ctx, const model::Scenario& scenario) {
  const std::int64_t first_day = engine::days_from_civil(scenario.run.start);
  const std::int64_t last_day =
      first_day + static_cast<std::int64_t>(std::ceil(scenario.run.horizon_days)) - 1;
  std::map<std::string, std::vector<std::string>> routes_to;  // service -> routes, in order
  for (std::size_t k = 1; k < 4; ++k) {
    bool used = false;
    for (const auto& cohort : scenario.cohorts) used = used || cohort.discharge_pathway[k] > 0.0;
    if (!used) continue;
    std::set<std::string> destinations;  // each acute service's version of the pathway
    for (const auto& acute : scenario.services) {
      if (acute.kind == ServiceKind::acute)
        destinations.insert(model::pathway_for(scenario, acute, k).to);
    }
    for (const auto& to : destinations)
      routes_to[to].push_back(fmt::format("discharge pathway P{}", k));
  }
  for (const auto& service : scenario.services) {
    for (const auto& [to, p] : service.then) {
      if (p > 0.0) routes_to[to].push_back(fmt::format("services.{}.then", service.name));
    }
    if (!service.on_failure.empty() && service.independent_at_91_days &&
        *service.independent_at_91_days < 1.0) {
      routes_to[service.on_failure].push_back(fmt::format("services.{}.on_failure", service.name));
    }
  }
  for (const auto& service : scenario.services) {
    if (service.kind == ServiceKind::acute || service.kind == ServiceKind::urgent_community_response)
      continue;
    const auto routes = routes_to.find(service.name);
    if (routes == routes_to.end()) continue;
    const auto closed = closed_from(service, first_day, last_day);
    if (!closed) continue;
    std::string list;
    for (std::size_t i = 0; i < routes->second.size(); ++i)
      list += (i == 0 ? "" : ", ") + routes->second[i];
    const std::string when =
        *closed <= first_day ? std::string("for the whole run")
                             : "from " + engine::to_iso_string(engine::civil_from_days(*closed)) +
                                   " to the end of the run";
    const std::string path = "services." + service.name + ".capacity";
    ctx.diagnostics.warning(
        ctx.at(path), path,
        "'" + service.name + "' has no places " + when + ", but " + list +
            " still send patients there: they will wait (in acute beds, a delayed discharge) "
            "and never arrive",
        "give it places, or route those patients elsewhere");
  }
}

}  // namespace bedflow::scenario
