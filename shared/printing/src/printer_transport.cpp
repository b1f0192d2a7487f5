#include "antrian/printing/printer_transport.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <exception>

#include "fd_io.h"
#include "tcp_connect.h"

namespace antrian::printing {
namespace {

using detail::Deadline;
using detail::Fd;
using detail::Io;
using detail::IoCode;

// An open path to the printer.
struct Channel {
  Fd fd;
  bool can_read = false;  // status replies can come back on it
  bool is_socket = false;
  std::string name;       // for reasons: "printer 10.0.0.5:9100", "/dev/usb/lp0"
};

PrintResult make(PrintCode code, std::string reason) {
  PrintResult r;
  r.code = code;
  r.reason = std::move(reason);
  return r;
}

long long ms(std::chrono::milliseconds d) { return static_cast<long long>(d.count()); }

// The condition that keeps a printer from printing, if any.
PrintCode blocking_code(const PrinterStatus& s) {
  if (s.paper_end) return PrintCode::paper_out;
  if (s.cover_open) return PrintCode::cover_open;
  if (s.offline || s.error || s.cutter_error || s.unrecoverable_error) return PrintCode::offline;
  return PrintCode::ok;
}

enum class Asked { answered, silent, failed };

// Sends DLE EOT for each query and reads one reply byte each. A printer that stays
// silent is "silent" (no status support), not an error.
Asked ask_status(const Channel& ch, std::span<const StatusQuery> queries, const Deadline& deadline,
                 const PrintOptions& opt, PrintResult& r) {
  Bytes q;
  for (StatusQuery n : queries) {
    const Bytes b = status_query(n);
    q.insert(q.end(), b.begin(), b.end());
  }
  detail::drain_input(ch.fd.get());
  size_t sent = 0;
  if (Io w = detail::write_all(ch.fd.get(), q, deadline, ch.is_socket, sent); w.code != IoCode::ok) {
    r.code = w.code == IoCode::timeout ? PrintCode::timeout : PrintCode::failed;
    r.reason = ch.name + " did not accept a status query: " + w.reason;
    return Asked::failed;
  }
  const Deadline replies = deadline.within(opt.status_timeout);
  PrinterStatus merged;
  for (StatusQuery n : queries) {
    std::uint8_t byte = 0;
    if (detail::read_byte(ch.fd.get(), replies, byte).code != IoCode::ok) return Asked::silent;
    auto s = parse_status(n, byte);
    if (!s) return Asked::silent;  // not a status reply: treat the printer as mute
    merged |= s.value();
  }
  r.status_known = true;
  r.status |= merged;
  return Asked::answered;
}

Result<Channel> open_device(const std::string& path, bool want_status) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT)
      return Error{"no such printer device " + path + " (is the printer plugged in and switched on?)"};
    return Error{"cannot use printer device " + path + ": " + std::strerror(errno)};
  }
  if (S_ISDIR(st.st_mode)) return Error{"printer device " + path + " is a directory"};
  // Only character devices (usblp, serial) have a back channel; on a plain file or a
  // FIFO the status query would just be written into the data.
  const bool chr = S_ISCHR(st.st_mode);
  const int base = O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (S_ISREG(st.st_mode) ? O_APPEND : 0);
  Channel ch;
  ch.name = path;
  if (chr && want_status) {
    ch.fd = Fd(::open(path.c_str(), base | O_RDWR));
    ch.can_read = ch.fd.valid();
  }
  if (!ch.fd.valid()) ch.fd = Fd(::open(path.c_str(), base | O_WRONLY));
  if (!ch.fd.valid()) {
    const int e = errno;
    if (e == EACCES || e == EPERM)
      return Error{"permission denied opening " + path + " (is the kiosk user in group lp?)"};
    if (e == ENXIO)
      return Error{path + " is not connected (no device or no reader behind it)"};
    if (e == EBUSY) return Error{path + " is in use by another program"};
    return Error{"cannot open printer device " + path + ": " + std::strerror(e)};
  }
  return ch;
}

Result<Channel> open_tcp(const PrinterTarget& t, const Deadline& deadline, bool& timed_out) {
  detail::Connection c = detail::tcp_connect(t.host, t.port, deadline);
  if (!c.fd.valid()) {
    timed_out = c.timed_out;
    return Error{c.reason};
  }
  Channel ch;
  ch.fd = std::move(c.fd);
  ch.can_read = true;
  ch.is_socket = true;
  ch.name = "printer " + t.host + ":" + std::to_string(t.port);
  return ch;
}

// Shared by print and status-only calls; job empty = status only.
PrintResult run(const PrinterTarget& target, std::span<const std::uint8_t> job,
                const PrintOptions& opt, bool status_only) {
  if (target.kind == PrinterTarget::Kind::none)
    return make(PrintCode::disabled, status_only ? "no printer configured" : "");
  const Deadline deadline = Deadline::in(opt.timeout);
  bool timed_out = false;
  Result<Channel> opened = target.kind == PrinterTarget::Kind::tcp
                               ? open_tcp(target, deadline, timed_out)
                               : open_device(target.path, opt.query_status || status_only);
  if (!opened) return make(timed_out ? PrintCode::timeout : PrintCode::failed, opened.error());
  Channel& ch = opened.value();

  PrintResult r = make(PrintCode::ok, "");
  const bool ask = ch.can_read && (opt.query_status || status_only);
  if (status_only && !ch.can_read)
    return make(PrintCode::failed, ch.name + " cannot report status (no back channel)");
  bool answered = false;
  if (ask) {
    static constexpr std::array kBefore{StatusQuery::printer, StatusQuery::offline_cause,
                                        StatusQuery::paper_sensor};
    const Asked a = ask_status(ch, kBefore, deadline, opt, r);
    if (a == Asked::failed) return r;
    answered = a == Asked::answered;
    if (answered) {
      if (const PrintCode c = blocking_code(r.status); c != PrintCode::ok) {
        r.code = c;
        r.reason = ch.name + " reports " + r.status.describe() + "; nothing was printed";
        return r;
      }
    } else if (status_only) {
      return make(PrintCode::failed, ch.name + " did not answer the status query within " +
                                         std::to_string(ms(opt.status_timeout)) + " ms");
    }
  }
  if (status_only) return r;

  if (Io w = detail::write_all(ch.fd.get(), job, deadline, ch.is_socket, r.bytes_sent);
      w.code != IoCode::ok) {
    const std::string progress =
        " (" + std::to_string(r.bytes_sent) + " of " + std::to_string(job.size()) + " bytes sent)";
    if (w.code == IoCode::timeout) {
      r.code = PrintCode::timeout;
      r.reason = ch.name + " did not take the ticket within " + std::to_string(ms(opt.timeout)) +
                 " ms" + progress;
    } else {
      r.code = PrintCode::failed;
      r.reason = (w.code == IoCode::closed ? ch.name + " closed the connection"
                                           : "writing to " + ch.name + " failed: " + w.reason) +
                 progress;
    }
    return r;
  }

  // Paper can run out during the ticket: ask once more (only printers that answered).
  if (answered) {
    static constexpr std::array kAfter{StatusQuery::paper_sensor};
    PrintResult after;
    if (ask_status(ch, kAfter, deadline, opt, after) == Asked::answered) {
      r.status.paper_near_end = after.status.paper_near_end;
      r.status.paper_end = after.status.paper_end;
      if (after.status.paper_end) {
        r.code = PrintCode::paper_out;
        r.reason = ch.name + " ran out of paper while printing; the ticket may be incomplete";
      }
    }
  }
  if (ch.is_socket) {
    // FIN after the data, then take any late replies, so close() does not send a
    // reset that could make the printer drop the end of the ticket.
    ::shutdown(ch.fd.get(), SHUT_WR);
    detail::drain_input(ch.fd.get());
  }
  return r;
}

PrintResult guarded(const PrinterTarget& t, std::span<const std::uint8_t> job, const PrintOptions& o,
                    bool status_only) {
  try {
    return run(t, job, o, status_only);
  } catch (const std::exception& e) {  // e.g. thread or memory exhaustion
    return make(PrintCode::failed, std::string("printing failed: ") + e.what());
  } catch (...) {
    return make(PrintCode::failed, "printing failed: unknown error");
  }
}

}  // namespace

std::string_view to_string(PrintCode c) {
  switch (c) {
    case PrintCode::ok: return "ok";
    case PrintCode::disabled: return "disabled";
    case PrintCode::paper_out: return "paper_out";
    case PrintCode::cover_open: return "cover_open";
    case PrintCode::offline: return "offline";
    case PrintCode::timeout: return "timeout";
    case PrintCode::failed: return "failed";
  }
  return "failed";
}

std::string_view PrintResult::message_key() const {
  switch (code) {
    case PrintCode::ok: return "printing.result.ok";
    case PrintCode::disabled: return "printing.result.disabled";
    case PrintCode::paper_out: return "printing.result.paper_out";
    case PrintCode::cover_open: return "printing.result.cover_open";
    case PrintCode::offline: return "printing.result.offline";
    case PrintCode::timeout:
    case PrintCode::failed: return "printing.result.failed";
  }
  return "printing.result.failed";
}

PrintResult print_bytes(const PrinterTarget& target, std::span<const std::uint8_t> job,
                        const PrintOptions& options) {
  return guarded(target, job, options, false);
}

PrintResult query_printer(const PrinterTarget& target, const PrintOptions& options) {
  return guarded(target, {}, options, true);
}

}  // namespace antrian::printing
