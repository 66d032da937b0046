#pragma once
// The production event queue: an implicit d-ary min-heap in one vector.
//
// Invariants:
//  - Pops follow the total order of event.hpp exactly; arity changes speed, never order.
//  - Cancellation is lazy: a cancelled event stays in the heap, marked in `cancelled_`, and
//    is dropped when it reaches the top. The set holds only cancelled events still in the
//    heap. When cancelled events outnumber live ones (and exceed kPurgeThreshold), they are
//    all removed and the heap rebuilt, so the heap never holds more than about twice the
//    pending events plus kPurgeThreshold, however many events a model cancels far in the
//    future. With no cancellations the pop path costs one emptiness check.
//  - cancel() and reschedule() take a handle of a pending event (scheduled, not yet popped
//    or cancelled); that precondition is the caller's.
//  - Insertion sequences are unique per queue, so handles never collide.
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <utility>
#include <vector>

#include "bedflow/engine/event.hpp"

namespace bedflow::engine {

template <unsigned Arity>
class DaryHeapQueue {
  static_assert(Arity >= 2, "a heap needs at least two children per node");

 public:
  EventHandle push(Time time, Priority priority, std::uint32_t type, std::uint32_t subject) {
    Event event{time, make_order(priority, next_sequence_++), type, subject};
    heap_.push_back(event);
    sift_up(heap_.size() - 1);
    ++live_;
    return event;
  }

  void cancel(const EventHandle& handle) {
    cancelled_.insert(handle.sequence());
    --live_;
    if (cancelled_.size() > kPurgeThreshold && cancelled_.size() > live_) purge_cancelled();
  }

  // Moves a pending event to a new time, keeping its class; it takes a new insertion
  // sequence, as if scheduled now.
  EventHandle reschedule(const EventHandle& handle, Time new_time) {
    cancel(handle);
    return push(new_time, handle.priority(), handle.type, handle.subject);
  }

  bool empty() const noexcept { return live_ == 0; }
  std::size_t size() const noexcept { return live_; }

  // Precondition: !empty().
  const Event& top() {
    drop_cancelled_top();
    return heap_.front();
  }

  // Precondition: !empty().
  Event pop() {
    drop_cancelled_top();
    Event result = heap_.front();
    remove_front();
    --live_;
    return result;
  }

  void reserve(std::size_t n) { heap_.reserve(n); }

  // Events physically held, live and cancelled-but-not-yet-dropped (for memory tests).
  std::size_t heap_slots() const noexcept { return heap_.size(); }

  static constexpr std::size_t kPurgeThreshold = 1024;

 private:
  // Drops every cancelled event and restores the heap bottom-up (Floyd), O(heap size); the
  // order of the remaining events is the total order of event.hpp, so pops are unchanged.
  void purge_cancelled() {
    std::size_t kept = 0;
    for (const Event& event : heap_) {
      if (cancelled_.find(event.sequence()) == cancelled_.end()) heap_[kept++] = event;
    }
    heap_.resize(kept);
    cancelled_.clear();
    if (kept < 2) return;
    for (std::size_t i = (kept - 2) / Arity + 1; i-- > 0;) {
      const Event moving = heap_[i];  // a copy: sift_down overwrites slot i
      sift_down(i, moving);
    }
  }

  void drop_cancelled_top() {
    if (cancelled_.empty()) return;
    while (true) {
      auto it = cancelled_.find(heap_.front().sequence());
      if (it == cancelled_.end()) return;
      cancelled_.erase(it);
      remove_front();
    }
  }

  void remove_front() {
    Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(0, last);
  }

  void sift_up(std::size_t index) {
    Event moving = heap_[index];
    while (index > 0) {
      const std::size_t parent = (index - 1) / Arity;
      if (!before(moving, heap_[parent])) break;
      heap_[index] = heap_[parent];
      index = parent;
    }
    heap_[index] = moving;
  }

  // Places `moving` into the hole at `index`, moving smaller children up.
  void sift_down(std::size_t index, const Event& moving) {
    const std::size_t n = heap_.size();
    while (true) {
      const std::size_t first = index * Arity + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t last = first + Arity < n ? first + Arity : n;
      for (std::size_t child = first + 1; child < last; ++child) {
        if (before(heap_[child], heap_[best])) best = child;
      }
      if (!before(heap_[best], moving)) break;
      heap_[index] = heap_[best];
      index = best;
    }
    heap_[index] = moving;
  }

  std::vector<Event> heap_;
  std::unordered_set<std::uint64_t> cancelled_;
  std::uint64_t next_sequence_ = 0;
  std::size_t live_ = 0;
};

using BinaryHeapQueue = DaryHeapQueue<2>;
using QuaternaryHeapQueue = DaryHeapQueue<4>;

}  // namespace bedflow::engine
