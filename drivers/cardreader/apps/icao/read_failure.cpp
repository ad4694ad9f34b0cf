#include "drivers/cardreader/apps/icao/read_failure.h"

namespace pk::cardreader::icao {

std::string_view describe(ReadFailure failure, Language language) {
  const bool fa = persian_or_english(language) == Language::Persian;
  switch (failure) {
    case ReadFailure::None:
      return fa ? "گذرنامه خوانده شد." : "The passport was read.";
    case ReadFailure::NoReader:
      return describe(CardState::NoReader, language);
    case ReadFailure::NoCard:
      return fa ? "گذرنامه را باز کنید و صفحهٔ عکس‌دار را روی کارت‌خوان بگذارید."
                : "Open the passport and place the photo page on the reader.";
    case ReadFailure::CardMute:
      return describe(CardState::CardMute, language);
    case ReadFailure::CardRemoved:
      return describe(CardState::RemovedMidRead, language);
    case ReadFailure::ReaderBusy:
      return describe(CardState::ReaderBusy, language);
    case ReadFailure::NotAPassport:
      return fa ? "این کارت گذرنامهٔ الکترونیکی نیست. گذرنامهٔ تراشه‌دار را بگذارید یا اطلاعات را دستی وارد کنید."
                : "This card is not an electronic passport. Place a chip passport, or type the details "
                  "instead.";
    case ReadFailure::AccessDenied:
      return fa ? "شمارهٔ گذرنامه، تاریخ تولد یا تاریخ انقضایی که وارد شد با این گذرنامه نمی‌خواند. آن‌ها را با صفحهٔ عکس‌دار مقایسه و دوباره وارد کنید."
                : "The passport number, date of birth or expiry date entered do not match this passport. "
                  "Check them against the photo page and enter them again.";
    case ReadFailure::Malformed:
      return fa ? "اطلاعات تراشهٔ گذرنامه خوانا نبود. دوباره تلاش کنید؛ اگر تکرار شد اطلاعات را دستی وارد کنید."
                : "The passport chip's data could not be read. Try again; if it happens again, type the "
                  "details instead.";
    case ReadFailure::HashMismatch:
      return fa ? "اطلاعات تراشه با امضای آن نمی‌خواند و پذیرفته نشد. لطفاً به متصدی مراجعه کنید."
                : "The chip's data does not match its security object and was not accepted. Please see the "
                  "operator.";
    case ReadFailure::ReaderError:
      return describe(CardState::Error, language);
  }
  return {};
}

std::string_view to_string(ReadFailure failure) {
  switch (failure) {
    case ReadFailure::None:
      return "none";
    case ReadFailure::NoReader:
      return "no-reader";
    case ReadFailure::NoCard:
      return "no-card";
    case ReadFailure::CardMute:
      return "card-mute";
    case ReadFailure::CardRemoved:
      return "card-removed";
    case ReadFailure::ReaderBusy:
      return "reader-busy";
    case ReadFailure::NotAPassport:
      return "not-a-passport";
    case ReadFailure::AccessDenied:
      return "access-denied";
    case ReadFailure::Malformed:
      return "malformed";
    case ReadFailure::HashMismatch:
      return "hash-mismatch";
    case ReadFailure::ReaderError:
      return "reader-error";
  }
  return "unknown";
}

ReadFailure failure_from(CardState state) {
  switch (state) {
    case CardState::NoReader:
      return ReadFailure::NoReader;
    case CardState::Unplugged:
      return ReadFailure::NoReader;
    case CardState::NoCard:
      return ReadFailure::CardRemoved;
    case CardState::RemovedMidRead:
      return ReadFailure::CardRemoved;
    case CardState::CardMute:
      return ReadFailure::CardMute;
    case CardState::ReaderBusy:
      return ReadFailure::ReaderBusy;
    // The exchange failed although the card is still connected: its answer was unusable
    // (shorter than a status word, say).
    case CardState::Connected:
      return ReadFailure::Malformed;
    case CardState::CardPresent:
    case CardState::Error:
      return ReadFailure::ReaderError;
  }
  return ReadFailure::ReaderError;
}

}  // namespace pk::cardreader::icao
