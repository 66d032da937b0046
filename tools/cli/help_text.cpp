#include "help_text.hpp"

#include <algorithm>

namespace bedflow::cli {

namespace {

// A piece of a paragraph that may end a line: a word (the space before it is dropped at a
// break), or the part of a word after a comma (`joined`: no space before it).
struct Piece {
  std::string text;
  bool joined = false;
};

// A paragraph (no newline) cut into pieces: each word, and a word holding commas cut after
// each comma.
std::vector<Piece> breakable_pieces(const std::string& paragraph) {
  std::vector<Piece> pieces;
  std::size_t start = 0;
  while (start < paragraph.size()) {
    if (paragraph[start] == ' ') {
      ++start;
      continue;
    }
    const std::size_t space = std::min(paragraph.find(' ', start), paragraph.size());
    for (std::size_t from = start; from < space;) {
      const std::size_t comma = paragraph.find(',', from);
      const std::size_t end = comma < space ? comma + 1 : space;
      pieces.push_back({paragraph.substr(from, end - from), from != start});
      from = end;
    }
    start = space;
  }
  return pieces;
}

}  // namespace

std::vector<std::string> wrap_words(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = std::min(text.find('\n', start), text.size());
    std::string line;
    for (const auto& piece : breakable_pieces(text.substr(start, newline - start))) {
      const std::size_t gap = line.empty() || piece.joined ? 0 : 1;
      if (!line.empty() && line.size() + gap + piece.text.size() > width) {
        lines.push_back(line);
        line = piece.text;
        continue;
      }
      line.append(gap, ' ');
      line += piece.text;
    }
    lines.push_back(line);
    if (newline >= text.size()) break;
    start = newline + 1;
  }
  return lines;
}

void print_options_help(std::ostream& out, const boost::program_options::options_description& options,
                        std::size_t width) {
  // As Boost: the description column starts after the longest name, at least at 24 and at
  // most 40 characters from the left (half the line stays for descriptions).
  constexpr std::size_t kMinDescriptionWidth = 40;
  std::vector<std::string> names;
  std::size_t column = 23;
  for (const auto& option : options.options()) {
    std::string name = "  " + option->format_name() + ' ' + option->format_parameter();
    column = std::max(column, name.size());
    names.push_back(std::move(name));
  }
  column = std::min(column, width - kMinDescriptionWidth - 1) + 1;
  out << "Options:\n";  // every command's caption (Boost does not give it back)
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& description = options.options()[i]->description();
    out << names[i];
    if (description.empty()) {
      out << '\n';
      continue;
    }
    if (names[i].size() >= column) out << '\n' << std::string(column, ' ');
    else out << std::string(column - names[i].size(), ' ');
    const auto lines = wrap_words(description, width - column);
    for (std::size_t l = 0; l < lines.size(); ++l) {
      if (l > 0) out << std::string(column, ' ');
      out << lines[l] << '\n';
    }
  }
}

}  // namespace bedflow::cli
