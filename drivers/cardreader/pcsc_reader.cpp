#include "drivers/cardreader/pcsc_reader.h"

#include <algorithm>

namespace pk::cardreader {

namespace {

std::string pcsc_message(LONG code) { return std::string(pcsc_stringify_error(code)); }

constexpr const char* kPnpReader = "\\\\?PnP?\\Notification";

}  // namespace

CardState card_state_from_pcsc(LONG code) {
  switch (code) {
    case static_cast<LONG>(SCARD_S_SUCCESS):
      return CardState::Connected;
    case static_cast<LONG>(SCARD_E_NO_SERVICE):
    case static_cast<LONG>(SCARD_E_SERVICE_STOPPED):
    case static_cast<LONG>(SCARD_E_NO_READERS_AVAILABLE):
    case static_cast<LONG>(SCARD_E_UNKNOWN_READER):
      return CardState::NoReader;
    case static_cast<LONG>(SCARD_E_READER_UNAVAILABLE):
      return CardState::Unplugged;
    case static_cast<LONG>(SCARD_E_NO_SMARTCARD):
      return CardState::NoCard;
    case static_cast<LONG>(SCARD_W_REMOVED_CARD):
      return CardState::RemovedMidRead;
    case static_cast<LONG>(SCARD_W_UNRESPONSIVE_CARD):
    case static_cast<LONG>(SCARD_W_UNPOWERED_CARD):
    case static_cast<LONG>(SCARD_E_TIMEOUT):
    case static_cast<LONG>(SCARD_F_COMM_ERROR):
    case static_cast<LONG>(SCARD_E_PROTO_MISMATCH):
      return CardState::CardMute;
    case static_cast<LONG>(SCARD_E_SHARING_VIOLATION):
      return CardState::ReaderBusy;
    default:
      return CardState::Error;
  }
}

namespace {

// The kind of a PC/SC failure, from its code: pcscd not running is a missing backend
// (Unavailable), a refused access a permission problem; the rest follow the card's state.
ErrorKind error_kind_from_pcsc(LONG code) {
  switch (code) {
    case static_cast<LONG>(SCARD_E_NO_SERVICE):
    case static_cast<LONG>(SCARD_E_SERVICE_STOPPED):
      return ErrorKind::Unavailable;
    case static_cast<LONG>(SCARD_W_SECURITY_VIOLATION):
    case static_cast<LONG>(SCARD_E_NO_ACCESS):
      return ErrorKind::PermissionDenied;
    case static_cast<LONG>(SCARD_F_COMM_ERROR):
    case static_cast<LONG>(SCARD_F_INTERNAL_ERROR):
    case static_cast<LONG>(SCARD_F_UNKNOWN_ERROR):
      return ErrorKind::DeviceFault;
    default:
      return error_kind_of(card_state_from_pcsc(code));
  }
}

}  // namespace

const DriverMetadata& PcscReader::metadata() {
  // Readers are found by pcscd (CCID driver); no USB table of our own.
  static const DriverMetadata kMetadata{"pcsc", "PC/SC card readers (pcscd)", {}, {Feature::Hotplug}};
  return kMetadata;
}

Result<std::unique_ptr<PcscReader>> PcscReader::create(std::string_view connection) {
  if (connection.substr(0, 4) != "pcsc")
    return make_error("not a pcsc: connection: " + std::string(connection));
  // "pcsc:<reader name>" (what device set-up saves) keeps to that reader; "pcsc:" takes any.
  return std::make_unique<PcscReader>(connection.size() > 5 ? std::string(connection.substr(5)) : "");
}

PcscReader::PcscReader(std::string reader)
    : m_info{"pcsc", reader.empty() ? "PC/SC readers" : reader, "", "pcsc:" + reader},
      m_pinned(std::move(reader)) {}

PcscReader::~PcscReader() { close(); }

void PcscReader::close() {
  disconnect();
  std::lock_guard lock(m_mutex);
  if (m_wait_context != 0) SCardReleaseContext(m_wait_context);
  if (m_card_context != 0) SCardReleaseContext(m_card_context);
  m_wait_context = 0;
  m_card_context = 0;
  m_open = false;
}

DeviceState PcscReader::state() const {
  std::lock_guard lock(m_mutex);
  return DeviceState{m_open ? Connection::Open : Connection::Closed, m_last_error};
}

void PcscReader::on_hotplug(HotplugCallback callback) {
  std::lock_guard lock(m_mutex);
  m_hotplug = std::move(callback);
}

Error PcscReader::fail(CardState state, ErrorKind kind, std::string message) {
  std::lock_guard lock(m_mutex);
  m_state = state;
  m_last_error = message;
  return make_error(kind, std::move(message));
}

Error PcscReader::fail(CardState state, std::string message) {
  return fail(state, error_kind_of(state), std::move(message));
}

Error PcscReader::fail(LONG code, const std::string& what) {
  return fail(card_state_from_pcsc(code), error_kind_from_pcsc(code), what + ": " + pcsc_message(code));
}

Result<void> PcscReader::open() {
  close();
  SCARDCONTEXT wait_context = 0;
  SCARDCONTEXT card_context = 0;
  LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &wait_context);
  if (rv != SCARD_S_SUCCESS) return fail(rv, "cannot reach pcscd");
  rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &card_context);
  if (rv != SCARD_S_SUCCESS) {
    SCardReleaseContext(wait_context);
    return fail(rv, "cannot reach pcscd");
  }
  std::lock_guard lock(m_mutex);
  m_wait_context = wait_context;
  m_card_context = card_context;
  m_open = true;
  m_watch_started = false;
  m_watched.clear();
  m_state = CardState::NoCard;
  return {};
}

Result<std::vector<std::string>> PcscReader::list_names(SCARDCONTEXT context) {
  DWORD size = 0;
  LONG rv = SCardListReaders(context, nullptr, nullptr, &size);
  if (rv == static_cast<LONG>(SCARD_E_NO_READERS_AVAILABLE)) return std::vector<std::string>{};
  if (rv != SCARD_S_SUCCESS) return fail(rv, "cannot list readers");
  std::string buffer(size, '\0');
  rv = SCardListReaders(context, nullptr, buffer.data(), &size);
  if (rv == static_cast<LONG>(SCARD_E_NO_READERS_AVAILABLE)) return std::vector<std::string>{};
  if (rv != SCARD_S_SUCCESS) return fail(rv, "cannot list readers");
  std::vector<std::string> names;
  for (std::size_t pos = 0; pos < buffer.size() && buffer[pos] != '\0';) {
    const std::size_t end = buffer.find('\0', pos);
    names.push_back(buffer.substr(pos, end - pos));
    pos = end + 1;
  }
  return names;
}

Result<std::vector<ReaderStatus>> PcscReader::readers() {
  if (!m_open) return fail(CardState::NoReader, "pcscd not opened");
  auto names = list_names(m_card_context);
  if (!names) return names.error();
  std::vector<ReaderStatus> out;
  for (const std::string& name : *names) {
    SCARD_READERSTATE state{};
    state.szReader = name.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    const LONG rv = SCardGetStatusChange(m_card_context, 0, &state, 1);
    ReaderStatus status{name, false, {}};
    if (rv == SCARD_S_SUCCESS && (state.dwEventState & SCARD_STATE_PRESENT) != 0) {
      status.card_present = true;
      status.atr.assign(state.rgbAtr, state.rgbAtr + std::min<DWORD>(state.cbAtr, MAX_ATR_SIZE));
    }
    out.push_back(std::move(status));
  }
  return out;
}

Result<std::vector<ReaderEvent>> PcscReader::wait_for_events(std::chrono::milliseconds timeout) {
  if (!m_open) return fail(CardState::NoReader, "pcscd not opened");
  std::vector<ReaderEvent> events;
  auto sync_readers = [&]() -> Result<void> {
    auto names = list_names(m_wait_context);
    if (!names) return names.error();
    for (auto it = m_watched.begin(); it != m_watched.end();) {
      if (std::find(names->begin(), names->end(), it->name) == names->end()) {
        if (m_watch_started) events.push_back(ReaderEvent{ReaderEventKind::ReaderRemoved, it->name, {}});
        it = m_watched.erase(it);
      } else {
        ++it;
      }
    }
    for (const std::string& name : *names) {
      if (std::none_of(m_watched.begin(), m_watched.end(),
                       [&](const Watched& w) { return w.name == name; })) {
        if (m_watch_started) events.push_back(ReaderEvent{ReaderEventKind::ReaderAdded, name, {}});
        m_watched.push_back(Watched{name, SCARD_STATE_UNAWARE, {}});
      }
    }
    return {};
  };
  if (!m_watch_started) {
    if (auto ok = sync_readers(); !ok) return ok.error();
  }
  // Until something is reported: the first call reports the cards already present.
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (events.empty()) {
    std::vector<SCARD_READERSTATE> states(m_watched.size() + 1);
    for (std::size_t i = 0; i < m_watched.size(); ++i) {
      states[i].szReader = m_watched[i].name.c_str();
      states[i].dwCurrentState = m_watched[i].state;
    }
    states.back().szReader = kPnpReader;
    // pcsc-lite keeps the reader count in the upper 16 bits of the PnP state, so a change that
    // happened between two calls is not missed.
    states.back().dwCurrentState = m_pnp_state;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    const DWORD wait = left.count() <= 0 ? 0 : static_cast<DWORD>(left.count());
    const LONG rv =
        SCardGetStatusChange(m_wait_context, wait, states.data(), static_cast<DWORD>(states.size()));
    if (rv == static_cast<LONG>(SCARD_E_TIMEOUT) || rv == static_cast<LONG>(SCARD_E_CANCELLED)) break;
    if (rv != SCARD_S_SUCCESS && rv != static_cast<LONG>(SCARD_E_UNKNOWN_READER))
      return fail(rv, "waiting for card events");
    bool readers_changed = (states.back().dwEventState & SCARD_STATE_CHANGED) != 0 ||
                           rv == static_cast<LONG>(SCARD_E_UNKNOWN_READER);
    m_pnp_state = states.back().dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    for (std::size_t i = 0; i < m_watched.size(); ++i) {
      const DWORD now = states[i].dwEventState;
      if ((now & SCARD_STATE_CHANGED) == 0 && m_watched[i].state != SCARD_STATE_UNAWARE) continue;
      const bool was_present = (m_watched[i].state & SCARD_STATE_PRESENT) != 0;
      const bool is_present = (now & SCARD_STATE_PRESENT) != 0;
      if ((now & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) != 0) readers_changed = true;
      if (is_present && !was_present) {
        Bytes atr(states[i].rgbAtr, states[i].rgbAtr + std::min<DWORD>(states[i].cbAtr, MAX_ATR_SIZE));
        events.push_back(ReaderEvent{ReaderEventKind::CardInserted, m_watched[i].name, atr});
      } else if (!is_present && was_present) {
        events.push_back(ReaderEvent{ReaderEventKind::CardRemoved, m_watched[i].name, {}});
      }
      m_watched[i].state = now & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    }
    m_watch_started = true;
    if (readers_changed) {
      if (auto ok = sync_readers(); !ok) return ok.error();
      if (events.empty()) continue;  // a reader with no card: nothing to report but its arrival
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
  }
  if (m_hotplug) {
    for (const ReaderEvent& e : events) {
      if (e.kind == ReaderEventKind::ReaderAdded || e.kind == ReaderEventKind::ReaderRemoved)
        m_hotplug(e.kind == ReaderEventKind::ReaderAdded ? HotplugEvent::Arrived : HotplugEvent::Left,
                  DeviceInfo{"pcsc", e.reader, "", "pcsc:"});
    }
  }
  return events;
}

void PcscReader::cancel_wait() {
  std::lock_guard lock(m_mutex);
  if (m_wait_context != 0) SCardCancel(m_wait_context);
}

Result<Bytes> PcscReader::connect(std::string_view reader) {
  if (!m_open) {
    if (auto ok = open(); !ok) return ok.error();
  }
  disconnect();
  std::string name(reader.empty() ? std::string_view(m_pinned) : reader);
  if (name.empty()) {
    auto all = readers();
    if (!all) return all.error();
    if (all->empty()) return fail(CardState::NoReader, "no card reader attached");
    const auto with_card =
        std::find_if(all->begin(), all->end(), [](const ReaderStatus& r) { return r.card_present; });
    if (with_card == all->end()) return fail(CardState::NoCard, "no card on any reader");
    name = with_card->name;
  }
  SCARDHANDLE card = 0;
  DWORD protocol = 0;
  // Exclusive: secure messaging must not be interleaved with another program's APDUs.
  const LONG rv = SCardConnect(m_card_context, name.c_str(), SCARD_SHARE_EXCLUSIVE,
                               SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol);
  if (rv != SCARD_S_SUCCESS) return fail(rv, "cannot connect to the card in \"" + name + "\"");
  std::uint8_t atr[MAX_ATR_SIZE];
  DWORD atr_size = sizeof atr;
  DWORD state = 0;
  DWORD active_protocol = 0;
  char reader_name[MAX_READERNAME];
  DWORD reader_size = sizeof reader_name;
  const LONG st = SCardStatus(card, reader_name, &reader_size, &state, &active_protocol, atr, &atr_size);
  if (st != SCARD_S_SUCCESS) {
    SCardDisconnect(card, SCARD_LEAVE_CARD);
    return fail(st, "cannot read the card's ATR");
  }
  std::lock_guard lock(m_mutex);
  m_card = card;
  m_protocol = protocol;
  m_reader_name = name;
  m_state = CardState::Connected;
  return Bytes(atr, atr + atr_size);
}

Result<Bytes> PcscReader::transmit(ByteView command, std::chrono::milliseconds timeout) {
  SCARDHANDLE card = 0;
  DWORD protocol = 0;
  {
    std::lock_guard lock(m_mutex);
    card = m_card;
    protocol = m_protocol;
  }
  if (card == 0) return fail(CardState::NoCard, "not connected to a card");
  const SCARD_IO_REQUEST* pci = protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
  Bytes response(258);
  DWORD size = static_cast<DWORD>(response.size());
  const auto start = std::chrono::steady_clock::now();
  const LONG rv = SCardTransmit(card, pci, command.data(), static_cast<DWORD>(command.size()), nullptr,
                                response.data(), &size);
  if (rv != SCARD_S_SUCCESS) {
    if (rv == static_cast<LONG>(SCARD_W_REMOVED_CARD) || rv == static_cast<LONG>(SCARD_E_NO_SMARTCARD) ||
        rv == static_cast<LONG>(SCARD_W_RESET_CARD))
      return fail(CardState::RemovedMidRead, "the card left during the exchange: " + pcsc_message(rv));
    if (rv == static_cast<LONG>(SCARD_E_NOT_TRANSACTED) || card_state_from_pcsc(rv) == CardState::CardMute)
      return fail(why_exchange_failed(), "APDU exchange failed: " + pcsc_message(rv));
    return fail(rv, "APDU exchange failed");
  }
  if (size == 0) return fail(why_exchange_failed(), "the card gave no answer at all");
  if (std::chrono::steady_clock::now() - start > timeout)
    return fail(CardState::CardMute, "the card answered after the timeout");
  response.resize(size);
  return response;
}

CardState PcscReader::why_exchange_failed() {
  // A card that left is reported absent by its reader within moments; wait for that event
  // (bounded, event-driven) rather than guess. Still present after it: the card is mute.
  std::string name;
  {
    std::lock_guard lock(m_mutex);
    name = m_reader_name;
  }
  SCARD_READERSTATE state{};
  state.szReader = name.c_str();
  state.dwCurrentState = SCARD_STATE_PRESENT;
  for (int round = 0; round < 2; ++round) {
    const LONG rv = SCardGetStatusChange(m_card_context, 1000, &state, 1);
    if (rv != SCARD_S_SUCCESS) break;
    if ((state.dwEventState & SCARD_STATE_EMPTY) != 0) return CardState::RemovedMidRead;
    state.dwCurrentState = state.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
  }
  return CardState::CardMute;
}

void PcscReader::disconnect() {
  SCARDHANDLE card = 0;
  {
    std::lock_guard lock(m_mutex);
    card = m_card;
    m_card = 0;
    if (m_state == CardState::Connected) m_state = CardState::CardPresent;
  }
  if (card != 0) SCardDisconnect(card, SCARD_RESET_CARD);
}

CardState PcscReader::card_state() const {
  std::lock_guard lock(m_mutex);
  return m_state;
}

}  // namespace pk::cardreader
