#pragma once
// What the view model asks the program to do after an input: send a request to the
// hub, print, report the printer, change the window. The model never does I/O itself;
// the program carries these out and feeds the answers back.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "antrian/model.h"
#include "antrian/printing/bytes.h"
#include "antrian/strings.h"

namespace antrian::kiosk {

struct IssueCommand {
  std::string service;
  Priority priority = Priority::reguler;
};

// Any other request to the hub (comeback_join, comeback_checkin, contact_set,
// booking_checkin): sent with retries under one request id, answered through
// KioskModel::on_request_reply.
struct HubRequest {
  std::string cmd;
  nlohmann::json args = nlohmann::json::object();
};

struct PrintCommand {
  printing::Bytes job;
  std::string label;  // for logs
  bool reprint = false;
};

struct ReportCommand {
  std::string device;  // "<kiosk name>/printer"
  std::string state;   // ok, paper_low, paper_out, error, offline
  std::string message;
};

struct Effects {
  std::optional<IssueCommand> issue;
  std::optional<HubRequest> request;
  std::optional<PrintCommand> print;
  bool check_printer = false;  // run a status query
  std::optional<ReportCommand> report;
  std::optional<bool> fullscreen;
  std::optional<Lang> lang;
  bool quit = false;

  bool empty() const {
    return !issue && !request && !print && !check_printer && !report && !fullscreen && !lang && !quit;
  }
};

}  // namespace antrian::kiosk
