// Reports for the office head (admin sign-in required):
//   GET /reports                                       the page
//   GET /api/reports?from=YYYY-MM-DD&to=YYYY-MM-DD     the report as JSON (to defaults to from,
//                                                      from to the hub's current day)
//   GET /api/reports.csv?table=services&from=..&to=..  one table as CSV (services, lokets,
//                                                      staff, hours, disruptions)
// History is read from the hub's SQLite file with a read-only connection, off the
// hub's lock, so a long report never delays a call.
#include "web/admin_auth.h"
#include "web/http_util.h"
#include "web/report_stats.h"
#include "web/web_context.h"

namespace antrian::web {
namespace {

std::optional<Report> report_for(WebContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string today = ctx.hub.with_state([](const OfficeState& s) { return s.day; });
  const std::string from = req.has_param("from") ? req.get_param_value("from") : today;
  auto range = parse_report_range(from, req.get_param_value("to"));
  if (!range) {
    send_error(res, 400, range.error().code, range.error().reason);
    return std::nullopt;
  }
  auto input = load_report_input(ctx.hub.database_path(), *range, ctx.now(), today);
  if (!input) {
    send_error(res, 503, input.error().code, input.error().reason);
    return std::nullopt;
  }
  return compute_report(*input);
}

}  // namespace

void mount_report_routes(httplib::Server& server, WebContext& ctx) {
  server.Get("/reports", [&ctx](const httplib::Request&, httplib::Response& res) {
    send_page(res, ctx, "reports.html");
  });

  server.Get("/api/reports", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!require_admin(ctx, req, res, false)) return;
    auto report = report_for(ctx, req, res);
    if (!report) return;
    json body = to_json(*report);
    body["today"] = ctx.hub.with_state([](const OfficeState& s) { return s.day; });
    send_json(res, body);
  });

  server.Get("/api/reports.csv", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!require_admin(ctx, req, res, false)) return;
    const std::string table = req.get_param_value("table");
    if (!is_report_table(table))
      return send_error(res, 400, "bad_request", "table: one of services, lokets, staff, hours, disruptions, ikm, comeback");
    auto report = report_for(ctx, req, res);
    if (!report) return;
    const std::string name = "antrian-" + table + "-" + report->range.from +
                             (report->range.to == report->range.from ? "" : "_" + report->range.to) + ".csv";
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    // A byte-order mark so spreadsheet programs read the names as UTF-8.
    res.set_content("\xEF\xBB\xBF" + report_csv(*report, table), "text/csv; charset=utf-8");
  });
}

}  // namespace antrian::web
