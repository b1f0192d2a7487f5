#include "pg_process.h"

#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <libpq-fe.h>

namespace antrian::test {
namespace {

int free_port() {
  int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(s);
    throw std::runtime_error("no free port");
  }
  const int port = ntohs(a.sin_port);
  ::close(s);
  return port;
}

// The user PostgreSQL runs as: "postgres" when we are root, else ourselves.
const passwd* run_as() {
  if (::geteuid() != 0) return nullptr;
  const passwd* pw = ::getpwnam("postgres");
  if (!pw) throw std::runtime_error("running as root and there is no \"postgres\" user to run PostgreSQL as "
                                    "(Debian's postgresql package makes it; or: useradd -r postgres)");
  return pw;
}

pid_t spawn(std::vector<std::string> argv, const std::string& log, bool own_group) {
  const passwd* pw = run_as();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (own_group) ::setpgid(0, 0);
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(in, 0);
    if (pw && (::setgroups(0, nullptr) != 0 || ::setgid(pw->pw_gid) != 0 || ::setuid(pw->pw_uid) != 0)) _exit(126);
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

std::string pg_bin_dir() {
  if (const char* env = std::getenv("ANTRIAN_PG_BIN"); env && *env) return env;
  return "/usr/lib/postgresql/15/bin";
}

void PgProcess::make_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "antrian-pg-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
  if (const passwd* pw = run_as()) {
    if (::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) throw std::runtime_error("cannot chown " + dir_);
  }
  ::chmod(dir_.c_str(), 0700);
}

PgProcess::PgProcess() {
  make_dir();
  const std::string log = dir_ + "/initdb.log";
  pid_t pid = spawn({pg_bin_dir() + "/initdb", "-D", dir_ + "/data", "-U", "postgres", "--auth-local=trust",
                     "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"},
                    log, false);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("initdb failed: " + slurp(log));
  port_ = free_port();
  std::ofstream conf(dir_ + "/data/postgresql.conf", std::ios::app);
  conf << "listen_addresses = '127.0.0.1'\nport = " << port_ << "\nunix_socket_directories = '" << dir_
       << "'\nfsync = off\nmax_connections = 200\nshared_buffers = 64MB\nlogging_collector = off\n";
  conf.close();
  start();
}

PgProcess::PgProcess(ReplicaOf r) {
  make_dir();
  // pg_basebackup streams a copy of the running primary and, with -R, writes
  // standby.signal and primary_conninfo: the copy starts as a streaming replica.
  const std::string log = dir_ + "/basebackup.log";
  pid_t pid = spawn({pg_bin_dir() + "/pg_basebackup", "-d", r.primary.socket_conninfo(), "-D", dir_ + "/data", "-R",
                     "-X", "stream", "--no-sync", "-c", "fast"},
                    log, false);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("pg_basebackup failed: " + slurp(log));
  port_ = free_port();
  // Later lines win: the replica's own port and socket folder.
  std::ofstream conf(dir_ + "/data/postgresql.conf", std::ios::app);
  conf << "port = " << port_ << "\nunix_socket_directories = '" << dir_ << "'\nhot_standby = on\n";
  conf.close();
  start();
}

PgProcess::~PgProcess() {
  try {
    stop();
  } catch (...) {
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void PgProcess::start() {
  if (pid_ > 0) return;
  pid_ = spawn({pg_bin_dir() + "/postgres", "-D", dir_ + "/data"}, dir_ + "/postgres.log", true);
  const std::string ping = "host=" + dir_ + " port=" + std::to_string(port_) + " user=postgres dbname=postgres";
  for (int i = 0; i < 300; ++i) {
    if (PQping(ping.c_str()) == PQPING_OK) return;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("postgres exited at start: " + slurp(dir_ + "/postgres.log"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("postgres did not accept connections within 15 s: " + slurp(dir_ + "/postgres.log"));
}

void PgProcess::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGINT);  // fast shutdown: ends sessions, checkpoints
  int status = 0;
  for (int i = 0; i < 400; ++i) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  kill9();
}

void PgProcess::kill9() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);  // the postmaster and its backends (one process group)
  int status = 0;
  ::waitpid(pid_, &status, 0);
  // Backends die with the group; give the kernel a moment to release their memory.
  for (int i = 0; i < 100 && ::kill(-pid_, 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  pid_ = -1;
}

std::string PgProcess::socket_conninfo() const {
  return "host=" + dir_ + " port=" + std::to_string(port_) + " user=postgres";
}

std::string PgProcess::admin_conninfo() const {
  return "host=" + dir_ + " port=" + std::to_string(port_) + " user=postgres dbname=postgres";
}

std::string PgProcess::conninfo(const std::string& user, const std::string& password) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=postgres user=" + user + " password=" + password;
}

}  // namespace antrian::test
