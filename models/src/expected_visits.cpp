// The expected number of service stays a patient makes among community services that route
// to each other, from the routing probabilities alone: the fundamental matrix of the
// absorbing Markov chain, N = (I - Q)^-1, Q the probabilities of moving from one community
// service straight to another (Kemeny and Snell, Finite Markov Chains, 1960, ch. III). Row i
// of N summed is the expected number of stays of a patient entering service i before leaving
// the community services (home, acute). A loop whose exit is almost never taken (0.999999999
// back round) passes the graph's reachability check yet would run for ever in the model.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "bedflow/models/simulate.hpp"

namespace bedflow::model {
namespace {

// Loops larger than this are not solved (a dense solve is cubic); real networks have a few
// community services per loop.
constexpr std::size_t kLargestLoopSolved = 400;

// Solves A x = b by Gaussian elimination with partial pivoting; false if A is singular.
bool solve(std::vector<std::vector<double>> a, std::vector<double>& b) {
  const std::size_t n = b.size();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    if (!(std::abs(a[pivot][c]) > 1e-300)) return false;
    std::swap(a[c], a[pivot]);
    std::swap(b[c], b[pivot]);
    for (std::size_t r = c + 1; r < n; ++r) {
      const double f = a[r][c] / a[c][c];
      if (f == 0.0) continue;
      for (std::size_t k = c; k < n; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  for (std::size_t c = n; c-- > 0;) {
    double sum = b[c];
    for (std::size_t k = c + 1; k < n; ++k) sum -= a[c][k] * b[k];
    b[c] = sum / a[c][c];
  }
  return true;
}

}  // namespace

std::vector<ExpectedStays> expected_community_stays(const Scenario& scenario) {
  std::map<std::string, std::size_t> index;  // community services that route onward
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    const ServiceKind kind = scenario.services[i].kind;
    if (kind != ServiceKind::acute && kind != ServiceKind::urgent_community_response)
      index[scenario.services[i].name] = i;
  }
  // Q[i][j], over all services (acute and home are exits from this chain).
  std::map<std::size_t, std::map<std::size_t, double>> q;
  for (const auto& [name, i] : index) {
    const Service& s = scenario.services[i];
    const double onward = s.independent_at_91_days ? *s.independent_at_91_days : 1.0;
    for (const auto& [to, p] : s.then) {
      const auto it = index.find(to);
      if (it != index.end()) q[i][it->second] += onward * p;
    }
    if (s.independent_at_91_days) {
      const auto it = index.find(s.on_failure);
      if (it != index.end()) q[i][it->second] += 1.0 - onward;
    }
  }
  std::vector<ExpectedStays> out;
  // Only services on a loop can be visited more than once; follow Q to find each service's
  // reachable set and solve for those that can come back to themselves.
  for (const auto& [name, start] : index) {
    std::vector<std::size_t> reach{start};
    std::map<std::size_t, std::size_t> position{{start, 0}};
    bool returns = false;
    for (std::size_t k = 0; k < reach.size() && reach.size() <= kLargestLoopSolved; ++k) {
      for (const auto& [to, p] : q[reach[k]]) {
        if (!(p > 0.0)) continue;
        if (to == start) returns = true;
        if (position.emplace(to, reach.size()).second) reach.push_back(to);
      }
    }
    if (!returns || reach.size() > kLargestLoopSolved) continue;
    const std::size_t n = reach.size();
    std::vector<std::vector<double>> a(n, std::vector<double>(n, 0.0));
    std::vector<double> x(n, 1.0);
    for (std::size_t r = 0; r < n; ++r) {
      a[r][r] = 1.0;
      for (const auto& [to, p] : q[reach[r]]) a[r][position.at(to)] -= p;
    }
    const bool solved = solve(std::move(a), x);
    const double stays = solved && std::isfinite(x[0]) && x[0] > 0.0
                             ? x[0] : std::numeric_limits<double>::infinity();
    out.push_back({scenario.services[start].name, stays});
  }
  return out;
}

}  // namespace bedflow::model
