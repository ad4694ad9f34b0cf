#include "kiosk/operator_accounts.h"

#include <sodium.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "base/atomic_file.h"
#include "base/read_file.h"
#include "base/secure_wipe.h"
#include "domain/json_fields.h"
#include "domain/text_normalize.h"

namespace pk::kiosk::op {

namespace {

constexpr int kFileVersion = 1;
// An office has a handful of operators; the limits only keep a foreign file from filling memory.
constexpr std::size_t kMaxOperators = 1000;
constexpr std::size_t kMaxFileBytes = 1024 * 1024;

Result<std::string> digits_only(std::string_view typed, size_t min, size_t max, std::string_view what) {
  std::string ascii = to_ascii_digits(typed);
  std::string out;
  for (char c : ascii) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return make_error(std::string(what) + " must hold only digits");
    out.push_back(c);
  }
  secure_wipe(ascii);
  if (out.size() < min || out.size() > max)
    return make_error(std::string(what) + " must have " + std::to_string(min) + " to " + std::to_string(max) +
                      " digits");
  return out;
}

}  // namespace

Result<std::string> normalise_operator_id(std::string_view typed) {
  return digits_only(typed, 3, 12, "a personnel number");
}

Result<std::string> normalise_pin(std::string_view typed) { return digits_only(typed, 4, 12, "a PIN"); }

Result<std::unique_ptr<OperatorAccounts>> OperatorAccounts::open(const std::filesystem::path& file) {
  if (sodium_init() < 0) return make_error("libsodium cannot start");
  std::unique_ptr<OperatorAccounts> accounts(new OperatorAccounts());
  accounts->m_path = file;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return accounts;
  auto text = read_file(file, kMaxFileBytes);
  if (!text) return text.error();
  const std::string source = file.string();
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    return make_error(ErrorKind::Malformed, fields::describe_syntax_error(source, *text, e.byte, e.what()));
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorKind::Malformed, source + ": " + e.what());
  }
  fields::Problems problems;
  const fields::JsonFields r(doc, fields::Place(problems, source));
  r.only_keys({"version", "operators"});
  (void)r.integer("version", fields::Range{kFileVersion, kFileVersion});  // refused unless it is 1
  const nlohmann::json& list = r.array("operators", fields::Emptiness::Allow, kMaxOperators);
  for (std::size_t i = 0; i < list.size() && problems.ok(); ++i) {
    const fields::JsonFields o = r.nested(list[i], fields::item("operators", i));
    OperatorAccount a;
    a.id = o.string("id", fields::TextRule{fields::Emptiness::Refuse});
    a.pin_hash = o.string("pin_hash", fields::TextRule{fields::Emptiness::Refuse});
    a.failures = static_cast<int>(o.optional_integer("failures", fields::Range{0, kMaxFailures}).value_or(0));
    a.locked_until_unix = o.optional_integer("locked_until_unix", fields::Range::at_least(0)).value_or(0);
    a.created_at_unix = o.optional_integer("created_at_unix", fields::Range::at_least(0)).value_or(0);
    if (!problems.ok()) break;
    if (!normalise_operator_id(a.id))
      o.place().refuse("id", "must be a personnel number of 3 to 12 digits");
    else if (!a.pin_hash.starts_with("$argon2id$"))
      o.place().refuse("pin_hash", "must be an argon2id hash (\"$argon2id$...\"), never a PIN");
    else if (accounts->find(a.id) != nullptr)
      o.place().refuse("id", "names an operator listed before");
    else
      accounts->m_accounts.push_back(std::move(a));
  }
  if (!problems.ok()) return problems.error();
  return accounts;
}

const OperatorAccount* OperatorAccounts::find(std::string_view id) const {
  for (const OperatorAccount& a : m_accounts)
    if (a.id == id) return &a;
  return nullptr;
}

OperatorAccount* OperatorAccounts::find_mut(std::string_view id) {
  return const_cast<OperatorAccount*>(std::as_const(*this).find(id));
}

Result<void> OperatorAccounts::save() {
  nlohmann::json list = nlohmann::json::array();
  for (const OperatorAccount& a : m_accounts)
    list.push_back({{"id", a.id},
                    {"pin_hash", a.pin_hash},
                    {"failures", a.failures},
                    {"locked_until_unix", a.locked_until_unix},
                    {"created_at_unix", a.created_at_unix}});
  const nlohmann::json doc = {{"version", kFileVersion}, {"operators", list}};
  std::error_code ec;
  if (m_path.has_parent_path()) std::filesystem::create_directories(m_path.parent_path(), ec);
  return write_file_atomically(m_path, doc.dump(2) + "\n", FileMode::Private);
}

Result<void> OperatorAccounts::set_operator(std::string_view id_typed, std::string_view pin_typed,
                                            int64_t now_unix) {
  auto id = normalise_operator_id(id_typed);
  if (!id) return id.error();
  auto pin = normalise_pin(pin_typed);
  if (!pin) return pin.error();
  char hash[crypto_pwhash_STRBYTES];
  const int hashed = crypto_pwhash_str_alg(hash, pin->data(), pin->size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
  secure_wipe(pin.value());
  if (hashed != 0) return make_error("argon2id: out of memory");
  OperatorAccount* existing = find_mut(id.value());
  if (!existing) {
    OperatorAccount fresh;
    fresh.id = id.value();
    fresh.created_at_unix = now_unix;
    m_accounts.push_back(std::move(fresh));
    existing = &m_accounts.back();
  }
  existing->pin_hash = hash;
  existing->failures = 0;
  existing->locked_until_unix = 0;
  return save();
}

LoginResult OperatorAccounts::verify(std::string_view id_typed, std::string_view pin_typed,
                                     int64_t now_unix) {
  auto id = normalise_operator_id(id_typed);
  auto pin = normalise_pin(pin_typed);
  OperatorAccount* account = id ? find_mut(id.value()) : nullptr;
  if (!account) {
    // Hash anyway, so an unknown personnel number costs the same time as a wrong PIN.
    if (m_dummy_hash.empty()) {
      char hash[crypto_pwhash_STRBYTES];
      if (crypto_pwhash_str_alg(hash, "0000", 4, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) == 0)
        m_dummy_hash = hash;
    }
    if (!m_dummy_hash.empty() && pin) {
      const int ignored = crypto_pwhash_str_verify(m_dummy_hash.c_str(), pin->data(), pin->size());
      (void)ignored;  // only the time it takes matters
    }
    if (pin) secure_wipe(pin.value());
    return {LoginOutcome::WrongCredentials, 0, 0};
  }
  // A locked account is refused without even looking at the PIN.
  if (account->locked_until_unix > now_unix) {
    if (pin) secure_wipe(pin.value());
    return {LoginOutcome::LockedOut, 0, account->locked_until_unix};
  }
  const bool right =
      pin && crypto_pwhash_str_verify(account->pin_hash.c_str(), pin->data(), pin->size()) == 0;
  if (pin) secure_wipe(pin.value());
  LoginResult result;
  if (right) {
    account->failures = 0;
    account->locked_until_unix = 0;
    result.outcome = LoginOutcome::Ok;
    result.attempts_left = kMaxFailures;
  } else if (++account->failures >= kMaxFailures) {
    account->failures = 0;
    account->locked_until_unix = now_unix + kLockoutSeconds;
    result = {LoginOutcome::LockedOut, 0, account->locked_until_unix};
  } else {
    result = {LoginOutcome::WrongCredentials, kMaxFailures - account->failures, 0};
  }
  auto saved = save();
  m_write_error = saved ? "" : saved.error().message;
  return result;
}

}  // namespace pk::kiosk::op
