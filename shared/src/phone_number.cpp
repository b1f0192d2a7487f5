#include "antrian/phone_number.h"

#include <cctype>

#include "antrian/protocol.h"

namespace antrian {

Result<std::string> normalize_phone(std::string_view text) {
  auto bad = [](const std::string& why) {
    return make_error(std::string(proto::err::bad_request),
                      "phone: " + why + " (an Indonesian mobile number such as 0812 3456 7890 or +62 812 3456 7890)");
  };
  if (text.size() > 40) return bad("too long");
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    else if (c == '+' && i == text.find_first_not_of(' ') && digits.empty()) plus = true;
    else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') continue;
    else return bad("only digits, spaces, dashes and a leading + are allowed");
  }
  std::string national;  // the part after the country code, starting with 8
  if (plus) {
    if (digits.rfind("62", 0) != 0) return bad("only numbers of Indonesia (+62) can get messages");
    national = digits.substr(2);
  } else if (digits.rfind("62", 0) == 0) {
    national = digits.substr(2);
  } else if (digits.rfind("0", 0) == 0) {
    national = digits.substr(1);
  } else {
    return bad("must start with 08, 628 or +628");
  }
  if (national.empty() || national[0] != '8') return bad("not a mobile number (mobile numbers start with 08)");
  // 08 + 8..12 more digits: the shortest and longest Indonesian mobile numbers in use.
  if (national.size() < 9) return bad("too short");
  if (national.size() > 13) return bad("too long");
  return "+62" + national;
}

std::string mask_phone(std::string_view n) {
  if (n.size() < 10) return std::string(n.size(), '*');
  return std::string(n.substr(0, 6)) + std::string(n.size() - 10, '*') + std::string(n.substr(n.size() - 4));
}

}  // namespace antrian
