#pragma once
// Writes settings into the terminal's existing TOML configuration file without losing what a
// person wrote there. toml++ can read TOML but drops comments when it writes, and
// data/pishkhan.toml is documentation as much as configuration, so the edit is done on the
// text: inside the named table, a `key = value` line keeps its indentation and trailing
// comment and only its value changes; a missing key is added after the table's last key; a
// missing table is added at the end. The edited text is then parsed with toml++ and checked:
// every key asked for reads back with its new value and every other key of the file is
// unchanged. When the text cannot be edited that way (a multi-line string, the table written
// as an inline table or as dotted keys), the file is rewritten by toml++ instead (the
// comments are then lost; `kept_comments` says so).
//
// The file is replaced atomically (base/atomic_file.h: a temporary file beside it, fsync,
// rename, fsync of the folder), keeping its permission bits. A power cut leaves the old file or
// the new one, never half of one.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.h"

namespace pk::provisioning {

// String settings only: every [devices] key is a string.
using Setting = std::pair<std::string, std::string>;  // bare key (letters, digits, _ -), value

struct EditedText {
  std::string text;
  bool kept_comments = true;
};

// Pure: the new text of a TOML document with `settings` set in `table`. Refuses a document
// that is not valid TOML (the message names line and column), a key that is not a bare key,
// and a table name that is not a bare key.
[[nodiscard]] Result<EditedText> set_table_strings(std::string_view toml_text, std::string_view table,
                                                   const std::vector<Setting>& settings);

// Reads `file`, applies set_table_strings, and replaces the file atomically (keeping its
// permission bits). Nothing is written when anything fails.
[[nodiscard]] Result<EditedText> write_table_strings(const std::filesystem::path& file,
                                                     std::string_view table,
                                                     const std::vector<Setting>& settings);

}  // namespace pk::provisioning
