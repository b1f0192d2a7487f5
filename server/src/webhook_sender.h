#pragma once
// Delivery by webhook: one JSON POST per message to the URL the office set (a
// WhatsApp or SMS gateway of its own). 2xx = delivered; anything else is retried by
// the OutboxSender. The body's "id" (also the Idempotency-Key header) is the same on
// every retry, so the gateway drops a message it already has.
#include <string>

#include "antrian/outbox_store.h"
#include "antrian/result.h"

namespace antrian {

class WebhookSender {
 public:
  WebhookSender(std::string url, int timeout_s, std::string office);
  Result<Ok> send(const outbox_db::Pending& m);

 private:
  std::string base_, path_, office_;
  int timeout_s_;
};

}  // namespace antrian
