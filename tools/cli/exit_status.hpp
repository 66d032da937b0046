#pragma once
// The command line's exit statuses, the same for every sub-command.
//
// Invariants:
//  - 0: success. 1: the work itself failed (e.g. a disk error while writing results).
//  - 2: the user's input was refused (usage, options, scenario file, results file, or an
//    output that exists without --force); nothing was written.
namespace bedflow::cli {

inline constexpr int kSuccess = 0;
inline constexpr int kFailure = 1;
inline constexpr int kBadInput = 2;

}  // namespace bedflow::cli
