// Runs the real demo program headless (SDL_VIDEODRIVER=offscreen, no X server) and
// checks the PNG it writes: right size, and an actual picture, not one flat colour.
#include <doctest/doctest.h>

#include <stb_image.h>  // implementation is in Debian's libstb

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "antrian-ui-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

struct Run {
  int exit_code = -1;
  std::string output;  // stdout + stderr
};

// Runs the demo with a time limit so a hung window cannot hang the test suite.
Run run_demo(const std::string& args) {
  const std::string cmd = std::string("SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy timeout 60 '") +
                          ANTRIAN_UI_DEMO_EXE + "' " + args + " 2>&1";
  Run r;
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe)) r.output += buf;
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

struct Image {
  int w = 0, h = 0;
  std::set<unsigned> colours;  // distinct RGB values (sampled)
};

Image load(const fs::path& file) {
  Image img;
  int channels = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px(stbi_load(file.c_str(), &img.w, &img.h, &channels, 3),
                                                    stbi_image_free);
  REQUIRE_MESSAGE(px != nullptr, "not a readable PNG: " << file.string());
  for (int y = 0; y < img.h; y += 3)
    for (int x = 0; x < img.w; x += 3) {
      const unsigned char* p = px.get() + (static_cast<std::size_t>(y) * img.w + x) * 3;
      img.colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
    }
  return img;
}

}  // namespace

TEST_CASE("antrian-ui-demo --screenshot writes a real picture of the requested size") {
  TempDir dir;
  const fs::path png = dir.path / "demo.png";
  const Run r = run_demo("--window 1280x720 --screenshot '" + png.string() + "'");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  REQUIRE(fs::exists(png));
  const Image img = load(png);
  CHECK(img.w == 1280);
  CHECK(img.h == 720);
  // Text, pills in three colours, a button, antialiasing: hundreds of colours.
  CHECK(img.colours.size() > 50);
  CHECK(img.colours.count(0xFFD54F) == 1);  // the big number in palette::highlight
  CHECK(img.colours.count(0x0B1A2E) == 1);  // the background
}

TEST_CASE("antrian-ui-demo --screenshot in English at another size") {
  TempDir dir;
  const fs::path png = dir.path / "demo-en.png";
  const Run r = run_demo("--window 800x600 --lang en --software-render --screenshot '" + png.string() + "'");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const Image img = load(png);
  CHECK(img.w == 800);
  CHECK(img.h == 600);
  CHECK(img.colours.size() > 50);
}

TEST_CASE("antrian-ui-demo --screenshot into a missing directory fails with a reason") {
  TempDir dir;
  const Run r = run_demo("--window 640x480 --screenshot '" + (dir.path / "no/such/dir/x.png").string() + "'");
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(r.output.find("could not write screenshot") != std::string::npos, r.output);
}

TEST_CASE("antrian-ui-demo rejects a malformed --window before opening anything") {
  const Run r = run_demo("--window 12x");
  CHECK(r.exit_code != 0);
  CHECK_MESSAGE(r.output.find("--window expects WIDTHxHEIGHT like 1280x720") != std::string::npos, r.output);
}
