// Lever ranges.
#include <catch2/catch.hpp>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/lever.hpp"

using namespace bedflow::analysis;

TEST_CASE("ranges give low, low + step, ..., high", "[lever]") {
  const Lever a = make_lever("services.reablement.capacity", "400:1200", 10);
  CHECK(a.low == 400);
  CHECK(a.high == 1200);
  CHECK(a.step == 10);
  CHECK(a.count() == 81);
  CHECK(a.value(0) == 400);
  CHECK(a.value(80) == 1200);

  const Lever b = make_lever("x", "5:5");
  CHECK(b.count() == 1);
  const Lever c = make_lever("x", "0:100:25");
  CHECK(c.count() == 5);
  CHECK(c.value(3) == 75);
  CHECK(make_lever("x", "0:100:25", 25).step == 25);
}

TEST_CASE("bad ranges are rejected with the lever named", "[lever]") {
  CHECK_THROWS_WITH(make_lever("x", "400"), Catch::Contains("LOW:HIGH"));
  CHECK_THROWS_WITH(make_lever("x", "400:"), Catch::Contains("HIGH '' is not an integer"));
  CHECK_THROWS_WITH(make_lever("x", "a:5"), Catch::Contains("LOW 'a' is not an integer"));
  CHECK_THROWS_WITH(make_lever("x", "1.5:5"), Catch::Contains("not an integer"));
  CHECK_THROWS_WITH(make_lever("x", "9:5"), Catch::Contains("is empty"));
  CHECK_THROWS_WITH(make_lever("x", "-1:5"), Catch::Contains("negative"));
  CHECK_THROWS_WITH(make_lever("x", "0:10", 0), Catch::Contains("positive"));
  CHECK_THROWS_WITH(make_lever("x", "0:10", 3), Catch::Contains("try HIGH = 12"));
  CHECK_THROWS_WITH(make_lever("x", "0:10:2", 5), Catch::Contains("--step says 5"));
  CHECK_THROWS_WITH(make_lever("", "0:10"), Catch::Contains("empty scenario path"));
  CHECK_THROWS_WITH(make_lever("services.acute.capacity", "1:2:3:4"),
                    Catch::Contains("services.acute.capacity"));
}
