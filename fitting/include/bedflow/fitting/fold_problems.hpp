#pragma once
// Repeated problems folded into one line each, so that a backtest whose fitted scenario and
// extract disagree (cohorts of one missing from the other: one problem per census row)
// prints each problem once with its count, not a hundred times.
//
// Invariants:
//  - Problems with the same `what` are one line, in order of first appearance; the line is
//    "WHERE: WHAT" for a problem seen once, else "WHAT (N times: WHERE1, WHERE2, WHERE3, ...)"
//    naming the first `examples` distinct places (file:line:column or dates) in order, and
//    "..." when there are more.
//  - Nothing is dropped: the counts add up to the number of problems.
#include <cstddef>
#include <string>
#include <vector>

namespace bedflow::fitting {

struct Problem {
  std::string where;  // "FILE:LINE:COLUMN", a date, or "" when nowhere in particular
  std::string what;   // the problem itself, without its place
};

std::vector<std::string> fold_problems(const std::vector<Problem>& problems,
                                       std::size_t examples = 3);

}  // namespace bedflow::fitting
