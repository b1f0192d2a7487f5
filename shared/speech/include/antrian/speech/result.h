#pragma once
// A value or a reason why there is none. Speech code never throws for bad input (a
// wrong template typed by an office admin, missing espeak data): the display logs the
// reason and falls back, so the hall still hears the call.
#include <optional>
#include <string>
#include <utility>

namespace antrian::speech {

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}
  static Result failure(std::string reason) { return Result(std::move(reason), 0); }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  // Empty when ok().
  const std::string& error() const { return error_; }

 private:
  Result(std::string reason, int) : error_(std::move(reason)) {}
  std::optional<T> value_;
  std::string error_;
};

// For operations that return nothing but can fail.
struct Done {};
using Status = Result<Done>;
inline Status success() { return Status(Done{}); }

}  // namespace antrian::speech
