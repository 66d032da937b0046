#include "tree.hpp"

#include <algorithm>

#include <yaml-cpp/yaml.h>

namespace bedflow::scenario {

const Node* Node::find(std::string_view key) const noexcept {
  for (const auto& entry : entries)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

Node* Node::find(std::string_view key) noexcept {
  for (auto& entry : entries)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

void Node::erase(std::string_view key) {
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const MapEntry& e) { return e.key == key; }),
                entries.end());
}

std::string describe(const Node& node) {
  switch (node.kind) {
    case Node::Kind::null:
      return "nothing";
    case Node::Kind::sequence:
      return "a list";
    case Node::Kind::map:
      return "a map";
    case Node::Kind::scalar:
      break;
  }
  std::string shown = node.text.size() > 40 ? node.text.substr(0, 40) + "..." : node.text;
  return (node.quoted ? "the text \"" : "'") + shown + (node.quoted ? "\"" : "'");
}

namespace {

void emit(YAML::Emitter& out, const Node& node) {
  switch (node.kind) {
    case Node::Kind::null:
      out << YAML::Null;
      return;
    case Node::Kind::scalar:
      if (node.quoted) out << YAML::DoubleQuoted;
      out << node.text;
      return;
    case Node::Kind::sequence:
      if (node.flow) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : node.items) emit(out, item);
      out << YAML::EndSeq;
      return;
    case Node::Kind::map:
      if (node.flow) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& entry : node.entries) {
        out << YAML::Key << entry.key << YAML::Value;
        emit(out, entry.value);
      }
      out << YAML::EndMap;
      return;
  }
}

}  // namespace

std::string to_yaml(const Node& root) {
  YAML::Emitter out;
  emit(out, root);
  return std::string(out.c_str()) + "\n";
}

}  // namespace bedflow::scenario
