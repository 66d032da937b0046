#pragma once
// The one error type of the analysis library.
//
// Invariants:
//  - AnalysisError means the request cannot be answered as asked (a malformed target, an
//    unknown measure, an empty range, too few replications): the caller's input is at fault,
//    and the message says which part and how to fix it. The CLI maps it to exit status 2.
//  - An answer of "no value in the range meets the target" is an outcome, not an error.
#include <stdexcept>

namespace bedflow::analysis {

class AnalysisError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace bedflow::analysis
