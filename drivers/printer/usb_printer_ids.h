#pragma once
// The USB ids of receipt printers the USB backend drives even when their interface does not
// announce the printer class (7). Printers that do announce class 7 are found without being
// listed here; listing them too lets the udev rules (generated from this table, see
// udev_rules() in drivers/device.h) give the kiosk's group their device node by id.
//
// A plain constexpr array so that a generator can read it. Every entry is a real receipt
// printer's id as seen in `lsusb`; add new models from the offices' machines, never a guess.
#include <array>

#include "drivers/device.h"

namespace pk {

inline constexpr std::array<UsbId, 6> kUsbPrinterIds = {{
    {0x04b8, 0x0202},  // Epson TM receipt printers (UB-U05 interface: TM-T70, TM-T88IV, TM-T88V)
    {0x04b8, 0x0e03},  // Epson TM-T20
    {0x04b8, 0x0e15},  // Epson TM-T20II
    {0x0416, 0x5011},  // Winbond-based POS-58 / POS-80 clones (lsusb: "Virtual Com Port")
    {0x1504, 0x001f},  // Bixolon SRP-350II
    {0x0dd4, 0x0237},  // Custom K80
}};

}  // namespace pk
