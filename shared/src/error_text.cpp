#include "antrian/error_text.h"

namespace antrian {

std::string error_key(std::string_view code) {
  const std::string key = "error." + std::string(code);
  return !code.empty() && has_string(key) ? key : std::string("error.other");
}

std::string error_words(std::string_view code, Lang lang) { return std::string(tr(error_key(code), lang)); }

std::string error_line(std::string_view code, std::string_view reason, Lang lang) {
  std::string out = error_words(code, lang);
  if (lang == Lang::en && !reason.empty()) out += " (" + std::string(reason) + ")";
  return out;
}

std::string error_both(std::string_view code, std::string_view reason) {
  std::string out = error_words(code, Lang::id) + " / " + error_words(code, Lang::en);
  if (!reason.empty()) out += " (" + std::string(reason) + ")";
  return out;
}

}  // namespace antrian
