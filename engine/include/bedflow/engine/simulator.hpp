#pragma once
// The simulation clock and its event loop.
//
// Invariants:
//  - now() never decreases; scheduling in the past is a programming error (asserted) and
//    is clamped to now() in release builds so the order of time is never broken.
//  - The loop hands each event to the model's handler by value; the handler may schedule
//    and cancel freely. Events at exactly `until` are processed; later ones stay queued.
//  - The simulator owns no random numbers and knows no model: it is a clock and a queue.
//  - Any queue pops the same events in the same order (event.hpp's total order); the radix
//    heap is the default because it is the fastest here (bench_kernel's hold model).
#include <cassert>
#include <cstdint>
#include <utility>

#include "bedflow/engine/dary_heap_queue.hpp"
#include "bedflow/engine/radix_event_queue.hpp"
#include "bedflow/engine/event.hpp"
#include "bedflow/engine/time.hpp"

namespace bedflow::engine {

template <class Queue = RadixEventQueue>
class Simulator {
 public:
  Time now() const noexcept { return now_; }
  std::uint64_t events_processed() const noexcept { return processed_; }
  std::size_t pending() const noexcept { return queue_.size(); }
  Queue& queue() noexcept { return queue_; }

  EventHandle schedule_at(Time at, Priority priority, std::uint32_t type,
                          std::uint32_t subject = 0) {
    assert(at >= now_ && "an event cannot be scheduled in the past");
    return queue_.push(at < now_ ? now_ : at, priority, type, subject);
  }
  EventHandle schedule_in(Time delay, Priority priority, std::uint32_t type,
                          std::uint32_t subject = 0) {
    return schedule_at(now_ + (delay > 0 ? delay : 0), priority, type, subject);
  }
  void cancel(const EventHandle& handle) { queue_.cancel(handle); }
  EventHandle reschedule(const EventHandle& handle, Time at) {
    return queue_.reschedule(handle, at < now_ ? now_ : at);
  }

  // Runs events in order until the queue is empty or the next event is later than `until`;
  // the clock then stands at `until`.
  template <class Handler>
  void run_until(Time until, Handler&& handler) {
    while (!queue_.empty()) {
      if (queue_.top().time > until) break;
      const Event event = queue_.pop();
      now_ = event.time;
      ++processed_;
      handler(event);
    }
    if (until > now_ && until != kTimeNever) now_ = until;
  }

 private:
  Queue queue_;
  Time now_ = 0;
  std::uint64_t processed_ = 0;
};

}  // namespace bedflow::engine
