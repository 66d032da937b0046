#include "h5_handle.hpp"

namespace bedflow::results::h5 {

hid_t check(hid_t id, const std::string& what) {
  if (id < 0) throw ResultsError(what);
  return id;
}

void check_status(herr_t status, const std::string& what) {
  if (status < 0) throw ResultsError(what);
}

void silence_library_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

}  // namespace bedflow::results::h5
