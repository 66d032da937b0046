// The documented total order of events: time, then priority class, then insertion sequence,
// in every queue implementation and through the simulator loop.
#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "bedflow/engine/event.hpp"
#include "bedflow/engine/simulator.hpp"
#include "queue_types.hpp"

using namespace bedflow::engine;

namespace {
constexpr Priority kAllPriorities[] = {Priority::capacity_change, Priority::release,
                                       Priority::transfer,        Priority::seize,
                                       Priority::arrival,         Priority::observation,
                                       Priority::end};
}

TEST_CASE("priority classes run in their documented order and have names", "[event]") {
  std::set<std::string> names;
  for (std::size_t i = 0; i < std::size(kAllPriorities); ++i) {
    CHECK(static_cast<int>(kAllPriorities[i]) == static_cast<int>(i));
    const auto name = std::string(to_string(kAllPriorities[i]));
    CHECK(name != "unknown");
    names.insert(name);
  }
  CHECK(names.size() == std::size(kAllPriorities));
  CHECK(to_string(Priority::release) == "release");
}

TEST_CASE("order packs priority and sequence losslessly", "[event]") {
  for (const Priority p : kAllPriorities) {
    for (const std::uint64_t seq : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{123456789},
                                    kSequenceMask}) {
      Event e{0, make_order(p, seq), 0, 0};
      CHECK(e.priority() == p);
      CHECK(e.sequence() == seq);
    }
  }
}

TEST_CASE("before() is time, then priority, then sequence", "[event]") {
  const Event early{10, make_order(Priority::end, 99), 0, 0};
  const Event late{11, make_order(Priority::capacity_change, 0), 0, 0};
  CHECK(before(early, late));
  CHECK_FALSE(before(late, early));

  const Event release{10, make_order(Priority::release, 50), 0, 0};
  const Event arrival{10, make_order(Priority::arrival, 1), 0, 0};
  CHECK(before(release, arrival));  // class beats sequence at equal times
  CHECK_FALSE(before(arrival, release));

  const Event first{10, make_order(Priority::seize, 7), 0, 0};
  const Event second{10, make_order(Priority::seize, 8), 0, 0};
  CHECK(before(first, second));
  CHECK_FALSE(before(second, first));
  CHECK_FALSE(before(first, first));  // strict
}

TEMPLATE_TEST_CASE("queues pop ties by class, then by insertion", "[event][queue]",
                   BEDFLOW_ALL_QUEUES) {
  TestType queue;
  // Pushed in a scrambled order; three times, every class, several per class.
  struct Spec {
    Time time;
    Priority priority;
  };
  std::vector<Spec> specs;
  for (int round = 0; round < 3; ++round) {
    for (const Time t : {Time{20}, Time{5}, Time{20}, Time{5}, Time{12}}) {
      for (int k = 6; k >= 0; --k) specs.push_back({t, kAllPriorities[(k + round) % 7]});
    }
  }
  std::vector<std::tuple<Time, int, std::uint32_t>> expected;
  for (std::uint32_t i = 0; i < specs.size(); ++i) {
    queue.push(specs[i].time, specs[i].priority, 0, i);
    expected.emplace_back(specs[i].time, static_cast<int>(specs[i].priority), i);
  }
  std::sort(expected.begin(), expected.end());
  REQUIRE(queue.size() == expected.size());
  for (const auto& [time, priority, index] : expected) {
    REQUIRE_FALSE(queue.empty());
    const Event e = queue.pop();
    CHECK(e.time == time);
    CHECK(static_cast<int>(e.priority()) == priority);
    CHECK(e.subject == index);
  }
  CHECK(queue.empty());
}

TEMPLATE_TEST_CASE("the simulator delivers in order, honours cancel and reschedule, and stops at until",
                   "[event][simulator]", BEDFLOW_ALL_QUEUES) {
  Simulator<TestType> sim;
  std::vector<std::uint32_t> seen;
  sim.schedule_at(100, Priority::arrival, 1, 1);
  sim.schedule_at(100, Priority::release, 2, 2);
  const EventHandle cancelled = sim.schedule_at(50, Priority::seize, 3, 3);
  const EventHandle moved = sim.schedule_at(10, Priority::seize, 4, 4);
  sim.schedule_at(200, Priority::end, 5, 5);
  sim.schedule_at(201, Priority::capacity_change, 6, 6);
  sim.cancel(cancelled);
  sim.reschedule(moved, 100);  // a seize at 100: after the release, before the arrival
  REQUIRE(sim.pending() == 5);

  sim.run_until(200, [&](const Event& e) {
    seen.push_back(e.subject);
    if (e.subject == 2) sim.schedule_in(0, Priority::observation, 7, 7);  // same instant, later class
  });
  CHECK(seen == std::vector<std::uint32_t>{2, 4, 1, 7, 5});
  CHECK(sim.now() == 200);
  CHECK(sim.pending() == 1);  // the event at 201 waits
  CHECK(sim.events_processed() == 5);

  sim.run_until(1000, [&](const Event& e) { seen.push_back(e.subject); });
  CHECK(seen.back() == 6);
  CHECK(sim.now() == 1000);  // the clock stands at `until` when the queue runs dry
  CHECK(sim.pending() == 0);
}
