#pragma once
#include <chrono>
#include <thread>

namespace antrian::test {

// Polls until pred() holds or the timeout passes; returns the last answer.
template <typename F>
bool eventually(F pred, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return pred();
}

}  // namespace antrian::test
