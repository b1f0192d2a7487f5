// The worked example of docs/PROTOCOL.md (section 16) replayed against a real hub: every
// `C:` line is sent as written, with the key of the role it names, and the `S:` lines
// that follow must match the hub's answer. Times, tokens and ports differ from run to
// run and are compared by type only; `…` in the page marks parts left out.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "antrian/device_keys.h"
#include "hub_process.h"

namespace {

using nlohmann::json;
using antrian::test::HubProcess;
using antrian::test::TempDir;

struct Line {
  char who;                         // 'C' or 'S'
  std::vector<std::string> frames;  // as written between the brackets
  int number;                       // line in the page, for messages
};

std::string read_page() {
  // __FILE__ may be relative to the build folder of this test, where its binary is.
  std::filesystem::path source(__FILE__);
  if (source.is_relative()) source = std::filesystem::canonical("/proc/self/exe").parent_path() / source;
  const auto path = source.parent_path().parent_path().parent_path() / "docs" / "PROTOCOL.md";
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "[a] [b]" -> {"a", "b"}: frames are separated by "] [" and the line ends with "]".
std::vector<std::string> split_frames(const std::string& rest) {
  REQUIRE_MESSAGE((rest.size() >= 2 && rest.front() == '[' && rest.back() == ']'), "not frames: " << rest);
  std::vector<std::string> out;
  const std::string body = rest.substr(1, rest.size() - 2);
  size_t from = 0;
  for (size_t at; (at = body.find("] [", from)) != std::string::npos; from = at + 3) out.push_back(body.substr(from, at - from));
  out.push_back(body.substr(from));
  return out;
}

std::vector<Line> worked_example(const std::string& page) {
  const auto begin = page.find("## 16. Worked example");
  const auto end = page.find("\n## 17.", begin);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::vector<Line> out;
  std::istringstream in(page.substr(begin, end - begin));
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.rfind("C: [", 0) == 0 || line.rfind("S: [", 0) == 0) out.push_back({line[0], split_frames(line.substr(3)), n});
  }
  return out;
}

// Members whose values change from run to run: compared by JSON type only.
const std::set<std::string> kVolatile = {"at", "now", "issued_at", "queue_at", "called_at", "token", "pub_port", "http_port"};

void same_shape(const json& doc, const json& got, const std::string& where) {
  INFO(where);
  if (doc.is_object()) {
    REQUIRE(got.is_object());
    CHECK_EQ(doc.size(), got.size());
    for (const auto& [k, v] : doc.items()) {
      REQUIRE_MESSAGE(got.contains(k), "the hub's answer has no member " << k);
      if (kVolatile.count(k)) CHECK_EQ(std::string(v.type_name()), std::string(got[k].type_name()));
      else same_shape(v, got[k], where + "." + k);
    }
  } else if (doc.is_array()) {
    REQUIRE(got.is_array());
    REQUIRE_EQ(doc.size(), got.size());
    for (size_t i = 0; i < doc.size(); ++i) same_shape(doc[i], got[i], where + "[" + std::to_string(i) + "]");
  } else {
    CHECK_EQ(doc, got);
  }
}

// A frame of the page against the hub's frame. Abbreviated frames (with …) are not
// JSON: then every plain `"member":value` they show must be in the answer.
void same_frame(const std::string& doc, const std::string& got, int line) {
  INFO("PROTOCOL.md worked example, line " << line << " of section 16: " << doc.substr(0, 120));
  INFO("the hub sent: " << got.substr(0, 300));
  if (doc.empty() || doc.find('{') == std::string::npos) {
    CHECK_EQ(doc, got);
    return;
  }
  const json want = json::parse(doc, nullptr, false);
  const json have = json::parse(got, nullptr, false);
  REQUIRE_FALSE(have.is_discarded());
  if (!want.is_discarded()) {
    same_shape(want, have, "frame");
    return;
  }
  REQUIRE_MESSAGE(doc.find("…") != std::string::npos, "the page's frame is not JSON and not marked as shortened");
  static const std::regex pair(R"re("([a-z_]+)":("[^"]*"|-?[0-9]+|true|false|null)(?=[,}\]]))re");
  int checked = 0;
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), pair); it != std::sregex_iterator(); ++it) {
    if (kVolatile.count((*it)[1].str())) continue;
    CHECK_MESSAGE(got.find((*it)[0].str()) != std::string::npos, "missing " << (*it)[0].str());
    ++checked;
  }
  CHECK(checked >= 3);
}

class Devices {
 public:
  explicit Devices(const HubProcess& hub) : hub_(hub) {
    // In the page's order: events 5, 6 and 7.
    add("kiosk", hub.key_file("kiosk", "kiosk-1"));
    add("counter", hub.key_file("counter", "loket-2", 2));
    add("display", hub.key_file("display", "tv-1"));
  }
  // Sends the frames with the key of the role the JSON names (the kiosk's otherwise).
  std::vector<std::string> exchange(const std::vector<std::string>& frames) {
    std::string role = "kiosk";
    for (const std::string& f : frames) {
      const json j = json::parse(f, nullptr, false);
      if (j.is_object() && j.contains("role") && sockets_.count(j["role"].get<std::string>())) role = j["role"];
    }
    zmq::socket_t& s = *sockets_.at(role);
    for (size_t i = 0; i < frames.size(); ++i)
      s.send(zmq::buffer(frames[i]), i + 1 < frames.size() ? zmq::send_flags::sndmore : zmq::send_flags::none);
    zmq::pollitem_t item{s.handle(), 0, ZMQ_POLLIN, 0};
    REQUIRE_MESSAGE(zmq::poll(&item, 1, std::chrono::milliseconds(5000)) > 0, "no answer to " << frames.back());
    std::vector<zmq::message_t> msgs;
    REQUIRE(zmq::recv_multipart(s, std::back_inserter(msgs)));
    std::vector<std::string> out;
    for (auto& m : msgs) out.push_back(m.to_string());
    return out;
  }

 private:
  void add(const std::string& role, const std::string& key_file) {
    auto keys = antrian::load_client_keys(key_file, hub_.hub_key_file());
    REQUIRE_MESSAGE(bool(keys), (keys ? std::string() : keys.error().reason));
    auto s = std::make_unique<zmq::socket_t>(ctx_, zmq::socket_type::dealer);
    s->set(zmq::sockopt::linger, 0);
    s->set(zmq::sockopt::curve_serverkey, keys->hub_public_key);
    s->set(zmq::sockopt::curve_publickey, keys->public_key);
    s->set(zmq::sockopt::curve_secretkey, keys->secret_key);
    s->connect(hub_.address());
    sockets_[role] = std::move(s);
  }
  const HubProcess& hub_;
  zmq::context_t ctx_{1};
  std::map<std::string, std::unique_ptr<zmq::socket_t>> sockets_;
};

}  // namespace

TEST_CASE("the worked example of docs/PROTOCOL.md runs as written") {
  const std::vector<Line> lines = worked_example(read_page());
  REQUIRE(lines.size() >= 20);
  TempDir dir;
  // The page's moment: Thursday 3 December 2026, 09:00 WIB.
  HubProcess hub(dir.path(), {"--clock-start", "1796263200000"});
  Devices devices(hub);

  std::vector<Line> published;  // "S: [ev] [...]": checked against the log at the end
  size_t exchanges = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].who != 'C') continue;
    // The answer is the first S: line after it that is not a publication.
    size_t j = i + 1;
    while (j < lines.size() && lines[j].who == 'S' &&
           (lines[j].frames[0] == "ev" || lines[j].frames[0] == "hb" || lines[j].frames[0] == "fc"))
      ++j;
    REQUIRE_MESSAGE((j < lines.size() && lines[j].who == 'S'), "no S: line answers the C: line " << lines[i].number);
    const std::vector<std::string> got = devices.exchange(lines[i].frames);
    INFO("line " << lines[i].number);
    REQUIRE_EQ(got.size(), lines[j].frames.size());
    for (size_t f = 0; f < got.size(); ++f) same_frame(lines[j].frames[f], got[f], lines[j].number);
    ++exchanges;
  }
  CHECK(exchanges >= 12);

  // Every published event shown is the hub's event with that number (as events_since has it).
  for (const Line& l : lines)
    if (l.who == 'S' && l.frames.size() == 2 && l.frames[0] == "ev") published.push_back(l);
  REQUIRE(published.size() >= 3);
  for (const Line& l : published) {
    const json want = json::parse(l.frames[1]);
    const int64_t seq = want.at("seq").get<int64_t>();
    const std::string ask = json{{"v", 1}, {"id", "doc-check-" + std::to_string(seq)}, {"cmd", "events_since"},
                                 {"role", "display"}, {"args", {{"seq", seq - 1}}}}
                                .dump();
    const json reply = json::parse(devices.exchange({ask}).at(0));
    REQUIRE(reply.value("ok", false));
    REQUIRE_FALSE(reply["result"]["events"].empty());
    same_frame(l.frames[1], reply["result"]["events"][0].dump(), l.number);
  }
}
