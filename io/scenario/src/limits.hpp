#pragma once
// Hard limits that keep hostile or mistaken input from crashing or hanging the loader.
//
// Invariants:
//  - Every limit is far above anything a real scenario needs (a Kent-and-Medway scenario is
//    a few hundred lines and a census a few thousand rows), so only broken or malicious
//    input reaches them.
#include <cstddef>
#include <cstdint>

namespace bedflow::scenario::limits {

inline constexpr std::size_t kMaxYamlBytes = 4u << 20;     // 4 MiB per scenario file
inline constexpr std::size_t kMaxCsvBytes = 64u << 20;     // 64 MiB census
inline constexpr std::size_t kMaxCsvRows = 1'000'000;
// Nesting depth checked on the raw text before yaml-cpp's recursive parser sees it.
inline constexpr int kMaxNestingDepth = 64;
// Indentation (columns) beyond which a line is refused: block nesting is bounded by it.
inline constexpr std::size_t kMaxIndentColumns = 512;
// Nodes built from one file, counting every copy an alias makes (alias bombs).
inline constexpr std::size_t kMaxNodes = 200'000;
// Bytes of text (scalars and keys) built from one file, every alias copy included: four times
// the largest file, so only repetition through aliases reaches it.
inline constexpr std::size_t kMaxExpandedBytes = 4 * kMaxYamlBytes;
inline constexpr std::size_t kMaxExtendsChain = 16;

// Sane upper bounds on values.
inline constexpr double kMaxCapacity = 1'000'000;        // beds, places or visits a day
// Per stream, at its peak: the base rate times the maximum of each of its profiles.
inline constexpr double kMaxRatePerDay = 1'000'000;
inline constexpr double kMaxDays = 36'500;               // 100 years: durations and stays
inline constexpr double kMaxHorizonDays = 3'660;         // 10 years of simulated time
// Replications and seeds: bedflow/scenario/run_limits.hpp (shared with the command line).
inline constexpr double kMaxFactor = 100;                // profile multipliers
inline constexpr double kMaxTurnaroundHours = 720;       // a bed's turnaround: mean, 30 days
inline constexpr double kMaxCostGbp = 10'000'000;
// Services, cohorts and arrival streams each (indices travel in 16-bit fields of the model).
inline constexpr std::size_t kMaxNamedItems = 30'000;
// Time series: the finest sampling step, and the memory all replications' series may take
// (samples x series x replications x 8 bytes), refused up front rather than failing mid-run.
inline constexpr double kMinSeriesStepHours = 1.0 / 60.0;
inline constexpr double kMaxSeriesBytes = 4.0 * 1024 * 1024 * 1024;  // 4 GiB: refused
inline constexpr double kWarnSeriesBytes = 512.0 * 1024 * 1024;       // 512 MiB: a warning
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2200;

}  // namespace bedflow::scenario::limits
