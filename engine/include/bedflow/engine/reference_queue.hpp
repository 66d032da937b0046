#pragma once
// The reference event queue: a balanced tree (std::set) with true removal.
//
// Invariants:
//  - Same interface and same pop order as DaryHeapQueue; slower, but simple enough to be
//    obviously right. Differential tests drive both with one script and demand identical
//    pops.
#include <cstddef>
#include <cstdint>
#include <set>

#include "bedflow/engine/event.hpp"

namespace bedflow::engine {

class ReferenceQueue {
 public:
  EventHandle push(Time time, Priority priority, std::uint32_t type, std::uint32_t subject) {
    Event event{time, make_order(priority, next_sequence_++), type, subject};
    events_.insert(event);
    return event;
  }
  void cancel(const EventHandle& handle) { events_.erase(handle); }
  EventHandle reschedule(const EventHandle& handle, Time new_time) {
    cancel(handle);
    return push(new_time, handle.priority(), handle.type, handle.subject);
  }
  bool empty() const noexcept { return events_.empty(); }
  std::size_t size() const noexcept { return events_.size(); }
  const Event& top() const { return *events_.begin(); }
  Event pop() {
    Event result = *events_.begin();
    events_.erase(events_.begin());
    return result;
  }
  void reserve(std::size_t) {}

 private:
  struct Before {
    bool operator()(const Event& a, const Event& b) const noexcept { return before(a, b); }
  };
  std::set<Event, Before> events_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace bedflow::engine
