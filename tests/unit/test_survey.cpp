// The satisfaction survey's rules and index (survey.h), checked against a hand
// computation in the regulation's way (Permenpan RB 14/2017).
#include <doctest/doctest.h>

#include <vector>

#include "antrian/survey.h"

using namespace antrian;

TEST_CASE("survey: the IKM of a seeded set matches the hand computation") {
  // Four respondents, elements U1..U9.
  const std::vector<SurveyAnswers> set = {{4, 4, 3, 4, 3, 4, 4, 3, 3},
                                          {3, 3, 3, 4, 3, 3, 4, 3, 2},
                                          {4, 3, 2, 4, 3, 4, 3, 3, 3},
                                          {3, 4, 3, 4, 4, 3, 4, 2, 3}};
  // By hand: NRR = column sums / 4 = 14/4, 14/4, 11/4, 16/4, 13/4, 14/4, 15/4, 11/4, 11/4
  //        = 3.50, 3.50, 2.75, 4.00, 3.25, 3.50, 3.75, 2.75, 2.75; sum 29.75;
  // IKM = 29.75 x 1/9 = 3.30556; converted x 25 = 82.639 -> 82.64: grade B (76.61-88.30).
  const IkmResult r = compute_ikm(set);
  CHECK(r.responses == 4);
  const double nrr[] = {3.5, 3.5, 2.75, 4.0, 3.25, 3.5, 3.75, 2.75, 2.75};
  for (std::size_t i = 0; i < kSurveyElements; ++i) CHECK(r.nrr[i] == doctest::Approx(nrr[i]));
  CHECK(r.ikm == doctest::Approx(29.75 / 9.0));
  CHECK(r.converted == doctest::Approx(82.64));
  CHECK(r.grade == 'B');
}

TEST_CASE("survey: the grade bands and their edges") {
  CHECK(compute_ikm({SurveyAnswers{4, 4, 4, 4, 4, 4, 4, 4, 4}}).converted == doctest::Approx(100.0));
  CHECK(compute_ikm({SurveyAnswers{4, 4, 4, 4, 4, 4, 4, 4, 4}}).grade == 'A');
  CHECK(compute_ikm({SurveyAnswers{1, 1, 1, 1, 1, 1, 1, 1, 1}}).converted == doctest::Approx(25.0));
  CHECK(compute_ikm({SurveyAnswers{1, 1, 1, 1, 1, 1, 1, 1, 1}}).grade == 'D');
  CHECK(compute_ikm({SurveyAnswers{3, 3, 3, 3, 3, 3, 3, 3, 3}}).grade == 'C');  // 75.00
  CHECK(ikm_grade(88.31) == 'A');
  CHECK(ikm_grade(88.30) == 'B');
  CHECK(ikm_grade(76.61) == 'B');
  CHECK(ikm_grade(76.60) == 'C');
  CHECK(ikm_grade(65.00) == 'C');
  CHECK(ikm_grade(64.99) == 'D');
  CHECK(compute_ikm({}).responses == 0);
  CHECK(compute_ikm({}).grade == '-');
}

TEST_CASE("survey: answers are nine whole scores 1-4, and a bad one is named") {
  using json = nlohmann::json;
  CHECK(parse_survey_answers(json::array({1, 2, 3, 4, 4, 3, 2, 1, 4})));
  auto reason = [](const json& j) {
    auto r = parse_survey_answers(j);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "bad_request");
    return r.error().reason;
  };
  CHECK(reason(json::object()).find("must be a list") != std::string::npos);
  CHECK(reason(json::array({1, 2, 3})).find("has 3 scores, not 9") != std::string::npos);
  CHECK(reason(json::array({1, 2, 3, 4, 5, 3, 2, 1, 4})).find("score 5 (product) is 5") != std::string::npos);
  CHECK(reason(json::array({1, 2, 3, 4, 4, 3, 2, 1, 0})).find("score 9 (complaints)") != std::string::npos);
  CHECK(reason(json::array({1, 2, 3, 4, 4, 3, 2.5, 1, 4})).find("score 7 (behaviour)") != std::string::npos);
  CHECK(reason(json::array({1, 2, 3, 4, 4, 3, "4", 1, 4})).find("score 7") != std::string::npos);
}
