#pragma once
// A first-in, first-out line of small integers in a growable ring buffer.
//
// Invariants:
//  - Capacity is a power of two; memory grows with the longest line ever held, never with
//    the number of items that passed through.
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace bedflow::engine {

template <class T>
class FifoRing {
 public:
  bool empty() const noexcept { return size_ == 0; }
  std::size_t size() const noexcept { return size_; }
  void push(T value) {
    if (size_ == slots_.size()) grow();
    slots_[(head_ + size_) & (slots_.size() - 1)] = value;
    ++size_;
  }
  const T& front() const noexcept {
    assert(size_ > 0);
    return slots_[head_];
  }
  T pop() noexcept {
    assert(size_ > 0);
    T value = slots_[head_];
    head_ = (head_ + 1) & (slots_.size() - 1);
    --size_;
    return value;
  }
  // Items in line order, front first (for census snapshots and tests).
  template <class Visit>
  void for_each(Visit&& visit) const {
    for (std::size_t i = 0; i < size_; ++i) visit(slots_[(head_ + i) & (slots_.size() - 1)]);
  }

 private:
  void grow() {
    std::vector<T> bigger(slots_.empty() ? 16 : slots_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = slots_[(head_ + i) & (slots_.size() - 1)];
    slots_.swap(bigger);
    head_ = 0;
  }
  std::vector<T> slots_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace bedflow::engine
