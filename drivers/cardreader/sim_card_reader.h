#pragma once
// The virtual twin of a PC/SC card reader: one reader slot holding a VirtualCard, scripted
// from tests and demos with inject():
//   INSERT <profile>     put a card on the reader: passport, passport-jp2, garbage, atr:<hex>
//   REMOVE               take it off
//   REMOVE AFTER <n>     the card is pulled after n more APDUs (the n+1th finds no card)
//   MUTE                 the card stops answering: transmit() waits out its timeout
//   UNPLUG  PLUG         the reader goes away / comes back
// Events (reader and card arrivals) wake wait_for_events() through a condition variable:
// no polling here either. Connection string: "sim:" or "sim:passport" (a card from the start).
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

#include "drivers/cardreader/card_reader.h"
#include "drivers/cardreader/virtual_card.h"

namespace pk::cardreader {

class SimCardReader final : public CardReaderDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  [[nodiscard]] static Result<std::unique_ptr<SimCardReader>> create(std::string_view connection);
  SimCardReader();

  [[nodiscard]] const DeviceInfo& info() const override { return m_info; }
  [[nodiscard]] DeviceState state() const override;
  void on_hotplug(HotplugCallback callback) override;

  [[nodiscard]] Result<void> open() override;
  [[nodiscard]] Result<std::vector<ReaderStatus>> readers() override;
  [[nodiscard]] Result<std::vector<ReaderEvent>> wait_for_events(std::chrono::milliseconds timeout) override;
  void cancel_wait() override;
  [[nodiscard]] Result<Bytes> connect(std::string_view reader) override;
  [[nodiscard]] Result<Bytes> transmit(ByteView command, std::chrono::milliseconds timeout) override;
  void disconnect() override;
  [[nodiscard]] CardState card_state() const override;

  [[nodiscard]] Result<void> inject(std::string_view command);
  // For tests that build their own card (a tampered passport, fixed BAC randoms).
  void insert(std::shared_ptr<VirtualCard> card);

  static constexpr std::string_view kReaderName = "Pishkhan Virtual Reader 00 00";

 private:
  [[nodiscard]] Error fail(CardState state, std::string message);  // m_mutex held
  void remove_card();                                              // m_mutex held
  void push(ReaderEvent event);                                    // m_mutex held

  DeviceInfo m_info;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  bool m_open = false;
  bool m_plugged = true;
  bool m_cancelled = false;
  bool m_mute = false;
  bool m_connected = false;
  std::shared_ptr<VirtualCard> m_card;
  std::optional<int> m_remove_after;
  CardState m_state = CardState::NoCard;
  std::string m_last_error;
  std::deque<ReaderEvent> m_events;
  HotplugCallback m_hotplug;
};

}  // namespace pk::cardreader
