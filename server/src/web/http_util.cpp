#include "web/http_util.h"

#include <charconv>

#include "antrian/error_text.h"
#include "antrian/strings.h"

namespace antrian::web {

void send_json(httplib::Response& res, const json& body, int status) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view code, std::string_view reason) {
  send_json(res, {{"error", code}, {"reason", reason}, {"status", status}}, status);
}

bool is_api_path(std::string_view path) {
  return path.rfind("/api/", 0) == 0 || path == "/healthz" || path == "/metrics";
}

bool wants_html(const httplib::Request& req) {
  return !is_api_path(req.path) && req.get_header_value("Accept").find("text/html") != std::string::npos;
}

std::string error_page_html(int status, std::string_view code, std::string_view reason, std::string_view detail_key,
                            const std::vector<std::string>& args) {
  std::string key = "web.error.other";
  if (status == 400) key = "web.error.400";
  else if (status == 401 || status == 403) key = "web.error.403";
  else if (status == 404) key = "web.error.404";
  else if (status == 413) key = "web.error.413";
  else if (status == 429) key = "web.error.429";
  else if (status >= 500) key = "web.error.500";
  const std::string number = std::to_string(status);
  std::string html =
      "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>" + number + "</title><link rel=\"stylesheet\" href=\"/static/style.css\"></head>"
      "<body class=\"page error-page\"><main class=\"card\"><h1>" + number + "</h1><p class=\"id\">" +
      html_escape(tr(key, Lang::id)) + "</p><p class=\"en\" lang=\"en\">" + html_escape(tr(key, Lang::en)) + "</p>";
  // The detail: Indonesian words first (never the hub's English reason), then the
  // English words with the reason, for staff and for English readers.
  if (!reason.empty() || !detail_key.empty()) {
    const std::string id = detail_key.empty() ? error_words(code, Lang::id) : trf(detail_key, Lang::id, args);
    std::string en = detail_key.empty() ? error_words(code, Lang::en) : trf(detail_key, Lang::en, args);
    if (!reason.empty()) en += " (" + std::string(reason) + ")";
    html += "<p class=\"detail id\">" + html_escape(id) + "</p><p class=\"detail en\" lang=\"en\">" +
            html_escape(en) + "</p>";
  }
  html += "<p><a href=\"/\">" + html_escape(tr("web.error.home", Lang::id)) + " / <span lang=\"en\">" +
          html_escape(tr("web.error.home", Lang::en)) + "</span></a></p></main></body></html>";
  return html;
}

int status_for_hub_error(std::string_view code) {
  if (code == proto::err::bad_request || code == proto::err::bad_version) return 400;
  if (code == proto::err::forbidden || code == proto::err::auth_failed) return 403;
  if (code == proto::err::not_found) return 404;
  if (code == proto::err::illegal_state || code == proto::err::quota_exhausted ||
      code == proto::err::service_halted || code == proto::err::queue_empty || code == proto::err::office_closed)
    return 409;
  if (code == proto::err::unreachable || code == proto::err::storage) return 503;
  return 500;
}

void send_hub_reply(httplib::Response& res, const proto::Reply& reply) {
  if (reply.ok) return send_json(res, reply.result);
  send_error(res, status_for_hub_error(reply.error.code), reply.error.code, reply.error.reason);
}

std::optional<json> json_body(const httplib::Request& req, httplib::Response& res) {
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    send_error(res, 415, "bad_request", "send the body as JSON (Content-Type: application/json)");
    return std::nullopt;
  }
  if (req.body.size() > kMaxBodyBytes) {
    send_error(res, 413, "bad_request", "the body is larger than " + std::to_string(kMaxBodyBytes) + " bytes");
    return std::nullopt;
  }
  json j = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    send_error(res, 400, "bad_request", "the body must be a JSON object");
    return std::nullopt;
  }
  return j;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

bool secure_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string cookie_value(const httplib::Request& req, std::string_view name) {
  const std::size_t n = req.get_header_value_count("Cookie");
  for (std::size_t i = 0; i < n; ++i) {
    const std::string header = req.get_header_value("Cookie", i);
    std::string_view rest = header;
    while (!rest.empty()) {
      const std::size_t semi = rest.find(';');
      std::string_view part = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      const std::size_t eq = part.find('=');
      if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    }
  }
  return {};
}

std::optional<int64_t> parse_int(std::string_view text, int64_t min, int64_t max) {
  int64_t v = 0;
  if (text.empty() || text.size() > 20) return std::nullopt;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < min || v > max) return std::nullopt;
  return v;
}

httplib::Headers security_headers() {
  return {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      // Ticket tokens are in URLs: never send them to another site as a referrer.
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"},
  };
}

}  // namespace antrian::web
