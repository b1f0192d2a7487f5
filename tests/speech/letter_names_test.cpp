#include <doctest/doctest.h>

#include <string>

#include "antrian/speech/letter_names.h"

using antrian::Lang;
using antrian::speech::letter_for_speech;
using antrian::speech::letter_name;

TEST_CASE("letter names: the Indonesian alphabet") {
  const char* expected[] = {"a",  "be", "ce", "de", "e",  "ef", "ge", "ha", "i",
                            "je", "ka", "el", "em", "en", "o",  "pe", "ki", "er",
                            "es", "te", "u",  "fe", "we", "eks", "ye", "zet"};
  for (char c = 'A'; c <= 'Z'; ++c) {
    CAPTURE(c);
    CHECK(letter_name(c) == expected[c - 'A']);
    CHECK(letter_name(static_cast<char>(c - 'A' + 'a')) == expected[c - 'A']);
  }
  CHECK(letter_name('1').empty());
  CHECK(letter_name('-').empty());
  CHECK(letter_name('\0').empty());
}

TEST_CASE("letter names: what espeak is given is the capital letter") {
  CHECK(letter_for_speech('a', Lang::id) == "A");
  CHECK(letter_for_speech('B', Lang::id) == "B");
  CHECK(letter_for_speech('z', Lang::en) == "Z");
  CHECK(letter_for_speech('7', Lang::id).empty());
}
