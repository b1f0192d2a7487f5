# Every dependency comes from a Debian 12 package (see scripts/packages.txt).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(cppzmq REQUIRED)                     # ZeroMQ requests + events
find_package(SQLite3 REQUIRED)                    # the hub's event log
find_package(nlohmann_json 3.11 REQUIRED)         # message and config codec
find_package(spdlog REQUIRED)                     # logging
find_package(CLI11 REQUIRED CONFIG)                 # command-line parsing (header-only)
find_package(doctest REQUIRED)                    # tests
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)   # PIN hashing, tokens
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(ESPEAK REQUIRED IMPORTED_TARGET espeak-ng)
pkg_check_modules(ZBAR IMPORTED_TARGET zbar)      # tests only: independent QR decoder
find_package(SDL2 REQUIRED CONFIG)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
