#pragma once
// Delivers ONE outbox entry to the centre: submit (idempotent by the outbox's key), upload
// every sealed page with tus, then confirm that the centre holds every page with the SHA-256
// we computed. Only that confirmation lets the caller mark the entry delivered and purge the
// pages. Any failure leaves the store untouched, so the next attempt starts over safely.
#include <string>

#include "offline-store/store.h"
#include "sync/centre_client.h"
#include "sync/tus_client.h"

namespace pk::sync {

struct DeliveryStats {
  int64_t bytes_uploaded = 0;
};

[[nodiscard]] Result<ApplicationStatus> deliver(store::Store& store, const store::OutboxEntry& entry,
                                                CentreClient& centre, TusClient& tus, DeliveryStats& stats);

}  // namespace pk::sync
