#include "web/front_status.h"

#include <cstdlib>

namespace antrian::web {
namespace {

// The integer after `label` in text, or nullopt.
std::optional<int64_t> figure_after(const std::string& text, const std::string& label) {
  const std::size_t at = text.find(label);
  if (at == std::string::npos) return std::nullopt;
  const char* p = text.c_str() + at + label.size();
  while (*p == ' ') ++p;
  if (*p < '0' || *p > '9') return std::nullopt;
  return std::strtoll(p, nullptr, 10);
}

}  // namespace

std::optional<FrontFigures> parse_nchan_status(const std::string& text, FrontFigures into) {
  const auto subscribers = figure_after(text, "\nsubscribers:");
  const auto channels = figure_after(text, "\nchannels:");
  if (!subscribers || !channels) return std::nullopt;
  into.subscribers = *subscribers;
  into.channels = *channels;
  return into;
}

std::optional<FrontFigures> parse_nginx_status(const std::string& text, FrontFigures into) {
  const auto active = figure_after(text, "Active connections:");
  const auto reading = figure_after(text, "Reading:");
  const auto writing = figure_after(text, "Writing:");
  const auto waiting = figure_after(text, "Waiting:");
  if (!active || !reading || !writing || !waiting) return std::nullopt;
  into.active = *active;
  into.reading = *reading;
  into.writing = *writing;
  into.waiting = *waiting;
  return into;
}

}  // namespace antrian::web
