#pragma once
// The product's receipts filled with realistic data (catalog service 3, terminal 42), shared by
// the tests. Language-free header (see rendered_receipt.h for why), hence its own enum.
#include <string>

#include "receipts/rendered_receipt.h"

namespace pk::test {

enum class SampleLanguage { Persian, English, Dari, Pashto };
enum class SampleKind { Tracking, Failure };

// The 14 ASCII digits of the sample's tracking code (application or failure-report kind).
[[nodiscard]] std::string sample_digits(SampleKind kind);

// The sample receipt rendered for a paper width; fails the calling test on any error.
[[nodiscard]] receipts::RenderedReceipt render_sample(SampleKind kind, SampleLanguage language,
                                                      int width_dots);

}  // namespace pk::test
