#pragma once
// Real headless Chromium for the browser tests: Debian's chromium driven by its
// chromedriver over the W3C WebDriver HTTP API (httplib client; no npm, no downloaded
// browser). One Chromedriver process per test; each Browser is a session with its own
// profile folder.
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace antrian::test {

class Chromedriver {
 public:
  Chromedriver();   // starts chromedriver on a free loopback port; throws if it cannot
  ~Chromedriver();  // kills it (and the browsers it started)
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

class Browser {
 public:
  Browser(Chromedriver& driver, int width, int height, const std::string& profile_dir);
  ~Browser();
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;

  void go(const std::string& url);
  void refresh();
  // Runs a script in the page (WebDriver "execute/sync"); returns its value.
  nlohmann::json exec(const std::string& script, nlohmann::json args = nlohmann::json::array());
  bool exists(const std::string& css);
  std::string text(const std::string& css);  // "" when there is no such element
  void click(const std::string& css);
  void type(const std::string& css, const std::string& text);
  // Polls the script until it returns true (or the timeout passes).
  bool wait_for(const std::string& script, std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
  std::string screenshot_png();  // the PNG file's bytes

 private:
  nlohmann::json call(const std::string& method, const std::string& path, const nlohmann::json& body);
  std::string element(const std::string& css);  // WebDriver element id, "" if none
  int port_;
  std::string session_;
};

std::string base64_decode(const std::string& in);

}  // namespace antrian::test
