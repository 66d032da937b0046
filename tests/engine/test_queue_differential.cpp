// Differential test of the event queues: the binary heap, the 4-ary heap, the radix heap and
// the reference tree are driven by one long random script of schedules (many exact time ties, every
// priority class), cancels of random pending events, reschedules and pops, and must pop
// identical sequences. The reference queue is simple enough to be obviously right, so any
// disagreement is a heap bug (lazy cancellation, sift order, tie-breaks).
#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <catch2/catch.hpp>

#include "bedflow/engine/dary_heap_queue.hpp"
#include "bedflow/engine/radix_event_queue.hpp"
#include "bedflow/engine/random_stream.hpp"
#include "bedflow/engine/reference_queue.hpp"

using namespace bedflow::engine;

namespace {

bool same_event(const Event& a, const Event& b) {
  return a.time == b.time && a.order == b.order && a.type == b.type && a.subject == b.subject;
}

// The events scheduled and not yet popped or cancelled, with O(1) random pick and removal.
class PendingSet {
 public:
  void add(const EventHandle& h) {
    index_[h.sequence()] = handles_.size();
    handles_.push_back(h);
  }
  void remove(std::uint64_t sequence) {
    const auto it = index_.find(sequence);
    REQUIRE(it != index_.end());
    const std::size_t i = it->second;
    index_.erase(it);
    if (i + 1 != handles_.size()) {
      handles_[i] = handles_.back();
      index_[handles_[i].sequence()] = i;
    }
    handles_.pop_back();
  }
  bool contains(std::uint64_t sequence) const { return index_.count(sequence) != 0; }
  bool empty() const { return handles_.empty(); }
  std::size_t size() const { return handles_.size(); }
  const EventHandle& at(std::size_t i) const { return handles_[i]; }

 private:
  std::vector<EventHandle> handles_;
  std::unordered_map<std::uint64_t, std::size_t> index_;
};

struct ScriptCounts {
  std::uint64_t schedules = 0, cancels = 0, reschedules = 0, pops = 0, max_pending = 0;
  std::size_t max_heap_slots = 0;
};

// Shares of the operations, in percent; pops take the rest.
struct ScriptMix {
  std::uint64_t schedule_growing = 50, schedule_draining = 30, cancel = 10, reschedule = 10;
};

ScriptCounts run_script(std::uint64_t seed, std::uint64_t operations, ScriptMix mix = {}) {
  RandomStream rng(seed, 0, stream_id("queue differential script"));
  BinaryHeapQueue binary;
  QuaternaryHeapQueue quaternary;
  RadixEventQueue radix;
  ReferenceQueue reference;
  PendingSet pending;
  ScriptCounts counts;
  Time now = 0;
  Event previous{};
  bool have_previous = false;

  // Offsets mostly tiny (exact ties on the same second) with a spread tail.
  auto next_time = [&] {
    const std::uint64_t pick = rng.below(4);
    if (pick < 2) return now + static_cast<Time>(rng.below(3));
    return now + static_cast<Time>(rng.below(pick == 2 ? 50 : 5000));
  };
  auto check_sizes = [&] {
    REQUIRE(binary.size() == pending.size());
    REQUIRE(quaternary.size() == pending.size());
    REQUIRE(radix.size() == pending.size());
    REQUIRE(reference.size() == pending.size());
    REQUIRE(binary.empty() == pending.empty());
    REQUIRE(quaternary.empty() == pending.empty());
    REQUIRE(radix.empty() == pending.empty());
    REQUIRE(reference.empty() == pending.empty());
  };
  auto pop_all = [&] {
    // Peeking first, as a simulator does before it pops.
    REQUIRE(same_event(radix.top(), reference.top()));
    const Event r = reference.pop();
    const Event b = binary.pop();
    const Event q = quaternary.pop();
    const Event x = radix.pop();
    REQUIRE(same_event(b, r));
    REQUIRE(same_event(q, r));
    REQUIRE(same_event(x, r));
    REQUIRE(pending.contains(r.sequence()));  // never a cancelled or stale event
    if (have_previous) REQUIRE(previous.time <= r.time);  // time never runs backwards
    previous = r;
    have_previous = true;
    pending.remove(r.sequence());
    now = r.time;
    ++counts.pops;
  };

  for (std::uint64_t op = 0; op < operations; ++op) {
    // The first half grows the queue to thousands of events; the second half drains it.
    const bool growing = op < operations / 2;
    const std::uint64_t dice = rng.below(100);
    const std::uint64_t schedule_share = growing ? mix.schedule_growing : mix.schedule_draining;
    if (pending.empty() || dice < schedule_share) {
      const Time t = next_time();
      const auto priority = static_cast<Priority>(rng.below(7));
      const auto type = static_cast<std::uint32_t>(rng.below(16));
      const auto subject = static_cast<std::uint32_t>(rng.below(1u << 20));
      const EventHandle hb = binary.push(t, priority, type, subject);
      const EventHandle hq = quaternary.push(t, priority, type, subject);
      const EventHandle hx = radix.push(t, priority, type, subject);
      const EventHandle hr = reference.push(t, priority, type, subject);
      REQUIRE(same_event(hb, hr));
      REQUIRE(same_event(hq, hr));
      REQUIRE(same_event(hx, hr));
      pending.add(hr);
      ++counts.schedules;
    } else if (dice < schedule_share + mix.cancel) {
      const EventHandle h = pending.at(rng.below(pending.size()));
      binary.cancel(h);
      quaternary.cancel(h);
      radix.cancel(h);
      reference.cancel(h);
      pending.remove(h.sequence());
      ++counts.cancels;
    } else if (dice < schedule_share + mix.cancel + mix.reschedule) {
      const EventHandle h = pending.at(rng.below(pending.size()));
      const Time t = next_time();
      const EventHandle hb = binary.reschedule(h, t);
      const EventHandle hq = quaternary.reschedule(h, t);
      const EventHandle hx = radix.reschedule(h, t);
      const EventHandle hr = reference.reschedule(h, t);
      REQUIRE(same_event(hb, hr));
      REQUIRE(same_event(hq, hr));
      REQUIRE(same_event(hx, hr));
      REQUIRE(hr.priority() == h.priority());
      REQUIRE(hr.subject == h.subject);
      REQUIRE(hr.time == t);
      pending.remove(h.sequence());
      pending.add(hr);
      ++counts.reschedules;
    } else {
      pop_all();
    }
    check_sizes();
    if (pending.size() > counts.max_pending) counts.max_pending = pending.size();
    // Cancelled events are purged before they can outnumber the live ones by much.
    const std::size_t slots =
        std::max({binary.heap_slots(), quaternary.heap_slots(), radix.heap_slots()});
    REQUIRE(slots <= 2 * pending.size() + BinaryHeapQueue::kPurgeThreshold + 1);
    if (slots > counts.max_heap_slots) counts.max_heap_slots = slots;
  }
  while (!pending.empty()) {
    pop_all();
    check_sizes();
  }
  return counts;
}

}  // namespace

TEST_CASE("binary heap, 4-ary heap, radix heap and reference queue pop identical sequences", "[queue]") {
  for (const std::uint64_t seed : {1u, 2u}) {
    INFO("seed " << seed);
    const ScriptCounts counts = run_script(seed, 120'000);
    // The script really exercised what it claims to.
    CHECK(counts.schedules + counts.cancels + counts.reschedules + counts.pops >= 120'000);
    CHECK(counts.cancels > 5'000);
    CHECK(counts.reschedules > 5'000);
    CHECK(counts.max_pending > 2'000);
  }
}

TEST_CASE("heavy cancellation: identical pops and bounded heap memory", "[queue]") {
  // Most events are cancelled before they come due, as with timeouts that rarely fire: the
  // heaps must purge them (and still pop exactly what the reference pops).
  ScriptMix mix;
  mix.schedule_growing = 50;
  mix.schedule_draining = 40;
  mix.cancel = 40;
  mix.reschedule = 5;
  const ScriptCounts counts = run_script(3, 100'000, mix);
  CHECK(counts.cancels > 30'000);
  CHECK(counts.max_pending > 1'000);
  CHECK(counts.max_heap_slots > BinaryHeapQueue::kPurgeThreshold);  // purges really happened
}

TEST_CASE("a heap whose events are all cancelled is empty and reusable", "[queue]") {
  QuaternaryHeapQueue queue;
  std::vector<EventHandle> handles;
  for (std::uint32_t i = 0; i < 100; ++i) handles.push_back(queue.push(i % 7, Priority::seize, 0, i));
  for (const auto& h : handles) queue.cancel(h);
  CHECK(queue.empty());
  CHECK(queue.size() == 0);
  queue.push(3, Priority::release, 9, 42);
  REQUIRE(queue.size() == 1);
  const Event e = queue.pop();
  CHECK(e.subject == 42);
  CHECK(e.time == 3);
  CHECK(queue.empty());
}

TEST_CASE("radix heap: an event earlier than a peeked minimum pops first", "[queue]") {
  // A simulator peeks at the next event, stops short of it, and schedules at its own clock,
  // which is earlier: the radix heap re-files around the new minimum.
  RadixEventQueue radix;
  ReferenceQueue reference;
  for (const Time t : {Time{5000}, Time{70'000}, Time{70'000}, Time{1} << 40, Time{-3}}) {
    radix.push(t, Priority::release, 1, static_cast<std::uint32_t>(t & 0xffff));
    reference.push(t, Priority::release, 1, static_cast<std::uint32_t>(t & 0xffff));
  }
  REQUIRE(same_event(radix.pop(), reference.pop()));  // -3
  REQUIRE(same_event(radix.top(), reference.top()));  // 5000 exposed
  for (const Time t : {Time{4000}, Time{4000}, Time{-3}, Time{4999}}) {
    const auto priority = t == 4000 ? Priority::capacity_change : Priority::arrival;
    radix.push(t, priority, 2, 7);
    reference.push(t, priority, 2, 7);
  }
  while (!reference.empty()) {
    REQUIRE(!radix.empty());
    REQUIRE(same_event(radix.top(), reference.top()));
    REQUIRE(same_event(radix.pop(), reference.pop()));
  }
  CHECK(radix.empty());
  CHECK(radix.heap_slots() == 0);
}

TEST_CASE("radix heap: upcoming(k) names the event popped k places after the next", "[queue]") {
  // Bursts of events a few seconds to a few minutes apart (as patients' departures are), so
  // that runs of them are sorted in line and upcoming() has something to name.
  RadixEventQueue radix;
  RandomStream rng(7, 0, stream_id("upcoming"));
  Time now = 0;
  std::uint32_t subject = 0;
  for (int n = 0; n < 2000; ++n) {
    radix.push(static_cast<Time>(rng.uniform01() * 20000.0), Priority::release, 1, subject++);
  }
  std::size_t named = 0;
  while (!radix.empty()) {
    radix.top();  // puts the next events in line
    std::vector<Event> ahead;
    for (std::size_t k = 0; k < 6; ++k) {
      const Event* e = radix.upcoming(k);
      if (e == nullptr) break;
      ahead.push_back(*e);
    }
    named += ahead.size() > 1 ? 1 : 0;
    // Without pushes in between, the next pops are exactly the events named, in order.
    for (const Event& expected : ahead) {
      REQUIRE(!radix.empty());
      const Event popped = radix.pop();
      REQUIRE(same_event(popped, expected));
      now = popped.time;
    }
    if (ahead.empty()) now = radix.pop().time;
    // A push now and then, as a simulator's handlers do.
    if (subject < 3000 && rng.uniform01() < 0.5) {
      radix.push(now + static_cast<Time>(rng.uniform01() * 600.0), Priority::release, 1,
                 subject++);
    }
  }
  CHECK(named > 100);  // the hint named events ahead, not only the next one
}
