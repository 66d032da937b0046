#include "yaml_reader.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include "limits.hpp"

namespace bedflow::scenario {

std::optional<std::string> read_text_file(const std::string& path, std::size_t max_bytes,
                                          Diagnostics& diagnostics,
                                          const Location& referenced_from,
                                          const std::string& key_path) {
  const Location where = referenced_from.file.empty() ? Location{path, 0, 0} : referenced_from;
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    diagnostics.error(where, key_path, "file '" + path + "' not found",
                      "check the path; relative paths are resolved from the file that names them");
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    diagnostics.error(where, key_path, "'" + path + "' is not a regular file");
    return std::nullopt;
  }
  const auto size = fs::file_size(path, ec);
  if (ec) {
    diagnostics.error(where, key_path, "cannot read '" + path + "': " + ec.message());
    return std::nullopt;
  }
  if (size > max_bytes) {
    diagnostics.error(where, key_path,
                      "file '" + path + "' is " + std::to_string(size) + " bytes, more than the " +
                          std::to_string(max_bytes) + " allowed",
                      "a scenario file is normally a few kilobytes");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error(where, key_path, "cannot open '" + path + "'");
    return std::nullopt;
  }
  std::string text;
  text.resize(static_cast<std::size_t>(size));
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

bool check_nesting(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  int flow_depth = 0;
  int line_number = 1;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    // Block nesting: indentation plus the "- " indicators that open nested sequences.
    std::size_t column = 0;
    int dashes = 0;
    while (column < line.size()) {
      if (line[column] == ' ' || line[column] == '\t') {
        ++column;
      } else if ((line[column] == '-' || line[column] == '?') &&
                 (column + 1 == line.size() || line[column + 1] == ' ')) {
        ++dashes;
        ++column;
      } else {
        break;
      }
    }
    if (column > limits::kMaxIndentColumns || dashes > limits::kMaxNestingDepth) {
      diagnostics.error({file, line_number, 1}, "",
                        "YAML nested too deeply (indentation of " + std::to_string(column) +
                            " columns)",
                        "a scenario never needs more than " +
                            std::to_string(limits::kMaxNestingDepth) + " levels");
      return false;
    }
    // Flow nesting: brackets outside quotes and comments.
    char quote = 0;
    for (std::size_t i = column; i < line.size(); ++i) {
      const char c = line[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
        continue;
      }
      const bool token_start = i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t' ||
                               line[i - 1] == '[' || line[i - 1] == '{' ||
                               line[i - 1] == ',' || line[i - 1] == ':';
      if ((c == '"' || c == '\'') && token_start) {
        quote = c;
      } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        break;
      } else if (c == '[' || c == '{') {
        if (++flow_depth + dashes > limits::kMaxNestingDepth) {
          diagnostics.error({file, line_number, static_cast<int>(i + 1)}, "",
                            "YAML nested too deeply (more than " +
                                std::to_string(limits::kMaxNestingDepth) + " levels)",
                            "a scenario never needs more than a few levels of [ ] or { }");
          return false;
        }
      } else if ((c == ']' || c == '}') && flow_depth > 0) {
        --flow_depth;
      }
    }
    if (end == text.size()) break;
    pos = end + 1;
    ++line_number;
  }
  return true;
}

namespace {

// The line and column (1-based) of the first tab among the leading blanks of a line that
// holds something (a blank line's tabs indent nothing), if any.
std::optional<std::pair<int, int>> first_indentation_tab(std::string_view text) {
  int line = 1;
  int column = 0;
  int tab_column = 0;  // of the first tab in this line's leading blanks
  bool leading = true;
  for (const char c : text) {
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
      tab_column = 0;
      leading = true;
    } else if (leading && c == '\t') {
      if (tab_column == 0) tab_column = column;
    } else if (leading && c != ' ' && c != '\r') {
      if (tab_column != 0) return std::make_pair(line, tab_column);
      leading = false;
    }
  }
  return std::nullopt;
}

// The parser quotes the offending input; keep messages to printable ASCII on one line.
std::string printable(std::string text) {
  for (char& c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f) c = '?';
  }
  return text;
}

struct LimitReached {
  YAML::Mark mark;
  std::string message;
};

// What a node costs to copy: its nodes and the bytes of text (scalars and keys) they hold.
struct Size {
  std::size_t nodes = 0;
  std::size_t bytes = 0;
};

Size size_of(const Node& node) {
  Size size{1, node.text.size()};
  for (const auto& item : node.items) {
    const Size s = size_of(item);
    size.nodes += s.nodes;
    size.bytes += s.bytes;
  }
  for (const auto& entry : node.entries) {
    const Size s = size_of(entry.value);
    size.nodes += s.nodes;
    size.bytes += s.bytes + entry.key.size();
  }
  return size;
}

// Builds a Node tree from yaml-cpp's parse events.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string file, Diagnostics& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  std::optional<Node> take_root() { return std::move(root_); }
  bool saw_anything() const noexcept { return saw_anything_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node = make(Node::Kind::null, mark);
    remember(anchor, node);
    attach(std::move(node));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto found = anchors_.find(anchor);
    if (found == anchors_.end()) {
      // The anchored node is still open: the alias would make it contain itself.
      throw LimitReached{mark, "alias refers to a node that contains it (a cycle)"};
    }
    count(mark, found->second.second);  // before copying: a bomb is refused, not built
    Node copy = found->second.first;
    attach(std::move(copy));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node node = make(Node::Kind::scalar, mark);
    count(mark, Size{0, value.size()});
    node.text = value;
    node.quoted = tag == "!";
    remember(anchor, node);
    attach(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(Node::Kind::sequence, mark, anchor, style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(Node::Kind::map, mark, anchor, style);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor = 0;
    std::optional<MapEntry> pending;  // a map key waiting for its value
  };

  Node make(Node::Kind kind, const YAML::Mark& mark) {
    saw_anything_ = true;
    count(mark, Size{1, 0});
    Node node;
    node.kind = kind;
    node.where = {file_, mark.line + 1, mark.column + 1};
    return node;
  }
  // Counts what the tree will hold, every copy an alias makes included: a few aliases of
  // one long string cost as much memory as many aliases of small nodes.
  void count(const YAML::Mark& mark, Size size) {
    nodes_ += size.nodes;
    bytes_ += size.bytes;
    if (nodes_ > limits::kMaxNodes)
      throw LimitReached{mark, "YAML expands to more than " + std::to_string(limits::kMaxNodes) +
                                   " nodes (aliases multiplying?)"};
    if (bytes_ > limits::kMaxExpandedBytes)
      throw LimitReached{mark, "YAML expands to more than " +
                                   std::to_string(limits::kMaxExpandedBytes >> 20) +
                                   " MiB of text (aliases repeating long values?)"};
  }
  void remember(YAML::anchor_t anchor, const Node& node) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = {node, size_of(node)};
  }
  void open(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    Frame frame{make(kind, mark), anchor, std::nullopt};
    frame.node.flow = style == YAML::EmitterStyle::Flow;
    stack_.push_back(std::move(frame));
  }
  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.pending) {
      // A key without a value cannot happen in valid YAML; keep it as null to be safe.
      frame.node.entries.push_back(std::move(*frame.pending));
    }
    remember(frame.anchor, frame.node);
    attach(std::move(frame.node));
  }
  void attach(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.is_sequence()) {
      top.node.items.push_back(std::move(node));
      return;
    }
    if (!top.pending) {
      MapEntry entry;
      entry.key_where = node.where;
      if (node.is_scalar()) {
        entry.key = node.text;
      } else {
        diagnostics_.error(node.where, "", "a map key must be a plain name, found " + describe(node));
        entry.key.assign(1, '?');
      }
      if (node.is_scalar() && top.node.find(entry.key) != nullptr) {
        diagnostics_.error(node.where, "", "duplicate key '" + entry.key + "'",
                           "each key may appear once in a map; remove one of them");
      }
      top.pending = std::move(entry);
      return;
    }
    top.pending->value = std::move(node);
    top.node.entries.push_back(std::move(*top.pending));
    top.pending.reset();
  }

  std::string file_;
  Diagnostics& diagnostics_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  std::map<YAML::anchor_t, std::pair<Node, Size>> anchors_;
  std::size_t nodes_ = 0;
  std::size_t bytes_ = 0;
  bool saw_anything_ = false;
};

}  // namespace

std::optional<Node> parse_yaml(const std::string& text, const std::string& file,
                               Diagnostics& diagnostics) {
  if (!check_nesting(text, file, diagnostics)) return std::nullopt;
  std::istringstream in(text);
  const std::size_t errors_before = diagnostics.size();
  try {
    YAML::Parser parser(in);
    TreeBuilder builder(file, diagnostics);
    const bool has_document = parser.HandleNextDocument(builder);
    std::optional<Node> root = builder.take_root();
    if (!has_document || !root || root->is_null()) {
      diagnostics.error({file, 0, 0}, "", "the file is empty",
                        "a scenario starts with 'schema: 1'; see docs/scenarios.md");
      return std::nullopt;
    }
    TreeBuilder second(file, diagnostics);
    if (parser.HandleNextDocument(second) && second.saw_anything()) {
      diagnostics.error({file, 0, 0}, "", "more than one YAML document in the file",
                        "remove the '---' separator and everything after it, or split the file");
      return std::nullopt;
    }
    if (diagnostics.size() != errors_before) return std::nullopt;
    return root;
  } catch (const LimitReached& limit) {
    diagnostics.error({file, limit.mark.line + 1, limit.mark.column + 1}, "", limit.message,
                      "YAML anchors and aliases are not needed in scenarios; use 'extends:'");
  } catch (const YAML::Exception& e) {
    if (const auto tab = first_indentation_tab(text)) {
      // yaml-cpp says only "illegal map value" or similar; the cause is the tab.
      diagnostics.error({file, tab->first, tab->second}, "",
                        "a tab in the indentation: YAML forbids tabs for indenting",
                        "indent with spaces");
      return std::nullopt;
    }
    diagnostics.error({file, e.mark.is_null() ? 0 : e.mark.line + 1,
                       e.mark.is_null() ? 0 : e.mark.column + 1},
                      "", "not valid YAML: " + printable(e.msg));
  }
  return std::nullopt;
}

}  // namespace bedflow::scenario
