#pragma once
// A count and its noun for messages: "1 replication", "2 replications", "0 replications".
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace bedflow::results {

// `noun` is the singular; the plural adds "s" (every noun bedflow counts this way does).
inline std::string counted(std::uint64_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

}  // namespace bedflow::results
