#pragma once
// The one error type of the report library: a message naming the file and what is wrong.
#include <stdexcept>

namespace bedflow::report {

class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace bedflow::report
