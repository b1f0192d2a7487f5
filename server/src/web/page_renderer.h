#pragma once
// The HTML pages are files under server/web/ with placeholders filled from the one
// strings table, so no UI text lives in the HTML itself:
//   {{id:web.status.title}}  the Indonesian text, HTML-escaped
//   {{en:web.status.title}}  the English text, HTML-escaped
//   {{strings}}              the rows the page scripts need, as JSON {key: [id, en]},
//                            safe inside <script type="application/json">
#include <optional>
#include <string>
#include <string_view>

namespace antrian::web {

class PageRenderer {
 public:
  // root: the folder with the pages (ANTRIAN_WEB_ROOT unless the environment
  // variable ANTRIAN_WEB_ROOT points elsewhere, e.g. an installed copy).
  explicit PageRenderer(std::string root);
  const std::string& root() const { return root_; }

  // The page file (e.g. "status.html") with its placeholders filled; nullopt when the
  // file is missing.
  std::optional<std::string> render(std::string_view file) const;

  // Fills placeholders in a template text (exposed for tests).
  static std::string fill(std::string_view tpl);
  // The strings table rows the pages use, as JSON text.
  static std::string strings_json();
  // {{survey_elements}}: the survey's element keys in order (survey.h), as JSON text.
  static std::string survey_elements_json();

 private:
  std::string root_;
};

// Where the web files are: $ANTRIAN_WEB_ROOT, else the compiled-in source folder.
std::string default_web_root();

}  // namespace antrian::web
