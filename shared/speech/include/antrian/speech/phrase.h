#pragma once
// The sentence the wall display speaks for a call or a recall, e.g.
// "Nomor antrian, A, nol, nol, satu, silakan menuju loket tiga".
// The commas are deliberate: espeak-ng pauses at each one, so every digit stands apart
// the way a human caller says it over a loudspeaker.
#include <string>
#include <string_view>

#include "antrian/speech/result.h"
#include "antrian/strings.h"

namespace antrian::speech {

// How the number part of a ticket is read.
enum class TicketReading {
  digits,        // "A-001" -> "A, nol, nol, satu"; "A-123" -> "A, satu, dua, tiga" (default)
  whole_number,  // "A-001" -> "A, satu"; "A-123" -> "A, seratus dua puluh tiga"
};

// One call as the display knows it.
struct Call {
  std::string ticket;   // label as printed: "A-001" (also "A001", "ab-12"; 1-3 letters, 1-9 digits)
  int counter = 0;      // counter (loket) number, 1..999, always read as a whole number
  std::string service;  // optional, only needed when the template says {service}
  int recall_count = 0; // 0 = first call; >0 = a recall, which uses the recall template
};

struct PhraseOptions {
  TicketReading reading = TicketReading::digits;
  // An office's own wording; empty = the strings table's speech.call_template /
  // speech.recall_template for the language.
  std::string call_template;
  std::string recall_template;
};

// Keys of the default templates in the strings table.
inline constexpr std::string_view kCallTemplateKey = "speech.call_template";
inline constexpr std::string_view kRecallTemplateKey = "speech.recall_template";

// The spoken form of a ticket label, e.g. "A, nol, nol, satu". Fails with a reason for
// a label that is not letters followed by digits.
Result<std::string> ticket_words(std::string_view ticket, Lang lang,
                                 TicketReading reading = TicketReading::digits);

// The full sentence for a call (recall_count == 0) or a recall. Fails with a reason for
// a bad template, a bad ticket label or counter number.
Result<std::string> call_phrase(const Call& call, Lang lang, const PhraseOptions& options = {});

// Checks an office's template before it is saved, so that a typo is reported to the
// admin at once and not discovered in the hall. Empty string = valid.
std::string template_error(std::string_view tpl);

}  // namespace antrian::speech
