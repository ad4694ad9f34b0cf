#pragma once
// Where the load generator's enrollment codes come from: a file of `TERMINAL_ID CODE` lines
// (what `pishkhan-centre --issue-enrollment-codes N` prints), or that command run here.
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace pk::loadgen {

struct CodeLine {
  std::string terminal_id;
  std::string code;
};

// One `TERMINAL_ID CODE` per line; blank lines and lines starting with '#' are skipped. At most
// 10,000 lines; a line that is not two words is an Error naming it.
[[nodiscard]] Result<std::vector<CodeLine>> parse_codes(std::string_view text);

struct IssueCommand {
  std::filesystem::path centre_binary;
  std::filesystem::path centre_data;
  int count = 0;
  std::string office;
  std::string terminal_id_prefix;
  int ttl_hours = 24;
  std::chrono::seconds timeout{300};
};

// Runs `centre_binary --data DIR --issue-enrollment-codes N --office A --terminal-id-prefix P
// --ttl-hours H` (no shell) and returns its stdout; killed when it outlives `timeout`.
[[nodiscard]] Result<std::string> issue_codes(const IssueCommand& command);

}  // namespace pk::loadgen
