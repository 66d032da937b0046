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
#include "size_limits.hpp"
#include "yaml_reader.hpp"

namespace bedflow::scenario {

namespace {

// A scenario whose own file sets no `scenario.name` takes its file's stem, written into the
// tree so the resolved YAML says it too (and loads back to the same Scenario). A name
// inherited through `extends:` is replaced: a child is another scenario, and its default
// results file must not be its parent's. Runs before overrides, so `--set scenario.name=...`
// still wins; at this point every node comes from the top file (read as `path`) or a parent.
void name_after_file(Node& root, const std::string& path) {
  if (!root.is_map()) return;
  Node* run = root.find("scenario");
  if (run == nullptr) {
    root.entries.push_back(MapEntry{"scenario", root.where, Node{}});
    run = &root.entries.back().value;
    run->kind = Node::Kind::map;
    run->where = root.where;
  }
  if (!run->is_map()) return;
  if (const Node* own = run->find("name")) {
    if (own->where.file == path) return;
    run->erase("name");
  }
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

  name_after_file(*root, path);
  apply_overrides(*root, overrides, diagnostics);
  diagnostics.throw_if_any();
  loaded.resolved_yaml = to_yaml(*root);

  Context ctx{diagnostics, {}};
  StageOneResult stage_one = read_scenario(ctx, *root);
  Census census;
  if (!stage_one.census_csv.empty())
    census = read_census(stage_one.census_csv, ctx.at("initial_state.census_csv"), diagnostics);
  diagnostics.throw_if_any();  // stage 2 assumes every field is individually sound
  check_size_limits(ctx, stage_one.scenario);
  diagnostics.throw_if_any();  // nothing far too large reaches the cross-references

  cross_check(ctx, stage_one.scenario, census);
  diagnostics.throw_if_any();
  warn_about_profile_edges(ctx, stage_one.scenario);
  loaded.warnings = diagnostics.warnings();

  loaded.scenario = std::move(stage_one.scenario);
  loaded.scenario.census = std::move(census.entries);
  return loaded;
}

}  // namespace bedflow::scenario
