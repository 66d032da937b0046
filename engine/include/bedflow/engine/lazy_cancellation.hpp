#pragma once
// The bookkeeping of a queue that cancels lazily (dary_heap_queue.hpp, radix_event_queue.hpp):
// insertion sequences, the count of live events, and the set of cancelled events still held.
//
// Why lazy: finding an event inside a heap or a bucket to remove it costs a search; marking
// it and dropping it when it comes due costs a hash insert and, while nothing is cancelled,
// one emptiness check per pop.
//
// Invariants:
//  - Sequences are handed out once each, in increasing order, so handles never collide.
//  - `cancelled` holds only cancelled events the queue still holds; the queue erases an entry
//    when it drops that event (take_if_cancelled) or purges (forget_cancelled).
//  - cancel() answers true when cancelled events outnumber live ones and exceed
//    kPurgeThreshold: the queue then drops them all, so it never holds more than about twice
//    the pending events plus kPurgeThreshold, however many events a model cancels.
#include <cstddef>
#include <cstdint>
#include <unordered_set>

#include "bedflow/engine/event.hpp"

namespace bedflow::engine {

class LazyCancellation {
 public:
  static constexpr std::size_t kPurgeThreshold = 1024;

  // A push: the new event's insertion sequence; it counts as live.
  std::uint64_t next_sequence() noexcept {
    ++live_;
    return next_sequence_++;
  }
  // A live event popped.
  void popped() noexcept { --live_; }

  // Marks a pending event cancelled (precondition: it is pending). True: purge now.
  bool cancel(std::uint64_t sequence) {
    cancelled_.insert(sequence);
    --live_;
    return cancelled_.size() > kPurgeThreshold && cancelled_.size() > live_;
  }

  // True, and forgets the mark, when the event with this sequence was cancelled: the caller
  // then drops it. Costs one emptiness check while nothing is cancelled.
  bool take_if_cancelled(std::uint64_t sequence) {
    if (cancelled_.empty()) return false;
    const auto it = cancelled_.find(sequence);
    if (it == cancelled_.end()) return false;
    cancelled_.erase(it);
    return true;
  }

  bool is_cancelled(std::uint64_t sequence) const {
    return cancelled_.find(sequence) != cancelled_.end();
  }
  std::size_t cancelled_count() const noexcept { return cancelled_.size(); }
  // After a purge has dropped every cancelled event.
  void forget_cancelled() noexcept { cancelled_.clear(); }

  bool empty() const noexcept { return live_ == 0; }
  std::size_t live() const noexcept { return live_; }

 private:
  std::unordered_set<std::uint64_t> cancelled_;
  std::uint64_t next_sequence_ = 0;
  std::size_t live_ = 0;
};

// The public face the lazily cancelling queues share (CRTP): cancel, reschedule, empty, size.
// Derived provides push(time, priority, type, subject) and purge_cancelled(), which drops
// every event lazy_ marks cancelled and then calls lazy_.forget_cancelled().
template <class Derived>
class LazyCancellingQueue {
 public:
  // Precondition: `handle` names a pending event.
  void cancel(const EventHandle& handle) {
    if (lazy_.cancel(handle.sequence())) static_cast<Derived&>(*this).purge_cancelled();
  }

  // Moves a pending event to a new time, keeping its class; it takes a new insertion
  // sequence, as if scheduled now.
  EventHandle reschedule(const EventHandle& handle, Time new_time) {
    cancel(handle);
    return static_cast<Derived&>(*this).push(new_time, handle.priority(), handle.type,
                                             handle.subject);
  }

  bool empty() const noexcept { return lazy_.empty(); }
  std::size_t size() const noexcept { return lazy_.live(); }

  static constexpr std::size_t kPurgeThreshold = LazyCancellation::kPurgeThreshold;

 protected:
  LazyCancellation lazy_;
};

}  // namespace bedflow::engine
