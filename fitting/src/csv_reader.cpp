#include "csv_reader.hpp"

#include <cerrno>
#include <cstring>

#include "bedflow/fitting/extract.hpp"

namespace bedflow::fitting {
namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;
constexpr std::size_t kMaxFieldBytes = 64 * 1024;
constexpr std::size_t kMaxFields = 1000;

}  // namespace

CsvReader::CsvReader(std::string path) : path_(std::move(path)), buffer_(kBufferBytes) {
  file_ = std::fopen(path_.c_str(), "rb");
  if (file_ == nullptr) {
    throw ExtractError(path_, 0, "", std::string("cannot open: ") + std::strerror(errno));
  }
}

CsvReader::~CsvReader() {
  if (file_ != nullptr) std::fclose(file_);
}

void CsvReader::fail(const std::string& message) const {
  throw ExtractError(path_, record_line_, "", "not a CSV file: " + message);
}

int CsvReader::get() {
  if (position_ == filled_) {
    filled_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    position_ = 0;
    if (filled_ == 0) {
      if (std::ferror(file_) != 0) fail("read error");
      return EOF;
    }
  }
  const auto c = static_cast<unsigned char>(buffer_[position_++]);
  // gzip's magic bytes (RFC 1952): the shipped extract is compressed, and so are many.
  if (c == 0x1f && line_ == 1 && position_ == 1 && filled_ > 1 &&
      static_cast<unsigned char>(buffer_[1]) == 0x8b) {
    throw ExtractError(path_, 1, "", "not a CSV file: it is gzip-compressed: decompress it first "
                                     "(gunzip -c FILE.gz > FILE.csv)");
  }
  if (c == 0) fail("it holds a NUL byte on line " + std::to_string(line_) + " (a binary file?)");
  return c;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  int c = get();
  if (at_start_) {
    at_start_ = false;
    if (c == 0xEF) {
      if (get() != 0xBB || get() != 0xBF) fail("it starts with a broken byte-order mark");
      c = get();
    }
  }
  if (c == EOF) return false;
  record_line_ = line_;
  std::string field;
  const auto push = [&] {
    if (fields.size() == kMaxFields) fail("a record has more than 1000 fields");
    fields.push_back(field);
    field.clear();
  };
  while (true) {
    if (c == '"' && field.empty()) {
      // A quoted field: runs to the closing quote; "" is one quote.
      while (true) {
        c = get();
        if (c == EOF) fail("a quoted field that starts on this line never ends");
        if (c == '"') {
          c = get();
          if (c != '"') break;
        }
        if (c == '\n') ++line_;
        if (field.size() == kMaxFieldBytes) fail("a field is longer than 64 KiB");
        field.push_back(static_cast<char>(c));
      }
      if (c == '\r') c = get();
      if (c != ',' && c != '\n' && c != EOF) fail("text after the closing quote of a field");
    } else {
      while (c != ',' && c != '\n' && c != EOF) {
        if (c == '"') fail("a quote inside an unquoted field (quote the whole field)");
        if (field.size() == kMaxFieldBytes) fail("a field is longer than 64 KiB");
        field.push_back(static_cast<char>(c));
        c = get();
      }
      if (!field.empty() && field.back() == '\r') field.pop_back();
    }
    push();
    if (c == ',') {
      c = get();
      continue;
    }
    if (c == '\n') ++line_;
    return true;
  }
}

}  // namespace bedflow::fitting
