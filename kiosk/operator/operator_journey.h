#pragma once
// The scripted counter journey, the operator's twin of kiosk/citizen/journey.h: on a headless counter
// terminal it adds an operator, logs in (a wrong PIN first), opens an application for a
// counter-only service, batch-scans a stack from the simulated feeder (cover sheets, a page fed
// upside down, a blank sheet), reviews it (rotate, delete the blank), submits, and shows the
// receipt and the outbox - tapping the real widgets by id and writing a PNG of each step.
#include <filesystem>
#include <string>

#include "domain/result.h"
#include "kiosk/app.h"

namespace pk::kiosk::op {

struct OperatorJourneyOptions {
  std::string operator_id = "1001";
  std::string pin = "246810";
  std::string national_code = "0012345679";
};

Result<void> run_operator_journey(App& app, const std::filesystem::path& out_dir,
                                  const OperatorJourneyOptions& options = {});

}  // namespace pk::kiosk::op
