// Parsing printer targets from config / command-line text.
#include <doctest/doctest.h>

#include <string>

#include "antrian/printing/printer_target.h"

using namespace antrian::printing;

TEST_CASE("target: good targets") {
  auto tcp = parse_printer_target("tcp://127.0.0.1:9100");
  REQUIRE(tcp.ok());
  CHECK(tcp.value().kind == PrinterTarget::Kind::tcp);
  CHECK(tcp.value().host == "127.0.0.1");
  CHECK(tcp.value().port == 9100);

  auto named = parse_printer_target("  tcp://printer-kiosk1.local  ");
  REQUIRE(named.ok());
  CHECK(named.value().host == "printer-kiosk1.local");
  CHECK(named.value().port == kDefaultRawPort);

  auto v6 = parse_printer_target("tcp://[::1]:9101");
  REQUIRE(v6.ok());
  CHECK(v6.value().host == "::1");
  CHECK(v6.value().port == 9101);
  CHECK(v6.value().to_string() == "tcp://[::1]:9101");

  auto dev = parse_printer_target("/dev/usb/lp0");
  REQUIRE(dev.ok());
  CHECK(dev.value().kind == PrinterTarget::Kind::device);
  CHECK(dev.value().path == "/dev/usb/lp0");
  CHECK(dev.value().to_string() == "/dev/usb/lp0");

  auto none = parse_printer_target("none");
  REQUIRE(none.ok());
  CHECK(none.value().kind == PrinterTarget::Kind::none);
  CHECK(parse_printer_target("tcp://10.0.0.5:9100").value().to_string() == "tcp://10.0.0.5:9100");
}

TEST_CASE("target: bad targets give a reason and say what is accepted") {
  struct Case {
    const char* text;
    const char* why;
  };
  const Case cases[] = {
      {"", "empty"},
      {"lp0", "not a tcp:// address"},
      {"usb://0x0416", "unsupported scheme"},
      {"tcp://", "missing host"},
      {"tcp://:9100", "missing host"},
      {"tcp://printer:", "empty port"},
      {"tcp://printer:0", "port must be a number from 1 to 65535"},
      {"tcp://printer:65536", "port must be a number from 1 to 65535"},
      {"tcp://printer:91x0", "port must be a number"},
      {"tcp://printer:9100/path", "port must be a number"},
      {"tcp://::1:9100", "brackets"},
      {"tcp://[::1:9100", "missing ']'"},
      {"tcp://[::1]9100", "expected ':PORT'"},
      {"tcp://bad host:9100", "host contains ' '"},
      {"/dev/usb/", "directory"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto r = parse_printer_target(c.text);
    CHECK_FALSE(r.ok());
    CHECK(r.error().find(c.why) != std::string::npos);
    CHECK(r.error().find("tcp://HOST:9100") != std::string::npos);
  }
}
