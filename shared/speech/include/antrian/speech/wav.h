#pragma once
// WAV (RIFF, PCM 16-bit mono) encoding, so the web can serve a call as a file.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "antrian/speech/pcm.h"
#include "antrian/speech/result.h"

namespace antrian::speech {

// The complete file: 44-byte header followed by little-endian samples.
std::vector<std::uint8_t> wav_bytes(const Pcm& pcm);

// Writes wav_bytes(pcm) to path through a temporary file and a rename, so a reader
// (the web server) never sees half a file. Fails with a reason (e.g. no such folder).
Status write_wav(const std::filesystem::path& path, const Pcm& pcm);

}  // namespace antrian::speech
