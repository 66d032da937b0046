#pragma once
// The scenario as a YAML tree of our own, with the place every node came from.
//
// Invariants:
//  - Every node carries the file, line and column (1-based) it was read from; nodes made by
//    a command-line override carry the override's text as their "file" and line 0.
//  - Maps keep the order of their keys as written (order matters for mixes and routes).
//  - Aliases are expanded into copies when the tree is built, so the tree is a true tree:
//    merging and overriding one node never changes another.
#include <string>
#include <string_view>
#include <vector>

namespace bedflow::scenario {

struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

struct MapEntry;

struct Node {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  std::string text;    // scalar text
  bool quoted = false; // scalar was quoted: always a string, never a number
  bool flow = false;   // written in flow style ([...] / {...}); kept for emitting
  std::vector<Node> items;        // sequence
  std::vector<MapEntry> entries;  // map
  Location where;

  bool is_null() const noexcept { return kind == Kind::null; }
  bool is_scalar() const noexcept { return kind == Kind::scalar; }
  bool is_sequence() const noexcept { return kind == Kind::sequence; }
  bool is_map() const noexcept { return kind == Kind::map; }

  const Node* find(std::string_view key) const noexcept;
  Node* find(std::string_view key) noexcept;
  void erase(std::string_view key);
};

struct MapEntry {
  std::string key;
  Location key_where;
  Node value;
};

// "a map", "a list", "the number 3", "the text 'x'", "nothing": for messages.
std::string describe(const Node& node);

// The tree as YAML text (block style, flow where it was written in flow style).
std::string to_yaml(const Node& root);

}  // namespace bedflow::scenario
