#include "antrian/speech/letter_names.h"

#include <array>

namespace antrian::speech {
namespace {

constexpr std::array<std::string_view, 26> kNamesId = {
    "a",  "be", "ce", "de", "e",  "ef", "ge", "ha", "i",  "je",  "ka", "el", "em",
    "en", "o",  "pe", "ki", "er", "es", "te", "u",  "fe", "we", "eks", "ye", "zet"};

int letter_index(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  return -1;
}

}  // namespace

std::string_view letter_name(char letter) {
  const int i = letter_index(letter);
  return i < 0 ? std::string_view{} : kNamesId[i];
}

// Why the capital letter and not "be", "ce", "de":
// espeak-ng's Indonesian voice reads a written word-final "e" as the open vowel [E]
// ("be" -> b'E, "te" -> t'E, even "bé"), while the letter names are said with the
// close [e]. A lone capital letter is looked up in espeak-ng's Indonesian letter list
// (id_list), which has exactly the names above with the right vowels: B -> b'e,
// Q -> k'i, V -> f'e, X -> 'Eks, Z -> z'Et (checked with `espeak-ng -v id -x`, and by
// the speech tests through espeak_TextToPhonemes). The English voice says its own
// letter names for the same capital, which is what an English listener expects.
std::string letter_for_speech(char letter, Lang /*lang*/) {
  const int i = letter_index(letter);
  if (i < 0) return {};
  return std::string(1, static_cast<char>('A' + i));
}

}  // namespace antrian::speech
