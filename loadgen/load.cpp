#include "loadgen/load.h"

#include <memory>

#include "loadgen/runner.h"

namespace pk::loadgen {

LoadReport run_load(const LoadOptions& options) {
  auto runner = std::make_unique<detail::Runner>(options);
  LoadReport report = runner->run();
  report.seed = runner->seed;
  return report;
}

}  // namespace pk::loadgen
