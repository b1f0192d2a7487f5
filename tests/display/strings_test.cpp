// Every text the display uses is in the strings table, in both languages.
#include <doctest/doctest.h>

#include "antrian/strings.h"

using namespace antrian;

TEST_CASE("the display's strings exist in Indonesian and English") {
  const char* keys[] = {
      "display.now_calling",   "display.go_to",          "display.no_calls",        "display.loket_n",
      "display.loket_word",    "display.lokets_title",   "display.recall",          "display.recalled_n",
      "display.previous",      "display.waiting_n",      "display.eta_label",       "display.eta_unknown",
      "display.eta_soon",      "display.eta_minutes",    "display.eta_hours",       "display.eta_hours_minutes",
      "display.banner_halted", "display.banner_degraded", "display.cause_down",     "display.cause_slow",
      "display.printers_working", "display.stock_out",   "display.expected_back",   "display.expected_unknown",
      "display.at_time",       "display.on_date_at",     "display.welcome",         "display.connecting",
      "display.offline_since", "display.problem",        "display.problem_service", "display.problem_loket",
      "display.stock_promised", "display.stock_low",     "display.banner_devices",
      "status.no_blangko",     "status.quota_used_up",   "status.full_today",       "status.blangko_low",
      "speech.call_template",    "speech.recall_template",
      "status.normal",         "status.degraded",        "status.halted",           "counter_state.closed",
      "counter_state.paused",  "common.app_name"};
  for (const char* k : keys) {
    INFO(k);
    CHECK(has_string(k));
    CHECK_FALSE(tr(k, Lang::id).empty());
    CHECK_FALSE(tr(k, Lang::en).empty());
  }
  // Each display.* row of the table is one of the above: no forgotten, unused text.
  int display_rows = 0;
  for (std::string_view k : all_string_keys())
    if (k.substr(0, 8) == "display.") ++display_rows;
  CHECK(display_rows == 35);
}
