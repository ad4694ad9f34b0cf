#include "drivers/cardreader/card_reader.h"

namespace pk::cardreader {

std::string_view describe(CardState state, Language language) {
  const bool fa = persian_or_english(language) == Language::Persian;
  switch (state) {
    case CardState::NoReader:
      return fa ? "کارت‌خوان وصل نیست. لطفاً به متصدی خبر دهید."
                : "No card reader is connected. Please tell the operator.";
    case CardState::NoCard:
      return fa ? "کارت یا گذرنامه را روی کارت‌خوان بگذارید."
                : "Place the card or passport on the reader.";
    case CardState::CardPresent:
      return fa ? "کارت روی کارت‌خوان است." : "A card is on the reader.";
    case CardState::Connected:
      return fa ? "در حال خواندن کارت؛ آن را برندارید." : "Reading the card; do not remove it.";
    case CardState::CardMute:
      return fa ? "کارت پاسخ نمی‌دهد. آن را بردارید و دوباره، صاف و بی‌حرکت، روی کارت‌خوان بگذارید."
                : "The card does not answer. Take it off and place it flat and still on the reader again.";
    case CardState::RemovedMidRead:
      return fa ? "کارت پیش از پایان خواندن برداشته شد. دوباره بگذارید و تا پایان برندارید."
                : "The card was removed before reading finished. Place it again and leave it until done.";
    case CardState::ReaderBusy:
      return fa ? "کارت‌خوان در دست برنامهٔ دیگری است. چند لحظه بعد دوباره تلاش کنید."
                : "The reader is busy with another program. Try again in a moment.";
    case CardState::Unplugged:
      return fa ? "کارت‌خوان جدا شد. لطفاً به متصدی خبر دهید."
                : "The card reader was disconnected. Please tell the operator.";
    case CardState::Error:
      return fa ? "خطا در کارت‌خوان. دوباره تلاش کنید؛ اگر تکرار شد به متصدی خبر دهید."
                : "Card reader error. Try again; if it happens again, tell the operator.";
  }
  return {};
}

std::string_view to_string(CardState state) {
  switch (state) {
    case CardState::NoReader:
      return "no-reader";
    case CardState::NoCard:
      return "no-card";
    case CardState::CardPresent:
      return "card-present";
    case CardState::Connected:
      return "connected";
    case CardState::CardMute:
      return "card-mute";
    case CardState::RemovedMidRead:
      return "removed-mid-read";
    case CardState::ReaderBusy:
      return "reader-busy";
    case CardState::Unplugged:
      return "unplugged";
    case CardState::Error:
      return "error";
  }
  return "unknown";
}

std::string_view to_string(ReaderEventKind kind) {
  switch (kind) {
    case ReaderEventKind::ReaderAdded:
      return "reader-added";
    case ReaderEventKind::ReaderRemoved:
      return "reader-removed";
    case ReaderEventKind::CardInserted:
      return "card-inserted";
    case ReaderEventKind::CardRemoved:
      return "card-removed";
  }
  return "unknown";
}

}  // namespace pk::cardreader
