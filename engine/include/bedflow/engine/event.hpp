#pragma once
// Events and their total order.
//
// Invariants:
//  - Events are ordered by (time, priority class, insertion sequence), lexicographically.
//    Never by container layout, never at random: the same schedule always pops in the same
//    order, which is what makes runs reproducible bit for bit.
//  - `order` packs the priority class in its top 8 bits and the insertion sequence in the
//    low 56 bits, so one integer comparison settles both tie-breaks.
//  - An event carries two integers, not a closure: `type` says what happens and `subject`
//    to whom (an index the model owns). Dispatch is the model's switch, which keeps events
//    24 bytes and the queue free of allocations.
#include <cstdint>
#include <string_view>

#include "bedflow/engine/time.hpp"

namespace bedflow::engine {

// Same-time priority classes: when several events fall on the same second, lower classes
// happen first. Each has a reason; models pick the class that matches what the event does.
enum class Priority : std::uint8_t {
  // A capacity change takes effect before anyone acts at that instant, so a release or a
  // seize in the same second sees the capacity that is in force from then on.
  capacity_change = 0,
  // Leaving frees a place before anyone tries to take one, so a place freed at t can be
  // used at t (no artificial one-second gaps in occupancy).
  release = 1,
  // Moves between services come after releases (the destination may just have freed a
  // place) and before new seizes (people already in the system go before newcomers).
  transfer = 2,
  // Taking a place, once all releases and transfers of the instant are done.
  seize = 3,
  // New arrivals last among state changes: they meet a settled system.
  arrival = 4,
  // Observations (sampling occupancy, daily counts) see the state after every change of
  // the instant.
  observation = 5,
  // Stopping the run comes after everything else scheduled for the final instant.
  end = 6,
};

std::string_view to_string(Priority priority) noexcept;

inline constexpr int kSequenceBits = 56;
inline constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << kSequenceBits) - 1;

struct Event {
  Time time = 0;
  std::uint64_t order = 0;  // (priority << 56) | insertion sequence
  std::uint32_t type = 0;
  std::uint32_t subject = 0;

  Priority priority() const noexcept { return static_cast<Priority>(order >> kSequenceBits); }
  std::uint64_t sequence() const noexcept { return order & kSequenceMask; }
};

// Strict total order: a before b.
inline bool before(const Event& a, const Event& b) noexcept {
  return a.time < b.time || (a.time == b.time && a.order < b.order);
}

inline std::uint64_t make_order(Priority priority, std::uint64_t sequence) noexcept {
  return (static_cast<std::uint64_t>(priority) << kSequenceBits) | (sequence & kSequenceMask);
}

// A handle to a scheduled event is the event itself: it names it uniquely (its sequence)
// and carries what a reschedule needs.
using EventHandle = Event;

}  // namespace bedflow::engine
