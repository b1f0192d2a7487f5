#include "antrian/display/display_config.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

#include "antrian/hub_client.h"
#include "antrian/speech/phrase.h"

namespace antrian::display {
namespace {

Error bad(std::string reason) { return make_error("bad_config", std::move(reason)); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  while (true) {
    const std::size_t comma = text.find(',', begin);
    out.push_back(trim(text.substr(begin, comma == std::string_view::npos ? std::string_view::npos : comma - begin)));
    if (comma == std::string_view::npos) break;
    begin = comma + 1;
  }
  return out;
}

Result<std::string> service_code(std::string_view item) {
  if (item.empty()) return bad("an empty service code (two commas, or a comma at the start or end)");
  if (item.size() > 3) return bad("service code \"" + std::string(item) + "\" is too long (1-3 letters or digits, like A)");
  std::string code;
  for (char ch : item) {
    if (!std::isalnum(static_cast<unsigned char>(ch)))
      return bad("service code \"" + std::string(item) + "\" may only hold letters or digits, like A");
    code.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  }
  return code;
}

Result<int> loket_number(std::string_view item) {
  if (item.empty()) return bad("an empty loket number (two commas, or a comma at the start or end)");
  int n = 0;
  auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
  if (ec != std::errc{} || end != item.data() + item.size() || n < 1 || n > kMaxLoketNumber)
    return bad("loket \"" + std::string(item) + "\" is not a number from 1 to " + std::to_string(kMaxLoketNumber));
  return n;
}

template <typename T>
Result<Ok> no_repeats(const std::vector<T>& v, std::string_view what) {
  for (std::size_t i = 0; i < v.size(); ++i)
    for (std::size_t k = i + 1; k < v.size(); ++k)
      if (v[i] == v[k]) {
        std::ostringstream os;
        os << what << " " << v[i] << " is listed twice";
        return bad(os.str());
      }
  return Ok{};
}

// A JSON value that is either a list or a comma-separated string.
std::string list_text(const nlohmann::json& v, bool numbers) {
  if (v.is_string()) return v.get<std::string>();
  std::string out;
  for (const auto& item : v) {
    if (numbers ? !item.is_number_integer() : !item.is_string()) throw std::invalid_argument("item");
    out += (out.empty() ? "" : ",") + (numbers ? std::to_string(item.get<long long>()) : item.get<std::string>());
  }
  return out;
}

}  // namespace

Result<std::vector<std::string>> parse_service_list(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view item : split_commas(text)) {
    auto code = service_code(item);
    if (!code) return code.error();
    out.push_back(*code);
  }
  if (auto r = no_repeats(out, "service"); !r) return r.error();
  return out;
}

Result<std::vector<int>> parse_loket_list(std::string_view text) {
  std::vector<int> out;
  for (std::string_view item : split_commas(text)) {
    auto n = loket_number(item);
    if (!n) return n.error();
    out.push_back(*n);
  }
  if (auto r = no_repeats(out, "loket"); !r) return r.error();
  return out;
}

Result<Ok> validate(const DisplayConfig& c) {
  std::string host, error;
  int port = 0;
  if (!parse_hub_address(c.hub, host, port, error)) return bad(error);
  if (c.volume < 0 || c.volume > 100) return bad("volume must be 0 to 100 percent, not " + std::to_string(c.volume));
  if (c.title.size() > kMaxTitleBytes)
    return bad("title is " + std::to_string(c.title.size()) + " bytes; keep it under " + std::to_string(kMaxTitleBytes));
  if (c.max_speech_age_s < 1 || c.max_speech_age_s > 300)
    return bad("max_speech_age_s must be 1 to 300 seconds, not " + std::to_string(c.max_speech_age_s));
  if (c.running_text != "page" && c.running_text != "scroll")
    return bad("running_text must be \"page\" or \"scroll\", not \"" + c.running_text + "\"");
  if (c.highlight_s < 1 || c.highlight_s > 120)
    return bad("highlight_s must be 1 to 120 seconds, not " + std::to_string(c.highlight_s));
  for (const std::string& code : c.services)
    if (auto r = service_code(code); !r || *r != code) return bad("service code \"" + code + "\" is not valid (1-3 letters or digits, like A)");
  for (int n : c.lokets)
    if (n < 1 || n > kMaxLoketNumber) return bad("loket " + std::to_string(n) + " is not from 1 to 999");
  if (auto r = no_repeats(c.services, "service"); !r) return r;
  if (auto r = no_repeats(c.lokets, "loket"); !r) return r;
  if (!c.call_template.empty())
    if (std::string e = speech::template_error(c.call_template); !e.empty()) return bad("call_template: " + e);
  if (!c.recall_template.empty())
    if (std::string e = speech::template_error(c.recall_template); !e.empty()) return bad("recall_template: " + e);
  return Ok{};
}

Result<Ok> apply_config_json(const nlohmann::json& j, DisplayConfig& c, Lang* screen_lang) {
  if (!j.is_object()) return bad("the config must be a JSON object like {\"services\": [\"A\", \"B\"]}");
  DisplayConfig out = c;
  Lang lang = screen_lang ? *screen_lang : Lang::id;
  for (const auto& [key, v] : j.items()) {
    auto want = [&](bool ok, const char* type) -> Result<Ok> {
      if (!ok) return bad("\"" + key + "\" must be " + type);
      return Ok{};
    };
    Result<Ok> r = Ok{};
    if (key == "hub") {
      if (r = want(v.is_string(), "a string like \"tcp://127.0.0.1:5555\""); r) out.hub = v.get<std::string>();
    } else if (key == "services" || key == "lokets") {
      const bool numbers = key == "lokets";
      r = want(v.is_string() || v.is_array(), numbers ? "a list of numbers or a string like \"1,2,3\""
                                                       : "a list of codes or a string like \"A,B\"");
      if (!r) return r.error();
      std::string text;
      try {
        text = list_text(v, numbers);
      } catch (const std::exception&) {
        return bad("\"" + key + "\" must hold only " + (numbers ? "whole numbers" : "strings"));
      }
      if (numbers) {
        if (text.empty()) { out.lokets.clear(); continue; }
        auto l = parse_loket_list(text);
        if (!l) return bad("\"lokets\": " + l.error().reason);
        out.lokets = *l;
      } else {
        if (text.empty()) { out.services.clear(); continue; }
        auto l = parse_service_list(text);
        if (!l) return bad("\"services\": " + l.error().reason);
        out.services = *l;
      }
    } else if (key == "volume") {
      if (r = want(v.is_number_integer(), "a whole number from 0 to 100"); r) out.volume = v.get<int>();
    } else if (key == "mute") {
      if (r = want(v.is_boolean(), "true or false"); r) out.mute = v.get<bool>();
    } else if (key == "title") {
      if (r = want(v.is_string(), "a string"); r) out.title = v.get<std::string>();
    } else if (key == "call_template" || key == "recall_template") {
      if (r = want(v.is_string(), "a string with {ticket} and {counter}"); r)
        (key == "call_template" ? out.call_template : out.recall_template) = v.get<std::string>();
    } else if (key == "running_text") {
      if (r = want(v.is_string(), "\"page\" or \"scroll\""); r) out.running_text = v.get<std::string>();
    } else if (key == "speech_lang" || key == "lang") {
      r = want(v.is_string(), "\"id\" or \"en\"");
      Lang l{};
      if (r && !parse_lang(v.get<std::string>(), l)) r = bad("\"" + key + "\" must be \"id\" or \"en\"");
      if (r) (key == "lang" ? lang : out.speech_lang) = l;
    } else if (key == "max_speech_age_s" || key == "highlight_s") {
      if (r = want(v.is_number_integer() && v.get<long long>() >= 0 && v.get<long long>() < 100000,
                   "a whole number of seconds");
          r)
        (key == "highlight_s" ? out.highlight_s : out.max_speech_age_s) = v.get<int>();
    } else {
      r = bad("unknown key \"" + key +
              "\" (known: hub, services, lokets, volume, mute, title, call_template, recall_template, "
              "speech_lang, lang, max_speech_age_s, highlight_s, running_text)");
    }
    if (!r) return r.error();
  }
  if (auto r = validate(out); !r) return r.error();
  c = std::move(out);
  if (screen_lang) *screen_lang = lang;
  return Ok{};
}

Result<Ok> load_config_file(const std::string& path, DisplayConfig& c, Lang* screen_lang) {
  std::ifstream in(path);
  if (!in) return bad("cannot read the config file " + path + " (does it exist, and may this user read it?)");
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded()) return bad(path + " is not valid JSON");
  auto r = apply_config_json(j, c, screen_lang);
  if (!r) return bad(path + ": " + r.error().reason);
  return Ok{};
}

}  // namespace antrian::display
