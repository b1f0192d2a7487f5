#pragma once
// The hub's side of the web front's publisher endpoint: HTTP/1.1 POSTs to nchan
// (`/pub/<channel>`) over the unix socket the front listens on. A batch of messages
// is written pipelined on one keep-alive connection and their answers read after,
// so a call that changes a thousand status pages costs one round of writes.
#include <string>
#include <vector>

namespace antrian::web {

struct NchanMessage {
  std::string channel;  // [A-Za-z0-9.,_-]
  std::string event;    // the EventSource event name (X-EventSource-Event)
  std::string data;     // one line of JSON
};

class NchanSocket {
 public:
  explicit NchanSocket(std::string socket_path) : path_(std::move(socket_path)) {}
  ~NchanSocket();
  NchanSocket(const NchanSocket&) = delete;
  NchanSocket& operator=(const NchanSocket&) = delete;

  // Publishes every message; connects first when needed. False with `error` set when
  // the front is not there or refused a message (the connection is then dropped, and
  // the caller publishes everything again once it is back).
  bool publish(const std::vector<NchanMessage>& batch, std::string& error);
  // GET on the same connection (the front's status pages); the answer's body in `body`.
  bool get(const std::string& target, std::string& body, std::string& error);
  const std::string& path() const { return path_; }

 private:
  bool connect(std::string& error);
  bool write_all(const std::string& bytes, std::string& error);
  // Reads one answer; false on a broken connection or a status other than 2xx.
  bool read_answer(std::string& error, std::string* body = nullptr);
  void close();

  std::string path_;
  int fd_ = -1;
  std::string inbox_;
};

}  // namespace antrian::web
