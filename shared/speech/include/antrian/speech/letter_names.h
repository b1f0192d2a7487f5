#pragma once
// Names of the letters of a ticket prefix (the "A" of A-001).
#include <string>
#include <string_view>

#include "antrian/strings.h"

namespace antrian::speech {

// The Indonesian name of a letter as written in a dictionary or on a caption:
// A "a", B "be", C "ce", ..., Q "ki", V "fe", X "eks", Z "zet". Upper or lower
// case; anything that is not a letter A-Z gives an empty view.
std::string_view letter_name(char letter);

// The text to hand to espeak-ng so that it says the letter's name in lang.
// Empty for anything that is not a letter A-Z. See letter_names.cpp for why this is
// the capital letter itself and not the dictionary spelling.
std::string letter_for_speech(char letter, Lang lang);

}  // namespace antrian::speech
