#include <doctest/doctest.h>

#include <set>

#include "antrian/strings.h"

using namespace antrian;

TEST_CASE("strings: both languages, placeholders, unknown keys visible") {
  CHECK(tr("status.halted", Lang::id) == "Terhenti");
  CHECK(tr("status.halted", Lang::en) == "Halted");
  CHECK(trf("common.minutes", Lang::id, {"12"}) == "12 menit");
  CHECK(tr("no.such.key", Lang::id) == "no.such.key");
  Lang l = Lang::id;
  CHECK(parse_lang("en", l));
  CHECK(l == Lang::en);
  CHECK_FALSE(parse_lang("fr", l));
}

TEST_CASE("strings: every key is unique and has text in both languages") {
  std::set<std::string_view> seen;
  for (std::string_view key : all_string_keys()) {
    CAPTURE(key);
    CHECK(seen.insert(key).second);
    CHECK_FALSE(tr(key, Lang::id).empty());
    CHECK_FALSE(tr(key, Lang::en).empty());
  }
}
