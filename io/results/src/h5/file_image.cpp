// Writing an in-memory HDF5 file to disk with checked system calls (see save_file()).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include "bedflow/results/h5/write.hpp"

namespace bedflow::results::h5 {
namespace {

[[noreturn]] void fail(const std::string& path, int error) {
  throw ResultsError(path + ": cannot write (" + std::strerror(error) + ")");
}

// Closes the descriptor on every path out, reporting the first error.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const noexcept { return fd_; }
  // Closes now; false (with errno set) when the close reports a deferred write error.
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

// Bob Jenkins' lookup3 hashlittle() (public domain, http://burtleburtle.net/bob/c/lookup3.c),
// which HDF5 uses for every metadata checksum (HDF5 file format specification, section
// "Checksums"), here over bytes in little-endian order with an initial value of 0.
std::uint32_t rotate(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

std::uint32_t lookup3(const unsigned char* k, std::size_t length) {
  std::uint32_t a = 0xdeadbeefu + static_cast<std::uint32_t>(length);
  std::uint32_t b = a;
  std::uint32_t c = a;
  const auto word = [](const unsigned char* p) {
    return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
           std::uint32_t{p[3]} << 24;
  };
  while (length > 12) {
    a += word(k);
    b += word(k + 4);
    c += word(k + 8);
    a -= c; a ^= rotate(c, 4);  c += b;
    b -= a; b ^= rotate(a, 6);  a += c;
    c -= b; c ^= rotate(b, 8);  b += a;
    a -= c; a ^= rotate(c, 16); c += b;
    b -= a; b ^= rotate(a, 19); a += c;
    c -= b; c ^= rotate(b, 4);  b += a;
    length -= 12;
    k += 12;
  }
  if (length == 0) return c;
  unsigned char tail[12] = {};
  std::memcpy(tail, k, length);
  a += word(tail);
  b += word(tail + 4);
  c += word(tail + 8);
  c ^= b; c -= rotate(b, 14);
  a ^= c; a -= rotate(c, 11);
  b ^= a; b -= rotate(a, 25);
  c ^= b; c -= rotate(b, 16);
  a ^= c; a -= rotate(c, 4);
  b ^= a; b -= rotate(a, 14);
  c ^= b; c -= rotate(b, 24);
  return c;
}

// HDF5 1.10's H5Fget_file_image() clears the superblock's "open for writing" flag in the
// image it returns but keeps the checksum computed with the flag set, so the image would be
// refused on opening ("incorrect metadata checksum"). Superblocks of version 2 and 3 (the
// only ones with flags and a checksum) are: signature (8), version, offset size, length
// size, flags (1 each), four addresses, then the checksum of everything before it.
void reseal_superblock(std::vector<char>& image) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(image.data());
  if (image.size() < 12 || (bytes[8] != 2 && bytes[8] != 3)) return;
  const std::size_t covered = 12 + 4 * std::size_t{bytes[9]};
  if (image.size() < covered + 4) return;
  const std::uint32_t sum = lookup3(bytes, covered);
  for (int i = 0; i < 4; ++i) image[covered + i] = static_cast<char>((sum >> (8 * i)) & 0xffu);
}

void write_all(const std::string& path, const std::vector<char>& bytes) {
  Descriptor out(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (out.get() < 0) fail(path, errno);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t written = ::write(out.get(), bytes.data() + done, bytes.size() - done);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail(path, errno);
    }
    done += static_cast<std::size_t>(written);
  }
  // Some filesystems (NFS, quotas) report a full disk only here.
  if (::fsync(out.get()) != 0 && errno != EINVAL) fail(path, errno);
  if (!out.close()) fail(path, errno);
}

}  // namespace

void save_file(hid_t file, const std::string& path) {
  check_status(H5Fflush(file, H5F_SCOPE_GLOBAL), path + ": cannot flush the file's contents");
  const ssize_t size = H5Fget_file_image(file, nullptr, 0);
  if (size < 0) throw ResultsError(path + ": cannot take the file's image");
  std::vector<char> image(static_cast<std::size_t>(size));
  if (H5Fget_file_image(file, image.data(), image.size()) != size) {
    throw ResultsError(path + ": cannot take the file's image");
  }
  reseal_superblock(image);
  write_all(path, image);
}

}  // namespace bedflow::results::h5
