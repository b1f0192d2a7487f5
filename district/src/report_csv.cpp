#include "report_csv.h"

#include <cmath>
#include <cstdio>

namespace antrian::district {

std::string csv_field(const CsvCell& c) {
  if (c.number) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", c.decimals, c.value);
    std::string s = buf;
    for (char& ch : s)
      if (ch == '.') ch = ',';
    return s;
  }
  std::string t = c.text;
  // A leading = + - @ would be run as a formula by the spreadsheet.
  if (!t.empty() && (t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@')) t = "'" + t;
  if (t.find_first_of(";\"\r\n") == std::string::npos) return t;
  std::string q = "\"";
  for (char ch : t) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

std::string to_indonesian_csv(const std::vector<std::vector<CsvCell>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? ";" : "") + csv_field(row[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace antrian::district
