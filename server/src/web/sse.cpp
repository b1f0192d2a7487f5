#include "web/sse.h"

#include <memory>

#include "web/http_util.h"

namespace antrian::web {
namespace {

struct StreamState {
  std::string last_payload;
  bool first = true;
};

}  // namespace

void serve_sse(httplib::Response& res, ChangeFeed& feed, std::string event_name,
               std::function<std::string()> compute, std::function<int64_t()> now_ms) {
  if (!feed.open_stream()) {
    res.set_header("Retry-After", "30");
    send_error(res, 503, "busy",
               "too many live pages are open on this hub right now; the page refreshes by itself instead");
    return;
  }
  auto st = std::make_shared<StreamState>();
  res.set_header("X-Accel-Buffering", "no");
  res.set_chunked_content_provider(
      "text/event-stream",
      [&feed, st, name = std::move(event_name), compute = std::move(compute), now_ms = std::move(now_ms)](
          size_t, httplib::DataSink& sink) {
        if (feed.stopping()) {
          sink.done();
          return true;
        }
        // Read the version before computing, so a change during compute() is not missed.
        const uint64_t version = feed.version();
        std::string msg;
        if (st->first) msg += "retry: 3000\n\n";  // the browser reconnects after 3 s
        std::string payload = compute();
        if (payload != st->last_payload) {
          msg += "event: " + name + "\ndata: {\"now\":" + std::to_string(now_ms()) + ",\"view\":" + payload + "}\n\n";
          st->last_payload = std::move(payload);
        } else {
          msg += "event: ping\ndata: {\"now\":" + std::to_string(now_ms()) + "}\n\n";
        }
        st->first = false;
        if (!sink.write(msg.data(), msg.size())) return false;  // the page went away
        feed.wait_newer(version, kPingInterval);
        return true;
      },
      [&feed](bool) { feed.close_stream(); });
}

}  // namespace antrian::web
