#pragma once
// Result values for the printing library: every failure carries a reason a person
// can act on ("connection refused by 127.0.0.1:9100 ..."), and nothing throws
// across the library boundary.
#include <string>
#include <utility>
#include <variant>

namespace antrian::printing {

struct Error {
  std::string reason;
};

// A value or an Error. Access value() only after checking ok().
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }

  // The reason of a failed result; empty when ok().
  const std::string& error() const {
    static const std::string kNone;
    return ok() ? kNone : std::get<Error>(v_).reason;
  }

 private:
  std::variant<T, Error> v_;
};

// Success or a reason, for operations without a value.
class Status {
 public:
  Status() = default;
  Status(Error error) : reason_(std::move(error.reason)), failed_(true) {}  // NOLINT

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const std::string& error() const { return reason_; }

 private:
  std::string reason_;
  bool failed_ = false;
};

}  // namespace antrian::printing
