#pragma once
// The community satisfaction survey the law asks every public service for (Survei
// Kepuasan Masyarakat, Permenpan RB 14/2017): nine elements, each answered on a 1-4
// scale, once per finished ticket. This is the one place its rules and its index
// (IKM) are computed; the hub, the reports and the screens all ask here.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/result.h"

namespace antrian {

inline constexpr std::size_t kSurveyElements = 9;
using SurveyAnswers = std::array<int, kSurveyElements>;

// The elements in the regulation's order (U1..U9), as keys of the strings table
// ("survey.element.<key>") and of report columns.
inline constexpr std::array<std::string_view, kSurveyElements> kSurveyElementKeys = {
    "requirements", "procedure", "time", "cost", "product", "competence", "behaviour", "facilities", "complaints"};

// Nine integers 1..4 as a JSON array, or an error that names what is wrong.
Result<SurveyAnswers> parse_survey_answers(const nlohmann::json& value);

// The index of a set of answers. NRR per element = mean score; IKM = sum of NRR x 1/9
// (on the 1-4 scale); converted = IKM x 25, rounded to 2 decimals as the regulation
// prints it; grade A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99.
struct IkmResult {
  int responses = 0;
  std::array<double, kSurveyElements> nrr{};
  double ikm = 0;        // 1..4
  double converted = 0;  // 25..100, 2 decimals
  char grade = '-';      // 'A'..'D'; '-' without responses
};
IkmResult compute_ikm(const std::vector<SurveyAnswers>& answers);
// The grade of a converted score (already rounded to 2 decimals).
char ikm_grade(double converted);
// The grade's meaning, as a strings-table key ("survey.grade.A" ...).
std::string grade_key(char grade);

}  // namespace antrian
