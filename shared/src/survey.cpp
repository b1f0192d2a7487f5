#include "antrian/survey.h"

#include <cmath>

namespace antrian {

Result<SurveyAnswers> parse_survey_answers(const nlohmann::json& value) {
  auto bad = [](const std::string& why) {
    return make_error("bad_request", "answers: " + why + " (nine scores 1-4, one per element, in the order " +
                                         "requirements, procedure, time, cost, product, competence, behaviour, " +
                                         "facilities, complaints)");
  };
  if (!value.is_array()) return bad("must be a list");
  if (value.size() != kSurveyElements) return bad("has " + std::to_string(value.size()) + " scores, not 9");
  SurveyAnswers out{};
  for (std::size_t i = 0; i < kSurveyElements; ++i) {
    const auto& v = value[i];
    if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > 4)
      return bad("score " + std::to_string(i + 1) + " (" + std::string(kSurveyElementKeys[i]) + ") is " + v.dump() +
                 ", not a whole number 1-4");
    out[i] = int(v.get<int64_t>());
  }
  return out;
}

IkmResult compute_ikm(const std::vector<SurveyAnswers>& answers) {
  IkmResult r;
  r.responses = int(answers.size());
  if (answers.empty()) return r;
  for (const auto& a : answers)
    for (std::size_t i = 0; i < kSurveyElements; ++i) r.nrr[i] += a[i];
  for (double& n : r.nrr) n /= double(answers.size());
  for (double n : r.nrr) r.ikm += n / double(kSurveyElements);
  r.converted = std::round(r.ikm * 25.0 * 100.0) / 100.0;
  r.grade = ikm_grade(r.converted);
  return r;
}

char ikm_grade(double converted) {
  // The table's bounds are printed with 2 decimals; compare in hundredths so 76.605
  // rounding and binary fractions cannot put a score in the wrong band.
  const long hundredths = std::lround(converted * 100.0);
  return hundredths >= 8831 ? 'A' : hundredths >= 7661 ? 'B' : hundredths >= 6500 ? 'C' : 'D';
}

std::string grade_key(char grade) { return std::string("survey.grade.") + grade; }

}  // namespace antrian
