#include "antrian/speech/phrase.h"

#include "antrian/speech/call_template.h"
#include "antrian/speech/letter_names.h"
#include "antrian/speech/number_words.h"

namespace antrian::speech {
namespace {

constexpr std::size_t kMaxLetters = 3;
constexpr std::size_t kMaxDigits = 9;
constexpr int kMaxCounter = 999;

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_item(std::string& out, std::string_view item) {
  if (!out.empty()) out += ", ";
  out += item;
}

}  // namespace

Result<std::string> ticket_words(std::string_view ticket, Lang lang, TicketReading reading) {
  using R = Result<std::string>;
  const std::string shown = "ticket '" + std::string(ticket) + "'";
  std::size_t i = 0;
  while (i < ticket.size() && is_letter(ticket[i])) ++i;
  const std::string_view letters = ticket.substr(0, i);
  if (i < ticket.size() && ticket[i] == '-') ++i;
  const std::string_view digits = ticket.substr(i);
  if (letters.empty() || letters.size() > kMaxLetters)
    return R::failure(shown + " must start with 1 to 3 letters, like A-001");
  if (digits.empty() || digits.size() > kMaxDigits)
    return R::failure(shown + " must end with 1 to 9 digits, like A-001");
  for (char c : digits)
    if (!is_digit(c)) return R::failure(shown + " has '" + std::string(1, c) + "' where a digit belongs, like A-001");

  std::string out;
  for (char c : letters) append_item(out, letter_for_speech(c, lang));
  if (reading == TicketReading::digits) {
    for (char c : digits) append_item(out, digit_word(c - '0', lang));
  } else {
    std::uint64_t n = 0;
    for (char c : digits) n = n * 10 + static_cast<std::uint64_t>(c - '0');
    append_item(out, number_words(n, lang));
  }
  return out;
}

Result<std::string> call_phrase(const Call& call, Lang lang, const PhraseOptions& options) {
  using R = Result<std::string>;
  const bool recall = call.recall_count > 0;
  const std::string& override_text = recall ? options.recall_template : options.call_template;
  const std::string_view text =
      override_text.empty() ? tr(recall ? kRecallTemplateKey : kCallTemplateKey, lang)
                            : std::string_view(override_text);
  auto tpl = parse_call_template(text);
  if (!tpl)
    return R::failure(std::string(recall ? "recall" : "call") + " template: " + tpl.error());

  if (call.counter < 1 || call.counter > kMaxCounter)
    return R::failure("counter number " + std::to_string(call.counter) + " is not between 1 and " +
                      std::to_string(kMaxCounter));
  auto ticket = ticket_words(call.ticket, lang, options.reading);
  if (!ticket) return ticket;

  TemplateValues values;
  values.ticket = std::move(*ticket);
  values.counter = number_words(static_cast<std::uint64_t>(call.counter), lang);
  values.service = call.service;
  return fill_call_template(*tpl, values);
}

std::string template_error(std::string_view tpl) {
  auto parsed = parse_call_template(tpl);
  return parsed ? std::string() : parsed.error();
}

}  // namespace antrian::speech
