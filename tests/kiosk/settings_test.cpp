// Every kiosk flag refuses bad input with a sentence that says what is expected.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "antrian/kiosk/settings.h"
#include "antrian/kiosk/staff_lock.h"

using namespace antrian;
using namespace antrian::kiosk;

TEST_CASE("settings: names, idle time, PIN, paper, QR mode and printer are checked") {
  CHECK(check_kiosk_name("kiosk-1").value() == "kiosk-1");
  CHECK(check_kiosk_name("").error().reason.find("--name expects") == 0);
  CHECK_FALSE(check_kiosk_name("kiosk 1").ok());
  CHECK_FALSE(check_kiosk_name("k/1").ok());
  CHECK_FALSE(check_kiosk_name(std::string(49, 'k')).ok());

  CHECK(check_idle_seconds(30).value() == 30);
  CHECK(check_idle_seconds(4).error().reason == "--idle-seconds expects 5 to 600 seconds, got 4");
  CHECK_FALSE(check_idle_seconds(601).ok());

  CHECK(check_staff_pin("1234").ok());
  CHECK(check_staff_pin("12345678").ok());
  CHECK_FALSE(check_staff_pin("123").ok());
  CHECK_FALSE(check_staff_pin("123456789").ok());
  CHECK(check_staff_pin("12a4").error().reason.find("4 to 8 digits") != std::string::npos);

  CHECK(parse_paper("58").value() == printing::PaperWidth::mm58);
  CHECK(parse_paper("80").value() == printing::PaperWidth::mm80);
  CHECK(parse_paper("57").error().reason == "--paper expects 58 or 80 (roll width in mm), got '57'");
  CHECK(parse_qr_mode("raster").value() == printing::QrMode::raster);
  CHECK_FALSE(parse_qr_mode("bitmap").ok());

  CHECK(parse_printer("none").value().kind == printing::PrinterTarget::Kind::none);
  CHECK(parse_printer("tcp://127.0.0.1:9100").value().port == 9100);
  CHECK(parse_printer("/dev/usb/lp0").value().kind == printing::PrinterTarget::Kind::device);
  CHECK(parse_printer("lpt1").error().reason.find("--printer expects") == 0);
}

TEST_CASE("settings: the staff PIN file must be private and hold 4-8 digits") {
  char path[] = "/tmp/kiosk-pin-XXXXXX";
  const int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  ::close(fd);
  { std::ofstream(path) << " 4321 \n"; }
  ::chmod(path, 0600);
  CHECK(read_staff_pin_file(path).value() == "4321");
  ::chmod(path, 0644);
  CHECK(read_staff_pin_file(path).error().reason.find("chmod 600") != std::string::npos);
  ::chmod(path, 0600);
  { std::ofstream(path) << "12\n"; }
  CHECK(read_staff_pin_file(path).error().reason.find("4 to 8 digits") != std::string::npos);
  std::remove(path);
  CHECK(read_staff_pin_file(path).error().reason.find("does it exist") != std::string::npos);
}

TEST_CASE("staff lock: right PIN opens, five wrong ones lock the pad for a minute") {
  StaffLock lock("2468");
  for (char c : std::string("2468")) CHECK(lock.type(c, 0));
  CHECK(lock.submit(0) == StaffLock::Check::accepted);
  CHECK(lock.entered_digits() == 0);
  CHECK_FALSE(lock.type('x', 0));
  for (int i = 0; i < 9; ++i) lock.type('1', 0);
  CHECK(lock.entered_digits() == kMaxPinDigits);
  lock.clear();
  for (int i = 1; i < kPinAttempts; ++i) {
    lock.type('1', 0);
    CHECK(lock.submit(0) == StaffLock::Check::wrong);
  }
  lock.type('1', 0);
  CHECK(lock.submit(1000) == StaffLock::Check::locked);
  CHECK(lock.locked(1000 + kPinLockMs - 1));
  CHECK_FALSE(lock.type('2', 5000));
  // Even the right PIN is refused while locked.
  CHECK(lock.submit(5000) == StaffLock::Check::locked);
  CHECK_FALSE(lock.locked(1000 + kPinLockMs));
  for (char c : std::string("2468")) lock.type(c, 1000 + kPinLockMs);
  CHECK(lock.submit(1000 + kPinLockMs) == StaffLock::Check::accepted);

  StaffLock none;
  CHECK_FALSE(none.configured());
  CHECK_FALSE(none.type('1', 0));
  CHECK(none.submit(0) == StaffLock::Check::not_configured);
}
