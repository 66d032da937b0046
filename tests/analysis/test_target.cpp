// Parsing targets and finding measures by name.
#include <catch2/catch.hpp>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/names.hpp"
#include "bedflow/analysis/target.hpp"

using namespace bedflow::analysis;

TEST_CASE("targets parse with each comparison", "[target]") {
  const Target a = parse_target("delayed_bed_days_per_week <= 500");
  CHECK(a.measure == "delayed_bed_days_per_week");
  CHECK(a.comparison == Comparison::less_equal);
  CHECK(a.threshold == 500.0);
  CHECK(a.wants_low());

  const Target b = parse_target("  ucr_2h_share>=0.7 ");
  CHECK(b.measure == "ucr_2h_share");
  CHECK(b.comparison == Comparison::greater_equal);
  CHECK(b.threshold == 0.7);
  CHECK_FALSE(b.wants_low());

  CHECK(parse_target("x < -1.5e2").comparison == Comparison::less);
  CHECK(parse_target("x < -1.5e2").threshold == -150.0);
  CHECK(parse_target("x > +3").comparison == Comparison::greater);
  CHECK(parse_target("x > +3").threshold == 3.0);
}

TEST_CASE("a percentage threshold is a share", "[target]") {
  const Target t = parse_target("acute_occupancy_share <= 92%");
  CHECK(t.threshold == Approx(0.92).epsilon(1e-15));
}

TEST_CASE("satisfied_by follows the comparison, strict or not", "[target]") {
  CHECK(parse_target("m <= 5").satisfied_by(5.0));
  CHECK_FALSE(parse_target("m < 5").satisfied_by(5.0));
  CHECK(parse_target("m < 5").satisfied_by(4.999));
  CHECK(parse_target("m >= 5").satisfied_by(5.0));
  CHECK_FALSE(parse_target("m > 5").satisfied_by(5.0));
  CHECK_FALSE(parse_target("m <= 5").satisfied_by(5.001));
}

TEST_CASE("malformed targets are rejected with a message that says why", "[target]") {
  auto message_of = [](const char* text) {
    try {
      parse_target(text);
    } catch (const AnalysisError& error) {
      return std::string(error.what());
    }
    return std::string("(accepted)");
  };
  CHECK_THAT(message_of(""), Catch::Contains("empty target"));
  CHECK_THAT(message_of("delayed_bed_days 500"), Catch::Contains("no comparison operator"));
  CHECK_THAT(message_of("<= 500"), Catch::Contains("no measure name"));
  CHECK_THAT(message_of("delayed bed days <= 500"), Catch::Contains("letters, digits"));
  CHECK_THAT(message_of("m == 500"), Catch::Contains("unsupported operator"));
  CHECK_THAT(message_of("m = 500"), Catch::Contains("unsupported operator"));
  CHECK_THAT(message_of("m != 500"), Catch::Contains("unsupported operator"));
  CHECK_THAT(message_of("m <== 500"), Catch::Contains("unsupported operator"));
  CHECK_THAT(message_of("m << 500"), Catch::Contains("unsupported operator"));
  CHECK_THAT(message_of("m <= "), Catch::Contains("missing threshold"));
  CHECK_THAT(message_of("m <= five"), Catch::Contains("not a finite number"));
  CHECK_THAT(message_of("m <= 5 beds"), Catch::Contains("not a finite number"));
  CHECK_THAT(message_of("m <= inf"), Catch::Contains("not a finite number"));
  CHECK_THAT(message_of("m <= nan"), Catch::Contains("not a finite number"));
  // Every message quotes the text and shows the expected form.
  CHECK_THAT(message_of("m <= five"), Catch::Contains("\"m <= five\""));
  CHECK_THAT(message_of("m <= five"), Catch::Contains("e.g."));
}

TEST_CASE("unknown measures get a did-you-mean or the list of names", "[target][names]") {
  const std::vector<std::string> names{"delayed_bed_days", "delayed_bed_days_per_week",
                                       "cost_total", "acute_occupancy_share"};
  CHECK_NOTHROW(require_name("cost_total", "target measure", names));
  try {
    require_name("delayed_bed_day_per_week", "target measure", names);
    FAIL("an unknown name was accepted");
  } catch (const AnalysisError& error) {
    CHECK_THAT(error.what(), Catch::Contains("unknown target measure 'delayed_bed_day_per_week'"));
    CHECK_THAT(error.what(), Catch::Contains("did you mean 'delayed_bed_days_per_week'?"));
  }
  try {
    require_name("xyz", "target measure", names);
    FAIL("an unknown name was accepted");
  } catch (const AnalysisError& error) {
    CHECK_THAT(error.what(), Catch::Contains("the run reports: delayed_bed_days, "));
    CHECK_THAT(error.what(), Catch::Contains("acute_occupancy_share"));
  }
}

TEST_CASE("edit distance counts single-character edits", "[names]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("cost_total", "cost_totl") == 1);
  CHECK_FALSE(closest_name("occupancy", {"cost_total", "readmissions"}).has_value());
}
