// Demand on community services from the community (step-up referrals from GPs: arrival
// streams whose `admit_to` is not an acute service) and loss services (`when_full:
// turn_away`), with their blocking measures.
//
// Invariants:
//  - A patient from the community enters the service directly when a place is free (a
//    virtual ward as a step-up, an urgent community response as a referral); else, in a
//    service that queues, waits at home holding no place (service == kNoService) in the same
//    first-in, first-out line as patients routed from other services; in a service that
//    turns people away it leaves the system (home).
//  - `offered` and `turned_away` are counted only for services that report blocking, so
//    blocking_share = turned_away / offered is the share of entrants who found no place.
//  - A community patient is not an avoided admission: avoided_admissions_<service> stays the
//    count of acute arrivals that an alternative took.
#include "hospital_model.hpp"

namespace bedflow::model {

using engine::Priority;
using engine::Time;

void HospitalModel::enter_from_community(std::uint32_t id, std::int16_t s) {
  const auto index = static_cast<std::size_t>(s);
  const ServicePlan& plan = plan_.services[index];
  if (plan.kind == ServiceKind::urgent_community_response) {
    refer_from_community(id, s);
    return;
  }
  ServiceState& state = services_[index];
  const Entry entry = plan.kind == ServiceKind::virtual_ward ? Entry::step_up : Entry::route;
  if (plan.reports_blocking) ++counters_.offered[index];
  if (state.places.try_seize(now())) {
    enter_service(id, s, entry);
    return;
  }
  if (plan.turn_away) {
    ++counters_.turned_away[index];
    log(id, PatientEventKind::turned_away, s);
    discharge_home(id);
    return;
  }
  // Full: waits at home, holding no place, first in, first out with everyone else.
  Patient& p = patients_[id];
  p.entry = entry;  // how it enters once a place is free (see pump())
  p.waiting_for = s;
  p.queued_at = now();
  state.places.enqueue(now(), id);
  log(id, PatientEventKind::wait_for_place, s);
}

// A referral from the community to an urgent community response: taken while the day's
// visits last (the calendar day of the referral), else turned away. The visit comes after
// the response time, within opening hours: one that would fall before opening waits for
// that day's opening, one after closing for the next day's.
void HospitalModel::refer_from_community(std::uint32_t id, std::int16_t s) {
  const auto index = static_cast<std::size_t>(s);
  const ServicePlan& plan = plan_.services[index];
  ServiceState& state = services_[index];
  const Time t = now();
  const std::int64_t day = plan_.calendar.day_index_at(t);
  if (day != state.day) state.day = day, state.used_today = 0;
  ++counters_.offered[index];
  if (state.used_today >= plan.ucr_per_day) {
    ++counters_.turned_away[index];
    log(id, PatientEventKind::turned_away, s);
    discharge_home(id);
    return;
  }
  ++state.used_today;
  ++counters_.ucr_referrals;
  state.places.force_seize(t);
  Patient& p = patients_[id];
  p.service = s;
  p.entry = Entry::referral;
  p.entered_at = t;
  log(id, PatientEventKind::referral, s);
  ServiceStreams& streams = service_streams_[index];
  Time visit = t + engine::from_hours(plan.response_hours->sample(streams.response));
  const Time visit_day = plan_.calendar.day_index_at(visit) * engine::kDay;
  const Time opening = visit_day + plan.opens_hour * engine::kHour;
  const Time closing = visit_day + plan.closes_hour * engine::kHour;
  if (visit < opening) visit = opening;
  else if (visit > closing) visit = opening + engine::kDay;
  sim_.schedule_at(visit, Priority::release, kUcrVisit, id);
}

void HospitalModel::add_blocking_scalars(ReplicationResult& result) const {
  for (std::size_t i = 0; i < plan_.services.size(); ++i) {
    if (!plan_.services[i].reports_blocking) continue;
    const std::string& name = plan_.services[i].name;
    const auto turned = static_cast<double>(counters_.turned_away[i]);
    const auto offered = static_cast<double>(counters_.offered[i]);
    result.scalars.push_back(
        {"turned_away_" + name, "patients", turned, false, Accumulation::total});
    result.scalars.push_back({"blocking_share_" + name, "share",
                              offered > 0.0 ? turned / offered : 0.0, false, Accumulation::level});
  }
}

}  // namespace bedflow::model
