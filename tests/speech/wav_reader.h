#pragma once
// A WAV reader for the tests, written apart from the library's writer so that a bug in
// one is not mirrored by the other. It walks the RIFF chunks as any player would.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

struct ParsedWav {
  int format = 0, channels = 0, sample_rate = 0, bits = 0;
  std::vector<std::int16_t> samples;
  double seconds() const { return sample_rate ? double(samples.size()) / sample_rate : 0; }
};

inline std::uint32_t le32(const std::uint8_t* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t(p[3]) << 24);
}
inline std::uint16_t le16(const std::uint8_t* p) { return std::uint16_t(p[0] | (p[1] << 8)); }

// Returns nothing (and a reason) when the bytes are not a 16-bit PCM WAV.
inline std::optional<ParsedWav> parse_wav(const std::vector<std::uint8_t>& b, std::string& why) {
  if (b.size() < 12 || std::memcmp(b.data(), "RIFF", 4) || std::memcmp(b.data() + 8, "WAVE", 4)) {
    why = "no RIFF/WAVE header";
    return std::nullopt;
  }
  if (le32(b.data() + 4) + 8 != b.size()) {
    why = "RIFF size " + std::to_string(le32(b.data() + 4)) + " does not match file size";
    return std::nullopt;
  }
  ParsedWav w;
  bool have_fmt = false, have_data = false;
  for (std::size_t pos = 12; pos + 8 <= b.size();) {
    const std::uint32_t size = le32(b.data() + pos + 4);
    if (pos + 8 + size > b.size()) {
      why = "chunk runs past the end";
      return std::nullopt;
    }
    const std::uint8_t* body = b.data() + pos + 8;
    if (!std::memcmp(b.data() + pos, "fmt ", 4) && size >= 16) {
      w.format = le16(body);
      w.channels = le16(body + 2);
      w.sample_rate = int(le32(body + 4));
      w.bits = le16(body + 14);
      if (le32(body + 8) != std::uint32_t(w.sample_rate * w.channels * w.bits / 8) ||
          le16(body + 12) != w.channels * w.bits / 8) {
        why = "inconsistent byte rate / block align";
        return std::nullopt;
      }
      have_fmt = true;
    } else if (!std::memcmp(b.data() + pos, "data", 4)) {
      for (std::uint32_t i = 0; i + 1 < size; i += 2) w.samples.push_back(std::int16_t(le16(body + i)));
      have_data = true;
    }
    pos += 8 + size + (size & 1);
  }
  if (!have_fmt || !have_data) {
    why = "missing fmt or data chunk";
    return std::nullopt;
  }
  return w;
}

inline std::vector<std::uint8_t> read_file_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}
