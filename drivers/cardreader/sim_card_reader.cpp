#include "drivers/cardreader/sim_card_reader.h"

#include <charconv>

namespace pk::cardreader {

const DriverMetadata& SimCardReader::metadata() {
  static const DriverMetadata kMetadata{
      "sim", "Simulated card reader", {}, {Feature::Hotplug, Feature::Scripted}};
  return kMetadata;
}

Result<std::unique_ptr<SimCardReader>> SimCardReader::create(std::string_view connection) {
  if (connection.substr(0, 4) != "sim:" && connection != "sim")
    return make_error("not a sim: connection: " + std::string(connection));
  auto reader = std::make_unique<SimCardReader>();
  const std::string_view profile = connection.size() > 4 ? connection.substr(4) : std::string_view{};
  if (!profile.empty()) {
    auto card = make_virtual_card(profile);
    if (!card) return card.error();
    reader->insert(std::move(*card));
  }
  return reader;
}

SimCardReader::SimCardReader() : m_info{"sim", std::string(kReaderName), "virtual", "sim:"} {}

DeviceState SimCardReader::state() const {
  std::lock_guard lock(m_mutex);
  return DeviceState{!m_plugged ? Connection::Unplugged : (m_open ? Connection::Open : Connection::Closed),
                     m_last_error};
}

void SimCardReader::on_hotplug(HotplugCallback callback) {
  std::lock_guard lock(m_mutex);
  m_hotplug = std::move(callback);
}

Error SimCardReader::fail(CardState state, std::string message) {
  m_state = state;
  m_last_error = message;
  return make_error(error_kind_of(state), std::move(message));
}

void SimCardReader::push(ReaderEvent event) {
  if (m_hotplug &&
      (event.kind == ReaderEventKind::ReaderAdded || event.kind == ReaderEventKind::ReaderRemoved))
    m_hotplug(event.kind == ReaderEventKind::ReaderAdded ? HotplugEvent::Arrived : HotplugEvent::Left,
              m_info);
  m_events.push_back(std::move(event));
  m_changed.notify_all();
}

void SimCardReader::remove_card() {
  if (!m_card) return;
  m_card.reset();
  m_remove_after.reset();
  m_mute = false;
  push(ReaderEvent{ReaderEventKind::CardRemoved, std::string(kReaderName), {}});
}

void SimCardReader::insert(std::shared_ptr<VirtualCard> card) {
  std::lock_guard lock(m_mutex);
  remove_card();
  card->reset();
  m_card = std::move(card);
  m_connected = false;
  m_state = CardState::CardPresent;
  if (m_plugged) push(ReaderEvent{ReaderEventKind::CardInserted, std::string(kReaderName), m_card->atr()});
}

Result<void> SimCardReader::inject(std::string_view command) {
  auto word = [&command]() {
    while (!command.empty() && command.front() == ' ') command.remove_prefix(1);
    const auto end = command.find(' ');
    const std::string_view w = command.substr(0, end);
    command.remove_prefix(end == std::string_view::npos ? command.size() : end);
    return w;
  };
  const std::string_view verb = word();
  if (verb == "INSERT") {
    auto card = make_virtual_card(word());
    if (!card) return card.error();
    insert(std::move(*card));
    return {};
  }
  std::lock_guard lock(m_mutex);
  if (verb == "REMOVE") {
    const std::string_view after = word();
    if (after.empty()) {
      remove_card();
      m_connected = false;
      m_state = CardState::NoCard;
      return {};
    }
    int n = 0;
    const std::string_view count = word();
    if (after != "AFTER" || std::from_chars(count.data(), count.data() + count.size(), n).ec != std::errc{} ||
        n < 0)
      return make_error("REMOVE AFTER <n>: n must be a number, got \"" + std::string(count) + "\"");
    m_remove_after = n;
    return {};
  }
  if (verb == "MUTE") {
    m_mute = true;
    return {};
  }
  if (verb == "UNPLUG") {
    if (!m_plugged) return {};
    m_plugged = false;
    m_connected = false;
    push(ReaderEvent{ReaderEventKind::ReaderRemoved, std::string(kReaderName), {}});
    return {};
  }
  if (verb == "PLUG") {
    if (m_plugged) return {};
    m_plugged = true;
    push(ReaderEvent{ReaderEventKind::ReaderAdded, std::string(kReaderName), {}});
    if (m_card) push(ReaderEvent{ReaderEventKind::CardInserted, std::string(kReaderName), m_card->atr()});
    return {};
  }
  return make_error("unknown sim card reader command \"" + std::string(verb) +
                    "\" (INSERT, REMOVE, MUTE, UNPLUG, PLUG)");
}

Result<void> SimCardReader::open() {
  std::lock_guard lock(m_mutex);
  m_open = true;
  return {};
}

Result<std::vector<ReaderStatus>> SimCardReader::readers() {
  std::lock_guard lock(m_mutex);
  if (!m_plugged) return std::vector<ReaderStatus>{};
  return std::vector<ReaderStatus>{
      ReaderStatus{std::string(kReaderName), m_card != nullptr, m_card ? m_card->atr() : Bytes{}}};
}

Result<std::vector<ReaderEvent>> SimCardReader::wait_for_events(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  m_changed.wait_for(lock, timeout, [this] { return !m_events.empty() || m_cancelled; });
  m_cancelled = false;
  std::vector<ReaderEvent> out(m_events.begin(), m_events.end());
  m_events.clear();
  return out;
}

void SimCardReader::cancel_wait() {
  std::lock_guard lock(m_mutex);
  m_cancelled = true;
  m_changed.notify_all();
}

Result<Bytes> SimCardReader::connect(std::string_view reader) {
  std::lock_guard lock(m_mutex);
  if (!m_plugged) return fail(CardState::NoReader, "no card reader");
  if (!reader.empty() && reader != kReaderName)
    return fail(CardState::NoReader, "no reader named \"" + std::string(reader) + "\"");
  if (!m_card) return fail(CardState::NoCard, "no card in " + std::string(kReaderName));
  if (m_mute) return fail(CardState::CardMute, "the card gives no ATR");
  m_card->reset();
  m_connected = true;
  m_state = CardState::Connected;
  return m_card->atr();
}

Result<Bytes> SimCardReader::transmit(ByteView command, std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  if (!m_plugged) return fail(CardState::Unplugged, "the reader was unplugged");
  if (!m_connected)
    return fail(m_card ? CardState::CardPresent : CardState::NoCard, "not connected to a card");
  if (!m_card) {
    m_connected = false;
    return fail(CardState::RemovedMidRead, "the card was removed");
  }
  if (m_remove_after) {
    if (*m_remove_after == 0) {
      remove_card();
      m_connected = false;
      return fail(CardState::RemovedMidRead, "the card was removed during the exchange");
    }
    --*m_remove_after;
  }
  if (m_mute) {
    // A mute card: the reader waits its timeout (a REMOVE or UNPLUG ends the wait early).
    const std::shared_ptr<VirtualCard> card = m_card;
    m_changed.wait_for(lock, timeout, [&] { return m_card != card || !m_plugged; });
    return fail(m_card != card ? CardState::RemovedMidRead : CardState::CardMute, "the card did not answer");
  }
  m_state = CardState::Connected;
  return m_card->process(command);
}

void SimCardReader::disconnect() {
  std::lock_guard lock(m_mutex);
  m_connected = false;
  if (m_state == CardState::Connected) m_state = m_card ? CardState::CardPresent : CardState::NoCard;
}

CardState SimCardReader::card_state() const {
  std::lock_guard lock(m_mutex);
  if (!m_plugged) return CardState::NoReader;
  return m_state;
}

}  // namespace pk::cardreader
