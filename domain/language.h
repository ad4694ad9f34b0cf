#pragma once
// The languages the terminal speaks. Persian first (the citizens read Persian or Dari),
// English second (technicians, some foreign nationals).
namespace pk {

enum class Language { Persian, English };

}  // namespace pk
