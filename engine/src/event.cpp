#include "bedflow/engine/event.hpp"

namespace bedflow::engine {

std::string_view to_string(Priority priority) noexcept {
  switch (priority) {
    case Priority::capacity_change: return "capacity_change";
    case Priority::release: return "release";
    case Priority::transfer: return "transfer";
    case Priority::seize: return "seize";
    case Priority::arrival: return "arrival";
    case Priority::observation: return "observation";
    case Priority::end: return "end";
  }
  return "unknown";
}

}  // namespace bedflow::engine
