#pragma once
// Shared by the libFuzzer harnesses: the readers under test take file paths, so each input
// is written to a file in a private scratch folder made once per fuzzing process.
//
// Invariants:
//  - write_input() replaces the file's whole content with the input's bytes and returns its
//    path; the folder lives under $TMPDIR (or /tmp) and is unique to the process.
//  - source_file() names a file of the source tree (seed scenarios the harnesses build on).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace bedflow::fuzz {

std::string write_input(const std::string& name, std::string_view bytes);
inline std::string write_input(const std::string& name, const std::uint8_t* data,
                               std::size_t size) {
  return write_input(name, std::string_view(reinterpret_cast<const char*>(data), size));
}
// The text of a file in the source tree (path relative to the repository root).
std::string source_text(const std::string& relative);

}  // namespace bedflow::fuzz
