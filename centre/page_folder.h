#pragma once
// The bytes of uploaded pages as files in one folder (<data>/uploads), one file per upload named
// by its id. The records (length, offset, completion) live in the database; the offset recorded
// there is the truth, and a file may hold bytes past it that an attempt wrote before it failed or
// the process died: the next chunk at that offset overwrites them, and reads stop at the offset.
//
// Callers may rely on:
//  - write_at() returns only when the chunk is on disk (the file fsynced, and the folder too when
//    the write made the file), so a caller may then record the new offset;
//  - the files are 0600 whatever the umask; the folder is made 0700 if missing;
//  - appends to one upload are serialised by the caller (a row lock or a mutex), never here.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::centre {

// Whether a write ends the upload: the last chunk also cuts off anything a failed attempt left
// past the end, so the file is exactly the page.
enum class UploadEnd { NotYet, Reached };

class PageFolder {
 public:
  // Makes the folder (0700) when it is missing.
  [[nodiscard]] static Result<PageFolder> open(std::filesystem::path folder);

  [[nodiscard]] Result<void> write_at(std::string_view upload_id, int64_t offset,
                                      std::span<const uint8_t> chunk, UploadEnd end) const;
  // The first `length` bytes of the upload (the recorded offset); refused when fewer are there.
  [[nodiscard]] Result<std::vector<uint8_t>> read(std::string_view upload_id, int64_t length) const;
  // After the upload's record is gone; a file already missing is fine.
  [[nodiscard]] Result<void> remove(std::string_view upload_id) const;

  [[nodiscard]] const std::filesystem::path& path() const { return m_folder; }

 private:
  explicit PageFolder(std::filesystem::path folder) : m_folder(std::move(folder)) {}
  [[nodiscard]] std::filesystem::path file_of(std::string_view upload_id) const {
    return m_folder / upload_id;
  }

  std::filesystem::path m_folder;
};

}  // namespace pk::centre
