// One language at a time, one word for one thing (issue 13 item 7). Every protocol
// error code has its row in the strings table, so no screen has to show the hub's
// English reason to an Indonesian reader; and the Indonesian text of the table and of
// the web pages never uses the variants the office does not use ("antrean" for
// "antrian", "mati" for "terhenti", "Mulai Layani" for "Mulai Melayani").
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "antrian/error_text.h"
#include "antrian/strings.h"

using namespace antrian;

namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The error codes protocol.h declares in its namespace err.
std::set<std::string> protocol_error_codes() {
  const std::string header = read_file(std::filesystem::path(ANTRIAN_WEB_ROOT) / ".." / ".." / "shared" / "include" /
                                       "antrian" / "protocol.h");
  const std::size_t begin = header.find("namespace err {"), end = header.find("}  // namespace err");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  const std::string block = header.substr(begin, end - begin);
  const std::regex code(R"re(std::string_view \w+ = "([a-z_]+)")re");
  std::set<std::string> out;
  for (std::sregex_iterator it(block.begin(), block.end(), code), e; it != e; ++it) out.insert((*it)[1]);
  return out;
}

// Variants the office does not use, and the word it uses instead.
struct Banned {
  std::regex re;
  std::string use;
};
const std::vector<Banned>& banned() {
  static const std::vector<Banned> b = {
      {std::regex(R"(antrean)", std::regex::icase), "antrian"},
      // "Mati" as a status word, or a resource named and then "mati" ("{0} mati"); a PC
      // that is switched off ("PC loket mati") is another thing and may say so.
      {std::regex(R"((^|[^a-zA-Z])Mati([^a-zA-Z]|$))"), "Terhenti (the status word)"},
      {std::regex(R"(\} mati([^a-zA-Z]|$))"), "terhenti (a service or resource that stopped)"},
      {std::regex(R"(Mulai Layani)", std::regex::icase), "Mulai Melayani"},
      {std::regex(R"((^|[^a-zA-Z])Melambat([^a-zA-Z]|$))"), "Gangguan (the status word)"},
      {std::regex(R"((^|[^a-zA-Z])Lambat([^a-zA-Z]|$))"), "Gangguan (the status word)"},
  };
  return b;
}

}  // namespace

TEST_CASE("language: every protocol error code has Indonesian and English words in the strings table") {
  const std::set<std::string> codes = protocol_error_codes();
  CHECK(codes.size() >= 14);
  CHECK(codes.count("auth_failed") == 1);
  for (const std::string& code : codes) {
    CAPTURE(code);
    CHECK(has_string("error." + code));
    CHECK(error_key(code) == "error." + code);
    CHECK(error_words(code, Lang::id) != error_words(code, Lang::en));
  }
  CHECK(error_key("no_such_code") == "error.other");
}

TEST_CASE("language: an Indonesian screen gets the table's words, never the hub's English reason") {
  const std::string reason = "unknown staff member or wrong PIN";
  CHECK(error_line("auth_failed", reason, Lang::id) == "Nama petugas atau PIN salah");
  CHECK(error_line("auth_failed", reason, Lang::en) == "Wrong staff member or PIN (unknown staff member or wrong PIN)");
  // Where both languages are shown (antrian-ctl, the web's messages): Indonesian first.
  const std::string both = error_both("auth_failed", reason);
  CHECK(both.find("Nama petugas atau PIN salah") == 0);
  CHECK(both.find("Wrong staff member or PIN") > both.find("Nama petugas"));
  CHECK(both.find(reason) > both.find("Wrong staff"));
}

TEST_CASE("language: one word for one thing in the strings table's Indonesian text") {
  int rows = 0;
  for (std::string_view key : all_string_keys()) {
    const std::string id(tr(key, Lang::id));
    ++rows;
    for (const Banned& b : banned()) {
      INFO(key, ": \"", id, "\" (use \"", b.use, "\")");
      CHECK_FALSE(std::regex_search(id, b.re));
    }
  }
  CHECK(rows > 500);
  // The status words themselves.
  CHECK(tr("status.halted", Lang::id) == "Terhenti");
  CHECK(tr("counter.level.down", Lang::id) == "Terhenti");
  CHECK(tr("status.degraded", Lang::id) == "Gangguan");
  CHECK(tr("counter.level.degraded", Lang::id) == "Gangguan");
}

TEST_CASE("language: one word for one thing in the web pages and scripts") {
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ANTRIAN_WEB_ROOT)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".html" && ext != ".js") continue;
    if (entry.path().string().find("vendor") != std::string::npos) continue;
    ++files;
    const std::string text = read_file(entry.path());
    for (const Banned& b : banned()) {
      INFO(entry.path().filename().string(), " (use \"", b.use, "\")");
      CHECK_FALSE(std::regex_search(text, b.re));
    }
  }
  CHECK(files >= 8);
}

TEST_CASE("language: the banned-variant check catches a variant (it can fail)") {
  bool caught_antrean = false, caught_mati = false;
  for (const Banned& b : banned()) {
    caught_antrean = caught_antrean || std::regex_search(std::string("Nomor antrean Anda"), b.re);
    caught_mati = caught_mati || std::regex_search(std::string("Printer kartu Mati"), b.re) ||
                  std::regex_search(std::string("{0} mati (dilaporkan dari {1})"), b.re);
    CHECK_FALSE(std::regex_search(std::string("Nomor antrian dibuat otomatis"), b.re));
  }
  CHECK(caught_antrean);
  CHECK(caught_mati);
}
