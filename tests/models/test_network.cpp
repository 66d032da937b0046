// check_network(): each kind of problem is found and names the services involved.
#include <algorithm>

#include "model_fixtures.hpp"

namespace bedflow::model::testing {
namespace {

bool names(const NetworkProblem& problem, const std::string& service) {
  return std::find(problem.services.begin(), problem.services.end(), service) !=
             problem.services.end() &&
         problem.message.find(service) != std::string::npos;
}

const NetworkProblem* find_problem(const std::vector<NetworkProblem>& problems,
                                   const std::string& text) {
  for (const auto& p : problems) {
    if (p.message.find(text) != std::string::npos) return &p;
  }
  return nullptr;
}

Service beds(std::string name, std::vector<std::pair<std::string, double>> then,
             std::int64_t capacity = 10) {
  Service s = limited_service(std::move(name), ServiceKind::beds, capacity,
                              DistributionParams::exponential(5.0));
  s.then = std::move(then);
  return s;
}

TEST_CASE("a well-formed network has no problems", "[network]") {
  CHECK(check_network(kent_medway_winter()).empty());
  CHECK(check_network(basic_scenario(10.0, DistributionParams::fixed(1.0))).empty());
}

TEST_CASE("a route to an unknown service is reported with both names", "[network]") {
  Scenario s = kent_medway_winter();
  s.services[5].then = {{kHome, 0.6}, {"reablment", 0.4}};
  const auto problems = check_network(s);
  const auto* p = find_problem(problems, "unknown service 'reablment'");
  REQUIRE(p != nullptr);
  CHECK(names(*p, "intermediate_care_beds"));
  CHECK(names(*p, "reablment"));
}

TEST_CASE("routing probabilities that do not sum to 1 are reported", "[network]") {
  Scenario s = kent_medway_winter();
  s.services[5].then = {{kHome, 0.6}, {"reablement", 0.25}, {"care_home", 0.1}};
  const auto problems = check_network(s);
  const auto* p = find_problem(problems, "routing probabilities");
  REQUIRE(p != nullptr);
  CHECK(names(*p, "intermediate_care_beds"));
  CHECK(p->message.find("0.95") != std::string::npos);
  // Within 1e-9 of 1 is fine (sums of decimal fractions are rarely exact).
  s.services[5].then = {{kHome, 0.1}, {"reablement", 0.2}, {"care_home", 0.7000000000001}};
  CHECK(find_problem(check_network(s), "routing probabilities") == nullptr);
}

TEST_CASE("services from which no exit can be reached are reported", "[network]") {
  Scenario s = basic_scenario(10.0, DistributionParams::fixed(1.0));
  s.services.push_back(beds("rehab", {{"nursing", 1.0}}));
  s.services.push_back(beds("nursing", {{"rehab", 1.0}}));
  s.discharge_pathways[2] = {"rehab", DistributionParams::fixed(1.0)};
  s.cohorts[0].discharge_pathway = {0.9, 0.0, 0.1, 0.0};
  const auto problems = check_network(s);
  const auto* rehab = find_problem(problems, "no exit: patients in 'rehab'");
  const auto* nursing = find_problem(problems, "no exit: patients in 'nursing'");
  REQUIRE(rehab != nullptr);
  REQUIRE(nursing != nullptr);
  CHECK(names(*rehab, "rehab"));
  CHECK(find_problem(problems, "no exit: patients in 'acute'") == nullptr);
  CHECK(find_problem(problems, "loop") == nullptr);  // both have capacity limits
}

TEST_CASE("a loop of services none of which has a capacity limit is reported", "[network]") {
  Scenario s = basic_scenario(10.0, DistributionParams::fixed(1.0));
  s.services.push_back(beds("step_a", {{kHome, 0.5}, {"step_b", 0.5}}, kUnlimitedCapacity));
  s.services.push_back(beds("step_b", {{"step_a", 1.0}}, kUnlimitedCapacity));
  s.discharge_pathways[1] = {"step_a", DistributionParams::fixed(0.0)};
  s.cohorts[0].discharge_pathway = {0.5, 0.5, 0.0, 0.0};
  auto problems = check_network(s);
  const auto* p = find_problem(problems, "loop with no capacity limit");
  REQUIRE(p != nullptr);
  CHECK(names(*p, "step_a"));
  CHECK(names(*p, "step_b"));
  CHECK(find_problem(problems, "no exit") == nullptr);  // step_a leads home
  // One limited service in the loop bounds it.
  s.services[2].capacity.base = 50;
  CHECK(find_problem(check_network(s), "loop") == nullptr);
}

TEST_CASE("cohort and stream shares that do not sum to 1 are reported", "[network]") {
  Scenario s = basic_scenario(10.0, DistributionParams::fixed(1.0));
  s.cohorts[0].discharge_pathway = {0.5, 0.2, 0.0, 0.0};
  s.arrivals[0].cohort_mix = {{"general", 0.9}};
  const auto problems = check_network(s);
  CHECK(find_problem(problems, "cohort 'general'") != nullptr);
  CHECK(find_problem(problems, "arrival stream 'emergency'") != nullptr);
}

TEST_CASE("loss services sending turned-away patients round a cycle are reported, a chain "
          "ending at a queue or home is not", "[network][loss]") {
  Scenario s = basic_scenario(10.0, DistributionParams::fixed(1.0));
  Service a = beds("ward_a", {});
  a.when_full = WhenFull::turn_away;
  a.if_turned_away = "ward_b";
  Service b = beds("ward_b", {});
  b.when_full = WhenFull::turn_away;
  b.if_turned_away = "ward_a";
  s.services.push_back(a);
  s.services.push_back(b);
  const auto problems = check_network(s);
  const auto* p = find_problem(problems, "turned away go round");
  REQUIRE(p != nullptr);
  CHECK(names(*p, "ward_a"));
  CHECK(names(*p, "ward_b"));
  CHECK(std::count_if(problems.begin(), problems.end(), [](const NetworkProblem& q) {
          return q.message.find("turned away go round") != std::string::npos;
        }) == 1);  // one cycle, reported once
  s.services[2].when_full = WhenFull::queue;  // ward_b queues: the chain ends there
  s.services[2].if_turned_away.clear();
  CHECK(check_network(s).empty());
  s.services[1].if_turned_away = "ward_c";  // an unknown destination is named
  CHECK(find_problem(check_network(s), "unknown service 'ward_c'") != nullptr);
}

}  // namespace
}  // namespace bedflow::model::testing
