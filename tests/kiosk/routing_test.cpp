// The routing table from the office config: the default one works, and every kind of
// mistake is refused with a reason that says where, and the kiosk falls back to one
// button per service.
#include <doctest/doctest.h>

#include <set>

#include "antrian/kiosk/routing.h"
#include "antrian/office_config.h"

using namespace antrian;
using namespace antrian::kiosk;
using json = nlohmann::json;

namespace {

std::map<std::string, Text> services() {
  return {{"A", {"Perekaman e-KTP", "e-KTP recording"}}, {"B", {"Pencetakan e-KTP", "e-KTP printing"}},
          {"C", {"Kartu Keluarga", "Family card"}}};
}

json leaf(const char* id, const char* service) { return {{"id", id}, {"label_id", id}, {"service", service}}; }

std::string error_of(const json& routing) {
  auto r = parse_routing(routing, services());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == "bad_config");
  return r.error().reason;
}

}  // namespace

TEST_CASE("routing: the default office's table is valid and ends at the right services") {
  auto cfg = default_office_config();
  REQUIRE(cfg.ok());
  std::map<std::string, Text> names;
  for (const Service& s : cfg->services) names[s.code] = {s.name_id, s.name_en};
  auto t = parse_routing(cfg->office.routing, names);
  REQUIRE_MESSAGE(t.ok(), t.error().reason);
  REQUIRE(t->roots.size() == 5);
  const RouteNode* ektp = find_route(*t, {"ektp"});
  REQUIRE(ektp);
  CHECK_FALSE(ektp->leaf());
  CHECK(ektp->question.id == "Apa yang Anda perlukan untuk e-KTP?");
  CHECK(services_under(*ektp) == std::vector<std::string>{"A", "B"});
  CHECK(find_route(*t, {"ektp", "ektp-rekam"})->service == "A");
  CHECK(find_route(*t, {"ektp", "ektp-rekam"})->hint.id.find("17 tahun") != std::string::npos);
  const RouteNode* print = find_route(*t, {"ektp", "ektp-cetak"});
  CHECK(print->service == "B");
  CHECK(print->alternative.id.find("surat keterangan pengganti KTP-el") != std::string::npos);
  CHECK_FALSE(print->alternative.en.empty());
  CHECK(find_route(*t, {"ektp", "ektp-hilang"})->service == "B");
  CHECK(find_route(*t, {"kk"})->service == "C");
  CHECK(find_route(*t, {"akta"})->service == "D");
  CHECK(services_under(*find_route(*t, {"pindah"})) == std::vector<std::string>{"E"});
  CHECK(find_route(*t, {"info"})->service == "F");
  // Every service of the office can be reached.
  std::set<std::string> reached;
  for (const RouteNode& n : t->roots)
    for (const std::string& s : services_under(n)) reached.insert(s);
  CHECK(reached.size() == cfg->services.size());
}

TEST_CASE("routing: mistakes are refused with where and why") {
  CHECK(error_of(json::object()) == "routing: must be a list of choices");
  CHECK(error_of(json::array()) == "routing: must have at least one choice");
  CHECK(error_of(json::array({leaf("a", "Z")})) == "routing[0].service: unknown service \"Z\" (services: A, B, C)");
  CHECK(error_of(json::array({leaf("a", "A"), leaf("a", "B")})) == "routing[1].id: duplicate \"a\"");
  CHECK(error_of(json::array({{{"id", "a"}, {"label_id", "x"}}})).find("needs a service") != std::string::npos);
  CHECK(error_of(json::array({{{"id", "a"}, {"label_id", "x"}, {"service", "A"}, {"children", json::array()}}}))
            .find("has both service and children") != std::string::npos);
  CHECK(error_of(json::array({{{"id", "a"}, {"label_id", "x"}, {"servis", "A"}}})) == "routing[0]: unknown field \"servis\"");
  CHECK(error_of(json::array({{{"id", "Bad Id"}, {"label_id", "x"}, {"service", "A"}}})).find("routing[0].id") == 0);
  CHECK(error_of(json::array({{{"id", "a"}, {"service", "A"}}})) == "routing[0].label_id: missing");
  CHECK(error_of(json::array({{{"id", "a"}, {"label_id", "  "}, {"service", "A"}}})) == "routing[0].label_id: must not be empty");
  CHECK(error_of(json::array({{{"id", "a"}, {"label_id", 5}, {"service", "A"}}})) == "routing[0].label_id: must be text");
  CHECK(error_of(json::array({{{"id", "a"}, {"label_id", "x"}, {"service", "A"}, {"question_id", "?"}}}))
            .find("a question only belongs") != std::string::npos);
  CHECK(error_of(json::array({{{"id", "g"}, {"label_id", "x"}, {"children", {leaf("a", "A")}}}})) ==
        "routing[0].question_id: missing (the question asked on the next screen)");
  CHECK(error_of(json::array({{{"id", "g"}, {"label_id", "x"}, {"question_id", "?"}, {"alternative_id", "y"},
                   {"children", {leaf("a", "A")}}}}))
            .find("an alternative only belongs") != std::string::npos);
  // Three questions deep is one too many.
  json deep = {{"id", "g3"}, {"label_id", "x"}, {"question_id", "?"}, {"children", {leaf("a", "A")}}};
  json mid = {{"id", "g2"}, {"label_id", "x"}, {"question_id", "?"}, {"children", {deep}}};
  json top = {{"id", "g1"}, {"label_id", "x"}, {"question_id", "?"}, {"children", {mid}}};
  CHECK(error_of(json::array({top})).find("routing[0].children[0].children[0].children: too deep") == 0);
  json nine = json::array();
  for (int i = 0; i < 9; ++i) nine.push_back(leaf(("s" + std::to_string(i)).c_str(), "A"));
  CHECK(error_of(nine).find("at most 8 fit on one screen") != std::string::npos);
  CHECK(error_of(json::array({{{"id", "a"}, {"label_id", std::string(81, 'x')}, {"service", "A"}}})).find("too long") !=
        std::string::npos);
}

TEST_CASE("routing: two questions deep is allowed, English falls back to Indonesian") {
  json mid = {{"id", "g2"}, {"label_id", "x"}, {"question_id", "?"}, {"children", {leaf("a", "A")}}};
  json top = {{"id", "g1"}, {"label_id", "Satu"}, {"question_id", "?"}, {"children", {mid}}};
  auto t = parse_routing(json::array({top}), services());
  REQUIRE(t.ok());
  const RouteNode* a = find_route(*t, {"g1", "g2", "a"});
  REQUIRE(a);
  CHECK(a->service == "A");
  CHECK(find_route(*t, {"g1"})->label.in(Lang::en) == "Satu");
  CHECK(find_route(*t, {"g1", "nope"}) == nullptr);
  CHECK(find_route(*t, {"g1", "g2", "a", "more"}) == nullptr);
  CHECK(choices_at(*t, {"g1", "g2"})->size() == 1);
  CHECK(choices_at(*t, {"g1", "g2", "a"}) == nullptr);
}

TEST_CASE("routing: missing or invalid tables fall back to one button per service") {
  auto absent = choose_routing(json::array(), services());
  CHECK(absent.problem.empty());
  CHECK_FALSE(absent.table.from_config);
  REQUIRE(absent.table.roots.size() == 3);
  CHECK(absent.table.roots[0].id == "service-a");
  CHECK(absent.table.roots[0].service == "A");
  CHECK(absent.table.roots[1].label.in(Lang::en) == "e-KTP printing");

  auto broken = choose_routing(json::array({leaf("a", "Z")}), services());
  CHECK(broken.problem.find("unknown service \"Z\"") != std::string::npos);
  CHECK(broken.table.roots.size() == 3);
  CHECK(choose_routing(nullptr, services()).problem.empty());

  auto good = choose_routing(json::array({leaf("a", "A")}), services());
  CHECK(good.problem.empty());
  CHECK(good.table.from_config);
  CHECK(good.table.roots.size() == 1);
}
