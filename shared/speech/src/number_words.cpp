#include "antrian/speech/number_words.h"

#include <array>

namespace antrian::speech {
namespace {

constexpr std::array<std::string_view, 10> kDigitsId = {
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"};
constexpr std::array<std::string_view, 20> kSmallEn = {
    "zero",    "one",     "two",       "three",    "four",     "five",    "six",
    "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kTensEn = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

void append_word(std::string& out, std::string_view word) {
  if (word.empty()) return;
  if (!out.empty()) out += ' ';
  out += word;
}

// 1..999 in Indonesian. The prefix "se-" replaces "satu" before belas, puluh and ratus:
// 11 sebelas, 10 sepuluh, 100 seratus (never "satu ratus").
std::string below_thousand_id(unsigned n) {
  std::string out;
  const unsigned hundreds = n / 100, rest = n % 100;
  if (hundreds == 1) append_word(out, "seratus");
  else if (hundreds > 1) append_word(out, std::string(kDigitsId[hundreds]) + " ratus");
  if (rest == 10) append_word(out, "sepuluh");
  else if (rest == 11) append_word(out, "sebelas");
  else if (rest >= 12 && rest <= 19) append_word(out, std::string(kDigitsId[rest % 10]) + " belas");
  else {
    if (rest >= 20) append_word(out, std::string(kDigitsId[rest / 10]) + " puluh");
    if (rest % 10 != 0) append_word(out, kDigitsId[rest % 10]);
  }
  return out;
}

std::string below_thousand_en(unsigned n) {
  std::string out;
  const unsigned hundreds = n / 100, rest = n % 100;
  if (hundreds > 0) append_word(out, std::string(kSmallEn[hundreds]) + " hundred");
  if (rest >= 20) {
    std::string tens(kTensEn[rest / 10]);
    if (rest % 10 != 0) tens += "-" + std::string(kSmallEn[rest % 10]);
    append_word(out, tens);
  } else if (rest > 0) {
    append_word(out, kSmallEn[rest]);
  }
  return out;
}

// Scale words from 10^18 down to 10^3; uint64_t tops out at about 1.8 * 10^19.
struct Scale {
  std::uint64_t value;
  std::string_view id;
  std::string_view en;
};
constexpr std::array<Scale, 6> kScales = {{
    {1'000'000'000'000'000'000ULL, "kuintiliun", "quintillion"},
    {1'000'000'000'000'000ULL, "kuadriliun", "quadrillion"},
    {1'000'000'000'000ULL, "triliun", "trillion"},
    {1'000'000'000ULL, "miliar", "billion"},
    {1'000'000ULL, "juta", "million"},
    {1'000ULL, "ribu", "thousand"},
}};

}  // namespace

std::string_view digit_word(int digit, Lang lang) {
  if (digit < 0 || digit > 9) return {};
  return lang == Lang::id ? kDigitsId[digit] : kSmallEn[digit];
}

std::string number_words(std::uint64_t n, Lang lang) {
  if (n == 0) return std::string(digit_word(0, lang));
  std::string out;
  for (const Scale& s : kScales) {
    const auto group = static_cast<unsigned>(n / s.value);
    n %= s.value;
    if (group == 0) continue;
    if (lang == Lang::en) {
      append_word(out, below_thousand_en(group) + " " + std::string(s.en));
    } else if (group == 1 && s.id == "ribu") {
      // "seribu" is the only correct form for exactly one thousand.
      append_word(out, "seribu");
    } else if (group == 1 && s.id == "juta") {
      // "sejuta" and "satu juta" are both correct; "sejuta" matches "seribu" and is
      // what callers say. Larger scales keep "satu" ("satu miliar") as usual.
      append_word(out, "sejuta");
    } else {
      // A group of 101 thousand is "seratus satu ribu": "se-" only for the group 1.
      append_word(out, below_thousand_id(group) + " " + std::string(s.id));
    }
  }
  const auto rest = static_cast<unsigned>(n);
  if (rest > 0) append_word(out, lang == Lang::id ? below_thousand_id(rest) : below_thousand_en(rest));
  return out;
}

}  // namespace antrian::speech
