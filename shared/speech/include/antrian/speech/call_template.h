#pragma once
// The sentence pattern of a call, e.g. "Nomor antrian, {ticket}, silakan menuju loket
// {counter}". The defaults live in the strings table (speech.call_template,
// speech.recall_template); an office may replace them with its own wording, so a
// template is text typed by a person and is validated before use.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "antrian/speech/result.h"

namespace antrian::speech {

// Placeholders a template may use:
//   {ticket}   the ticket, spoken letter by letter and digit by digit ("A, nol, nol, satu")
//   {counter}  the counter number in words ("tiga")
//   {service}  the service name as given by the office ("Perekaman e-KTP")
// {ticket} and {counter} are required: a call that does not say who and where is useless.
enum class Slot { ticket, counter, service };

struct TemplatePiece {
  bool is_slot = false;
  Slot slot = Slot::ticket;  // when is_slot
  std::string text;          // when !is_slot
};

struct CallTemplate {
  std::vector<TemplatePiece> pieces;
  bool uses(Slot s) const;
};

// Longer templates are refused: the hall must not wait through a speech.
inline constexpr std::size_t kMaxTemplateBytes = 300;

// Parses and validates. Errors name the problem and where it is, e.g.
// "unknown placeholder {loket} at character 31; use {ticket}, {counter} or {service}".
Result<CallTemplate> parse_call_template(std::string_view text);

struct TemplateValues {
  std::string ticket;
  std::string counter;
  std::string service;
};

// Substitutes the values. Fails when the template uses {service} and none is given,
// rather than saying an empty gap.
Result<std::string> fill_call_template(const CallTemplate& tpl, const TemplateValues& values);

}  // namespace antrian::speech
