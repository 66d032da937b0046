#pragma once
// The run settings a scenario file and the command line both give: the master seed
// (`scenario.seed`, `--seed`) and the number of replications (`scenario.replications`, `-n`,
// `--max-replications`). One range and one wording for each, whichever way it is written.
//
// Invariants:
//  - A seed is any 64-bit unsigned number: the random streams take the whole of it.
//  - Replications run from 1 (2 where a confidence bound needs two values) to
//    kMaxReplications: every replication's results stay in memory until the file is written,
//    and the loader's memory check counts that many.
//  - Both are whole numbers written in decimal; a parser returns nothing for any other text,
//    and the caller reports "expected <rule>, found <text>".
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace bedflow::scenario {

inline constexpr std::uint64_t kMaxSeed = std::numeric_limits<std::uint64_t>::max();
inline constexpr std::uint32_t kMaxReplications = 100'000;

// "a whole number from 0 to 18446744073709551615"
std::string seed_rule();
// "a whole number of replications from 1 to 100000" (or from `minimum`)
std::string replications_rule(std::uint32_t minimum = 1);

// Decimal digits (a leading '+' allowed) within the rule; nothing otherwise.
std::optional<std::uint64_t> parse_seed(std::string_view text);
std::optional<std::uint32_t> parse_replications(std::string_view text, std::uint32_t minimum = 1);

}  // namespace bedflow::scenario
