// Gathering bad rows and the one refusal that names them all.
#include "bad_rows.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace bedflow::fitting {
namespace {

std::string report(const std::vector<ExtractError>& shown, std::size_t rows,
                   const std::vector<std::pair<std::string, std::size_t>>& kinds) {
  if (rows == 1 && !shown.empty()) return shown.front().what();
  std::string counts;
  for (const auto& [kind, n] : kinds) {
    counts += fmt::format("{}{}: {}", counts.empty() ? "" : ", ", kind, n);
  }
  std::string text = fmt::format("{}: {} bad rows ({}){}:", shown.empty() ? "" : shown.front().file,
                                 rows, counts,
                                 rows > shown.size() ? fmt::format("; the first {}", shown.size())
                                                     : std::string());
  for (const auto& error : shown) text += fmt::format("\n{}", error.what());
  return text;
}

}  // namespace

BadRowsError::BadRowsError(std::vector<ExtractError> shown_, std::size_t rows_,
                           std::vector<std::pair<std::string, std::size_t>> kinds_)
    : ExtractError(shown_.at(0)),
      shown(std::move(shown_)),
      rows(rows_),
      kinds(std::move(kinds_)),
      text_(report(shown, rows, kinds)) {}

void BadRows::add(const RowError& error) {
  ++rows_;
  if (shown_.size() < kShownBadRows) shown_.push_back(error);
  const auto kind = std::find_if(kinds_.begin(), kinds_.end(),
                                 [&](const auto& k) { return k.first == error.kind; });
  if (kind == kinds_.end()) {
    kinds_.emplace_back(error.kind, 1);
  } else {
    ++kind->second;
  }
}

void BadRows::throw_if_any() const {
  if (rows_ > 0) throw BadRowsError(shown_, rows_, kinds_);
}

}  // namespace bedflow::fitting
