#include "kiosk/operator_accounts.h"

#include <sodium.h>

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/atomic_file.h"
#include "base/secure_wipe.h"
#include "domain/text_normalize.h"

namespace pk::kiosk::op {

namespace {

constexpr int kFileVersion = 1;

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
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(file.string() + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  try {
    const nlohmann::json doc = nlohmann::json::parse(text.str());
    if (doc.at("version").get<int>() != kFileVersion)
      return make_error(file.string() + ": unknown version " + doc.at("version").dump());
    for (const auto& o : doc.at("operators")) {
      OperatorAccount a;
      a.id = o.at("id").get<std::string>();
      a.pin_hash = o.at("pin_hash").get<std::string>();
      a.failures = o.value("failures", 0);
      a.locked_until_unix = o.value("locked_until_unix", int64_t{0});
      a.created_at_unix = o.value("created_at_unix", int64_t{0});
      if (!normalise_operator_id(a.id) || a.pin_hash.rfind("$argon2id$", 0) != 0)
        return make_error(file.string() + ": operator \"" + a.id + "\" is malformed");
      accounts->m_accounts.push_back(std::move(a));
    }
  } catch (const nlohmann::json::exception& e) {
    return make_error(file.string() + ": " + e.what());
  }
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
