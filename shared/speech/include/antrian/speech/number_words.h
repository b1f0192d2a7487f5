#pragma once
// Numbers as words, the way a caller in a service hall says them.
#include <cstdint>
#include <string>
#include <string_view>

#include "antrian/strings.h"

namespace antrian::speech {

// The word for one digit 0..9 ("nol", "satu", ... / "zero", "one", ...).
// Any other value gives an empty view.
std::string_view digit_word(int digit, Lang lang);

// The whole number in words, for every value of uint64_t.
// Indonesian: 0 "nol", 11 "sebelas", 15 "lima belas", 20 "dua puluh",
//   100 "seratus", 123 "seratus dua puluh tiga", 1000 "seribu", 2024 "dua ribu dua
//   puluh empat", 101000 "seratus satu ribu", 1000000 "sejuta", 1e9 "satu miliar".
// English: 123 "one hundred twenty-three", 1000000 "one million".
std::string number_words(std::uint64_t n, Lang lang);

}  // namespace antrian::speech
