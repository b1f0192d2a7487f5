#pragma once
// A value or an error with a code and a reason a person can act on.
#include <string>
#include <utility>
#include <variant>

namespace antrian {

struct Error {
  std::string code;    // stable, machine-readable (see protocol.h, err::*)
  std::string reason;  // human-readable, says what to do
  // An issue refused because the service is halted or out of numbers: the citizen may
  // join its come-back list instead (comeback.h); sent as error.comeback_can_join.
  bool comeback_can_join = false;
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};

inline Error make_error(std::string code, std::string reason) {
  return Error{std::move(code), std::move(reason)};
}

}  // namespace antrian
