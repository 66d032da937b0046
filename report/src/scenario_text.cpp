#include "scenario_text.hpp"

#include <cctype>
#include <sstream>
#include <vector>

namespace bedflow::report {
namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

// Position of a comment's '#' outside quotes (preceded by a space), or npos.
std::size_t comment_start(const std::string& line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return i;
    }
  }
  return std::string::npos;
}

// The key of a "key: ..." line (no leading spaces), or empty when it is not one.
std::string key_of(const std::string& content) {
  std::size_t i = 0;
  while (i < content.size() && (std::isalnum(static_cast<unsigned char>(content[i])) ||
                                content[i] == '_' || content[i] == '-' || content[i] == '.')) {
    ++i;
  }
  if (i == 0 || i >= content.size() || content[i] != ':') return "";
  if (i + 1 < content.size() && content[i + 1] != ' ') return "";
  return content.substr(0, i);
}

bool is_label_line(const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = text[i];
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ') return false;
  }
  return std::isupper(static_cast<unsigned char>(text[0])) != 0;
}

struct Level {
  int indent;
  std::string path;
  int items = 0;  // list items seen under this key
};

}  // namespace

std::string opening_comment(const std::string& yaml_text) {
  std::istringstream in(yaml_text);
  std::string line, block;
  bool started = false;
  while (std::getline(in, line)) {
    const std::string t = trim(line);
    if (t.empty() && !started) continue;
    if (t.empty() || t[0] != '#') break;
    started = true;
    std::string text = t.substr(1);
    if (!text.empty() && text[0] == ' ') text.erase(0, 1);
    block += text + "\n";
  }
  return block;
}

std::string question(const std::string& opening) {
  std::istringstream in(opening);
  std::string line, answer;
  bool inside = false;
  while (std::getline(in, line)) {
    const std::string t = trim(line);
    if (!inside) {
      if (t.rfind("Question:", 0) == 0) {
        inside = true;
        answer = trim(t.substr(9));
      }
      continue;
    }
    if (t.empty() || is_label_line(t)) break;
    answer += " " + t;
  }
  return answer;
}

std::map<std::string, std::string> trailing_comments(const std::string& yaml_text) {
  std::map<std::string, std::string> comments;
  std::vector<Level> stack;
  std::istringstream in(yaml_text);
  std::string line;
  while (std::getline(in, line)) {
    const auto hash = comment_start(line);
    const std::string body = hash == std::string::npos ? line : line.substr(0, hash);
    const std::string comment = hash == std::string::npos ? "" : trim(line.substr(hash + 1));
    const std::string content = trim(body);
    if (content.empty()) continue;
    const int indent = static_cast<int>(body.find_first_not_of(' '));
    std::string path;
    if (content.rfind("- ", 0) == 0 || content == "-") {
      while (!stack.empty() && stack.back().indent > indent) stack.pop_back();
      if (stack.empty()) continue;
      path = stack.back().path + "[" + std::to_string(stack.back().items++) + "]";
    } else {
      const std::string key = key_of(content);
      if (key.empty()) continue;  // a flow value continued from the line above
      while (!stack.empty() && stack.back().indent >= indent) stack.pop_back();
      path = stack.empty() ? key : stack.back().path + "." + key;
      stack.push_back({indent, path});
    }
    if (!comment.empty()) comments[path] = comment;
  }
  return comments;
}

std::string comments_under(const std::map<std::string, std::string>& comments,
                           const std::string& path) {
  std::string joined;
  for (auto it = comments.lower_bound(path); it != comments.end(); ++it) {
    const std::string& key = it->first;
    if (key.rfind(path, 0) != 0) break;
    if (key.size() != path.size() && key[path.size()] != '.' && key[path.size()] != '[') continue;
    if (!joined.empty()) joined += "; ";
    joined += it->second;
  }
  return joined;
}

}  // namespace bedflow::report
