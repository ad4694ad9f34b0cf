#pragma once
// Card applications as plug-ins. Each application (the ICAO passport first; a national ID
// card once its specification is published) says how to recognise it: the AIDs it answers
// SELECT to and, optionally, ATRs it is known by. Card identification walks the registry, so
// adding an application touches only its own folder and one add<>() line.
#include <concepts>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "drivers/cardreader/atr.h"
#include "drivers/cardreader/bytes.h"

namespace pk::cardreader {

class CardApp {
 public:
  virtual ~CardApp() = default;
  CardApp() = default;
  CardApp(const CardApp&) = delete;
  CardApp& operator=(const CardApp&) = delete;

  [[nodiscard]] virtual std::string_view id() const = 0;  // "icao9303"
  // "Electronic passport": what the technician's log calls it (the citizen never reads it).
  [[nodiscard]] virtual std::string_view name() const = 0;
  // Application identifiers to SELECT (by DF name, P1=04 P2=0C); a 9000 means this application.
  [[nodiscard]] virtual std::span<const Bytes> aids() const = 0;
  // A hint from the ATR alone; identification still confirms by SELECT.
  [[nodiscard]] virtual bool atr_suggests(const Atr&) const { return false; }
};

class CardAppRegistry {
 public:
  template <std::derived_from<CardApp> T>
  void add() {
    m_apps.push_back(std::make_unique<T>());
  }
  [[nodiscard]] std::span<const std::unique_ptr<CardApp>> apps() const { return m_apps; }
  [[nodiscard]] const CardApp* find(std::string_view id) const;

 private:
  std::vector<std::unique_ptr<CardApp>> m_apps;
};

// Every application this terminal knows.
[[nodiscard]] CardAppRegistry make_card_app_registry();

}  // namespace pk::cardreader
