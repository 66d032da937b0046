// Reading a scenario file's comments: the opening block, the question, and the comment
// trailing each value, matched to its key path.
#include <catch2/catch.hpp>

#include "assumptions.hpp"
#include "scenario_text.hpp"

using namespace bedflow::report;

namespace {

const char* kScenario =
    "\n# Question: what does a winter do to the beds,\n"
    "# and to the queues?\n"
    "#\n"
    "# Figures: made up.\n"
    "schema: 1\n"
    "services:\n"
    "  acute:\n"
    "    capacity: 3040   # KNOB: occupancy\n"
    "    escalation:      # opened as pressure rises\n"
    "      - { beds: 80, open_above: 0.95 }   # first level\n"
    "      - { beds: 120, open_above: 0.98 }\n"
    "  reablement:\n"
    "    los_days: { lognormal: { mean: 15, sd: 10 } }  # IPACS range\n"
    "costs_gbp:\n"
    "  acute_bed_day: 395   # King's Fund excess bed-day\n";

}  // namespace

TEST_CASE("the opening comment and its question") {
  const auto opening = opening_comment(kScenario);
  CHECK(opening.rfind("Question: what does", 0) == 0);
  CHECK(opening.find("Figures: made up.") != std::string::npos);
  CHECK(question(opening) == "what does a winter do to the beds, and to the queues?");
  CHECK(question("Figures: none\n").empty());
}

TEST_CASE("trailing comments are keyed by path") {
  const auto comments = trailing_comments(kScenario);
  CHECK(comments.at("services.acute.capacity") == "KNOB: occupancy");
  CHECK(comments.at("services.acute.escalation") == "opened as pressure rises");
  CHECK(comments.at("services.acute.escalation[0]") == "first level");
  CHECK(comments.at("services.reablement.los_days") == "IPACS range");
  CHECK(comments.at("costs_gbp.acute_bed_day") == "King's Fund excess bed-day");
  CHECK(comments_under(comments, "services.acute") ==
        "KNOB: occupancy; opened as pressure rises; first level");
}

TEST_CASE("assumption rows carry values and sources") {
  const auto rows = assumption_rows(kScenario, trailing_comments(kScenario));
  bool capacity = false, cost = false;
  for (const auto& row : rows) {
    if (row.section == "services" && row.item == "acute" && row.setting == "capacity") {
      capacity = row.value == "3040" && row.source == "KNOB: occupancy";
    }
    if (row.section == "costs_gbp" && row.item == "acute_bed_day") {
      cost = row.value == "395" && row.source == "King's Fund excess bed-day";
    }
  }
  CHECK(capacity);
  CHECK(cost);
  CHECK(assumption_rows("not: [valid", {}).empty());
}
