#pragma once
// Which part of the office one display shows: some services, some lokets, or all.
// A call is shown (and spoken) when both its service and its loket are shown.
#include <string>
#include <vector>

#include "antrian/model.h"
#include "antrian/strings.h"

namespace antrian::display {

class DisplayFilter {
 public:
  DisplayFilter() = default;
  DisplayFilter(std::vector<std::string> services, std::vector<int> lokets);

  bool all_services() const { return services_.empty(); }
  bool all_lokets() const { return lokets_.empty(); }
  bool shows_service(const std::string& code) const;
  bool shows_loket(int number) const;
  bool shows_call(const std::string& service, int loket) const {
    return shows_service(service) && shows_loket(loket);
  }

  // The lokets that get a place on the board, in number order: the chosen ones that
  // exist, or every loket that serves a shown service (all lokets when no service
  // filter is set).
  std::vector<int> lokets_to_show(const OfficeState& s) const;

  // Chosen services or lokets this office does not have, as sentences for the log
  // (English) and the screen, e.g. "service Z does not exist here (services: A, B, C)".
  std::vector<std::string> problems(const OfficeState& s, Lang lang = Lang::en) const;

  const std::vector<std::string>& services() const { return services_; }
  const std::vector<int>& lokets() const { return lokets_; }

 private:
  std::vector<std::string> services_;
  std::vector<int> lokets_;
};

}  // namespace antrian::display
