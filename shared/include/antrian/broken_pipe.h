#pragma once
// A program that serves or calls over sockets must not die because a peer went away.
// cpp-httplib 0.11 (Debian 12) sends with flags 0, not MSG_NOSIGNAL: a phone, nginx or
// a webhook server that closes its connection between the library's "still there?"
// check and its send() raises SIGPIPE, whose default action ends the whole process
// without a word (a hub gone for every screen in the hall). Ignored, that send fails
// with EPIPE and the library drops only that connection. Call first thing in main();
// the setting is process-wide and kept across exec(), so not for programs that exec.
#include <csignal>

namespace antrian {

inline void ignore_broken_pipes() { std::signal(SIGPIPE, SIG_IGN); }

}  // namespace antrian
