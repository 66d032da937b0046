// Elective ring-fencing: acute beds kept for one elective stream (ArrivalStream::
// ring_fenced_beds; semantics in models/README.md). The free ring-fenced beds sit outside the
// acute places' capacity, so the emergency line never reaches them; an elective taking one
// brings it inside the capacity and occupies it at once, and it leaves the capacity again
// when freed (after its turnaround). The general beds' free count never changes on the way.
#include "hospital_model.hpp"

namespace bedflow::model {

bool HospitalModel::takes_ring_fenced_bed(std::uint16_t stream) const noexcept {
  const StreamPlan& plan = plan_.streams[stream];
  return plan.ring_fenced &&
         services_[static_cast<std::size_t>(plan.admit_to)].ring_fenced_free > 0;
}

void HospitalModel::admit_to_ring_fenced_bed(std::uint32_t id) {
  Patient& p = patients_[id];
  ServiceState& acute = services_[static_cast<std::size_t>(p.acute)];
  --acute.ring_fenced_free;
  acute.ring_fenced_held.add(now(), 1.0);
  acute.places.set_capacity(acute.general_capacity());
  acute.places.force_seize(now());
  p.ring_fenced = true;
  p.admitted = now();
  start_acute_stay(id);
  acute_changed(p.acute);
}

// The share of general beds in use (occupied or in turnaround) that cancels electives: the
// ring-fenced beds, free or held, are left out of both sides.
double HospitalModel::general_share_in_use(std::int16_t a) const noexcept {
  const ServiceState& acute = services_[static_cast<std::size_t>(a)];
  const std::int64_t held = plan_.services[static_cast<std::size_t>(a)].ring_fenced_beds -
                            acute.ring_fenced_free;
  const std::int64_t open = acute.places.capacity() - held;
  if (open <= 0) return 1.0;
  return static_cast<double>(acute.places.in_use() - held) / static_cast<double>(open);
}

void HospitalModel::add_ring_fence_scalars(ReplicationResult& result) const {
  for (std::size_t i = 0; i < plan_.services.size(); ++i) {
    if (plan_.services[i].ring_fenced_beds == 0) continue;
    result.scalars.push_back({"ring_fenced_held_mean_" + plan_.services[i].name, "beds",
                              services_[i].ring_fenced_held.mean(now()), false,
                              Accumulation::level});
  }
}

}  // namespace bedflow::model
