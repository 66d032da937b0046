#include "profile_edges.hpp"

#include <cmath>
#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace bedflow::scenario {
namespace {

std::string point_text(const model::Profile::Point& point) {
  return fmt::format("({}, factor {})", engine::to_iso_string(point.date),
                     number_text(point.factor));
}

}  // namespace

void warn_about_profile_edges(Context& ctx, const model::Scenario& scenario) {
  const std::int64_t first_day = engine::days_from_civil(scenario.run.start);
  // The last calendar day the run touches (a horizon of 30 days from the 1st ends on the 30th).
  const std::int64_t last_day =
      first_day + static_cast<std::int64_t>(std::ceil(scenario.run.horizon_days)) - 1;
  for (const auto& profile : scenario.profiles) {
    if (profile.kind != model::Profile::Kind::dated || profile.points.empty()) continue;
    const std::string path = fmt::format("profiles.{}.dated", profile.name);

    const std::size_t last_index = profile.points.size() - 1;
    const auto& last = profile.points[last_index];
    if (last.factor != 1.0 && engine::days_from_civil(last.date) < last_day) {
      ctx.diagnostics.warning(
          ctx.at(fmt::format("{}.{}.date", path, last_index)), path,
          fmt::format("profile {}: its last point {} holds until the end of the run on {}",
                      profile.name, point_text(last),
                      engine::to_iso_string(engine::civil_from_days(last_day))),
          fmt::format("add a point with factor 1 to end the {}",
                      last.factor > 1.0 ? "surge" : "reduction"));
    }

    const auto& first = profile.points.front();
    const std::int64_t first_point_day = engine::days_from_civil(first.date);
    if (profile.interpolation == model::Profile::Interpolation::linear && first.factor != 1.0 &&
        first_day < first_point_day && first_point_day <= last_day) {
      ctx.diagnostics.warning(
          ctx.at(path + ".0.date"), path,
          fmt::format("profile {}: the run starts on {}, before its first point {}, so the "
                      "factor is 1 until then and jumps to {}",
                      profile.name, engine::to_iso_string(scenario.run.start), point_text(first),
                      number_text(first.factor)),
          "start the profile with a point of factor 1 to ramp up to it");
    }
  }
}

}  // namespace bedflow::scenario
