#pragma once
// Composition: `extends:` chains merged parent-first, then command-line overrides.
//
// Invariants:
//  - A child's map keys override its parent's recursively; any other value (scalar, list)
//    replaces the parent's whole; a child's `key: ~` (null) removes the parent's key.
//    Distributions (keys ending _days or _hours), profiles and shares that sum to 1
//    (cohort_mix, discharge_pathway, then) are replaced whole, never merged.
//    `extends` itself never appears in the result.
//  - Paths in `extends:` and `initial_state.census_csv` are relative to the file that names
//    them; the result holds them as absolute paths, so the resolved tree loads from anywhere.
//  - A cycle of extends is reported with the whole chain; the chain is at most
//    limits::kMaxExtendsChain files long.
//  - Every file in the chain must state `schema: 1`.
#include <optional>
#include <string>
#include <vector>

#include "bedflow/scenario/load.hpp"
#include "diagnostics.hpp"
#include "tree.hpp"

namespace bedflow::scenario {

inline constexpr int kSchemaVersion = 1;

// The file and everything it extends, merged; nullopt when a file could not be read or
// parsed (the reason is in the Diagnostics).
std::optional<Node> load_composed(const std::string& path, Diagnostics& diagnostics);

// Applies overrides in order. A path names map keys separated by '.', or list positions
// (0-based); missing map keys are created so the schema check can report them with hints;
// a null value (`path=~`) removes the key.
void apply_overrides(Node& root, const std::vector<Override>& overrides,
                     Diagnostics& diagnostics);

}  // namespace bedflow::scenario
