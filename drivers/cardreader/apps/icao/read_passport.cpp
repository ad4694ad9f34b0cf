#include "drivers/cardreader/apps/icao/read_passport.h"

#include "base/secure_wipe.h"
#include "drivers/cardreader/apps/icao/data_groups.h"
#include "drivers/cardreader/apps/icao/lds_reader.h"
#include "drivers/cardreader/apps/icao/sod.h"
#include "drivers/cardreader/ber_tlv.h"

namespace pk::cardreader::icao {

// The MRZ's personal fields, for WipeAtScopeEnd (found by argument-dependent lookup).
static void secure_wipe(MrzData& mrz) {
  for (std::string* field : {&mrz.surname, &mrz.given_names, &mrz.document_number, &mrz.optional_data,
                             &mrz.raw_birth, &mrz.raw_expiry, &mrz.nationality, &mrz.issuing_state})
    pk::secure_wipe(*field);
}

namespace {

class Session {
 public:
  Session(CardReaderDriver& reader, const MrzKey& key, const ReadOptions& options, PassportReadReport& report)
      : m_reader(reader),
        m_key(key),
        m_options(options),
        m_report(report),
        m_channel(reader, options.apdu_timeout) {
    m_channel.record(report.trace);
  }

  Result<PassportIdentity> run();
  [[nodiscard]] int apdus() const { return m_channel.apdu_count(); }

 private:
  Error fail(ReadFailure why, const std::string& detail) {
    m_report.failure = why;
    return make_error("passport not read: " + std::string(to_string(why)) + " (" + detail + ")");
  }

  CardReaderDriver& m_reader;
  const MrzKey& m_key;
  const ReadOptions& m_options;
  PassportReadReport& m_report;
  ApduChannel m_channel;
};

Result<PassportIdentity> Session::run() {
  auto atr = m_reader.connect("");
  if (!atr) {
    const CardState state = m_reader.card_state();
    return fail(state == CardState::NoCard || state == CardState::CardPresent ? ReadFailure::NoCard
                                                                              : failure_from(state),
                atr.error().message);
  }
  auto selected = m_channel.send(CommandApdu{
      0x00, 0xA4, 0x04, 0x0C, Bytes(std::begin(kPassportAid), std::end(kPassportAid)), std::nullopt});
  if (!selected)
    return fail(failure_from(m_channel.state()), "SELECT passport application: " + selected.error().message);
  if (!selected->ok())
    return fail(ReadFailure::NotAPassport,
                "the card answered " + to_hex(selected->encode()) + " to SELECT of the passport application");

  TerminalRandom random = m_options.random != nullptr ? *m_options.random : TerminalRandom::generate();
  BacOutcome bac;
  auto sm = perform_bac(m_channel, m_key, random, bac);
  // K.IFD is half the session keys' seed: gone once BAC is over. The session keys themselves
  // are zeroed when `sm` (the secure-messaging session) is destroyed at the end of the read.
  pk::secure_wipe(&random, sizeof(random));
  if (!sm) return fail(bac.failure, sm.error().message);

  LdsReader lds(m_channel, *sm);
  auto read = [&](std::uint16_t file, FileExpectation expectation) -> Result<Bytes> {
    auto content = lds.read(file, expectation);
    if (!content) return fail(lds.failure(), content.error().message);
    return content;
  };
  auto com_file = read(fid::kCom, FileExpectation::Required);
  if (!com_file) return com_file.error();
  auto com = parse_ef_com(*com_file);
  if (!com) return fail(ReadFailure::Malformed, com.error().message);
  auto dg1_file = read(fid::kDg1, FileExpectation::Required);
  if (!dg1_file) return dg1_file.error();
  auto dg2_file = read(fid::kDg2, FileExpectation::Required);
  if (!dg2_file) return dg2_file.error();
  auto sod_file = read(fid::kSod, FileExpectation::Required);
  if (!sod_file) return sod_file.error();

  // DG1 is the holder's MRZ: its clear copies here are wiped on every way out (the identity
  // returned is the caller's to wipe).
  const WipeAtScopeEnd wipe_dg1(*dg1_file);
  auto mrz = parse_dg1(*dg1_file);
  if (!mrz) return fail(ReadFailure::Malformed, mrz.error().message);
  const WipeAtScopeEnd wipe_mrz(*mrz);
  auto encoded_face = parse_dg2(*dg2_file);
  if (!encoded_face) return fail(ReadFailure::Malformed, encoded_face.error().message);
  auto sod = parse_sod(*sod_file);
  if (!sod) return fail(ReadFailure::Malformed, sod.error().message);
  const DataGroupRead groups[] = {{1, *dg1_file}, {2, *dg2_file}};
  PassiveAuthResult authenticity = verify_passive(*sod_file, groups, m_options.master_list,
                                                  m_options.at.value_or(std::chrono::system_clock::now()));
  // A data group that does not match its hash is not a chip to judge: the read failed (a card
  // moved mid-read, or edited data), and calling again is the retry.
  if (authenticity.outcome == PassiveAuth::DataGroupHashMismatch)
    return fail(ReadFailure::HashMismatch, authenticity.reason);
  auto face = decode_face(*encoded_face);
  if (!face) return fail(ReadFailure::Malformed, face.error().message);

  PassportIdentity identity;
  identity.document_number = mrz->document_number;
  identity.surname = mrz->surname;
  identity.given_names = mrz->given_names;
  identity.nationality = mrz->nationality;
  identity.issuing_state = mrz->issuing_state;
  identity.birth_date = mrz->birth_date;
  identity.expiry_date = mrz->expiry_date;
  identity.sex = mrz->sex;
  const auto mrz_tlv = parse_tlv(*dg1_file);
  if (mrz_tlv) {
    if (auto text = find_tlv(mrz_tlv->value, 0x5F1F)) {
      identity.mrz.reserve(text->value.size() + 1);  // the newline goes in without a move
      identity.mrz.assign(text->value.begin(), text->value.end());
      if (identity.mrz.size() == 88) identity.mrz.insert(44, "\n");
    }
  }
  identity.face = std::move(*face);
  identity.face_format = encoded_face->format;
  identity.hash_algorithm = sod->algorithm;
  identity.authenticity = std::move(authenticity);
  return identity;
}

}  // namespace

Result<PassportIdentity> read_passport(CardReaderDriver& reader, const MrzKey& key,
                                       const ReadOptions& options, PassportReadReport& report) {
  const auto start = std::chrono::steady_clock::now();
  report.failure = ReadFailure::None;
  Session session(reader, key, options, report);
  auto identity = session.run();
  report.apdu_count = session.apdus();
  reader.disconnect();
  report.elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  return identity;
}

Result<PassportIdentity> read_passport(CardReaderDriver& reader, const MrzKey& key) {
  PassportReadReport report;
  return read_passport(reader, key, ReadOptions{}, report);
}

}  // namespace pk::cardreader::icao
