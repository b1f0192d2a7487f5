#include "web/page_renderer.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "antrian/strings.h"
#include "antrian/survey.h"
#include "web/http_util.h"

namespace antrian::web {
namespace {

// Prefixes of the rows the page scripts look up by key.
constexpr std::string_view kPagePrefixes[] = {"web.", "state.", "status.", "priority.", "counter_state.", "common.", "device.", "error.", "survey.", "comeback."};

bool wanted(std::string_view key) {
  for (std::string_view p : kPagePrefixes)
    if (key.rfind(p, 0) == 0) return true;
  return false;
}

}  // namespace

std::string default_web_root() {
  if (const char* env = std::getenv("ANTRIAN_WEB_ROOT"); env && *env) return env;
  return ANTRIAN_WEB_ROOT;
}

PageRenderer::PageRenderer(std::string root) : root_(std::move(root)) {}

std::optional<std::string> PageRenderer::render(std::string_view file) const {
  std::ifstream in(root_ + "/" + std::string(file), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return fill(ss.str());
}

std::string PageRenderer::strings_json() {
  nlohmann::json j = nlohmann::json::object();
  for (std::string_view key : all_string_keys())
    if (wanted(key)) j[std::string(key)] = {tr(key, Lang::id), tr(key, Lang::en)};
  std::string text = j.dump();
  // Inside <script>: "</script>" or "<!--" in a string must not end the element.
  std::string out;
  out.reserve(text.size());
  for (char c : text) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return out;
}

// The survey's nine elements in the regulation's order (survey.h), so the pages do not
// keep a list of their own.
std::string PageRenderer::survey_elements_json() {
  nlohmann::json j = nlohmann::json::array();
  for (std::string_view key : kSurveyElementKeys) j.push_back(std::string(key));
  return j.dump();
}

std::string PageRenderer::fill(std::string_view tpl) {
  std::string out;
  out.reserve(tpl.size() + 1024);
  std::size_t pos = 0;
  while (pos < tpl.size()) {
    const std::size_t open = tpl.find("{{", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = tpl.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(tpl.substr(pos, open - pos));
    const std::string_view tag = tpl.substr(open + 2, close - open - 2);
    if (tag == "strings") out += strings_json();
    else if (tag == "survey_elements") out += survey_elements_json();
    else if (tag.rfind("id:", 0) == 0) out += html_escape(tr(tag.substr(3), Lang::id));
    else if (tag.rfind("en:", 0) == 0) out += html_escape(tr(tag.substr(3), Lang::en));
    else out.append(tpl.substr(open, close + 2 - open));  // not ours: keep as is
    pos = close + 2;
  }
  out.append(tpl.substr(pos));
  return out;
}

}  // namespace antrian::web
