#pragma once
// Everything the wall shows, as plain data: built from the office state, this
// display's filter, the hub's clock and the link status. The ImGui screen only draws
// it; the headless mode prints it as JSON; the tests read it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/display/call_log.h"
#include "antrian/display/connection_tracker.h"
#include "antrian/display/display_filter.h"
#include "antrian/display/service_board.h"
#include "antrian/model.h"
#include "antrian/strings.h"

namespace antrian::display {

struct NewestCall {
  std::string label;         // "A-001"
  int loket = 0;
  std::string loket_name;    // "Loket 3"
  std::string service_name;
  int recalls = 0;
  std::string recall_text;   // "Panggilan ulang" or "" for a first call
  int64_t at = 0;
  bool highlighted = false;  // within the first highlight_s seconds
};

struct LoketTile {
  int number = 0;
  std::string name;          // "Loket 3"
  bool open = false;
  std::string state_text;    // "Tutup" / "Istirahat"; empty while open
  bool has_call = false;
  std::string label;         // the ticket called here most recently
  std::string service_name;
  int recalls = 0;
  std::string recall_text;   // "Dipanggil ulang 2x"; empty without recalls
  std::string previous_text; // "Sebelumnya: A-002, A-001"; empty when none
  bool fresh = false;        // called within the highlight time
};

struct DisplayView {
  Link link = Link::connecting;
  std::string link_text;     // what the offline/connecting bar says; empty when online
  int64_t seq = 0;
  std::string office_name;
  std::string title;         // hall name, or the services/lokets this display covers
  std::string date_text;     // "Minggu, 22 November 2026"
  std::string clock_text;    // "10:42 WIB"
  std::optional<NewestCall> newest;
  std::vector<LoketTile> lokets;
  std::vector<ServiceRow> services;
  std::vector<Banner> banners;
  std::string marquee;                     // the running text, items joined
  std::vector<std::string> marquee_items;  // the same, one item each (shown a page at a time)
  std::vector<std::string> problems;  // filter entries this office lacks
  int64_t next_change_hub_ms = 0;     // when the view changes by itself (clock, highlight)
};

struct ViewInput {
  const OfficeState& state;
  const DisplayFilter& filter;
  int64_t hub_now_ms = 0;
  Lang lang = Lang::id;
  Link link = Link::connecting;
  int64_t offline_since_ms = 0;
  std::string title;           // from --title; empty = describe the filter
  int highlight_ms = 10'000;
};

DisplayView build_view(const ViewInput& in);

// For the headless mode and tests; leaves out next_change_hub_ms so that two views
// showing the same thing print the same.
nlohmann::json to_json(const DisplayView& v);

}  // namespace antrian::display
