// Device keys from the shell: make a key pair, register a device, list and revoke.
#include <filesystem>
#include <iostream>

#include "antrian/device_keys.h"
#include "ctl.h"

namespace antrian::ctl {

void add_key_commands(CLI::App& app, Plan& plan) {
  namespace c = proto::cmd;
  {
    auto* sc = app.add_subcommand("keygen", "Make a key pair for a device, without the hub (register it with key-add --public-key)");
    auto out = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    sc->add_option("--out", *out, "Key file to write (kept secret, mode 0600)")->required();
    sc->add_option("--name", *name, "The device's name, written in the file");
    sc->callback([&plan, out, name] {
      plan.before = [out, name](const Globals& g) {
        const KeyFile k{generate_curve_keys(), *name, "", 0};
        if (auto w = write_key_file(*out, k, true); !w) {
          std::cerr << "error: " << w.error().reason << "\n";
          return int(kUsage);
        }
        if (g.json) std::cout << nlohmann::json{{"file", *out}, {"public_key", k.keys.public_key}}.dump() << "\n";
        else std::cout << "wrote " << *out << "; public key " << k.keys.public_key << "\n";
        return int(kOk);
      };
    });
  }
  {
    auto* sc = app.add_subcommand("key-add", "Register a device: its name, role (and loket) and public key");
    auto name = std::make_shared<std::string>();
    auto role = std::make_shared<std::string>();
    auto counter = std::make_shared<int>(0);
    auto out = std::make_shared<std::string>();
    auto pub = std::make_shared<std::string>();
    sc->add_option("name", *name, "Device name, e.g. kiosk-1, tv-lobby, loket-2")->required();
    sc->add_option("--role", *role, "kiosk, counter, display or admin")
        ->required()->check(CLI::IsMember({"kiosk", "counter", "display", "admin"}));
    sc->add_option("--counter", *counter, "The loket a counter's key may act for")->check(CLI::Range(1, 999));
    auto* out_opt = sc->add_option("--out", *out, "Make a new key pair and write this device's key file here");
    auto* pub_opt = sc->add_option("--public-key", *pub, "Or register a public key made on the device (keygen)");
    out_opt->excludes(pub_opt);
    sc->callback([&plan, name, role, counter, out, pub] {
      if (out->empty() && pub->empty()) throw CLI::ValidationError("key-add", "give --out FILE or --public-key KEY");
      if (*role == "counter" && *counter == 0) throw CLI::ValidationError("key-add", "a counter's key needs --counter LOKET");
      plan.cmd = c::key_add;
      plan.args = {{"name", *name}, {"role", *role}};
      if (*counter > 0) plan.args["counter"] = *counter;
      if (!pub->empty()) {
        auto k = read_public_key(*pub);
        if (!k) throw CLI::ValidationError("--public-key", k.error().reason);
        plan.args["public_key"] = *k;
        return;
      }
      // The file is written before the hub hears of the key, and removed if the hub
      // refuses it: a registered key whose secret was never saved cannot happen.
      const KeyFile k{generate_curve_keys(), *name, *role, *counter};
      plan.args["public_key"] = k.keys.public_key;
      plan.before = [out, k](const Globals&) {
        if (auto w = write_key_file(*out, k, true); !w) {
          std::cerr << "error: " << w.error().reason << "\n";
          return int(kUsage);
        }
        return -1;
      };
      plan.after = [out](const proto::Reply& r) {
        if (r.ok) {
          std::cerr << "wrote " << *out << " (keep it secret; copy it to the device with the hub's hub.pub)\n";
        } else if (r.error.code == proto::err::unreachable) {
          // The hub may have saved the key before its answer was lost: keep the file.
          std::cerr << "kept " << *out << ": the hub did not answer, so the key may or may not be registered; "
                    << "check with key-list (and key-revoke it if you make another)\n";
        } else {
          std::filesystem::remove(*out);  // refused: nothing was registered
        }
      };
    });
  }
  app.add_subcommand("key-list", "List the registered device keys")->callback([&plan] { plan.cmd = c::key_list; });
  {
    auto* sc = app.add_subcommand("key-revoke", "Cut a device off: its key may no longer connect or act");
    auto name = std::make_shared<std::string>();
    sc->add_option("name", *name, "Device name (see key-list)")->required();
    sc->callback([&plan, name] {
      plan.cmd = c::key_revoke;
      plan.args = {{"name", *name}};
    });
  }
}

}  // namespace antrian::ctl
