// Sending tickets over raw TCP and to device files, with status queries and timeouts.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "antrian/printing/printer_transport.h"
#include "antrian/printing/ticket_layout.h"
#include "fake_printer.h"
#include "temp_dir.h"
#include "test_util.h"

using namespace antrian::printing;
using printing_test::B;
using printing_test::cat;
using printing_test::FakePrinter;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

Bytes ticket() {
  TicketPrint t;
  t.office_name = "Disdukcapil Kota Bandung";
  t.date_time_text = "Senin, 3 Maret 2025 08:15 WIB";
  t.ticket_label = "C-017";
  t.service_name = "Kartu Keluarga";
  t.estimated_wait_text = "15 menit";
  t.wait_location_text = "Ruang tunggu C";
  t.status_url = "https://antrian.example.go.id/t/0123456789abcdef0123456789ab";
  auto r = render_ticket(t);
  REQUIRE(r.ok());
  return r.value();
}

PrinterTarget tcp(std::uint16_t port) {
  auto t = parse_printer_target("tcp://127.0.0.1:" + std::to_string(port));
  REQUIRE(t.ok());
  return t.value();
}

long long ms_since(Clock::time_point t0) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - t0).count();
}

const Bytes kPreQueries = B({0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04});
const Bytes kPostQuery = B({0x10, 0x04, 0x04});

int healthy(int, int) { return 0x12; }

// A closed port: bind an ephemeral port, then release it.
std::uint16_t closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

}  // namespace

TEST_CASE("transport: TCP printer receives exactly the encoded ticket") {
  FakePrinter printer(healthy);
  const Bytes job = ticket();
  PrintOptions opt;
  opt.query_status = false;
  const PrintResult r = print_bytes(tcp(printer.port()), job, opt);
  CHECK_MESSAGE(r.code == PrintCode::ok, r.reason);
  CHECK(r.bytes_sent == job.size());
  CHECK_FALSE(r.status_known);
  CHECK(printer.received() == job);
}

TEST_CASE("transport: status is asked before and after the ticket") {
  FakePrinter printer(healthy);
  const Bytes job = ticket();
  const PrintResult r = print_bytes(tcp(printer.port()), job);
  CHECK_MESSAGE(r.code == PrintCode::ok, r.reason);
  CHECK(r.status_known);
  CHECK(r.status.describe() == "ok");
  CHECK(printer.received() == cat(cat(kPreQueries, job), kPostQuery));
  CHECK(r.message_key() == "printing.result.ok");
}

TEST_CASE("transport: a printer out of paper gets no ticket and is reported as paper out") {
  FakePrinter printer([](int n, int) {
    switch (n) {
      case 1: return 0x1A;  // offline
      case 2: return 0x32;  // stopped: paper end
      case 4: return 0x72;  // paper end sensor
      default: return 0x12;
    }
  });
  const PrintResult r = print_bytes(tcp(printer.port()), ticket());
  CHECK(r.code == PrintCode::paper_out);
  CHECK_FALSE(r.ok());
  CHECK(r.status.paper_end);
  CHECK(r.bytes_sent == 0);
  CHECK(r.reason.find("paper end") != std::string::npos);
  CHECK(r.message_key() == "printing.result.paper_out");
  CHECK(printer.received() == kPreQueries);
}

TEST_CASE("transport: open cover blocks the job, paper near end only warns") {
  {
    FakePrinter printer([](int n, int) { return n == 2 ? 0x16 : (n == 1 ? 0x1A : 0x12); });
    const PrintResult r = print_bytes(tcp(printer.port()), ticket());
    CHECK(r.code == PrintCode::cover_open);
    CHECK(r.status.cover_open);
  }
  {
    FakePrinter printer([](int n, int) { return n == 4 ? 0x1E : 0x12; });
    const Bytes job = ticket();
    const PrintResult r = print_bytes(tcp(printer.port()), job);
    CHECK_MESSAGE(r.code == PrintCode::ok, r.reason);
    CHECK(r.status.paper_near_end);
    CHECK(printer.received() == cat(cat(kPreQueries, job), kPostQuery));
  }
}

TEST_CASE("transport: paper running out during the ticket is reported") {
  // Paper present at the first DLE EOT 4, gone at the second.
  FakePrinter printer([](int n, int seen) { return n == 4 && seen == 1 ? 0x72 : 0x12; });
  const Bytes job = ticket();
  const PrintResult r = print_bytes(tcp(printer.port()), job);
  CHECK(r.code == PrintCode::paper_out);
  CHECK(r.bytes_sent == job.size());
  CHECK(r.reason.find("while printing") != std::string::npos);
  CHECK(printer.received() == cat(cat(kPreQueries, job), kPostQuery));
}

TEST_CASE("transport: a printer that never answers status is printed to blind, in bounded time") {
  FakePrinter printer;  // silent
  const Bytes job = ticket();
  PrintOptions opt;
  opt.status_timeout = milliseconds(200);
  const auto t0 = Clock::now();
  const PrintResult r = print_bytes(tcp(printer.port()), job, opt);
  CHECK(ms_since(t0) < 1500);
  CHECK_MESSAGE(r.code == PrintCode::ok, r.reason);
  CHECK_FALSE(r.status_known);
  CHECK(printer.received() == cat(kPreQueries, job));  // no second query

  FakePrinter silent;
  const PrintResult q = query_printer(tcp(silent.port()), opt);
  CHECK(q.code == PrintCode::failed);
  CHECK(q.reason.find("did not answer") != std::string::npos);
  CHECK(silent.received() == kPreQueries);
}

TEST_CASE("transport: query_printer returns the status without printing") {
  FakePrinter printer([](int n, int) { return n == 4 ? 0x72 : 0x12; });
  const PrintResult r = query_printer(tcp(printer.port()));
  CHECK(r.code == PrintCode::paper_out);
  CHECK(r.status_known);
  CHECK(printer.received() == kPreQueries);
}

TEST_CASE("transport: a closed port fails fast with a reason") {
  const auto t0 = Clock::now();
  const PrintResult r = print_bytes(tcp(closed_port()), ticket());
  CHECK(ms_since(t0) < 1000);
  CHECK(r.code == PrintCode::failed);
  CHECK(r.reason.find("connection refused") != std::string::npos);
  CHECK(r.reason.find("127.0.0.1") != std::string::npos);
  CHECK(r.message_key() == "printing.result.failed");
}

TEST_CASE("transport: a printer that stops reading makes the write time out") {
  // Listening but never accepting or reading: the kernel buffers fill, then nothing.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::listen(fd, 1);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  const Bytes big(64u << 20, 'x');  // far more than loopback socket buffers hold
  PrintOptions opt;
  opt.query_status = false;
  opt.timeout = milliseconds(400);
  const auto t0 = Clock::now();
  const PrintResult r = print_bytes(tcp(ntohs(a.sin_port)), big, opt);
  const long long took = ms_since(t0);
  ::close(fd);
  CHECK(took >= 350);
  CHECK(took < 1500);
  CHECK(r.code == PrintCode::timeout);
  CHECK(r.bytes_sent < big.size());
  CHECK(r.reason.find("did not take the ticket") != std::string::npos);
}

TEST_CASE("transport: a printer that never completes the connection times out") {
  // A listener with a full accept queue: Linux drops further SYNs, so connect hangs.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::listen(fd, 0);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  const int filler = ::socket(AF_INET, SOCK_STREAM, 0);  // takes the only queue slot
  REQUIRE(::connect(filler, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  PrintOptions opt;
  opt.timeout = milliseconds(300);
  const auto t0 = Clock::now();
  const PrintResult r = print_bytes(tcp(ntohs(a.sin_port)), ticket(), opt);
  const long long took = ms_since(t0);
  ::close(filler);
  ::close(fd);
  CHECK(took >= 250);
  CHECK(took < 1500);
  CHECK(r.code == PrintCode::timeout);
  CHECK(r.reason.find("no answer from printer 127.0.0.1:") != std::string::npos);
}

TEST_CASE("transport: host names are resolved") {
  FakePrinter printer(healthy);
  auto t = parse_printer_target("tcp://localhost:" + std::to_string(printer.port()));
  REQUIRE(t.ok());
  PrintOptions opt;
  opt.query_status = false;
  const PrintResult r = print_bytes(t.value(), B("hello"), opt);
  CHECK_MESSAGE(r.code == PrintCode::ok, r.reason);
  CHECK(printer.received() == B("hello"));
}

TEST_CASE("transport: device targets") {
  printing_test::TempDir dir;
  REQUIRE(dir.ok());
  const Bytes job = ticket();

  SUBCASE("a plain file receives the bytes, without status queries") {
    const std::string path = (dir.path() / "lp0").string();
    std::ofstream(path).close();
    const PrintResult r = print_bytes(parse_printer_target(path).value(), job);
    CHECK_MESSAGE(r.code == PrintCode::ok, r.reason);
    std::ifstream in(path, std::ios::binary);
    const Bytes got((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(got == job);
  }
  SUBCASE("a missing device is a clear error") {
    const PrintResult r = print_bytes(parse_printer_target("/dev/usb/lp9-missing").value(), job);
    CHECK(r.code == PrintCode::failed);
    CHECK(r.reason.find("no such printer device /dev/usb/lp9-missing") != std::string::npos);
  }
  SUBCASE("a device nobody reads fails fast") {
    const std::string fifo = (dir.path() / "fifo").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto t0 = Clock::now();
    const PrintResult r = print_bytes(parse_printer_target(fifo).value(), job);
    CHECK(ms_since(t0) < 500);
    CHECK(r.code == PrintCode::failed);
    CHECK(r.reason.find("not connected") != std::string::npos);
  }
  SUBCASE("a stuck device times out") {
    const std::string fifo = (dir.path() / "stuck").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // opens, never reads
    REQUIRE(reader >= 0);
    PrintOptions opt;
    opt.timeout = milliseconds(300);
    const auto t0 = Clock::now();
    const PrintResult r = print_bytes(parse_printer_target(fifo).value(), Bytes(1u << 20, 'x'), opt);
    const long long took = ms_since(t0);
    ::close(reader);
    CHECK(took >= 250);
    CHECK(took < 1500);
    CHECK(r.code == PrintCode::timeout);
    CHECK(r.bytes_sent > 0);
  }
  SUBCASE("a reader that goes away is an error, not a SIGPIPE") {
    const std::string fifo = (dir.path() / "gone").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(reader >= 0);
    std::thread closer([&] {
      std::this_thread::sleep_for(milliseconds(100));
      ::close(reader);
    });
    PrintOptions opt;
    opt.timeout = milliseconds(2000);
    const PrintResult r = print_bytes(parse_printer_target(fifo).value(), Bytes(1u << 20, 'x'), opt);
    closer.join();
    CHECK(r.code == PrintCode::failed);
    CHECK(r.reason.find("bytes sent") != std::string::npos);
  }
}

TEST_CASE("transport: target none does nothing and is fine") {
  const PrintResult r = print_bytes(PrinterTarget{}, ticket());
  CHECK(r.code == PrintCode::disabled);
  CHECK(r.ok());
  CHECK(r.message_key() == "printing.result.disabled");
  CHECK(to_string(PrintCode::paper_out) == "paper_out");
}
