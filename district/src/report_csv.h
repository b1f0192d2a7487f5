#pragma once
// CSV that opens right in a spreadsheet set to Indonesian: semicolon between fields,
// comma as the decimal mark, UTF-8 with a byte-order mark (so names keep their
// letters), CRLF line ends, fields quoted when they need it.
#include <string>
#include <vector>

namespace antrian::district {

struct CsvCell {
  std::string text;
  bool number = false;
  double value = 0;
  int decimals = 0;
};

inline CsvCell csv_text(std::string t) { return {std::move(t), false, 0, 0}; }
inline CsvCell csv_number(double v, int decimals = 0) { return {"", true, v, decimals}; }

std::string csv_field(const CsvCell& c);
std::string to_indonesian_csv(const std::vector<std::vector<CsvCell>>& rows);

}  // namespace antrian::district
