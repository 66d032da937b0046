// load_scenario(): read, compose, validate in two stages, and hand back the Scenario.
#include <filesystem>
#include <set>
#include <utility>

#include "bedflow/scenario/load.hpp"
#include "census.hpp"
#include "closed_destinations.hpp"
#include "flow_warnings.hpp"
#include "compose.hpp"
#include "convert.hpp"
#include "cross_check.hpp"
#include "diagnostics.hpp"
#include "fields.hpp"
#include "limits.hpp"
#include "run_size.hpp"
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

// The entities ("services.acute", "cohorts.frail") stage 1 found fault with, and their names.
struct Faulted {
  std::set<std::string> entities;
  std::set<std::string> names;
  std::set<std::string> sections;
  std::set<std::pair<std::string, int>> lines;  // file and line of every stage 1 problem
  bool whole_section = false;                    // a problem not inside one entity
};

Faulted faulted_by(const std::vector<Diagnostic>& problems) {
  Faulted faulted;
  for (const auto& d : problems) {
    faulted.lines.emplace(d.file, d.line);
    const auto first_dot = d.path.find('.');
    const std::string section = d.path.substr(0, first_dot);
    if (section == "scenario" || section == "outputs") {
      faulted.entities.insert(d.path);  // a field of its own: nothing refers to it by name
      continue;
    }
    const bool entity_section = section == "services" || section == "cohorts" ||
                                section == "profiles" || section == "arrivals" ||
                                section == "discharge_pathways";
    if (first_dot == std::string::npos || !entity_section) {
      // Census rows (path "service", "cohort", ...) stand alone; any other problem outside
      // an entity (a whole section, the scenario block) may change everything after it.
      if (d.path != "service" && d.path != "cohort" && d.path != "days_in_service" &&
          d.path != "medically_fit")
        faulted.whole_section = true;
      continue;
    }
    const auto second_dot = d.path.find('.', first_dot + 1);
    const std::string name = d.path.substr(first_dot + 1, second_dot == std::string::npos
                                                              ? std::string::npos
                                                              : second_dot - first_dot - 1);
    faulted.entities.insert(section + "." + name);
    faulted.names.insert(name);
    faulted.sections.insert(section);
  }
  return faulted;
}

bool may_echo(const Diagnostic& d, const Faulted& faulted) {
  if (faulted.lines.count({d.file, d.line})) return true;
  if (faulted.sections.count(d.path)) return true;  // e.g. "no acute service" after a bad kind
  for (const auto& entity : faulted.entities) {
    if (d.path == entity || d.path.rfind(entity + ".", 0) == 0) return true;
  }
  for (const auto& name : faulted.names) {
    if (d.message.find("'" + name + "'") != std::string::npos) return true;
  }
  return false;
}

// Runs stage 2 apart (no network check: that needs a sound scenario) and adds the problems
// that are not about anything stage 1 found fault with.
void add_independent_cross_checks(Context& ctx, const model::Scenario& read_so_far,
                                  const Census& census) {
  const Faulted faulted = faulted_by(ctx.diagnostics.list());
  if (faulted.whole_section) return;
  Diagnostics second;
  Context second_ctx{second, ctx.where};
  model::Scenario copy = read_so_far;
  cross_check(second_ctx, copy, census, /*network_check=*/false);
  for (const auto& d : second.list()) {
    if (!may_echo(d, faulted)) ctx.diagnostics.add(d);
  }
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
  if (!stage_one.census_csv.empty()) {
    diagnostics.note_reference(stage_one.census_csv, ctx.at("initial_state.census_csv"),
                               "initial_state.census_csv");
  }
  if (!stage_one.census_csv.empty())
    census = read_census(stage_one.census_csv, ctx.at("initial_state.census_csv"), diagnostics);
  if (!diagnostics.empty()) {
    // Stage 2 assumes every field is individually sound; it still runs, on what stage 1
    // could read, so one report holds both rounds, but keeps only what cannot be an echo of
    // a stage 1 problem.
    add_independent_cross_checks(ctx, stage_one.scenario, census);
    diagnostics.throw_if_any();
  }
  check_size_limits(ctx, stage_one.scenario);
  diagnostics.throw_if_any();  // nothing far too large reaches the cross-references

  cross_check(ctx, stage_one.scenario, census);
  if (diagnostics.empty()) check_run_size(ctx, stage_one.scenario, census.entries.size());
  diagnostics.throw_if_any();
  warn_about_profile_edges(ctx, stage_one.scenario);
  warn_about_closed_destinations(ctx, stage_one.scenario);
  warn_about_turned_away_to_no_places(ctx, stage_one.scenario);
  warn_about_turnaround_load(ctx, stage_one.scenario);
  warn_about_ring_fence_load(ctx, stage_one.scenario);
  warn_about_closures_load(ctx, stage_one.scenario);
  warn_about_census_ed_waits(ctx, census);
  loaded.warnings = diagnostics.warnings();

  loaded.scenario = std::move(stage_one.scenario);
  loaded.scenario.census = std::move(census.entries);
  return loaded;
}

}  // namespace bedflow::scenario
