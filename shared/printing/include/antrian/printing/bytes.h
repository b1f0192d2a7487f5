#pragma once
// The byte stream sent to a printer.
#include <cstdint>
#include <vector>

namespace antrian::printing {

using Bytes = std::vector<std::uint8_t>;

}  // namespace antrian::printing
