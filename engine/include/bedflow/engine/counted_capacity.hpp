#pragma once
// A counted capacity (beds, places, caseload slots) with a first-in, first-out waiting line.
//
// Invariants:
//  - in_use() counts holders; waiting() counts those in line. Holders are anonymous; the
//    line holds the caller's subject ids in arrival order.
//  - Nobody joins the line while a place is free and nobody is ahead: try_seize() either
//    takes a place at once or reports that the caller must wait (first come, first served).
//  - Capacity can change at any time. A cut below in_use() never evicts anyone: the pool
//    runs over capacity until holders leave, and no one is admitted until in_use() is
//    below the new capacity.
//  - Time-weighted averages of holders and of the line are kept exactly; every mutating
//    call takes the current time for that reason.
#include <cstdint>
#include <optional>

#include "bedflow/engine/fifo_ring.hpp"
#include "bedflow/engine/statistics.hpp"
#include "bedflow/engine/time.hpp"

namespace bedflow::engine {

class CountedCapacity {
 public:
  explicit CountedCapacity(std::int64_t capacity = 0, Time start = 0) noexcept
      : capacity_(capacity), occupancy_(start), line_(start) {}

  std::int64_t capacity() const noexcept { return capacity_; }
  std::int64_t in_use() const noexcept { return in_use_; }
  std::int64_t free_places() const noexcept {
    return capacity_ > in_use_ ? capacity_ - in_use_ : 0;
  }
  std::size_t waiting() const noexcept { return line_members_.size(); }
  bool has_room() const noexcept { return in_use_ < capacity_ && line_members_.empty(); }

  // Takes a place if one is free and nobody waits; otherwise does nothing and returns false.
  bool try_seize(Time now) noexcept {
    if (!has_room()) return false;
    occupy(now);
    return true;
  }
  // Takes a place regardless of capacity (someone already there at the start, or a return
  // that cannot be refused); the pool may run over capacity.
  void force_seize(Time now) noexcept { occupy(now); }
  // Joins the end of the line.
  void enqueue(Time now, std::uint32_t subject) {
    line_members_.push(subject);
    line_.set(now, static_cast<double>(line_members_.size()));
  }
  // Frees a place. Call admit_next() afterwards to let the line move.
  void release(Time now) noexcept {
    --in_use_;
    occupancy_.set(now, static_cast<double>(in_use_));
  }
  // If a place is free and someone waits, seats the first in line and returns its id.
  std::optional<std::uint32_t> admit_next(Time now) {
    if (line_members_.empty() || in_use_ >= capacity_) return std::nullopt;
    const std::uint32_t subject = line_members_.pop();
    line_.set(now, static_cast<double>(line_members_.size()));
    occupy(now);
    return subject;
  }
  void set_capacity(std::int64_t capacity) noexcept { capacity_ = capacity; }

  const TimeWeighted& occupancy() const noexcept { return occupancy_; }
  const TimeWeighted& line_length() const noexcept { return line_; }
  const FifoRing<std::uint32_t>& line() const noexcept { return line_members_; }
  void reset_statistics(Time now) noexcept {
    occupancy_.reset(now);
    line_.reset(now);
  }

 private:
  void occupy(Time now) noexcept {
    ++in_use_;
    occupancy_.set(now, static_cast<double>(in_use_));
  }

  std::int64_t capacity_;
  std::int64_t in_use_ = 0;
  TimeWeighted occupancy_;
  TimeWeighted line_;
  FifoRing<std::uint32_t> line_members_;
};

}  // namespace bedflow::engine
