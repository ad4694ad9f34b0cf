// The certificate's expiry on the technician's Enrollment tab: the Iran-time Jalali date, the
// +03:30 added once (issue 19: it was added twice, so from 20:30 to midnight the date showed the
// next day, and the English ISO date in UTC was a day behind from 00:00 to 03:30).
#include <gtest/gtest.h>

#include "kiosk/technician/technician_enroll_screen.h"

namespace pk::kiosk::tech {
namespace {

// 2026-11-25 17:15 UTC = 1405/09/04 (4 Azar) 20:45 Tehran time.
constexpr int64_t kEvening = 1795626900;
// 2026-11-25 21:30 UTC = 1405/09/05 (5 Azar) 01:00 Tehran time.
constexpr int64_t kAfterMidnight = 1795642200;

TEST(TechnicianExpiryDate, At2045TehranItIsStillThatDay) {
  EXPECT_EQ(expiry_date_text(kEvening, Language::Persian), "۴ آذر ۱۴۰۵");
  EXPECT_EQ(expiry_date_text(kEvening, Language::English), "4 Azar 1405");
}

TEST(TechnicianExpiryDate, At0100TehranItIsAlreadyTheNextDay) {
  EXPECT_EQ(expiry_date_text(kAfterMidnight, Language::Persian), "۵ آذر ۱۴۰۵");
  EXPECT_EQ(expiry_date_text(kAfterMidnight, Language::English), "5 Azar 1405");
}

TEST(TechnicianExpiryDate, TheDayTurnsAtTehranMidnight) {
  const int64_t midnight = kAfterMidnight - 3600;  // 1405/09/05 00:00 Tehran
  EXPECT_EQ(expiry_date_text(midnight - 1, Language::English), "4 Azar 1405");
  EXPECT_EQ(expiry_date_text(midnight, Language::English), "5 Azar 1405");
}

}  // namespace
}  // namespace pk::kiosk::tech
