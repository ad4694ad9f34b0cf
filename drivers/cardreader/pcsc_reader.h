#pragma once
// Card readers through pcsc-lite (pcscd). Connection string "pcsc:" (every reader pcscd
// sees; a card is read from the first reader holding one) or "pcsc:<reader name>" (that reader
// only, as device set-up saves it). Reader and card arrivals come from SCardGetStatusChange, with the
// "\\?PnP?\Notification" pseudo-reader for readers: the call blocks in pcscd until something changes, so
// waiting costs nothing. Two PC/SC contexts: one for the waiting thread, one for the card, because a context
// serialises its calls.
//
// Timeouts: PC/SC has no per-APDU timeout and SCardTransmit cannot be interrupted; the
// reader driver enforces the card's own waiting times (a mute card comes back as
// SCARD_W_UNRESPONSIVE_CARD / SCARD_E_TIMEOUT / SCARD_F_COMM_ERROR, all CardMute here). The
// `timeout` passed to transmit() is checked after the fact: an answer later than it is
// reported as CardMute rather than used.
#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>

#include <mutex>
#include <vector>

#include "drivers/cardreader/card_reader.h"

namespace pk::cardreader {

// What a PC/SC return code means for a citizen and for the technician.
[[nodiscard]] CardState card_state_from_pcsc(LONG code);

class PcscReader final : public CardReaderDriver {
 public:
  [[nodiscard]] static const DriverMetadata& metadata();
  [[nodiscard]] static Result<std::unique_ptr<PcscReader>> create(std::string_view connection);
  explicit PcscReader(std::string reader = {});
  ~PcscReader() override;

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

 private:
  struct Watched {
    std::string name;
    DWORD state = SCARD_STATE_UNAWARE;
    Bytes atr;
  };
  [[nodiscard]] Error fail(LONG code, const std::string& what);
  [[nodiscard]] Error fail(CardState state, std::string message);
  [[nodiscard]] Error fail(CardState state, ErrorKind kind, std::string message);
  [[nodiscard]] Result<std::vector<std::string>> list_names(SCARDCONTEXT context);
  void close();
  // After a failed or empty exchange: did the card leave (RemovedMidRead) or go mute?
  [[nodiscard]] CardState why_exchange_failed();

  DeviceInfo m_info;
  std::string m_pinned;        // the one reader connect("") uses; empty: the first with a card
  mutable std::mutex m_mutex;  // guards the state below, not the PC/SC calls
  SCARDCONTEXT m_wait_context = 0;
  SCARDCONTEXT m_card_context = 0;
  bool m_open = false;
  SCARDHANDLE m_card = 0;
  DWORD m_protocol = 0;
  std::string m_reader_name;  // of the connected card
  CardState m_state = CardState::NoReader;
  std::string m_last_error;
  std::vector<Watched> m_watched;  // the waiting thread's view
  DWORD m_pnp_state = SCARD_STATE_UNAWARE;
  bool m_watch_started = false;
  HotplugCallback m_hotplug;
};

}  // namespace pk::cardreader
