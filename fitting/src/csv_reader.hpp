#pragma once
// A streaming RFC 4180 reader: comma-separated fields, double-quoted fields that may hold
// commas, quotes ("") and line breaks, records ended by LF or CRLF.
//
// Invariants:
//  - Holds one record and a 64 KiB buffer, whatever the file's size.
//  - Refuses, by throwing ExtractError with the record's first line, what is not CSV text: a
//    NUL byte, a quote inside an unquoted field, text after a closing quote, an unterminated
//    quoted field, a field over 64 KiB or a record of more than 1,000 fields.
//  - A UTF-8 byte-order mark at the very start is skipped (spreadsheets write one).
#include <cstdio>
#include <string>
#include <vector>

namespace bedflow::fitting {

class CsvReader {
 public:
  // Throws ExtractError if the file cannot be opened.
  explicit CsvReader(std::string path);
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;
  ~CsvReader();

  // Reads the next record into `fields`; false at the end of the file.
  bool next(std::vector<std::string>& fields);
  // The line on which the last record read starts (1-based).
  std::size_t line() const noexcept { return record_line_; }
  const std::string& path() const noexcept { return path_; }

 private:
  int get();  // next byte, or EOF
  [[noreturn]] void fail(const std::string& message) const;

  std::string path_;
  std::FILE* file_ = nullptr;
  std::vector<char> buffer_;
  std::size_t position_ = 0;
  std::size_t filled_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  bool at_start_ = true;
};

}  // namespace bedflow::fitting
