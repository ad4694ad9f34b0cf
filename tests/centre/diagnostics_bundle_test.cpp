// The centre's check of an uploaded diagnostics bundle: the archive the terminal writes, and the
// same folder packed by the system's tar, pass; anything beside, instead of or around the
// bundle's files is refused with a reason that says what was wrong.
#include "protocol/diagnostics_bundle.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "provisioning/diagnostics.h"

namespace fs = std::filesystem;
using pk::centre::check_diagnostics_bundle;
using pk::centre::kDiagnosticsBundleFiles;

namespace {

std::vector<pk::provisioning::BundleFile> bundle_files() {
  std::vector<pk::provisioning::BundleFile> files;
  for (std::string_view name : kDiagnosticsBundleFiles)
    files.push_back({std::string(name), "contents of " + std::string(name) + "\n"});
  return files;
}

std::string archive(const std::vector<pk::provisioning::BundleFile>& files) {
  return pk::provisioning::tar_archive(files, "pishkhan-diagnostics-SKO-0001-20261125-100000", 1'790'000'000);
}

// Sets a header's byte and writes the checksum the header then needs (a well-formed header
// with a hostile field, not a damaged one).
void patch_header(std::string& tar, size_t header, size_t at, char value) {
  tar[header + at] = value;
  std::memset(tar.data() + header + 148, ' ', 8);
  unsigned sum = 0;
  for (size_t i = 0; i < 512; ++i) sum += static_cast<unsigned char>(tar[header + i]);
  std::snprintf(tar.data() + header + 148, 8, "%06o", sum);
}

std::string refusal(const std::string& bytes) {
  auto checked = check_diagnostics_bundle(bytes);
  EXPECT_FALSE(checked) << "accepted";
  return checked ? "" : checked.error().message;
}

}  // namespace

TEST(DiagnosticsBundleCheck, TheTerminalsArchiveIsAccepted) {
  const std::string tar = archive(bundle_files());
  auto checked = check_diagnostics_bundle(tar);
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->folder, "pishkhan-diagnostics-SKO-0001-20261125-100000");
  ASSERT_EQ(checked->members.size(), kDiagnosticsBundleFiles.size());
  for (const auto& member : checked->members)
    EXPECT_EQ(tar.substr(member.offset, member.size), "contents of " + member.name + "\n");
}

TEST(DiagnosticsBundleCheck, TheSameFolderPackedBySystemTarIsAccepted) {
  const fs::path root = fs::path(PK_TEST_BINARY_DIR) / ("bundle_tar_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "pishkhan-diagnostics-X-1");
  for (const auto& f : bundle_files()) std::ofstream(root / "pishkhan-diagnostics-X-1" / f.name) << f.content;
  const std::string command = "cd '" + root.string() +
                              "' && tar --format=ustar -cf bundle.tar pishkhan-diagnostics-X-1/" +
                              " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(root / "bundle.tar", std::ios::binary);
  const std::string tar((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto checked = check_diagnostics_bundle(tar);
  EXPECT_TRUE(checked) << checked.error().message;
  fs::remove_all(root);
}

TEST(DiagnosticsBundleCheck, AnythingElseIsRefusedWithAReason) {
  auto files = bundle_files();
  const std::string good = archive(files);

  EXPECT_NE(refusal("").find("512-byte blocks"), std::string::npos);
  EXPECT_NE(refusal("{\"terminal_id\": \"SKO-0001\"}").find("512-byte blocks"), std::string::npos);
  EXPECT_NE(refusal(std::string(4096, 'x')).find("checksum"), std::string::npos);
  // gzip's magic, padded to whole blocks: still not an archive of ours.
  std::string gzip("\x1f\x8b\x08\x00", 4);
  gzip.resize(2048, '\0');
  EXPECT_NE(refusal(gzip).find("not a diagnostics bundle"), std::string::npos);

  auto extra = files;
  extra.push_back({"payload.sh", "#!/bin/sh\nrm -rf /\n"});
  EXPECT_NE(refusal(archive(extra))
                .find("\"pishkhan-diagnostics-SKO-0001-20261125-100000/payload.sh\" is not one of"),
            std::string::npos);
  auto climbing = files;
  climbing.back().name = "../../../etc/cron.d/x";
  EXPECT_NE(refusal(archive(climbing)).find("is not one of the bundle's files"), std::string::npos);
  auto missing = files;
  missing.pop_back();
  EXPECT_NE(refusal(archive(missing)).find("log.txt is missing"), std::string::npos);
  auto twice = files;
  twice.push_back(files.front());
  EXPECT_NE(refusal(archive(twice)).find("twice"), std::string::npos);

  // A symbolic link where a file should be (type '2'), with a valid checksum.
  std::string link = good;
  patch_header(link, 512, 156, '2');
  EXPECT_NE(refusal(link).find("is not a plain file"), std::string::npos);
  // A set-uid executable under an expected name (staff may unpack as root), and a plain
  // executable.
  std::string setuid = good;
  for (size_t i = 0; i < 7; ++i) patch_header(setuid, 512, 100 + i, "0004755"[i]);
  EXPECT_NE(refusal(setuid).find("set-id"), std::string::npos);
  std::string executable = good;
  for (size_t i = 0; i < 7; ++i) patch_header(executable, 512, 100 + i, "0000755"[i]);
  EXPECT_NE(refusal(executable).find("is executable"), std::string::npos);
  // A damaged header.
  std::string damaged = good;
  damaged[512 + 10] ^= 0x01;
  EXPECT_NE(refusal(damaged).find("checksum is wrong"), std::string::npos);
  // A member claiming more bytes than the archive holds.
  std::string huge = good;
  for (size_t i = 0; i < 11; ++i) patch_header(huge, 512, 124 + i, '7');
  EXPECT_NE(refusal(huge).find("runs past the end"), std::string::npos);
  // Something smuggled after the end blocks, and an archive cut short.
  EXPECT_NE(refusal(good + std::string(512, 'x')).find("after the archive's end"), std::string::npos);
  EXPECT_NE(refusal(good.substr(0, good.size() - 1024)).find("end"), std::string::npos);
  // An absolute folder.
  std::string absolute = good;
  patch_header(absolute, 0, 0, '/');
  EXPECT_NE(refusal(absolute).find("must start with its folder"), std::string::npos);
}
