#include "compose.hpp"

#include <algorithm>
#include <filesystem>

#include "limits.hpp"
#include "yaml_reader.hpp"

namespace bedflow::scenario {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Values a child replaces whole even when both are maps: a distribution ({lognormal: ...}
// merged with {gamma: ...} would be two kinds at once), a profile (weekly merged with dated),
// and shares that must sum to 1 (a child's mix merged with its parent's would mix cohorts of
// both). A closure's `beds` is a distribution too.
bool replaced_whole(const std::string& parent_key, const std::string& key) {
  return parent_key == "profiles" || key == "cohort_mix" || key == "discharge_pathway" ||
         key == "then" || ends_with(key, "_days") || ends_with(key, "_hours") ||
         (parent_key == "closures" && key == "beds");
}

void merge_into(Node& base, Node&& child, const std::string& key = {}) {
  if (!base.is_map() || !child.is_map()) {
    base = std::move(child);
    return;
  }
  for (auto& entry : child.entries) {
    if (entry.value.is_null()) {
      // `key: ~` in a child removes what the parent said (e.g. a service it does without).
      base.erase(entry.key);
      continue;
    }
    Node* existing = base.find(entry.key);
    if (existing == nullptr) {
      base.entries.push_back(std::move(entry));
    } else if (replaced_whole(key, entry.key)) {
      *existing = std::move(entry.value);
    } else {
      merge_into(*existing, std::move(entry.value), entry.key);
    }
  }
  base.where = child.where;
}

std::string absolute_from(const std::string& file, const std::string& relative) {
  const fs::path p(relative);
  if (p.is_absolute()) return p.lexically_normal().string();
  return (fs::absolute(fs::path(file)).parent_path() / p).lexically_normal().string();
}

bool check_schema(const Node& root, const std::string& file, Diagnostics& diagnostics) {
  const Node* schema = root.find("schema");
  const std::string expected = std::to_string(kSchemaVersion);
  if (schema == nullptr) {
    diagnostics.error({file, root.where.line, root.where.column}, "schema",
                      "missing 'schema' version", "start the file with 'schema: " + expected + "'");
    return false;
  }
  if (!schema->is_scalar() || schema->quoted || schema->text != expected) {
    diagnostics.error(schema->where, "schema",
                      "expected schema version " + expected + ", found " + describe(*schema),
                      "this version of bedflow reads 'schema: " + expected + "'");
    return false;
  }
  return true;
}

// Makes the census path absolute so the tree no longer depends on where its file was.
void absolutise_census(Node& root, const std::string& file) {
  Node* state = root.find("initial_state");
  if (state == nullptr || !state->is_map()) return;
  Node* csv = state->find("census_csv");
  if (csv != nullptr && csv->is_scalar() && !csv->text.empty())
    csv->text = absolute_from(file, csv->text);
}

std::optional<Node> load_chain(const std::string& path, std::vector<std::string>& chain,
                               const Location& referenced_from, Diagnostics& diagnostics) {
  const std::string canonical = fs::absolute(fs::path(path)).lexically_normal().string();
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
    std::string cycle;
    for (const auto& f : chain) cycle += f + " -> ";
    cycle += canonical;
    diagnostics.error(referenced_from, "extends", "extends cycle: " + cycle,
                      "a scenario cannot extend itself, directly or through others");
    return std::nullopt;
  }
  if (chain.size() >= limits::kMaxExtendsChain) {
    diagnostics.error(referenced_from, "extends",
                      "extends chain longer than " + std::to_string(limits::kMaxExtendsChain) +
                          " files");
    return std::nullopt;
  }
  const auto text = read_text_file(path, limits::kMaxYamlBytes, diagnostics, referenced_from,
                                   referenced_from.file.empty() ? "" : "extends");
  if (!text) return std::nullopt;
  auto root = parse_yaml(*text, path, diagnostics);
  if (!root) return std::nullopt;
  if (!root->is_map()) {
    diagnostics.error(root->where, "",
                      "expected a map of scenario sections, found " + describe(*root),
                      "a scenario starts with 'schema: 1' and sections such as 'scenario:'");
    return std::nullopt;
  }
  if (!check_schema(*root, path, diagnostics)) return std::nullopt;
  absolutise_census(*root, path);

  const Node* extends = root->find("extends");
  if (extends == nullptr) return root;
  if (!extends->is_scalar() || extends->text.empty()) {
    diagnostics.error(extends->where, "extends",
                      "expected the path of a scenario file, found " + describe(*extends));
    return std::nullopt;
  }
  const std::string parent_path = absolute_from(path, extends->text);
  const Location parent_ref = extends->where;
  chain.push_back(canonical);
  diagnostics.note_reference(parent_path, parent_ref, "extends");
  auto parent = load_chain(parent_path, chain, parent_ref, diagnostics);
  chain.pop_back();
  if (!parent) return std::nullopt;
  root->erase("extends");
  merge_into(*parent, std::move(*root));
  return parent;
}

}  // namespace

std::optional<Node> load_composed(const std::string& path, Diagnostics& diagnostics) {
  std::vector<std::string> chain;
  return load_chain(path, chain, {}, diagnostics);
}

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

void relocate(Node& node, const Location& where) {
  node.where = where;
  for (auto& item : node.items) relocate(item, where);
  for (auto& entry : node.entries) {
    entry.key_where = where;
    relocate(entry.value, where);
  }
}

// An override to null (`path=~`) removes the key, as `key: ~` does in a child file.
void remove_nulls_set(Node& root, const std::vector<std::string>& parts) {
  Node* parent = &root;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    Node* next = parent->is_map() ? parent->find(parts[i]) : nullptr;
    if (next == nullptr) return;  // lists are not removed from
    parent = next;
  }
  if (!parent->is_map()) return;
  const Node* leaf = parent->find(parts.back());
  if (leaf != nullptr && leaf->is_null()) parent->erase(parts.back());
}

}  // namespace

void apply_overrides(Node& root, const std::vector<Override>& overrides,
                     Diagnostics& diagnostics) {
  for (const auto& o : overrides) {
    const Location where{o.option + " " + o.path + "=" + o.value, 0, 0};
    const auto parts = split_path(o.path);
    if (std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); })) {
      diagnostics.error(where, o.path, "malformed override path",
                        "write key names separated by dots, e.g. services.acute.capacity");
      continue;
    }
    if (parts.size() > static_cast<std::size_t>(limits::kMaxNestingDepth)) {
      diagnostics.error(where, "", "override path deeper than " +
                                       std::to_string(limits::kMaxNestingDepth) + " keys");
      continue;
    }
    if (parts.front() == "extends" || parts.front() == "schema") {
      diagnostics.error(where, o.path, "'" + parts.front() + "' cannot be overridden");
      continue;
    }
    Diagnostics value_problems;
    auto value = parse_yaml(o.value.empty() ? std::string("~") : o.value, where.file,
                            value_problems);
    if (!value) {
      // YAML's null (any of its spellings) parses as an empty document: it is null here.
      if (o.value.empty() || o.value == "~" || o.value == "null" || o.value == "Null" ||
          o.value == "NULL") {
        value = Node{};
      } else {
        for (const auto& d : value_problems.list()) {
          Diagnostic moved = d;
          moved.path = o.path;
          diagnostics.add(moved);
        }
        continue;
      }
    }
    relocate(*value, where);

    Node* node = &root;
    std::string walked;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const std::string& part = parts[i];
      walked += (walked.empty() ? "" : ".") + part;
      const bool last = i + 1 == parts.size();
      if (node->is_sequence()) {
        const bool numeric = std::all_of(part.begin(), part.end(),
                                         [](char c) { return c >= '0' && c <= '9'; });
        std::size_t index = numeric && part.size() < 9 ? std::stoul(part) : node->items.size();
        if (index >= node->items.size()) {
          diagnostics.error(where, walked,
                            "no item " + part + " in a list of " +
                                std::to_string(node->items.size()),
                            "list positions count from 0");
          ok = false;
          break;
        }
        node = &node->items[index];
      } else {
        if (node->is_null()) {
          node->kind = Node::Kind::map;
          node->where = where;
        }
        if (!node->is_map()) {
          diagnostics.error(where, walked, "cannot set a key inside " + describe(*node));
          ok = false;
          break;
        }
        Node* child = node->find(part);
        if (child == nullptr) {
          MapEntry entry;
          entry.key = part;
          entry.key_where = where;
          entry.value.where = where;
          node->entries.push_back(std::move(entry));
          child = &node->entries.back().value;
        }
        node = child;
      }
      if (last) *node = *value;
    }
    if (ok) remove_nulls_set(root, parts);
  }
}

}  // namespace bedflow::scenario
