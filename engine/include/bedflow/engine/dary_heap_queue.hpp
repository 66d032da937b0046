#pragma once
// The production event queue: an implicit d-ary min-heap in one vector.
//
// Invariants:
//  - Pops follow the total order of event.hpp exactly; arity changes speed, never order.
//  - Cancellation is lazy (lazy_cancellation.hpp): a cancelled event stays in the heap and is
//    dropped when it reaches the top; when cancelled events outnumber live ones (and exceed
//    kPurgeThreshold), they are all removed and the heap rebuilt.
//  - cancel() and reschedule() take a handle of a pending event (scheduled, not yet popped
//    or cancelled); that precondition is the caller's.
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "bedflow/engine/event.hpp"
#include "bedflow/engine/lazy_cancellation.hpp"

namespace bedflow::engine {

template <unsigned Arity>
class DaryHeapQueue : public LazyCancellingQueue<DaryHeapQueue<Arity>> {
  static_assert(Arity >= 2, "a heap needs at least two children per node");
  using Base = LazyCancellingQueue<DaryHeapQueue<Arity>>;
  friend Base;  // calls purge_cancelled()
  using Base::lazy_;

 public:
  EventHandle push(Time time, Priority priority, std::uint32_t type, std::uint32_t subject) {
    Event event{time, make_order(priority, lazy_.next_sequence()), type, subject};
    heap_.push_back(event);
    sift_up(heap_.size() - 1);
    return event;
  }

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
    lazy_.popped();
    return result;
  }

  void reserve(std::size_t n) { heap_.reserve(n); }

  // Events physically held, live and cancelled-but-not-yet-dropped (for memory tests).
  std::size_t heap_slots() const noexcept { return heap_.size(); }

 private:
  // Drops every cancelled event and restores the heap bottom-up (Floyd), O(heap size); the
  // order of the remaining events is the total order of event.hpp, so pops are unchanged.
  void purge_cancelled() {
    std::size_t kept = 0;
    for (const Event& event : heap_) {
      if (!lazy_.is_cancelled(event.sequence())) heap_[kept++] = event;
    }
    heap_.resize(kept);
    lazy_.forget_cancelled();
    if (kept < 2) return;
    for (std::size_t i = (kept - 2) / Arity + 1; i-- > 0;) {
      const Event moving = heap_[i];  // a copy: sift_down overwrites slot i
      sift_down(i, moving);
    }
  }

  void drop_cancelled_top() {
    while (lazy_.take_if_cancelled(heap_.front().sequence())) remove_front();
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
};

using BinaryHeapQueue = DaryHeapQueue<2>;
using QuaternaryHeapQueue = DaryHeapQueue<4>;

}  // namespace bedflow::engine
