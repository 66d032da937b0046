// load_scenario(): read, compose, validate in two stages, and hand back the Scenario.
#include <filesystem>

#include "bedflow/scenario/load.hpp"
#include "census.hpp"
#include "compose.hpp"
#include "convert.hpp"
#include "cross_check.hpp"
#include "diagnostics.hpp"
#include "limits.hpp"
#include "yaml_reader.hpp"

namespace bedflow::scenario {

LoadedScenario load_scenario(const std::string& path, const std::vector<Override>& overrides) {
  Diagnostics diagnostics;
  LoadedScenario loaded;
  auto root = load_composed(path, diagnostics);
  diagnostics.throw_if_any();
  if (!root) throw ScenarioError({Diagnostic{path, 0, 0, "", "could not be read", ""}});

  // The top file as given, for the record (already read once; small by the size limit).
  {
    Diagnostics ignored;
    loaded.source_text = read_text_file(path, limits::kMaxYamlBytes, ignored).value_or("");
  }

  apply_overrides(*root, overrides, diagnostics);
  diagnostics.throw_if_any();
  loaded.resolved_yaml = to_yaml(*root);

  Context ctx{diagnostics, {}};
  StageOneResult stage_one = read_scenario(ctx, *root);
  Census census;
  if (!stage_one.census_csv.empty())
    census = read_census(stage_one.census_csv, ctx.at("initial_state.census_csv"), diagnostics);
  diagnostics.throw_if_any();  // stage 2 assumes every field is individually sound

  if (stage_one.scenario.run.name.empty())
    stage_one.scenario.run.name = std::filesystem::path(path).stem().string();
  cross_check(ctx, stage_one.scenario, census);
  diagnostics.throw_if_any();

  loaded.scenario = std::move(stage_one.scenario);
  loaded.scenario.census = std::move(census.entries);
  return loaded;
}

}  // namespace bedflow::scenario
