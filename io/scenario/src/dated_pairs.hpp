#pragma once
// Reading a YAML list of [date, value] pairs (dated profile points, capacity changes).
//
// Invariants:
//  - Every item that is not a two-element list is reported and skipped; an item whose date or
//    value fails its own check is skipped (the reader of that field reported it).
//  - Dates must increase strictly; a date not after the one before is reported at that date,
//    and the pair is still kept so later checks see the whole list.
#include <string>
#include <vector>

#include "bedflow/engine/calendar.hpp"
#include "fields.hpp"
#include "tree.hpp"

namespace bedflow::scenario {

// How the pairs of one list are spoken of in diagnostics.
struct DatedPairWords {
  const char* value;        // the second element's name, e.g. "factor"
  const char* example;      // e.g. "e.g. [2026-12-10, 1.08]"
  const char* order_hint;   // how to fix dates out of order
};

// `read_value(ctx, node, path)` returns std::optional of the value; each pair is appended to
// `pairs` as {date, value}.
template <class Pair, class ReadValue>
void read_dated_pairs(Context& ctx, const Node& list, const std::string& path,
                      const DatedPairWords& words, ReadValue read_value,
                      std::vector<Pair>& pairs) {
  const std::string value_name = words.value;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const Node& pair = list.items[i];
    const std::string item_path = path + "." + std::to_string(i);
    if (!pair.is_sequence() || pair.items.size() != 2) {
      ctx.error(pair, item_path,
                "expected a [date, " + value_name + "] pair, found " + describe(pair),
                words.example);
      continue;
    }
    const auto date = read_date(ctx, pair.items[0], item_path + ".date");
    const auto value = read_value(ctx, pair.items[1], item_path + "." + value_name);
    if (!date || !value) continue;
    if (!pairs.empty() &&
        engine::days_from_civil(*date) <= engine::days_from_civil(pairs.back().date)) {
      ctx.error(pair.items[0], item_path + ".date",
                "dates out of order: " + engine::to_iso_string(*date) + " is not after " +
                    engine::to_iso_string(pairs.back().date),
                words.order_hint);
    }
    pairs.push_back({*date, *value});
  }
}

}  // namespace bedflow::scenario
