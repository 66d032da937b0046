#include "bedflow/results/event_spool.hpp"

#include <utility>

#include <fmt/format.h>

#include "bedflow/results/h5/write.hpp"
#include "event_spool_impl.hpp"

namespace bedflow::results {

EventSpool::EventSpool(std::string path) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
  try {
    impl_->file = h5::create_file(impl_->path);
  } catch (const ResultsError& error) {
    throw ResultsError(impl_->path + ": cannot create the patient log's spool: " + error.what());
  }
}

EventSpool::~EventSpool() {
  impl_->current.reset();
  impl_->file.reset();
  std::error_code ignored;
  std::filesystem::remove(impl_->path, ignored);
}

const std::string& EventSpool::path() const noexcept { return impl_->path; }

std::size_t EventSpool::begin_variant() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->current) throw ResultsError("a spool variant was begun before the last finished");
  const auto variant = impl_->rows.size();
  impl_->current.emplace(impl_->file.get(), Impl::table_name(variant));
  impl_->next = 0;
  impl_->waiting.clear();
  return variant;
}

std::vector<model::PatientEvent> EventSpool::Impl::replacement_buffer() {
  std::vector<model::PatientEvent> buffer;
  if (spare.empty()) {
    ++buffers_made;  // the model reserves it
  } else {
    buffer = std::move(spare.back());
    spare.pop_back();
  }
  return buffer;
}

void EventSpool::Impl::recycle(std::vector<model::PatientEvent>&& block) {
  block.clear();
  if (spare.size() < buffers_made) spare.push_back(std::move(block));
}

void EventSpool::Impl::advance() {
  ++next;
  for (auto at = waiting.find(next); at != waiting.end(); at = waiting.find(next)) {
    for (auto& block : at->second.blocks) {
      current->append(next, block);
      recycle(std::move(block));
    }
    if (!at->second.finished) {
      at->second.blocks.clear();  // its later rows go straight to the table
      at->second.blocks.shrink_to_fit();
      return;
    }
    waiting.erase(at);
    ++next;
  }
}

void EventSpool::add_block(std::uint32_t replication, std::vector<model::PatientEvent>& rows) {
  std::lock_guard lock(impl_->mutex);
  Impl& spool = *impl_;
  if (!spool.current) throw ResultsError("patient log rows outside a spool variant");
  if (replication < spool.next) {
    throw ResultsError(fmt::format("rows of replication {} after it finished", replication));
  }
  try {
    if (replication == spool.next) {
      spool.current->append(replication, rows);
      rows.clear();
    } else {
      spool.waiting[replication].blocks.push_back(std::move(rows));
      rows = spool.replacement_buffer();
    }
  } catch (const ResultsError& error) {
    throw ResultsError(spool.path + ": " + error.what());
  }
}

void EventSpool::take(model::ReplicationResult& result) {
  // Taken out of the result at once; its memory is given back when appended.
  std::vector<model::PatientEvent> rows = std::move(result.patient_events);
  result.patient_events = {};
  std::lock_guard lock(impl_->mutex);
  Impl& spool = *impl_;
  if (!spool.current) throw ResultsError("patient log rows outside a spool variant");
  const std::uint32_t k = result.replication;
  if (k < spool.next || (spool.waiting.count(k) != 0 && spool.waiting[k].finished)) {
    throw ResultsError(fmt::format("replication {} handed to the spool twice", k));
  }
  if (k != spool.next) {
    auto& waiting = spool.waiting[k];
    waiting.blocks.push_back(std::move(rows));
    waiting.finished = true;
    return;
  }
  try {
    spool.current->append(k, rows);
    rows = {};
    spool.waiting.erase(k);
    spool.advance();
  } catch (const ResultsError& error) {
    throw ResultsError(spool.path + ": " + error.what());
  }
}

void EventSpool::finish_variant() {
  std::lock_guard lock(impl_->mutex);
  Impl& spool = *impl_;
  if (!spool.current) throw ResultsError("no spool variant to finish");
  if (!spool.waiting.empty()) {
    throw ResultsError(fmt::format("the patient log misses replication {}", spool.next));
  }
  try {
    spool.current->finish();
  } catch (const ResultsError& error) {
    throw ResultsError(spool.path + ": " + error.what());
  }
  spool.rows.push_back(spool.current->rows());
  spool.current.reset();
}

std::uint64_t EventSpool::rows(std::size_t variant) const {
  std::lock_guard lock(impl_->mutex);
  if (variant < impl_->rows.size()) return impl_->rows[variant];
  if (variant == impl_->rows.size() && impl_->current) return impl_->current->rows();
  return 0;
}

void EventSpool::Impl::copy_to(std::size_t variant, hid_t parent, const std::string& name) const {
  std::lock_guard lock(mutex);
  if (variant >= rows.size()) throw ResultsError("the patient log's spool was not finished");
  const h5::Dataset source(h5::check(H5Dopen2(file.get(), table_name(variant).c_str(),
                                              H5P_DEFAULT),
                                     "cannot open the patient log in " + path));
  events_table::copy_table(source.get(), parent, name);
}

}  // namespace bedflow::results
