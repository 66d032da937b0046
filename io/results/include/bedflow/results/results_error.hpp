#pragma once
// The one error type of the results layer.
//
// Invariants:
//  - The message names the file (and the object inside it, where there is one) and says what
//    is wrong, in one line, so the command line can print it as is.
#include <stdexcept>
#include <string>

namespace bedflow::results {

class ResultsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace bedflow::results
