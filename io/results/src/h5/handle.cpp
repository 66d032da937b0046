#include "bedflow/results/h5/handle.hpp"

#include <algorithm>

#include <boost/crc.hpp>

namespace bedflow::results::h5 {

hid_t check(hid_t id, const std::string& what) {
  if (id < 0) throw ResultsError(what);
  return id;
}

void check_status(herr_t status, const std::string& what) {
  if (status < 0) throw ResultsError(what);
}

Datatype utf8_string_type() {
  Datatype type(check(H5Tcopy(H5T_C_S1), "cannot create string type"));
  check_status(H5Tset_size(type.get(), H5T_VARIABLE), "cannot size string type");
  check_status(H5Tset_cset(type.get(), H5T_CSET_UTF8), "cannot set UTF-8");
  return type;
}

std::uint64_t text_checksum(const std::string& text) {
  boost::crc_32_type crc;
  crc.process_bytes(text.data(), text.size());
  return crc.checksum();
}

Datatype fixed_utf8_string_type(std::size_t width) {
  Datatype type(check(H5Tcopy(H5T_C_S1), "cannot create string type"));
  check_status(H5Tset_size(type.get(), std::max<std::size_t>(width, 1)),
               "cannot size string type");
  check_status(H5Tset_strpad(type.get(), H5T_STR_NULLPAD), "cannot pad string type");
  check_status(H5Tset_cset(type.get(), H5T_CSET_UTF8), "cannot set UTF-8");
  return type;
}

RowBlock select_rows(hid_t dataset, const std::string& name, std::size_t first,
                     std::size_t count) {
  const hsize_t start[1] = {first};
  const hsize_t block[1] = {count};
  Dataspace file(check(H5Dget_space(dataset), "cannot get the dataspace of '" + name + "'"));
  check_status(H5Sselect_hyperslab(file.get(), H5S_SELECT_SET, start, nullptr, block, nullptr),
               "cannot select rows of '" + name + "'");
  Dataspace memory(check(H5Screate_simple(1, block, nullptr), "cannot create dataspace"));
  return RowBlock{std::move(file), std::move(memory)};
}

void silence_library_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

}  // namespace bedflow::results::h5
