#include "webhook_sender.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace antrian {

WebhookSender::WebhookSender(std::string url, int timeout_s, std::string office)
    : office_(std::move(office)), timeout_s_(timeout_s) {
  // message_config.cpp checked the scheme and that a host follows it.
  const auto host_start = url.find("://") + 3;
  const auto path_start = url.find('/', host_start);
  base_ = url.substr(0, path_start);
  path_ = path_start == std::string::npos ? "/" : url.substr(path_start);
}

Result<Ok> WebhookSender::send(const outbox_db::Pending& m) {
  httplib::Client cli(base_);
  cli.set_connection_timeout(timeout_s_, 0);
  cli.set_read_timeout(timeout_s_, 0);
  cli.set_write_timeout(timeout_s_, 0);
  const nlohmann::json body = {{"id", m.id},        {"to", m.phone},   {"text", m.text},
                               {"kind", m.kind},    {"ticket", m.ticket_label},
                               {"office", office_}, {"created_at", m.created_at}};
  httplib::Headers headers = {{"Idempotency-Key", m.id}};
  auto res = cli.Post(path_, headers, body.dump(), "application/json");
  if (!res) return make_error("webhook", "no answer from " + base_ + ": " + httplib::to_string(res.error()));
  if (res->status < 200 || res->status > 299)
    return make_error("webhook", base_ + path_ + " answered HTTP " + std::to_string(res->status));
  return Ok{};
}

}  // namespace antrian
