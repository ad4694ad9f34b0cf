#pragma once
// Serves a VirtualCard to pcscd through the vsmartcard "vpcd" reader driver, which is what
// Debian's vsmartcard-vicc would do (that package is not in Debian 12). vpcd listens on a TCP
// port (reader.conf CHANNELID, 35963 by default); a card "is inserted" by connecting to it and
// "removed" by closing the connection. Protocol: every message is a 2-byte big-endian length
// and a payload; a 1-byte payload is a control (00 power off, 01 power on, 02 reset, 04 ATR
// request, which is answered with the ATR), anything longer an APDU answered with its response.
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "domain/result.h"
#include "drivers/cardreader/virtual_card.h"

namespace pk::cardreader {

class VpcdCard {
 public:
  explicit VpcdCard(std::shared_ptr<VirtualCard> card) : m_card(std::move(card)) {}
  ~VpcdCard() { remove(); }
  VpcdCard(const VpcdCard&) = delete;
  VpcdCard& operator=(const VpcdCard&) = delete;

  // Connects to vpcd on 127.0.0.1:port and serves the card on a thread of its own.
  // Retries the connection until `patience` runs out (pcscd loads vpcd a moment after it starts).
  [[nodiscard]] Result<void> insert(std::uint16_t port, std::chrono::milliseconds patience);
  // Closes the connection: the card leaves the reader.
  void remove();
  // The card leaves after answering n more APDUs: the n+1th is never answered.
  void remove_after(int apdus) { m_remove_after = apdus; }
  [[nodiscard]] int apdus_served() const { return m_served; }

 private:
  void serve();

  std::shared_ptr<VirtualCard> m_card;
  int m_socket = -1;
  std::thread m_thread;
  std::atomic<int> m_remove_after{-1};
  std::atomic<int> m_served{0};
  std::atomic<bool> m_stop{false};
};

}  // namespace pk::cardreader
