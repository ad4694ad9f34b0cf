#pragma once
// Removes personal data from text that leaves the terminal for a technician (the diagnostics
// bundle's log excerpt, outbox errors). What it relies on is the shape of the data, not a list
// of known citizens, so it errs on the side of removing too much:
//  - tracking codes (14 digits with valid MOD 97-10 check digits, with or without dashes) are
//    KEPT: they are how a technician and the centre talk about a capture;
//  - every other run of 8 or more digits (spaces, dashes and a leading + allowed between
//    them) becomes "[number]": national ids (10), mobile numbers (09xx..., +98...), card and
//    passport numbers, unix times too (a price worth paying);
//  - a date written yyyy-mm-dd is kept unless it follows a personal label (birth=...);
//  - text in Persian/Arabic script becomes "[text]": the terminal logs in English, so Persian
//    in a log line is something a citizen typed (a name, an address, a complaint);
//  - the value after a personal label (name, surname, given_names, father, address, phone,
//    mobile, national, birth, email, mrz, document) up to , ; ) or the end becomes "[redacted]";
//  - two or more capitalised Latin words in a row ("Zahra Hosseini-Rad") become "[name]"
//    (a single capitalised word cannot be told from the start of a sentence: it stays);
//  - an e-mail address becomes "[email]";  an MRZ line (containing "<<") becomes "[mrz]".
// Persian and Arabic-Indic digits are treated as digits (and come out as ASCII).
#include <string>
#include <string_view>

namespace pk::provisioning {

[[nodiscard]] std::string redact(std::string_view text);

}  // namespace pk::provisioning
