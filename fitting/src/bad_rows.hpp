#pragma once
// Bad rows of an extract, gathered while reading on so that every one is reported at once.
//
// Invariants:
//  - RowError is a refusal confined to one row (the rest of the file still means something);
//    `kind` names its class for the per-kind counts.
//  - BadRows keeps at most kShownBadRows refusals whatever the file's size (memory stays
//    bounded) and counts all of them, by kind.
#include <string>
#include <utility>
#include <vector>

#include "bedflow/fitting/extract.hpp"

namespace bedflow::fitting {

class RowError : public ExtractError {
 public:
  RowError(const std::string& file_, std::size_t line_, const std::string& column_,
           std::string kind_, const std::string& message)
      : ExtractError(file_, line_, column_, message), kind(std::move(kind_)) {}
  std::string kind;
};

class BadRows {
 public:
  void add(const RowError& error);
  bool empty() const noexcept { return rows_ == 0; }
  // Throws BadRowsError when a row was refused; returns otherwise.
  void throw_if_any() const;

 private:
  std::vector<ExtractError> shown_;
  std::size_t rows_ = 0;
  std::vector<std::pair<std::string, std::size_t>> kinds_;
};

}  // namespace bedflow::fitting
