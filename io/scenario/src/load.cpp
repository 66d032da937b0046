// load_scenario(): read, compose, validate in two stages, and hand back the Scenario.
#include <filesystem>

#include "bedflow/scenario/load.hpp"
#include "census.hpp"
#include "compose.hpp"
#include "convert.hpp"
#include "cross_check.hpp"
#include "diagnostics.hpp"
#include "fields.hpp"
#include "limits.hpp"
#include "profile_edges.hpp"
#include "yaml_reader.hpp"

namespace bedflow::scenario {

namespace {

// A scenario without a name takes its file's stem, written into the tree so the resolved
// YAML says it too (and loads back to the same Scenario).
void name_after_file(Node& root, const std::string& path) {
  if (!root.is_map()) return;
  Node* run = root.find("scenario");
  if (run == nullptr) {
    root.entries.push_back(MapEntry{"scenario", root.where, Node{}});
    run = &root.entries.back().value;
    run->kind = Node::Kind::map;
    run->where = root.where;
  }
  if (!run->is_map() || run->find("name") != nullptr) return;
  std::string stem = std::filesystem::path(path).stem().string();
  if (!is_valid_name(stem)) stem = "scenario";
  Node name;
  name.kind = Node::Kind::scalar;
  name.text = stem;
  name.where = run->where;
  run->entries.insert(run->entries.begin(), MapEntry{"name", run->where, std::move(name)});
}

}  // namespace

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
  name_after_file(*root, path);
  loaded.resolved_yaml = to_yaml(*root);

  Context ctx{diagnostics, {}};
  StageOneResult stage_one = read_scenario(ctx, *root);
  Census census;
  if (!stage_one.census_csv.empty())
    census = read_census(stage_one.census_csv, ctx.at("initial_state.census_csv"), diagnostics);
  diagnostics.throw_if_any();  // stage 2 assumes every field is individually sound

  cross_check(ctx, stage_one.scenario, census);
  diagnostics.throw_if_any();
  warn_about_profile_edges(ctx, stage_one.scenario);
  loaded.warnings = diagnostics.warnings();

  loaded.scenario = std::move(stage_one.scenario);
  loaded.scenario.census = std::move(census.entries);
  return loaded;
}

}  // namespace bedflow::scenario
