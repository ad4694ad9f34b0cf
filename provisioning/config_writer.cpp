#include "provisioning/config_writer.h"

#include <toml++/toml.h>

#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "base/atomic_file.h"

namespace pk::provisioning {

namespace {

bool bare_key(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  return true;
}

std::string toml_quoted(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

Result<toml::table> parse(std::string_view text, std::string_view what) {
  try {
    return toml::parse(text);
  } catch (const toml::parse_error& err) {
    std::ostringstream msg;
    msg << what << ": line " << err.source().begin.line << ", column " << err.source().begin.column << ": "
        << err.description();
    return make_error(msg.str());
  }
}

// Every leaf of the document as "a.b.c" -> its TOML text, to compare two documents.
void flatten(const toml::table& table, const std::string& prefix, std::map<std::string, std::string>& out) {
  for (const auto& [key, node] : table) {
    const std::string path = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const toml::table* sub = node.as_table()) {
      flatten(*sub, path, out);
      continue;
    }
    std::ostringstream text;
    node.visit([&](const auto& n) { text << n; });
    out[path] = text.str();
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// "[devices]  # comment" -> "devices"; nullopt for anything that is not a plain table header.
std::optional<std::string> header_name(std::string_view line) {
  line = trim(line);
  if (line.size() < 3 || line[0] != '[' || line[1] == '[') return std::nullopt;
  const size_t close = line.find(']');
  if (close == std::string_view::npos) return std::nullopt;
  return std::string(trim(line.substr(1, close - 1)));
}

// Where the value of `key = value` ends (the rest of the line is spaces and a comment), or
// nullopt when this is not a one-line value we can replace safely.
std::optional<size_t> value_end(std::string_view line, size_t start) {
  if (start >= line.size()) return std::nullopt;
  if (line.substr(start).starts_with("\"\"\"") || line.substr(start).starts_with("'''")) return std::nullopt;
  if (line[start] == '"') {
    for (size_t i = start + 1; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
      } else if (line[i] == '"') {
        return i + 1;
      }
    }
    return std::nullopt;
  }
  if (line[start] == '\'') {
    const size_t close = line.find('\'', start + 1);
    return close == std::string_view::npos ? std::nullopt : std::optional<size_t>(close + 1);
  }
  if (line[start] == '[' || line[start] == '{') return std::nullopt;  // arrays, inline tables
  size_t end = line.find('#', start);
  if (end == std::string_view::npos) end = line.size();
  while (end > start &&
         (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r' || line[end - 1] == '\n'))
    --end;
  return end;
}

std::optional<std::string> edit_lines(std::string_view text, std::string_view table,
                                      const std::vector<Setting>& settings) {
  std::vector<std::string> lines;
  for (size_t pos = 0; pos < text.size();) {
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.emplace_back(text.substr(pos, end - pos));
    pos = end;
  }
  std::vector<bool> done(settings.size(), false);
  std::string current;
  bool seen_table = false;
  std::optional<size_t> last_key_line;  // in the target table
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string& line = lines[n];
    if (auto name = header_name(line)) {
      current = *name;
      if (current == table) {
        if (seen_table) return std::nullopt;
        seen_table = true;
        last_key_line = n;
      }
      continue;
    }
    if (current != table) continue;
    const std::string_view t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    const size_t eq = line.find('=');
    if (eq == std::string::npos) return std::nullopt;  // a continuation of something multi-line
    // A copy: `line` is rewritten below, and a later setting still compares against the key.
    const std::string key(trim(std::string_view(line).substr(0, eq)));
    last_key_line = n;
    for (size_t s = 0; s < settings.size(); ++s) {
      if (key != settings[s].first) continue;
      size_t start = eq + 1;
      while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
      const auto end = value_end(line, start);
      if (!end) return std::nullopt;
      const std::string replacement = toml_quoted(settings[s].second);
      std::string rest = line.substr(*end);
      // The comment keeps its column where the new value leaves room for it.
      const size_t spaces = rest.find_first_not_of(" \t");
      if (spaces != std::string::npos && spaces > 0 && rest[spaces] == '#') {
        const size_t column = *end + spaces;
        const size_t value_stop = start + replacement.size();
        rest = std::string(column > value_stop + 1 ? column - value_stop : 1, ' ') + rest.substr(spaces);
      }
      line = line.substr(0, start) + replacement + rest;
      done[s] = true;
    }
  }
  std::string added;
  for (size_t s = 0; s < settings.size(); ++s)
    if (!done[s]) added += settings[s].first + " = " + toml_quoted(settings[s].second) + "\n";
  if (!seen_table) {
    std::string out;
    for (const std::string& l : lines) out += l;
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out + "\n[" + std::string(table) + "]\n" + added;
  }
  if (!added.empty()) {
    std::string& after = lines[*last_key_line];
    if (after.empty() || after.back() != '\n') after += '\n';
    after += added;
  }
  std::string out;
  for (const std::string& l : lines) out += l;
  return out;
}

// The edit must change exactly the keys asked for.
bool verify(const toml::table& before, std::string_view edited, std::string_view table,
            const std::vector<Setting>& settings) {
  auto parsed = parse(edited, "edited");
  if (!parsed) return false;
  std::map<std::string, std::string> old_leaves, new_leaves;
  flatten(before, "", old_leaves);
  flatten(*parsed, "", new_leaves);
  for (const auto& [key, value] : settings) {
    const std::string path = std::string(table) + "." + key;
    const toml::table* section = parsed->get_as<toml::table>(table);
    const toml::node* node = section ? section->get(key) : nullptr;
    if (!node || node->value<std::string>() != value) return false;
    old_leaves.erase(path);
    new_leaves.erase(path);
  }
  return old_leaves == new_leaves;
}

}  // namespace

Result<EditedText> set_table_strings(std::string_view toml_text, std::string_view table,
                                     const std::vector<Setting>& settings) {
  if (!bare_key(table)) return make_error("not a plain table name: \"" + std::string(table) + "\"");
  for (const auto& [key, value] : settings)
    if (!bare_key(key)) return make_error("not a plain key: \"" + key + "\"");
  auto before = parse(toml_text, "configuration");
  if (!before) return before.error();
  if (auto edited = edit_lines(toml_text, table, settings);
      edited && verify(*before, *edited, table, settings))
    return EditedText{std::move(*edited), true};

  // The text could not be edited line by line: let toml++ write the whole document.
  toml::table doc = *before;
  toml::node* node = doc.get(table);
  if (node && !node->is_table())
    return make_error("\"" + std::string(table) + "\" is not a table in the configuration");
  if (!node) doc.insert(table, toml::table{});
  toml::table& target = *doc.get(table)->as_table();
  for (const auto& [key, value] : settings) target.insert_or_assign(key, value);
  std::ostringstream out;
  out << toml::toml_formatter(doc);
  std::string text = out.str() + "\n";
  if (!verify(*before, text, table, settings))
    return make_error("the configuration could not be rewritten with the new settings");
  return EditedText{std::move(text), false};
}

Result<EditedText> write_table_strings(const std::filesystem::path& file, std::string_view table,
                                       const std::vector<Setting>& settings) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(file.string() + ": cannot read the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  auto edited = set_table_strings(text.str(), table, settings);
  if (!edited) return make_error(file.string() + ": " + edited.error().message);
  // The file keeps the permission bits its administrator gave it.
  if (auto written = write_file_atomically(file, edited->text, FileMode::Public, ExistingMode::Keep);
      !written)
    return written.error();
  return edited;
}

}  // namespace pk::provisioning
