// Did-you-mean hints: distances count a typist's slips, suggestions stay close.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "bedflow/engine/did_you_mean.hpp"

using bedflow::engine::closest_match;
using bedflow::engine::did_you_mean;
using bedflow::engine::edit_distance;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps",
          "[did_you_mean]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("frial", "frail") == 1);  // one swap, not two substitutions
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("Acute", "acute") == 1);  // case matters
  CHECK(edit_distance("capacity", "capcity") == edit_distance("capcity", "capacity"));
}

TEST_CASE("a suggestion is offered only within a third of the name's length",
          "[did_you_mean]") {
  const std::vector<std::string> names{"acute", "reablement", "care_home"};
  CHECK(closest_match("reablment", names) == std::string("reablement"));
  CHECK(closest_match("acuet", names) == std::string("acute"));
  // Two slips in a five-letter name are too many by default, enough with a minimum of two.
  CHECK_FALSE(closest_match("acxxe", names).has_value());
  CHECK(closest_match("acxxe", names, 2) == std::string("acute"));
  CHECK_FALSE(closest_match("anything", {}).has_value());
}

TEST_CASE("without a close name the hint lists short sets of names", "[did_you_mean]") {
  CHECK(did_you_mean("acuet", {"acute", "frail"}) == "did you mean 'acute'?");
  CHECK(did_you_mean("zzz", {"acute", "frail"}) == "expected one of: acute, frail");
  CHECK(did_you_mean("zzz", {}).empty());
  std::vector<std::string> many;
  for (char c = 'a'; c <= 'm'; ++c) many.push_back(std::string(6, c));
  REQUIRE(many.size() == 13);
  CHECK(did_you_mean("zzz", many).empty());
}
