// The operator flow's clock: an operator who walks away is logged out, after a countdown, and
// the application in progress is wiped as the kiosk wipes an idle citizen's session.
#include <algorithm>
#include <cmath>

#include "kiosk/operator/operator_flow.h"

namespace pk::kiosk::op {

void OperatorFlow::touched(double now) {
  m_last_touch = now;
  m_state.logout_in_seconds.reset();
}

bool OperatorFlow::tick(double now) {
  if (!logged_in()) {
    m_last_touch.reset();
    m_state.logout_in_seconds.reset();
    return false;
  }
  // A batch feeding through the scanner is the operator at work, however long the stack.
  if (m_state.scanning || !m_last_touch) {
    touched(now);
    return false;
  }
  const double left = m_idle.after_seconds - (now - *m_last_touch);
  if (left <= 0) return logout(LogoutReason::Idle);
  if (left <= m_idle.warning_seconds)
    m_state.logout_in_seconds = static_cast<int>(std::ceil(left));
  else
    m_state.logout_in_seconds.reset();
  return false;
}

double OperatorFlow::seconds_until_next_tick(double now) const {
  if (!logged_in() || !m_last_touch) return 3600;
  const double left = m_idle.after_seconds - (now - *m_last_touch);
  if (left <= 0) return 0;
  if (left > m_idle.warning_seconds) return left - m_idle.warning_seconds;
  const double to_next_second = left - std::floor(left);  // the countdown shows whole seconds
  return to_next_second > 0 ? to_next_second : 1.0;
}

}  // namespace pk::kiosk::op
