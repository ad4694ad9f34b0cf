#include "drivers/scanner/sane_options.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

namespace pk::scanner::sane_options {
namespace {

struct Option {
  SANE_Int index = 0;
  const SANE_Option_Descriptor* descriptor = nullptr;
};

std::optional<Option> find(SANE_Handle handle, std::string_view name) {
  SANE_Int count = 0;
  if (sane_control_option(handle, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD)
    return std::nullopt;
  for (SANE_Int i = 1; i < count; ++i) {
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle, i);
    if (d != nullptr && d->name != nullptr && name == d->name && SANE_OPTION_IS_ACTIVE(d->cap))
      return Option{i, d};
  }
  return std::nullopt;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::vector<std::string> offered(const Option& option) {
  std::vector<std::string> values;
  if (option.descriptor->constraint_type != SANE_CONSTRAINT_STRING_LIST) return values;
  for (const SANE_String_Const* v = option.descriptor->constraint.string_list; *v != nullptr; ++v)
    values.emplace_back(*v);
  return values;
}

Result<void> set_raw(SANE_Handle handle, const Option& option, void* value) {
  SANE_Int info = 0;
  const SANE_Status status = sane_control_option(handle, option.index, SANE_ACTION_SET_VALUE, value, &info);
  if (status != SANE_STATUS_GOOD) {
    return make_error(std::string("scanner refused option ") + option.descriptor->name + ": " +
                      sane_strstatus(status));
  }
  return {};
}

Result<void> set_string(SANE_Handle handle, const Option& option, const std::string& value) {
  std::vector<char> buffer(static_cast<std::size_t>(std::max<SANE_Int>(option.descriptor->size, 1)), '\0');
  if (value.size() + 1 > buffer.size())
    return make_error("value too long for option " + std::string(option.descriptor->name));
  std::copy(value.begin(), value.end(), buffer.begin());
  return set_raw(handle, option, buffer.data());
}

// The first offered value for which a rule (tried in order) says yes.
std::optional<std::string> pick(const std::vector<std::string>& values,
                                std::initializer_list<std::function<bool(const std::string&)>> rules) {
  for (const auto& rule : rules) {
    for (const std::string& v : values) {
      if (rule(lower(v))) return v;
    }
  }
  return std::nullopt;
}

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

}  // namespace

Result<std::string> set_source(SANE_Handle handle, Source source) {
  const auto option = find(handle, SANE_NAME_SCAN_SOURCE);
  if (!option) {
    if (source == Source::Flatbed) return std::string();
    return make_error("this scanner has no document feeder (no \"source\" option)");
  }
  const auto values = offered(*option);
  std::optional<std::string> chosen;
  switch (source) {
    case Source::Flatbed:
      chosen = pick(values, {[](const std::string& v) { return has(v, "flatbed"); }});
      break;
    case Source::Adf:
      chosen = pick(values, {[](const std::string& v) {
                      return (has(v, "adf") || has(v, "feeder")) && !has(v, "duplex") && !has(v, "back");
                    }});
      break;
    case Source::AdfDuplex:
      chosen = pick(values, {[](const std::string& v) { return has(v, "duplex"); }});
      break;
  }
  if (!chosen) return make_error("the scanner offers no matching source (it offers: " + joined(values) + ")");
  if (auto set = set_string(handle, *option, *chosen); !set) return set.error();
  return *chosen;
}

Result<std::string> set_mode(SANE_Handle handle, ColorMode mode) {
  const auto option = find(handle, SANE_NAME_SCAN_MODE);
  if (!option) return make_error("the scanner has no \"mode\" option");
  const auto values = offered(*option);
  const auto is_gray = [](const std::string& v) { return has(v, "gray") || has(v, "grey"); };
  std::optional<std::string> chosen;
  switch (mode) {
    case ColorMode::Color:
      chosen = pick(values, {[](const std::string& v) { return has(v, "color") || has(v, "colour"); }});
      break;
    case ColorMode::Gray:
      chosen = pick(values, {is_gray});
      break;
    case ColorMode::BlackWhite:
      chosen = pick(values, {[](const std::string& v) {
                      return has(v, "lineart") || has(v, "binary") || has(v, "black");
                    }});
      if (!chosen) {  // scan gray, threshold in software
        if (auto gray = pick(values, {is_gray}); gray) {
          if (auto set = set_string(handle, *option, *gray); !set) return set.error();
          return std::string();
        }
      }
      break;
  }
  if (!chosen) return make_error("the scanner offers no matching mode (it offers: " + joined(values) + ")");
  if (auto set = set_string(handle, *option, *chosen); !set) return set.error();
  return *chosen;
}

Result<int> set_resolution(SANE_Handle handle, int dpi) {
  const auto option = find(handle, SANE_NAME_SCAN_RESOLUTION);
  if (!option) return make_error("the scanner has no \"resolution\" option");
  const SANE_Option_Descriptor& d = *option->descriptor;
  const bool fixed = d.type == SANE_TYPE_FIXED;
  if (!fixed && d.type != SANE_TYPE_INT)
    return make_error("the scanner's resolution option is neither integer nor fixed");
  const auto to_dpi = [&](SANE_Word w) {
    return fixed ? static_cast<int>(std::lround(SANE_UNFIX(w))) : static_cast<int>(w);
  };
  int wanted = dpi;
  if (d.constraint_type == SANE_CONSTRAINT_RANGE) {
    wanted = std::clamp(dpi, to_dpi(d.constraint.range->min), to_dpi(d.constraint.range->max));
  } else if (d.constraint_type == SANE_CONSTRAINT_WORD_LIST) {
    const SANE_Word* list = d.constraint.word_list;  // list[0] is the count
    int best = to_dpi(list[1]);
    for (SANE_Word i = 1; i <= list[0]; ++i) {
      if (std::abs(to_dpi(list[i]) - dpi) < std::abs(best - dpi)) best = to_dpi(list[i]);
    }
    wanted = best;
  }
  SANE_Word value = fixed ? SANE_FIX(static_cast<double>(wanted)) : wanted;
  if (auto set = set_raw(handle, *option, &value); !set) return set.error();
  SANE_Word actual = 0;
  if (sane_control_option(handle, option->index, SANE_ACTION_GET_VALUE, &actual, nullptr) != SANE_STATUS_GOOD)
    return wanted;
  return to_dpi(actual);
}

Result<void> set_text(SANE_Handle handle, std::string_view name, std::string_view value) {
  const auto option = find(handle, name);
  if (!option) return make_error("the scanner has no active option \"" + std::string(name) + "\"");
  const SANE_Option_Descriptor& d = *option->descriptor;
  switch (d.type) {
    case SANE_TYPE_BOOL: {
      const std::string v = lower(value);
      SANE_Bool b = (v == "yes" || v == "true" || v == "1") ? SANE_TRUE : SANE_FALSE;
      if (b == SANE_FALSE && v != "no" && v != "false" && v != "0")
        return make_error("not a yes/no value: " + std::string(value));
      return set_raw(handle, *option, &b);
    }
    case SANE_TYPE_INT: {
      SANE_Int i = 0;
      const auto parsed = std::from_chars(value.data(), value.data() + value.size(), i);
      if (parsed.ec != std::errc{} || parsed.ptr != value.data() + value.size())
        return make_error("not an integer: " + std::string(value));
      return set_raw(handle, *option, &i);
    }
    case SANE_TYPE_FIXED: {
      double f = 0;
      const auto parsed = std::from_chars(value.data(), value.data() + value.size(), f);
      if (parsed.ec != std::errc{} || parsed.ptr != value.data() + value.size())
        return make_error("not a number: " + std::string(value));
      SANE_Word w = SANE_FIX(f);
      return set_raw(handle, *option, &w);
    }
    case SANE_TYPE_STRING:
      return set_string(handle, *option, std::string(value));
    default:
      return make_error("option \"" + std::string(name) + "\" cannot be set from text");
  }
}

}  // namespace pk::scanner::sane_options
