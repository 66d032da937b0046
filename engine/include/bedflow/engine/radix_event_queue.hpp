#pragma once
// The production event queue: a radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, "Faster
// algorithms for the shortest path problem", J. ACM 37(2), 1990) keyed on event time, with
// the events due at the current minimum time kept sorted by their order.
//
// Why: a simulation's clock never runs backwards, so every event pushed is due no earlier
// than the last one popped. A radix heap uses that: an event sits in the bucket named by the
// highest byte in which its time differs from the minimum's, and moves only to lower buckets,
// so a push is one bit scan and one append, and a pop takes the back of a sorted run. No
// comparison chain walks a tree, and memory is read in sequence: on the hospital models this
// is faster than the d-ary heaps (bench_kernel, bench_m1).
//
// Invariants:
//  - Pops follow the total order of event.hpp exactly (time, then priority class, then
//    insertion sequence): the same schedule pops in the same order as any other queue here
//    (tests/engine/test_queue_differential.cpp drives them side by side).
//  - `minimum_` is a lower bound of every held event's key. `due_` holds, sorted so the
//    first in order is at the back, exactly the held events whose key equals the minimum's
//    above its lowest `due_shift_` bits (a small bucket is sorted whole rather than spread);
//    every other event sits in the bucket (level, digit) named by the highest byte in
//    which its key differs from the minimum (level) and that byte's value (digit).
//  - Pushing earlier than the minimum a top() has exposed (allowed: the caller may peek, stop,
//    and schedule at its own clock, which is earlier) re-files every event; that is O(n) and
//    rare (a simulator does it only between run_until() calls).
//  - Cancellation is lazy (lazy_cancellation.hpp): a cancelled event stays until it is due or
//    a purge drops it; purges keep the events held to at most about twice the pending ones
//    plus kPurgeThreshold.
//  - cancel() and reschedule() take a handle of a pending event; push() takes a time no
//    earlier than the last event popped. Both preconditions are the caller's (a Simulator
//    never schedules in the past).
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "bedflow/engine/event.hpp"
#include "bedflow/engine/lazy_cancellation.hpp"

namespace bedflow::engine {

class RadixEventQueue : public LazyCancellingQueue<RadixEventQueue> {
 public:
  EventHandle push(Time time, Priority priority, std::uint32_t type, std::uint32_t subject) {
    const Event event{time, make_order(priority, lazy_.next_sequence()), type, subject};
    file(event);
    ++held_;
    return event;
  }

  // Precondition: !empty().
  const Event& top() {
    settle();
    return due_.back();
  }

  // Precondition: !empty().
  Event pop() {
    settle();
    const Event result = due_.back();
    due_.pop_back();
    --held_;
    lazy_.popped();
    return result;
  }

  // The event `k` places after the first that is already sorted in line, or nullptr when
  // the queue has not placed that far yet. A hint for loading ahead what later events will
  // need: it may name an event since cancelled, and it never changes the queue.
  const Event* upcoming(std::size_t k) const noexcept {
    return k < due_.size() ? &due_[due_.size() - 1 - k] : nullptr;
  }

  void reserve(std::size_t n) { due_.reserve(std::min<std::size_t>(n, 1024)); }

  // Events physically held, live and cancelled-but-not-yet-dropped (for memory tests).
  std::size_t heap_slots() const noexcept { return held_; }

 private:
  friend class LazyCancellingQueue<RadixEventQueue>;  // calls purge_cancelled()

  // Buckets by the highest byte in which a key differs from the minimum (its level, 0..7)
  // and that byte's value (its digit): an event moves at most once per level, and events
  // a few days apart move two or three times in all.
  static constexpr int kLevels = 8;
  static constexpr int kDigits = 256;
  static constexpr std::size_t kKeptCapacity = 1024;  // events an emptied bucket may keep
  // A bucket this small is sorted whole into due_ rather than spread over lower levels: as
  // cheap as spreading it up to about this size, and it puts more events in line, which
  // upcoming() can name ahead of time (32 named too few at 56,000 beds).
  static constexpr std::size_t kSortedRun = 128;

  // Times as unsigned keys with the same order (the sign bit flipped).
  static std::uint64_t key(Time time) noexcept {
    return static_cast<std::uint64_t>(time) ^ (std::uint64_t{1} << 63);
  }
  // Order within due_: the first in the total order last (popped from the back).
  // (A function object, not a function: std::sort and std::upper_bound inline it.)
  struct LaterInOrder {
    bool operator()(const Event& a, const Event& b) const noexcept { return before(b, a); }
  };
  static constexpr LaterInOrder later_in_order{};

  void file(const Event& event) {
    const std::uint64_t k = key(event.time);
    if (k < minimum_) refile_from(k);
    if (((k ^ minimum_) >> due_shift_) == 0) {
      due_.insert(std::upper_bound(due_.begin(), due_.end(), event, later_in_order), event);
      return;
    }
    file_above_minimum(event, k);
  }

  // Precondition: k > minimum_, outside due_'s range.
  void file_above_minimum(const Event& event, std::uint64_t k) {
    const int level = (63 - std::countl_zero(k ^ minimum_)) / 8;
    const auto digit = static_cast<unsigned>(k >> (8 * level)) & 0xffu;
    buckets_[static_cast<std::size_t>(level * kDigits) + digit].push_back(event);
    occupied_[static_cast<std::size_t>(level)][digit / 64] |= std::uint64_t{1} << (digit % 64);
    levels_ |= 1u << level;
  }

  // Makes due_'s back the first live event. Precondition: a live event is held.
  void settle() {
    while (true) {
      if (due_.empty()) advance();
      if (!lazy_.take_if_cancelled(due_.back().sequence())) return;
      due_.pop_back();
      --held_;
    }
  }

  // due_ is empty: the lowest non-empty bucket holds the next events. Its smallest key
  // becomes the minimum and its events move to lower levels (those at the minimum to due_).
  void advance() {
    assert(levels_ != 0 && "advance() needs a held event");
    const int level = std::countr_zero(levels_);
    auto& words = occupied_[static_cast<std::size_t>(level)];
    std::size_t word = 0;
    while (words[word] == 0) ++word;
    const auto digit = static_cast<unsigned>(64 * word) +
                       static_cast<unsigned>(std::countr_zero(words[word]));
    words[word] &= words[word] - 1;
    if ((words[0] | words[1] | words[2] | words[3]) == 0) levels_ &= ~(1u << level);
    std::vector<Event>& bucket = buckets_[static_cast<std::size_t>(level * kDigits) + digit];
    if (level == 0 || bucket.size() <= kSortedRun) {
      // Level 0 differs only in the lowest byte (one bucket, one time); a small bucket is
      // cheaper to sort than to spread: either becomes due_ whole, and due_'s range is the
      // bucket's (keys equal to the minimum above this level's byte).
      minimum_ = key(bucket.front().time);
      for (const Event& event : bucket) minimum_ = std::min(minimum_, key(event.time));
      due_shift_ = 8 * level;
      due_.swap(bucket);
    } else {
      std::uint64_t smallest = key(bucket.front().time);
      for (const Event& event : bucket) smallest = std::min(smallest, key(event.time));
      minimum_ = smallest;
      due_shift_ = 0;
      for (const Event& event : bucket) {
        const std::uint64_t k = key(event.time);
        if (k == minimum_) {
          due_.push_back(event);
        } else {
          file_above_minimum(event, k);
        }
      }
      bucket.clear();
      // A bucket a burst once filled gives its memory back, so the buckets' capacity stays
      // near the events held rather than the sum of every bucket's largest fill.
      if (bucket.capacity() > kKeptCapacity) std::vector<Event>().swap(bucket);
    }
    if (due_.size() > 1) std::sort(due_.begin(), due_.end(), later_in_order);
  }

  // An event earlier than the minimum: every held event is filed again around its key.
  void refile_from(std::uint64_t k) {
    std::vector<Event> all = take_all();
    minimum_ = k;
    due_shift_ = 0;
    for (const Event& event : all) file(event);
  }

  std::vector<Event> take_all() {
    std::vector<Event> all(due_.begin(), due_.end());
    due_.clear();
    for (std::vector<Event>& bucket : buckets_) {
      all.insert(all.end(), bucket.begin(), bucket.end());
      bucket.clear();
    }
    occupied_ = {};
    levels_ = 0;
    return all;
  }

  // Drops every cancelled event; what remains pops exactly as before.
  void purge_cancelled() {
    auto is_cancelled = [this](const Event& event) { return lazy_.is_cancelled(event.sequence()); };
    due_.erase(std::remove_if(due_.begin(), due_.end(), is_cancelled), due_.end());
    for (std::size_t b = 0; b < buckets_.size(); ++b) {
      std::vector<Event>& bucket = buckets_[b];
      if (bucket.empty()) continue;
      bucket.erase(std::remove_if(bucket.begin(), bucket.end(), is_cancelled), bucket.end());
      if (!bucket.empty()) continue;
      const std::size_t level = b / kDigits, digit = b % kDigits;
      auto& words = occupied_[level];
      words[digit / 64] &= ~(std::uint64_t{1} << (digit % 64));
      if ((words[0] | words[1] | words[2] | words[3]) == 0) levels_ &= ~(1u << level);
    }
    held_ -= lazy_.cancelled_count();
    lazy_.forget_cancelled();
  }

  std::vector<Event> due_;
  std::vector<std::vector<Event>> buckets_ =
      std::vector<std::vector<Event>>(static_cast<std::size_t>(kLevels * kDigits));
  // Which buckets hold events: a bit per digit of each level, and a bit per level.
  std::array<std::array<std::uint64_t, kDigits / 64>, kLevels> occupied_{};
  unsigned levels_ = 0;
  std::uint64_t minimum_ = key(0);
  // due_ holds every held event whose key equals minimum_ above its lowest due_shift_ bits
  // (0: the minimum only; 8 x level when a small bucket of that level became due_ whole).
  int due_shift_ = 0;
  std::size_t held_ = 0;
};

}  // namespace bedflow::engine
