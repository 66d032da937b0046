// The model's small parts: escalation hysteresis and patient slot recycling.
#include "bedflow/models/escalation_ladder.hpp"
#include "bedflow/models/patient_store.hpp"
#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

TEST_CASE("escalation opens above its threshold and closes only below the lower one",
          "[escalation]") {
  // Base 100 beds; level 1: 10 beds, open above 0.90, close below 0.80;
  // level 2: 20 beds, open above 0.95, close below 0.75.
  EscalationLadder ladder({{10, 0.90, 0.80}, {20, 0.95, 0.75}});
  CHECK(ladder.update(90, 100) == 0);  // 0.90 is not above 0.90
  CHECK(ladder.beds_open() == 0);
  CHECK(ladder.update(91, 100) == +1);
  CHECK(ladder.beds_open() == 10);
  // 89 / 110 = 0.81: below the opening threshold but above the closing one, so it stays.
  CHECK(ladder.update(89, 100) == 0);
  CHECK(ladder.beds_open() == 10);
  // 105 / 110 = 0.9545 > 0.95: the second level opens, one level per update.
  CHECK(ladder.update(105, 100) == +1);
  CHECK(ladder.beds_open() == 30);
  CHECK(ladder.update(105, 100) == 0);  // 105 / 130 = 0.81: between 0.75 and 0.95, holds
}

TEST_CASE("escalation levels close in reverse order with their own thresholds", "[escalation]") {
  EscalationLadder ladder({{10, 0.90, 0.80}, {20, 0.95, 0.70}});
  REQUIRE(ladder.update(91, 100) == +1);
  REQUIRE(ladder.update(106, 100) == +1);  // 106 / 110 > 0.95
  REQUIRE(ladder.beds_open() == 30);
  // 95 / 130 = 0.73: above level 2's closing threshold (0.70): nothing closes even though
  // it is below level 1's closing threshold (0.80), because level 2 closes first.
  CHECK(ladder.update(95, 100) == 0);
  CHECK(ladder.update(90, 100) == -1);  // 90 / 130 = 0.69 < 0.70
  CHECK(ladder.beds_open() == 10);
  CHECK(ladder.update(90, 100) == 0);   // 90 / 110 = 0.818: level 1 holds
  CHECK(ladder.update(87, 100) == -1);  // 87 / 110 = 0.79 < 0.80
  CHECK(ladder.beds_open() == 0);
  CHECK(ladder.update(87, 100) == 0);   // 0.87 is not above 0.90: stays closed
}

TEST_CASE("patient slots are recycled: memory follows patients inside", "[patients]") {
  PatientStore store;
  std::vector<std::uint32_t> ids;
  for (int round = 0; round < 100; ++round) {
    for (int i = 0; i < 50; ++i) ids.push_back(store.add(Patient{}));
    CHECK(store.inside() == 50);
    for (const auto id : ids) store.remove(id);
    ids.clear();
    CHECK(store.inside() == 0);
  }
  CHECK(store.slots() == 50);  // 5,000 patients passed through 50 slots
  const auto a = store.add(Patient{});
  store[a].cohort = 7;
  const auto b = store.add(Patient{});
  CHECK(a != b);
  CHECK(store[a].cohort == 7);
}

}  // namespace
}  // namespace bedflow::model::testing
