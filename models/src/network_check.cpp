// check_network(): the services and the routes between them as a Boost.Graph, and the
// problems a planner must fix before a run means anything.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include "bedflow/models/simulate.hpp"

namespace bedflow::model {
namespace {

using Graph = boost::adjacency_list<boost::setS, boost::vecS, boost::bidirectionalS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

constexpr double kTolerance = 1e-9;

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " and " : ", ";
    text += "'" + names[i] + "'";
  }
  return text;
}

bool unlimited(const Service& service) {
  if (service.kind == ServiceKind::urgent_community_response) {
    return service.urgent_response && service.urgent_response->capacity_per_day >= kUnlimitedCapacity;
  }
  if (service.capacity.base < kUnlimitedCapacity) return false;
  return std::all_of(service.capacity.changes.begin(), service.capacity.changes.end(),
                     [](const auto& c) { return c.capacity >= kUnlimitedCapacity; });
}

class NetworkBuilder {
 public:
  explicit NetworkBuilder(const Scenario& scenario)
      : scenario_(scenario), graph_(scenario.services.size() + 1) {
    for (std::size_t i = 0; i < scenario.services.size(); ++i) {
      index_[scenario.services[i].name] = i;
    }
    home_ = scenario.services.size();
  }

  std::vector<NetworkProblem> check() {
    add_routes();
    check_exits();
    check_unlimited_loops();
    if (problems_.empty()) check_expected_stays();
    return std::move(problems_);
  }

 private:
  // Resolves a destination; an unknown name is a problem naming the service that routes.
  std::optional<Vertex> resolve(const std::string& from, const std::string& to,
                                const std::string& what) {
    if (to == kHome || to.empty()) return home_;
    const auto it = index_.find(to);
    if (it != index_.end()) return it->second;
    problems_.push_back({from + ": " + what + " routes to unknown service '" + to + "'",
                         {from, to}});
    return std::nullopt;
  }
  void route(std::size_t from, const std::string& to, const std::string& what) {
    if (auto v = resolve(scenario_.services[from].name, to, what)) boost::add_edge(from, *v, graph_);
  }
  void route_to_acute(std::size_t from) {
    for (std::size_t i = 0; i < scenario_.services.size(); ++i) {
      if (scenario_.services[i].kind == ServiceKind::acute) boost::add_edge(from, i, graph_);
    }
  }
  void check_sum(double sum, const std::string& message, std::vector<std::string> services) {
    if (std::fabs(sum - 1.0) > kTolerance) {
      char digits[32];
      std::snprintf(digits, sizeof digits, "%.10g", sum);
      problems_.push_back({message + " sum to " + digits + ", not 1",
                           std::move(services)});
    }
  }

  void add_routes() {
    const auto& services = scenario_.services;
    std::array<bool, 4> pathway_used{true, false, false, false};
    for (const auto& cohort : scenario_.cohorts) {
      double sum = 0.0;
      for (std::size_t k = 0; k < 4; ++k) {
        sum += cohort.discharge_pathway[k];
        if (cohort.discharge_pathway[k] > 0.0) pathway_used[k] = true;
      }
      check_sum(sum, "discharge pathway shares of cohort '" + cohort.name + "'", {});
      for (const auto& [service, p] : cohort.readmission.probability_after) {
        if (!index_.count(service)) {
          problems_.push_back({"cohort '" + cohort.name +
                                   "': readmission probability after unknown service '" +
                                   service + "'",
                               {service}});
        }
      }
    }
    for (const auto& stream : scenario_.arrivals) {
      double sum = 0.0;
      for (const auto& [cohort, share] : stream.cohort_mix) sum += share;
      check_sum(sum, "cohort mix of arrival stream '" + stream.name + "'", {});
      for (const auto& alt : stream.alternatives) {
        if (!index_.count(alt)) {
          problems_.push_back({"arrival stream '" + stream.name +
                                   "' routes to unknown service '" + alt + "'",
                               {alt}});
        }
      }
      if (!stream.admit_to.empty() && !index_.count(stream.admit_to)) {
        problems_.push_back({"arrival stream '" + stream.name +
                                 "' admits to unknown service '" + stream.admit_to + "'",
                             {stream.admit_to}});
      }
    }
    for (std::size_t i = 0; i < services.size(); ++i) {
      const Service& s = services[i];
      if (s.kind == ServiceKind::acute) {
        for (std::size_t k = 0; k < 4; ++k) {
          if (!pathway_used[k]) continue;
          route(i, pathway_for(scenario_, s, k).to, "discharge pathway P" + std::to_string(k));
        }
        for (std::size_t j = 0; j < services.size(); ++j) {
          if (services[j].step_down) boost::add_edge(i, j, graph_);
        }
        continue;
      }
      if (s.kind == ServiceKind::urgent_community_response) {
        boost::add_edge(i, home_, graph_);
        const double success = s.urgent_response ? s.urgent_response->success_probability : 1.0;
        if (success < 1.0) route_to_acute(i);
        continue;
      }
      if (s.kind == ServiceKind::virtual_ward && s.step_up &&
          s.step_up->escalate_to_acute_probability > 0.0) {
        route_to_acute(i);
      }
      double sum = 0.0;
      std::vector<std::string> named{s.name};
      for (const auto& [to, p] : s.then) {
        sum += p;
        route(i, to, "then");
        named.push_back(to);
      }
      if (!s.then.empty()) check_sum(sum, "routing probabilities out of '" + s.name + "'", named);
      if (s.then.empty() && (s.kind != ServiceKind::virtual_ward || true)) {
        boost::add_edge(i, home_, graph_);
      }
      if (s.independent_at_91_days && *s.independent_at_91_days < 1.0) {
        route(i, s.on_failure, "on_failure");
      }
      // A loss service sends those it turns away on; an unlimited one never turns anyone
      // away, so that route is no part of a loop with no capacity limit.
      if (s.when_full == WhenFull::turn_away && !unlimited(s)) {
        route(i, s.if_turned_away, "if_turned_away");
      }
    }
    check_turned_away_cycles();
  }

  // Services that turn people away, each sending them on to the next: when all are full a
  // patient would go round for ever at one instant.
  void check_turned_away_cycles() {
    const auto& services = scenario_.services;
    auto next_of = [&](std::size_t i) -> std::optional<std::size_t> {
      const Service& s = services[i];
      if (s.when_full != WhenFull::turn_away || s.kind == ServiceKind::acute ||
          s.kind == ServiceKind::urgent_community_response)
        return std::nullopt;
      const auto it = index_.find(s.if_turned_away);
      if (it == index_.end()) return std::nullopt;
      return it->second;
    };
    std::vector<char> reported(services.size(), 0);
    for (std::size_t start = 0; start < services.size(); ++start) {
      std::vector<std::size_t> chain{start};
      for (auto at = next_of(start); at; at = next_of(*at)) {
        if (*at == start) {
          if (reported[start]) break;
          std::vector<std::string> names;
          for (const std::size_t v : chain) {
            reported[v] = 1;
            names.push_back(services[v].name);
          }
          problems_.push_back({"patients turned away go round " + join(names) +
                                   ", each of which turns them away when full: with all of "
                                   "them full they would never stop",
                               names});
          break;
        }
        if (std::find(chain.begin(), chain.end(), *at) != chain.end()) break;
        chain.push_back(*at);
      }
    }
  }

  void check_exits() {
    // Everyone who can reach home, found by a search backwards from home.
    const auto reversed = boost::make_reverse_graph(graph_);
    std::vector<boost::default_color_type> colour(boost::num_vertices(graph_),
                                                  boost::white_color);
    boost::breadth_first_search(
        reversed, home_,
        boost::color_map(boost::make_iterator_property_map(
            colour.begin(), boost::get(boost::vertex_index, reversed))));
    for (std::size_t i = 0; i < scenario_.services.size(); ++i) {
      if (colour[i] == boost::white_color) {
        problems_.push_back({"no exit: patients in '" + scenario_.services[i].name +
                                 "' can never reach home",
                             {scenario_.services[i].name}});
      }
    }
  }

  void check_unlimited_loops() {
    std::vector<int> component(boost::num_vertices(graph_));
    const int count = boost::strong_components(
        graph_, boost::make_iterator_property_map(component.begin(),
                                                  boost::get(boost::vertex_index, graph_)));
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(count));
    for (std::size_t v = 0; v < scenario_.services.size(); ++v) {
      members[static_cast<std::size_t>(component[v])].push_back(v);
    }
    for (const auto& group : members) {
      if (group.empty()) continue;
      const bool loop = group.size() > 1 || boost::edge(group[0], group[0], graph_).second;
      if (!loop) continue;
      const bool all_unlimited = std::all_of(group.begin(), group.end(), [&](std::size_t v) {
        return unlimited(scenario_.services[v]);
      });
      if (!all_unlimited) continue;
      std::vector<std::string> names;
      for (std::size_t v : group) names.push_back(scenario_.services[v].name);
      problems_.push_back({"loop with no capacity limit through " + join(names) +
                               ": patients can circulate without bound",
                           names});
    }
  }

  void check_expected_stays() {
    for (const auto& [service, stays] : expected_community_stays(scenario_)) {
      if (stays <= kMaxExpectedStays) continue;
      char digits[32];
      std::snprintf(digits, sizeof digits, "%.3g", stays);
      problems_.push_back({"a patient entering '" + service + "' would go round its loop of " +
                               "onward routes " + (std::isfinite(stays) ? "about " +
                               std::string(digits) + " times" : "for ever") +
                               " on average (more than " +
                               std::to_string(static_cast<int>(kMaxExpectedStays)) +
                               "): the routes' chance of leaving the loop is too small",
                           {service}});
    }
  }

  const Scenario& scenario_;
  Graph graph_;
  std::map<std::string, std::size_t> index_;
  Vertex home_;
  std::vector<NetworkProblem> problems_;
};

}  // namespace

std::vector<NetworkProblem> check_network(const Scenario& scenario) {
  return NetworkBuilder(scenario).check();
}

}  // namespace bedflow::model
