#include "antrian/printing/transliterate.h"

#include <cstdint>

namespace antrian::printing {
namespace {

// U+00A0..U+00FF, one entry per code point; "" drops the character.
constexpr std::string_view kLatin1[96] = {
    " ", "!", "c", "L", "", "Y", "|", "S", "", "(c)", "a", "<<", "-", "", "(R)", "",
    "o", "+/-", "2", "3", "'", "u", "", ".", "", "1", "o", ">>", "1/4", "1/2", "3/4", "?",
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
};

// U+0100..U+017F (Latin Extended-A): the base letter of each; '*' marks the four
// ligatures handled separately (IJ ij OE oe).
constexpr std::string_view kLatinExtA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**JjKkkLlLlLlLlLlNnNnNnnNn"
    "OoOoOo**RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(kLatinExtA.size() == 128);

std::string_view fold(std::uint32_t cp) {
  if (cp >= 0xA0 && cp <= 0xFF) return kLatin1[cp - 0xA0];
  if (cp >= 0x100 && cp <= 0x17F) {
    switch (cp) {
      case 0x132: return "IJ";
      case 0x133: return "ij";
      case 0x152: return "OE";
      case 0x153: return "oe";
      default: return kLatinExtA.substr(cp - 0x100, 1);
    }
  }
  if (cp >= 0x2000 && cp <= 0x200A) return " ";
  switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
      return "-";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return "\"";
    case 0x2022: return "*";
    case 0x2024: return ".";
    case 0x2026: return "...";
    case 0x2039: return "<";
    case 0x203A: return ">";
    case 0x2044: return "/";
    case 0x20AC: return "EUR";
    case 0x2116: return "No.";
    case 0x2122: return "TM";
    default: return "";  // combining marks, other scripts, emoji: not on the printer
  }
}

// Decodes one UTF-8 sequence at s[i]; returns its length (0 for an invalid byte).
size_t decode(std::string_view s, size_t i, std::uint32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t len = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; cp = b0 & 0x1F; }
  else if (b0 >= 0xE0 && b0 <= 0xEF) { len = 3; cp = b0 & 0x0F; }
  else if (b0 >= 0xF0 && b0 <= 0xF4) { len = 4; cp = b0 & 0x07; }
  else return 0;
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  // Reject overlong forms and surrogates so odd bytes cannot smuggle anything through.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

}  // namespace

std::string to_printable_ascii(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      if (c >= 0x20 && c < 0x7F) out.push_back(static_cast<char>(c));
      else if (c == '\t' || c == '\n' || c == '\r') out.push_back(' ');
      ++i;  // other control bytes (ESC, GS, DLE...) would be printer commands: drop
      continue;
    }
    std::uint32_t cp = 0;
    const size_t len = decode(utf8, i, cp);
    if (len == 0) { ++i; continue; }
    out.append(fold(cp));
    i += len;
  }
  return out;
}

}  // namespace antrian::printing
