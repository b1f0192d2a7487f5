// Fuzz harness 3: the hub's HTTP side. The input is the raw bytes a browser (or
// anyone on the office LAN) sends; they go into the hub's real httplib::Server, with
// every real route registered by HttpApi (health, metrics, state, and the whole web:
// status pages, display, admin, reports), through a Stream made of the bytes instead
// of a socket. The hub runs in this process on a temp SQLite file with a few tickets.
//
// Placeholders let inputs reach what a stranger cannot guess: in the input,
//   @SESSION@ becomes a signed-in admin's cookie value and @CSRF@ its CSRF token
//             (signed in once at start, through POST /api/admin/login),
//   @TOKEN@   becomes the status token of a waiting ticket,
//   @CALL@    the log number of a call (its spoken WAV), @DISRUPTION@ a disruption's id.
// Up to 8 pipelined requests per input (keep-alive) are answered.
//
// Limits (honest): cpp-httplib itself is Debian's compiled libcpp-httplib.so, so its
// parser runs but is not instrumented (no coverage feedback inside it, no ASan
// checks of its own memory); everything from the route handlers on is. A live page
// (text/event-stream) gets its head and first event computed, then the stream says
// the browser left (otherwise it would wait 10 s for the next change).
#include <httplib.h>

#include <fcntl.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_hub.h"
#include "http_api.h"
#include "web/web_app.h"
#include "web/web_context.h"

namespace {

using namespace antrian;

// Private members reached without editing the hub: an explicit instantiation may name
// private members ([temp.spec.general]/6), and the friend function hands them out.
template <typename Tag, typename Tag::type M>
struct Reach {
  friend typename Tag::type reach(Tag) { return M; }
};
struct ServerOf {
  using type = std::unique_ptr<httplib::Server> HttpApi::*;
  friend type reach(ServerOf);
};
struct WebOf {
  using type = std::unique_ptr<web::WebApp> HttpApi::*;
  friend type reach(WebOf);
};
struct ContextOf {
  using type = std::unique_ptr<web::WebContext> web::WebApp::*;
  friend type reach(ContextOf);
};
template struct Reach<ServerOf, &HttpApi::server_>;
template struct Reach<WebOf, &HttpApi::web_>;
template struct Reach<ContextOf, &web::WebApp::ctx_>;


// Server::process_request and svr_sock_ are protected: named through a derived class.
struct ServerAccess : httplib::Server {
  static constexpr auto process = &ServerAccess::process_request;
  static constexpr auto listen_socket = &ServerAccess::svr_sock_;
};

// One connection's bytes: reads come from the input, writes are collected.
class BytesStream : public httplib::Stream {
 public:
  explicit BytesStream(std::string_view in) : in_(in) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, n);
    pos_ += n;
    return ssize_t(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (live_) return -1;  // the browser left after the head of a live stream
    out_.append(ptr, size);
    const auto head_end = out_.find("\r\n\r\n", head_from_);
    if (head_end != std::string::npos) {
      live_ = out_.find("text/event-stream", head_from_) < head_end;
      head_from_ = out_.size();
    }
    return ssize_t(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "192.0.2.7";  // one client: the sign-in limits keep Argon2 checks rare
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  bool at_end() const { return pos_ >= in_.size(); }
  const std::string& output() const { return out_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  std::string out_;
  size_t head_from_ = 0;
  bool live_ = false;
};

HttpApi* g_http = nullptr;
httplib::Server* g_server = nullptr;
web::WebContext* g_web = nullptr;
std::string g_session, g_csrf, g_token, g_call, g_disruption;
int64_t g_fake_ms = 1;

std::string serve(std::string_view bytes) {
  BytesStream stream(bytes);
  for (int i = 0; i < 8 && !stream.at_end(); ++i) {
    bool closed = false;
    if (!(g_server->*ServerAccess::process)(stream, false, closed, nullptr) || closed) break;
  }
  return stream.output();
}

void replace_all(std::string& s, std::string_view from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

std::string between(const std::string& s, const std::string& after, char end) {
  const auto at = s.find(after);
  if (at == std::string::npos) return "";
  const auto from = at + after.size();
  return s.substr(from, s.find(end, from) - from);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto& h = fuzz::start_fuzz_hub();
  h.ok("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  for (const char* s : {"A", "A", "C", "F"}) h.ok("issue", {{"service", s}});
  g_call = std::to_string(h.ok("call_next", {{"counter", 1}})["seq"].get<int64_t>());
  g_disruption = std::to_string(
      h.ok("disruption_set", {{"resource", "printers"}, {"level", "degraded"}, {"message_id", "Printer lambat"}})
          ["disruption"]["id"].get<int64_t>());
  g_token = h.ok("issue", {{"service", "B"}})["ticket"]["token"].get<std::string>();

  g_http = new HttpApi(*h.hub);
  g_server = (g_http->*reach(ServerOf{})).get();
  web::WebApp& app = *(g_http->*reach(WebOf{}));
  g_web = (app.*reach(ContextOf{})).get();
  app.connect("127.0.0.1", h.hub->req_port());
  // A server without a listening socket counts as shutting down, and httplib then never
  // asks a streamed (chunked) answer for its content: give it a socket (/dev/null).
  (g_server->*ServerAccess::listen_socket) = ::open("/dev/null", O_RDONLY | O_CLOEXEC);

  const std::string body = R"({"staff":"admin","pin":"admin1234"})";
  const std::string out = serve("POST /api/admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  g_session = between(out, "antrian_admin=", ';');
  g_csrf = between(out, "\"csrf\":\"", '"');
  if (g_session.empty() || g_csrf.empty()) fuzz::die("admin sign-in failed: " + out.substr(0, 600));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  // A fuzzed logout ends the session: start another (the route itself was used at start).
  if (!g_web->sessions.alive(g_session, g_web->now())) {
    auto fresh = g_web->sessions.create("admin", g_web->now());
    g_session = fresh.id;
    g_csrf = fresh.csrf;
  }
  replace_all(input, "@SESSION@", g_session);
  replace_all(input, "@CSRF@", g_csrf);
  replace_all(input, "@TOKEN@", g_token);
  replace_all(input, "@CALL@", g_call);
  replace_all(input, "@DISRUPTION@", g_disruption);
  // The ticket-status limits refill on a clock that jumps a minute per input, so they
  // do not turn every later status lookup into a 429; the sign-in limits keep real time.
  g_fake_ms += 60'000;
  g_web->status_addr_limiter.set_now_for_test(g_fake_ms);
  g_web->status_token_limiter.set_now_for_test(g_fake_ms);
  g_web->miss_limiter.set_now_for_test(g_fake_ms);
  const std::string out = serve(input);
  // ANTRIAN_FUZZ_SHOW=1: print each answer's status lines (to check what seeds reach).
  static const char* show = std::getenv("ANTRIAN_FUZZ_SHOW");  // "all": whole answers
  if (show && std::string_view(show) == "all") std::fprintf(stderr, "%s\n", out.c_str());
  if (show)
    for (size_t at = out.find("HTTP/1.1 "); at != std::string::npos; at = out.find("HTTP/1.1 ", at + 1))
      std::fprintf(stderr, "  -> %s\n", out.substr(at, out.find('\r', at) - at).c_str());
  return 0;
}
