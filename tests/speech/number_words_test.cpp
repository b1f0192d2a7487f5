#include <doctest/doctest.h>

#include "antrian/speech/number_words.h"

using antrian::Lang;
using antrian::speech::digit_word;
using antrian::speech::number_words;

TEST_CASE("number words: Indonesian 0..20 one by one") {
  const char* expected[] = {"nol",          "satu",        "dua",          "tiga",
                            "empat",        "lima",        "enam",         "tujuh",
                            "delapan",      "sembilan",    "sepuluh",      "sebelas",
                            "dua belas",    "tiga belas",  "empat belas",  "lima belas",
                            "enam belas",   "tujuh belas", "delapan belas", "sembilan belas",
                            "dua puluh"};
  for (unsigned n = 0; n <= 20; ++n) {
    CAPTURE(n);
    CHECK(number_words(n, Lang::id) == expected[n]);
  }
}

TEST_CASE("number words: Indonesian tens, hundreds and the se- forms") {
  CHECK(number_words(21, Lang::id) == "dua puluh satu");
  CHECK(number_words(99, Lang::id) == "sembilan puluh sembilan");
  CHECK(number_words(100, Lang::id) == "seratus");
  CHECK(number_words(101, Lang::id) == "seratus satu");
  CHECK(number_words(110, Lang::id) == "seratus sepuluh");
  CHECK(number_words(111, Lang::id) == "seratus sebelas");
  CHECK(number_words(115, Lang::id) == "seratus lima belas");
  CHECK(number_words(123, Lang::id) == "seratus dua puluh tiga");
  CHECK(number_words(200, Lang::id) == "dua ratus");
  CHECK(number_words(999, Lang::id) == "sembilan ratus sembilan puluh sembilan");
}

TEST_CASE("number words: Indonesian thousands, millions and beyond") {
  CHECK(number_words(1000, Lang::id) == "seribu");
  CHECK(number_words(1001, Lang::id) == "seribu satu");
  CHECK(number_words(1100, Lang::id) == "seribu seratus");
  CHECK(number_words(2000, Lang::id) == "dua ribu");
  CHECK(number_words(2024, Lang::id) == "dua ribu dua puluh empat");
  CHECK(number_words(11000, Lang::id) == "sebelas ribu");
  CHECK(number_words(100000, Lang::id) == "seratus ribu");
  CHECK(number_words(101000, Lang::id) == "seratus satu ribu");
  CHECK(number_words(1'000'000, Lang::id) == "sejuta");
  CHECK(number_words(1'001'001, Lang::id) == "sejuta seribu satu");
  CHECK(number_words(2'500'000, Lang::id) == "dua juta lima ratus ribu");
  CHECK(number_words(999'999'999, Lang::id) ==
        "sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan "
        "ribu sembilan ratus sembilan puluh sembilan");
  CHECK(number_words(1'000'000'000, Lang::id) == "satu miliar");
  CHECK(number_words(3'000'000'000'017ULL, Lang::id) == "tiga triliun tujuh belas");
  // The largest value must not overflow a group or drop a scale.
  CHECK(number_words(18'446'744'073'709'551'615ULL, Lang::id) ==
        "delapan belas kuintiliun empat ratus empat puluh enam kuadriliun tujuh ratus "
        "empat puluh empat triliun tujuh puluh tiga miliar tujuh ratus sembilan juta lima "
        "ratus lima puluh satu ribu enam ratus lima belas");
}

TEST_CASE("number words: English") {
  CHECK(number_words(0, Lang::en) == "zero");
  CHECK(number_words(3, Lang::en) == "three");
  CHECK(number_words(13, Lang::en) == "thirteen");
  CHECK(number_words(20, Lang::en) == "twenty");
  CHECK(number_words(99, Lang::en) == "ninety-nine");
  CHECK(number_words(100, Lang::en) == "one hundred");
  CHECK(number_words(123, Lang::en) == "one hundred twenty-three");
  CHECK(number_words(1000, Lang::en) == "one thousand");
  CHECK(number_words(2024, Lang::en) == "two thousand twenty-four");
  CHECK(number_words(1'000'000, Lang::en) == "one million");
}

TEST_CASE("number words: digit words") {
  CHECK(digit_word(0, Lang::id) == "nol");
  CHECK(digit_word(9, Lang::id) == "sembilan");
  CHECK(digit_word(0, Lang::en) == "zero");
  CHECK(digit_word(10, Lang::id).empty());
  CHECK(digit_word(-1, Lang::en).empty());
}
