#pragma once
// Small helpers every web route uses: JSON and error answers (JSON for /api, a plain
// bilingual page for browsers), hub error codes mapped to HTTP statuses, and the
// parsing of bodies and query values with reasons a person can act on.
#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/protocol.h"

namespace antrian::web {

using json = nlohmann::json;

// Largest request body any route accepts (JSON forms are far smaller).
inline constexpr std::size_t kMaxBodyBytes = 32 * 1024;

void send_json(httplib::Response& res, const json& body, int status = 200);

// An error as JSON {"error": code, "reason": text, "status": n}.
void send_error(httplib::Response& res, int status, std::string_view code, std::string_view reason);

// True for paths whose answers are JSON (the API), false for pages.
bool is_api_path(std::string_view path);
// True when an error should be an HTML page: a page path asked for by a browser
// (Accept: text/html); scripts and the API get JSON.
bool wants_html(const httplib::Request& req);

// An HTML error page for browsers, one language at a time: what happened in
// Indonesian, then in English (lang="en"). The hub's technical reason is English, so
// it never stands on the Indonesian side: there the row of the error code
// (error_text.h) or of `detail_key` (strings table, with `args`) says it; the English
// side says the same words followed by the hub's reason.
std::string error_page_html(int status, std::string_view code, std::string_view reason,
                            std::string_view detail_key = {}, const std::vector<std::string>& args = {});

// HTTP status for a hub error code (bad_request -> 400, not_found -> 404, ...).
int status_for_hub_error(std::string_view code);

// Answers a hub reply: its result with 200, or its error with the mapped status.
void send_hub_reply(httplib::Response& res, const proto::Reply& reply);

// The request body as a JSON object. Checks the content type and size first; on a
// problem the error is already answered and nullopt returned.
std::optional<json> json_body(const httplib::Request& req, httplib::Response& res);

// HTML-escapes text for element content and attribute values.
std::string html_escape(std::string_view text);

// Constant-time comparison for secrets (session ids, CSRF tokens).
bool secure_equals(std::string_view a, std::string_view b);

// The value of a cookie in the request, or empty.
std::string cookie_value(const httplib::Request& req, std::string_view name);

// A whole number in [min, max] from text; nullopt for anything else.
std::optional<int64_t> parse_int(std::string_view text, int64_t min, int64_t max);

// Security headers for every answer (CSP, framing, referrer, ...).
httplib::Headers security_headers();

}  // namespace antrian::web
