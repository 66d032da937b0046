#include "events_table.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "bedflow/results/h5/write.hpp"
#include "events_row.hpp"

namespace bedflow::results::events_table {
namespace {

// Chunks are shuffled and deflated here and written as they are stored (H5Dwrite_chunk),
// declared with HDF5's own shuffle and deflate filters, so every HDF5 reader (h5py, R)
// inflates them with no plugin. Deflate's run-length strategy: on shuffled rows (columns of
// small codes, a constant replication, time bytes) it finds nearly all the redundancy (7%
// larger than zlib's level 1) at twice its speed, and the log must stay cheap next to the
// simulation. zlib's stream carries an Adler-32 checksum of each chunk, which inflate
// checks: a damaged chunk is an error on reading, never wrong numbers.
constexpr int kDeflateLevel = 1;

// Byte planes are kept a chunk's rows plus one cache line apart, not exactly a chunk's rows
// (16 KiB) apart: packing a field writes each of its bytes to its own plane, and at a stride
// that is a multiple of 4 KiB those writes all fall in one L1 cache set and evict one
// another (packing rows that way, a row's 22 bytes at once, tripled the log's CPU). Deflate
// reads each plane on its own, so the gap is never compressed.
constexpr std::size_t kPlaneStride = h5::kRowsPerChunk + 64;

// How each byte plane (after shuffling) is coded, all in the one zlib stream of a chunk
// (measured on the Kent and Medway log, 300 chunks):
//  - stored (deflate level 0): the planes deflate cannot shrink, the patient number's low
//    byte and the five low bytes of time_days' mantissa, practically random: they shrank by
//    0-8% for half of deflate's time.
//  - Huffman codes only: small codes with no runs (the patient number's second byte, the
//    event, the service's and the cohort's low bytes). Run-length matching finds nothing in
//    them that the Huffman codes do not: the same size or smaller (the log 0.7% smaller in
//    all) at 18% less of deflate's time.
//  - run-length deflate: the rest, long runs of equal bytes (the replication, high bytes).
enum class PlaneCoding { stored, huffman_only, run_length };

constexpr PlaneCoding plane_coding(std::size_t b) noexcept {
  if (b == row::kPatient || (b >= row::kTime && b < row::kTime + 5)) return PlaneCoding::stored;
  if (b == row::kPatient + 1 || b == row::kEvent || b == row::kService || b == row::kCohort) {
    return PlaneCoding::huffman_only;
  }
  return PlaneCoding::run_length;
}

int level_of(PlaneCoding coding) noexcept {
  return coding == PlaneCoding::stored ? 0 : kDeflateLevel;
}
int strategy_of(PlaneCoding coding) noexcept {
  switch (coding) {
    case PlaneCoding::stored: return Z_DEFAULT_STRATEGY;
    case PlaneCoding::huffman_only: return Z_HUFFMAN_ONLY;
    case PlaneCoding::run_length: return Z_RLE;
  }
  return Z_RLE;
}

}  // namespace

// One zlib stream and its output buffer, reused for every chunk: a fresh stream per chunk
// allocates (and the kernel zero-fills) a few hundred KB each time.
struct Appender::Compressor {
  z_stream z{};
  std::vector<char> out;
  // The stream's level and strategy now: deflateReset keeps them from the last chunk.
  PlaneCoding coding = PlaneCoding::run_length;

  explicit Compressor(const std::string& name) {
    if (deflateInit2(&z, kDeflateLevel, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) {
      throw ResultsError("cannot start compressing '" + name + "'");
    }
    // The bound of one stream, plus room for the block headers of switching levels.
    out.resize(deflateBound(&z, static_cast<uLong>(h5::kRowsPerChunk * row::kSize)) + 4096);
  }
  Compressor(const Compressor&) = delete;
  Compressor& operator=(const Compressor&) = delete;
  ~Compressor() { deflateEnd(&z); }

  // One zlib stream (as HDF5's deflate filter writes and reads) of a shuffled chunk whose
  // planes start at `in` + b x kPlaneStride, plane by plane, each coded as plane_coding()
  // says. Returns its length in `out`.
  std::size_t deflate_chunk(const char* in, const std::string& name) {
    const auto fail = [&] { return ResultsError("cannot compress a chunk of '" + name + "'"); };
    if (deflateReset(&z) != Z_OK) throw fail();
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    for (std::size_t b = 0; b < row::kSize; ++b) {
      if (plane_coding(b) != coding) {
        coding = plane_coding(b);
        if (deflateParams(&z, level_of(coding), strategy_of(coding)) != Z_OK) throw fail();
      }
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in + b * kPlaneStride));
      z.avail_in = static_cast<uInt>(h5::kRowsPerChunk);
      while (z.avail_in > 0) {
        if (deflate(&z, Z_NO_FLUSH) != Z_OK || z.avail_out == 0) throw fail();
      }
    }
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw fail();
    return z.total_out;
  }
};

namespace {

h5::Dataset create_table(hid_t parent, const std::string& name) {
  const hsize_t dims[1] = {0};
  const hsize_t max_dims[1] = {H5S_UNLIMITED};
  const hsize_t chunk[1] = {h5::kRowsPerChunk};
  h5::Dataspace space(h5::check(H5Screate_simple(1, dims, max_dims), "cannot create dataspace"));
  h5::PropertyList dcpl(
      h5::check(H5Pcreate(H5P_DATASET_CREATE), "cannot create dataset properties"));
  h5::check_status(H5Pset_obj_track_times(dcpl.get(), 0), "cannot turn off object times");
  h5::check_status(H5Pset_chunk(dcpl.get(), 1, chunk), "cannot set chunking");
  h5::check_status(H5Pset_shuffle(dcpl.get()), "cannot set shuffle filter");
  h5::check_status(H5Pset_deflate(dcpl.get(), static_cast<unsigned>(kDeflateLevel)), "cannot set deflate filter");
  const auto type = row::type(true);
  return h5::Dataset(h5::check(H5Dcreate2(parent, name.c_str(), type.get(), space.get(),
                                          H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                               "cannot create dataset '" + name + "'"));
}

}  // namespace

Appender::Appender(hid_t parent, std::string name)
    : dataset_(create_table(parent, name)), name_(std::move(name)),
      planes_(kPlaneStride * row::kSize, 0),
      compressor_(std::make_unique<Compressor>(name_)) {}

Appender::~Appender() = default;

void Appender::append(std::uint32_t replication, std::span<const model::PatientEvent> rows) {
  while (!rows.empty()) {
    const auto run = std::min(rows.size(), h5::kRowsPerChunk - filled_);
    row::pack_shuffled(planes_.data(), kPlaneStride, filled_, replication, rows.first(run));
    rows = rows.subspan(run);
    filled_ += run;
    if (filled_ == h5::kRowsPerChunk) flush();
  }
}

void Appender::finish() { flush(); }

// Writes the rows in planes_ as the next chunk. A last, partial chunk is padded with zeros
// (the fill value) to a whole chunk, as HDF5 stores edge chunks.
void Appender::flush() {
  if (filled_ == 0) return;
  for (std::size_t b = 0; b < row::kSize; ++b) {
    char* plane = planes_.data() + b * kPlaneStride;
    std::fill(plane + filled_, plane + h5::kRowsPerChunk, 0);
  }
  const auto stored = compressor_->deflate_chunk(planes_.data(), name_);
  const hsize_t size[1] = {written_ + filled_};
  h5::check_status(H5Dset_extent(dataset_.get(), size), "cannot extend '" + name_ + "'");
  const hsize_t offset[1] = {written_};
  h5::check_status(H5Dwrite_chunk(dataset_.get(), H5P_DEFAULT, 0, offset, stored,
                                  compressor_->out.data()),
                   "cannot write a chunk of '" + name_ + "'");
  written_ += filled_;
  filled_ = 0;
}

void copy_table(hid_t source, hid_t parent, const std::string& name) {
  h5::Dataspace space(h5::check(H5Dget_space(source), "cannot read the spool table's shape"));
  hsize_t rows[1] = {0};
  if (H5Sget_simple_extent_ndims(space.get()) != 1 ||
      H5Sget_simple_extent_dims(space.get(), rows, nullptr) < 0) {
    throw ResultsError("the spool's patient log is not a table");
  }
  auto target = create_table(parent, name);
  h5::check_status(H5Dset_extent(target.get(), rows), "cannot extend '" + name + "'");
  std::vector<char> chunk;
  for (hsize_t first = 0; first < rows[0]; first += h5::kRowsPerChunk) {
    const hsize_t offset[1] = {first};
    hsize_t stored = 0;
    h5::check_status(H5Dget_chunk_storage_size(source, offset, &stored),
                     "cannot read a chunk of the spool's patient log");
    chunk.resize(static_cast<std::size_t>(stored));
    std::uint32_t filters = 0;
    h5::check_status(H5Dread_chunk(source, H5P_DEFAULT, offset, &filters, chunk.data()),
                     "cannot read a chunk of the spool's patient log");
    h5::check_status(H5Dwrite_chunk(target.get(), H5P_DEFAULT, filters, offset, chunk.size(),
                                    chunk.data()),
                     "cannot write a chunk of '" + name + "'");
  }
}

void write_codes(hid_t parent, const std::string& name, const model::PatientEventCodes& codes) {
  auto group = h5::create_group(parent, name);
  h5::write_attribute(group.get(), "description",
                      std::string("names of the codes in the events table: code k is row k"));
  const std::vector<std::string> events(model::kPatientEventNames.begin(),
                                        model::kPatientEventNames.end());
  h5::write_column(group.get(), "event", std::span<const std::string>(events));
  auto places = h5::write_column(group.get(), "service", std::span<const std::string>(codes.places));
  h5::write_attribute(places.get(), "description",
                      std::string("the scenario's services, then its arrival streams, then home"));
  h5::write_column(group.get(), "cohort", std::span<const std::string>(codes.cohorts));
}

}  // namespace bedflow::results::events_table
