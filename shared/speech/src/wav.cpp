#include "antrian/speech/wav.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <system_error>

namespace antrian::speech {
namespace {

// Writes into a buffer sized up front (no push_back: GCC 12 warns falsely about
// vector growth of bytes with -Wstringop-overflow).
struct ByteWriter {
  std::uint8_t* p;
  void u16(std::uint16_t v) {
    *p++ = static_cast<std::uint8_t>(v & 0xff);
    *p++ = static_cast<std::uint8_t>(v >> 8);
  }
  void u32(std::uint32_t v) {
    for (int shift = 0; shift < 32; shift += 8) *p++ = static_cast<std::uint8_t>(v >> shift);
  }
  void tag(const char (&t)[5]) {
    for (int i = 0; i < 4; ++i) *p++ = static_cast<std::uint8_t>(t[i]);
  }
};

}  // namespace

std::vector<std::uint8_t> wav_bytes(const Pcm& pcm) {
  constexpr std::uint16_t kChannels = 1, kBits = 16;
  // RIFF sizes are 32-bit; clip rather than write a corrupt header (hours of audio).
  const std::size_t max_samples = (std::numeric_limits<std::uint32_t>::max() - 36) / 2;
  const std::size_t n = std::min(pcm.samples.size(), max_samples);
  const auto data_size = static_cast<std::uint32_t>(n * 2);
  const auto rate = static_cast<std::uint32_t>(pcm.sample_rate);

  std::vector<std::uint8_t> out(44 + std::size_t{data_size});
  ByteWriter w{out.data()};
  w.tag("RIFF");
  w.u32(36 + data_size);
  w.tag("WAVE");
  w.tag("fmt ");
  w.u32(16);  // size of the PCM format chunk
  w.u16(1);   // format: integer PCM
  w.u16(kChannels);
  w.u32(rate);
  w.u32(rate * kChannels * kBits / 8);  // bytes per second
  w.u16(kChannels * kBits / 8);         // bytes per frame
  w.u16(kBits);
  w.tag("data");
  w.u32(data_size);
  for (std::size_t i = 0; i < n; ++i) w.u16(static_cast<std::uint16_t>(pcm.samples[i]));
  return out;
}

Status write_wav(const std::filesystem::path& path, const Pcm& pcm) {
  const std::vector<std::uint8_t> bytes = wav_bytes(pcm);
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f)
      return Status::failure("cannot create " + tmp.string() + ": " + std::strerror(errno));
    f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      return Status::failure("cannot write " + tmp.string() + " (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    return Status::failure("cannot rename " + tmp.string() + " to " + path.string() + ": " +
                           ec.message());
  }
  return success();
}

}  // namespace antrian::speech
