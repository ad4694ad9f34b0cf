#include "drivers/scanner/sane_status_map.h"

namespace pk::scanner {

ScannerStatus map_sane_status(SANE_Status status) {
  switch (status) {
    case SANE_STATUS_GOOD:
    case SANE_STATUS_EOF:
    case SANE_STATUS_CANCELLED:
      return ScannerStatus::Ready;
    case SANE_STATUS_NO_DOCS:
      return ScannerStatus::NoDocuments;
    case SANE_STATUS_JAMMED:
      return ScannerStatus::Jammed;
    case SANE_STATUS_COVER_OPEN:
      return ScannerStatus::CoverOpen;
    case SANE_STATUS_DEVICE_BUSY:
      return ScannerStatus::Busy;
    case SANE_STATUS_IO_ERROR:
      return ScannerStatus::Unplugged;
    default:  // UNSUPPORTED, INVAL, NO_MEM, ACCESS_DENIED and statuses newer than this code
      return ScannerStatus::Error;
  }
}

ErrorKind sane_error_kind(SANE_Status status) {
  switch (status) {
    case SANE_STATUS_ACCESS_DENIED:
      return ErrorKind::PermissionDenied;
    case SANE_STATUS_UNSUPPORTED:
    case SANE_STATUS_INVAL:
      return ErrorKind::Unavailable;
    default:
      return error_kind_of(map_sane_status(status));
  }
}

}  // namespace pk::scanner
