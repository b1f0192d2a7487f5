#pragma once
// A text the office wrote in both languages (routing labels, disruption messages).
// English may be left out; Indonesian is then shown for both.
#include <string>

#include "antrian/strings.h"

namespace antrian::kiosk {

struct Text {
  std::string id;  // Bahasa Indonesia
  std::string en;  // English (optional)

  const std::string& in(Lang lang) const { return lang == Lang::en && !en.empty() ? en : id; }
  bool empty() const { return id.empty() && en.empty(); }
  friend bool operator==(const Text&, const Text&) = default;
};

}  // namespace antrian::kiosk
