#include "webdriver.h"

#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

extern char** environ;

namespace antrian::test {
namespace {

using json = nlohmann::json;
constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  const int port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

}  // namespace

Chromedriver::Chromedriver() {
  port_ = free_port();
  std::string bin = "/usr/bin/chromedriver";
  std::string port_arg = "--port=" + std::to_string(port_);
  std::string silent = "--silent";
  char* argv[] = {bin.data(), port_arg.data(), silent.data(), nullptr};
  if (::posix_spawn(&pid_, bin.c_str(), nullptr, nullptr, argv, environ) != 0)
    throw std::runtime_error("cannot start /usr/bin/chromedriver (apt-get install chromium-driver)");
  httplib::Client c("127.0.0.1", port_);
  for (int i = 0; i < 100; ++i) {
    if (auto r = c.Get("/status"); r && r->status == 200 && json::parse(r->body)["value"]["ready"] == true) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("chromedriver did not become ready on port " + std::to_string(port_));
}

Chromedriver::~Chromedriver() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 50 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (::waitpid(pid_, &status, WNOHANG) == 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
    }
  }
}

Browser::Browser(Chromedriver& driver, int width, int height, const std::string& profile_dir) : port_(driver.port()) {
  json args = {"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
               "--window-size=" + std::to_string(width) + "," + std::to_string(height),
               "--user-data-dir=" + profile_dir};
  json caps = {{"capabilities",
                {{"alwaysMatch",
                  {{"browserName", "chrome"},
                   {"goog:chromeOptions", {{"binary", "/usr/bin/chromium"}, {"args", args}}}}}}}};
  json r = call("POST", "/session", caps);
  session_ = r["sessionId"].get<std::string>();
  // --window-size includes the window's frame: make the page itself width x height.
  const std::string rect_path = "/session/" + session_ + "/window/rect";
  for (int attempt = 0; attempt < 3; ++attempt) {
    const json inner = exec("return [window.innerWidth, window.innerHeight];");
    const int dw = width - inner[0].get<int>(), dh = height - inner[1].get<int>();
    if (dw == 0 && dh == 0) break;
    const json rect = call("GET", rect_path, json::object());
    call("POST", rect_path, {{"width", rect["width"].get<int>() + dw}, {"height", rect["height"].get<int>() + dh}});
  }
}

Browser::~Browser() {
  if (session_.empty()) return;
  try {
    call("DELETE", "/session/" + session_, json::object());
  } catch (const std::exception&) {
  }
}

json Browser::call(const std::string& method, const std::string& path, const json& body) {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(60, 0);
  httplib::Result r = method == "GET"      ? c.Get(path.c_str())
                      : method == "DELETE" ? c.Delete(path.c_str())
                                           : c.Post(path.c_str(), body.dump(), "application/json");
  if (!r) throw std::runtime_error("chromedriver did not answer " + method + " " + path);
  json j = json::parse(r->body, nullptr, false);
  if (r->status != 200 || j.is_discarded())
    throw std::runtime_error("WebDriver " + method + " " + path + ": " + std::to_string(r->status) + " " +
                             r->body.substr(0, 500));
  return j["value"];
}

void Browser::go(const std::string& url) { call("POST", "/session/" + session_ + "/url", {{"url", url}}); }

void Browser::refresh() { call("POST", "/session/" + session_ + "/refresh", json::object()); }

json Browser::exec(const std::string& script, json args) {
  return call("POST", "/session/" + session_ + "/execute/sync", {{"script", script}, {"args", args}});
}

std::string Browser::element(const std::string& css) {
  httplib::Client c("127.0.0.1", port_);
  auto r = c.Post(("/session/" + session_ + "/element").c_str(),
                  json{{"using", "css selector"}, {"value", css}}.dump(), "application/json");
  if (!r || r->status != 200) return {};
  return json::parse(r->body)["value"][kElementKey].get<std::string>();
}

bool Browser::exists(const std::string& css) { return !element(css).empty(); }

std::string Browser::text(const std::string& css) {
  const std::string id = element(css);
  if (id.empty()) return {};
  return call("GET", "/session/" + session_ + "/element/" + id + "/text", json::object()).get<std::string>();
}

void Browser::click(const std::string& css) {
  const std::string id = element(css);
  if (id.empty()) throw std::runtime_error("nothing to click at " + css);
  call("POST", "/session/" + session_ + "/element/" + id + "/click", json::object());
}

void Browser::type(const std::string& css, const std::string& text) {
  const std::string id = element(css);
  if (id.empty()) throw std::runtime_error("nothing to type into at " + css);
  call("POST", "/session/" + session_ + "/element/" + id + "/clear", json::object());
  call("POST", "/session/" + session_ + "/element/" + id + "/value", {{"text", text}});
}

bool Browser::wait_for(const std::string& script, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  do {
    if (exec("return !!(" + script + ");") == true) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (std::chrono::steady_clock::now() < end);
  return false;
}

std::string Browser::screenshot_png() {
  return base64_decode(call("GET", "/session/" + session_ + "/screenshot", json::object()).get<std::string>());
}

std::string base64_decode(const std::string& in) {
  static const std::string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int val = 0, bits = -8;
  for (char c : in) {
    const std::size_t p = chars.find(c);
    if (p == std::string::npos) continue;  // '=', newlines
    val = (val << 6) + int(p);
    bits += 6;
    if (bits >= 0) {
      out.push_back(char((val >> bits) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

}  // namespace antrian::test
