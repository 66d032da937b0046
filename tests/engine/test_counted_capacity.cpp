// Counted capacity: first-come first-served, no eviction on a cut, admission on a raise, and
// exact time-weighted occupancy and line length on a schedule worked out by hand.
#include <optional>
#include <vector>

#include <catch2/catch.hpp>

#include "bedflow/engine/counted_capacity.hpp"

using namespace bedflow::engine;

TEST_CASE("the line is first in, first out", "[capacity]") {
  CountedCapacity pool(2);
  CHECK(pool.try_seize(0));
  CHECK(pool.try_seize(0));
  CHECK_FALSE(pool.try_seize(1));
  for (std::uint32_t id : {5u, 6u, 7u}) pool.enqueue(1, id);
  CHECK(pool.waiting() == 3);
  std::vector<std::uint32_t> order;
  pool.line().for_each([&](std::uint32_t id) { order.push_back(id); });
  CHECK(order == std::vector<std::uint32_t>{5, 6, 7});
  CHECK_FALSE(pool.admit_next(2).has_value());  // full: nobody moves
  pool.release(3);
  CHECK(pool.admit_next(3) == std::optional<std::uint32_t>{5});
  CHECK_FALSE(pool.admit_next(3).has_value());
  pool.release(4);
  pool.release(4);
  CHECK(pool.admit_next(4) == std::optional<std::uint32_t>{6});
  CHECK(pool.admit_next(4) == std::optional<std::uint32_t>{7});
  CHECK(pool.waiting() == 0);
  CHECK(pool.in_use() == 2);
}

TEST_CASE("a newcomer never overtakes the line", "[capacity]") {
  CountedCapacity pool(1);
  REQUIRE(pool.try_seize(0));
  pool.enqueue(0, 9);
  pool.set_capacity(2);  // a place is free, but someone waits
  CHECK(pool.free_places() == 1);
  CHECK_FALSE(pool.has_room());
  CHECK_FALSE(pool.try_seize(1));
  CHECK(pool.admit_next(1) == std::optional<std::uint32_t>{9});
  CHECK(pool.in_use() == 2);
}

TEST_CASE("a cut below occupancy evicts no one and admits no one until below", "[capacity]") {
  CountedCapacity pool(3);
  for (int i = 0; i < 3; ++i) REQUIRE(pool.try_seize(0));
  pool.set_capacity(1);
  CHECK(pool.in_use() == 3);  // nobody evicted
  CHECK(pool.free_places() == 0);
  CHECK_FALSE(pool.try_seize(1));
  pool.enqueue(1, 42);
  pool.release(2);
  CHECK_FALSE(pool.admit_next(2).has_value());  // 2 in use, capacity 1
  pool.release(3);
  CHECK_FALSE(pool.admit_next(3).has_value());  // 1 in use, capacity 1
  pool.release(4);
  CHECK(pool.admit_next(4) == std::optional<std::uint32_t>{42});  // 0 in use: the line moves
  CHECK(pool.in_use() == 1);
  CHECK_FALSE(pool.try_seize(5));
}

TEST_CASE("a raise admits waiters up to the new capacity", "[capacity]") {
  CountedCapacity pool(1);
  REQUIRE(pool.try_seize(0));
  for (std::uint32_t id : {1u, 2u, 3u}) pool.enqueue(0, id);
  pool.set_capacity(3);
  CHECK(pool.admit_next(1) == std::optional<std::uint32_t>{1});
  CHECK(pool.admit_next(1) == std::optional<std::uint32_t>{2});
  CHECK_FALSE(pool.admit_next(1).has_value());
  CHECK(pool.waiting() == 1);
  CHECK(pool.in_use() == 3);
}

TEST_CASE("force_seize runs the pool over capacity", "[capacity]") {
  CountedCapacity pool(1);
  pool.force_seize(0);
  pool.force_seize(0);
  CHECK(pool.in_use() == 2);
  CHECK(pool.free_places() == 0);
  CHECK_FALSE(pool.try_seize(0));
}

TEST_CASE("time-weighted occupancy and line length are exact", "[capacity]") {
  // Occupancy: 1 on [0,10), 2 on [10,30), 1 on [30,60), 2 on [60,100): area 160 over 100.
  // Line: 1 on [20,30), 0 otherwise: area 10 over 100.
  CountedCapacity pool(2);
  REQUIRE(pool.try_seize(0));
  REQUIRE(pool.try_seize(10));
  pool.enqueue(20, 1);
  pool.release(30);
  REQUIRE(pool.admit_next(30) == std::optional<std::uint32_t>{1});
  pool.release(30);
  REQUIRE(pool.try_seize(60));
  CHECK(pool.occupancy().area(100) == 160.0);
  CHECK(pool.occupancy().mean(100) == 1.6);
  CHECK(pool.line_length().area(100) == 10.0);
  CHECK(pool.line_length().mean(100) == 0.1);
  // After a reset only later time counts, and the current level carries on.
  pool.reset_statistics(100);
  CHECK(pool.occupancy().mean(100) == 2.0);
  pool.release(150);
  CHECK(pool.occupancy().mean(200) == 1.5);  // 2 for 50 s, then 1 for 50 s
}
