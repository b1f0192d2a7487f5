#pragma once
// Screenshots the browser tests write for docs/screenshots: into
// $ANTRIAN_SCREENSHOT_DIR when set, else the test's build folder.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace antrian::test {

inline void save_png(const std::string& png, const std::string& name) {
  const char* env = std::getenv("ANTRIAN_SCREENSHOT_DIR");
  const std::filesystem::path dir = env && *env ? env : ANTRIAN_TEST_OUTPUT_DIR;
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << png;
  CHECK(png.substr(1, 3) == "PNG");
}

}  // namespace antrian::test
