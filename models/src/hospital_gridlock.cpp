// Gridlock: community services each full, every occupant's stay over and waiting for a place
// in another of them. No one in the set can ever move again (unless a capacity change opens
// places), yet arrivals keep the run going, so without a word the run would end normally.
#include <cstdio>
#include <string>
#include <vector>

#include "hospital_model.hpp"

namespace bedflow::model {

void HospitalModel::check_gridlock() {
  if (gridlock_reported_) return;
  const std::size_t n = plan_.services.size();
  // blocked[s]: occupants of s waiting in a line; waits_on[s]: the services those lines are for.
  std::vector<std::int64_t> blocked(n, 0);
  std::vector<std::vector<std::size_t>> waits_on(n);
  for (std::size_t d = 0; d < n; ++d) {
    services_[d].places.line().for_each([&](std::uint32_t id) {
      const std::int16_t s = patients_[id].service;
      if (s == kNoService) return;
      ++blocked[static_cast<std::size_t>(s)];
      waits_on[static_cast<std::size_t>(s)].push_back(d);
    });
  }
  std::vector<char> stuck(n, 0);
  for (std::size_t s = 0; s < n; ++s) {
    const ServiceKind kind = plan_.services[s].kind;
    if (kind == ServiceKind::acute || kind == ServiceKind::urgent_community_response) continue;
    const auto& places = services_[s].places;
    stuck[s] = places.capacity() > 0 && places.in_use() >= places.capacity() &&
               blocked[s] == places.in_use();
  }
  // Keep only services whose every blocked occupant waits on another stuck service.
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t s = 0; s < n; ++s) {
      if (!stuck[s]) continue;
      for (const std::size_t d : waits_on[s]) {
        if (!stuck[d]) {
          stuck[s] = 0;
          changed = true;
          break;
        }
      }
    }
  }
  std::string names;
  for (std::size_t s = 0; s < n; ++s) {
    if (!stuck[s]) continue;
    names += (names.empty() ? "'" : ", '") + plan_.services[s].name + "'";
  }
  if (names.empty()) return;
  gridlock_reported_ = true;
  char day[32];
  std::snprintf(day, sizeof day, "%.1f", engine::to_days(now()));
  warnings_.push_back(std::string("gridlock from day ") + day + ": " + names +
                      " are full and every patient in them waits for a place in another of "
                      "them, so none can move again (unless a capacity change opens places)");
}

}  // namespace bedflow::model
