#pragma once
// A real PostgreSQL 15 for the district tests: initdb in a fresh temporary folder,
// run as the unprivileged "postgres" user when the test runs as root (PostgreSQL
// refuses root), on a free loopback port; stopped and removed at the end. Local
// socket connections are trusted (the fixture's superuser), TCP connections need a
// password (scram-sha-256), so a site's credential is a real credential.
#include <sys/types.h>

#include <string>

namespace antrian::test {

class PgProcess {
 public:
  PgProcess();   // initdb + start; throws with the reason when it cannot
  // A streaming replica of `primary`: pg_basebackup -R into a fresh temporary folder
  // (as the same unprivileged user), its own port, started; read-only (hot standby).
  struct ReplicaOf {
    const PgProcess& primary;
  };
  explicit PgProcess(ReplicaOf r);
  ~PgProcess();  // stop, remove the folder
  PgProcess(const PgProcess&) = delete;
  PgProcess& operator=(const PgProcess&) = delete;

  void start();
  void stop();    // fast shutdown, waits
  void kill9();   // SIGKILL of the postmaster and every backend, as a crash
  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }  // the postmaster; it leads its own process group
  // The superuser over the local socket.
  std::string admin_conninfo() const;
  // A role over TCP with its password (what a site or the dashboard uses).
  std::string conninfo(const std::string& user, const std::string& password) const;
  const std::string& dir() const { return dir_; }
  // The socket connection a local client (or pg_basebackup) uses: host=DIR port=N.
  std::string socket_conninfo() const;

 private:
  void make_dir();
  std::string dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// Where PostgreSQL's server programs are (Debian: /usr/lib/postgresql/15/bin).
std::string pg_bin_dir();

}  // namespace antrian::test
