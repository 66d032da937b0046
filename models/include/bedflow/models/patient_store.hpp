#pragma once
// Patients currently in the system, in recycled slots.
//
// Invariants:
//  - A patient's id is its slot index; it is valid from add() until remove(). Events and
//    waiting lines refer to patients by id, and the model never leaves an event pending for
//    a removed patient, so a recycled slot can never receive a stale event.
//  - Memory grows with the largest number of patients inside at once, never with the number
//    simulated: freed slots are reused last-in, first-out.
#include <cstdint>
#include <vector>

#include "bedflow/engine/time.hpp"

namespace bedflow::model {

inline constexpr std::int16_t kNoService = -1;

// How a patient entered the service it is in (decides its stay and where it goes next).
enum class Entry : std::uint8_t { admission, route, step_up, step_down, referral, census };

// One cache line per patient, the small fields every event reads first: the record of a
// patient leaving is rarely in cache (it was last touched days of simulated time ago), and
// one line is one miss where a record straddling two lines could cost two.
struct alignas(64) Patient {
  std::uint16_t cohort = 0;
  std::uint16_t stream = 0;            // arrival stream (kReadmitted for readmissions)
  std::int16_t acute = kNoService;     // the acute service that admits this patient
  std::int16_t service = kNoService;   // the service holding its place, if any
  std::int16_t waiting_for = kNoService;  // the service whose line it is in, if any
  std::int16_t last_service = kNoService; // the last service it left
  // While it waits for its service's discharge window: where it goes then (a service whose
  // place is reserved for it, or kNoService for home).
  std::int16_t window_to = kNoService;
  std::uint8_t pathway = 0;            // discharge pathway 0..3
  Entry entry = Entry::admission;
  bool fit_in_acute = false;           // medically fit, still in an acute bed
  bool was_admitted = false;           // has had an acute stay (readmissions apply)
  bool ring_fenced = false;            // holds one of its acute service's ring-fenced beds
  bool waiting_for_window = false;     // waits for its service's discharge window (window_to)
  engine::Time arrived = 0;
  engine::Time admitted = 0;    // into the acute service (or its ED line)
  engine::Time fit_at = 0;      // medically fit (end of acute treatment)
  engine::Time queued_at = 0;   // joined the line it is in, or began waiting for a window
  engine::Time entered_at = 0;  // entered the current service
};
static_assert(sizeof(Patient) == 64, "a patient's record is one cache line");

inline constexpr std::uint16_t kReadmitted = 0xffff;

class PatientStore {
 public:
  std::uint32_t add(const Patient& patient) {
    ++inside_;
    if (!free_.empty()) {
      const std::uint32_t id = free_.back();
      free_.pop_back();
      slots_[id] = patient;
      return id;
    }
    slots_.push_back(patient);
    return static_cast<std::uint32_t>(slots_.size() - 1);
  }
  void remove(std::uint32_t id) {
    free_.push_back(id);
    --inside_;
  }
  Patient& operator[](std::uint32_t id) noexcept { return slots_[id]; }
  const Patient& operator[](std::uint32_t id) const noexcept { return slots_[id]; }
  // Starts loading a patient's record into the cache (no effect on any value). With tens of
  // thousands inside, the record of the patient an event is about is otherwise a cache
  // miss on nearly every discharge.
  void prefetch(std::uint32_t id) const noexcept {
    if (id < slots_.size()) __builtin_prefetch(slots_.data() + id);
  }
  std::size_t inside() const noexcept { return inside_; }
  std::size_t slots() const noexcept { return slots_.size(); }
  void reserve(std::size_t n) { slots_.reserve(n), free_.reserve(n); }

 private:
  std::vector<Patient> slots_;
  std::vector<std::uint32_t> free_;
  std::size_t inside_ = 0;
};

}  // namespace bedflow::model
