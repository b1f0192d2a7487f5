#include "antrian/speech/call_template.h"

#include <algorithm>

namespace antrian::speech {
namespace {

constexpr std::string_view kAllowed = "use {ticket}, {counter} or {service}";

bool slot_from_name(std::string_view name, Slot& out) {
  if (name == "ticket") { out = Slot::ticket; return true; }
  if (name == "counter") { out = Slot::counter; return true; }
  if (name == "service") { out = Slot::service; return true; }
  return false;
}

// Positions in messages are 1-based characters, as an admin counts them in a text box.
std::string at(std::size_t byte_pos) { return " at character " + std::to_string(byte_pos + 1); }

bool only_spaces_and_punctuation(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '.';
  });
}

}  // namespace

bool CallTemplate::uses(Slot s) const {
  return std::any_of(pieces.begin(), pieces.end(),
                     [s](const TemplatePiece& p) { return p.is_slot && p.slot == s; });
}

Result<CallTemplate> parse_call_template(std::string_view text) {
  using R = Result<CallTemplate>;
  if (only_spaces_and_punctuation(text)) return R::failure("the template is empty");
  if (text.size() > kMaxTemplateBytes)
    return R::failure("the template is " + std::to_string(text.size()) +
                      " characters long; at most " + std::to_string(kMaxTemplateBytes) +
                      " are allowed so that a call stays short");
  CallTemplate tpl;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '}') return R::failure("a '}' without its '{'" + at(i) + "; " + std::string(kAllowed));
    if (c != '{') {
      literal += c;
      continue;
    }
    const std::size_t close = text.find_first_of("{}", i + 1);
    if (close == std::string_view::npos || text[close] != '}')
      return R::failure("the '{'" + at(i) + " is not closed with '}'; " + std::string(kAllowed));
    const std::string_view name = text.substr(i + 1, close - i - 1);
    Slot slot;
    if (!slot_from_name(name, slot))
      return R::failure("unknown placeholder {" + std::string(name) + "}" + at(i) + "; " +
                        std::string(kAllowed));
    if (!literal.empty()) tpl.pieces.push_back({false, Slot::ticket, std::move(literal)});
    literal.clear();
    tpl.pieces.push_back({true, slot, {}});
    i = close;
  }
  if (!literal.empty()) tpl.pieces.push_back({false, Slot::ticket, std::move(literal)});
  if (!tpl.uses(Slot::ticket))
    return R::failure("the template must contain {ticket}: a call has to say the number");
  if (!tpl.uses(Slot::counter))
    return R::failure("the template must contain {counter}: a call has to say where to go");
  return tpl;
}

Result<std::string> fill_call_template(const CallTemplate& tpl, const TemplateValues& values) {
  std::string out;
  for (const TemplatePiece& p : tpl.pieces) {
    if (!p.is_slot) {
      out += p.text;
      continue;
    }
    switch (p.slot) {
      case Slot::ticket: out += values.ticket; break;
      case Slot::counter: out += values.counter; break;
      case Slot::service:
        if (values.service.empty())
          return Result<std::string>::failure(
              "the template says {service} but this call has no service name");
        out += values.service;
        break;
    }
  }
  return out;
}

}  // namespace antrian::speech
