// The district's configuration applied to the office (docs/DISTRICT.md): a layer of
// service templates, quotas, hours and holidays laid over the office's own settings,
// checked by the same validation as the hub's config file. Refused whole with the
// reason, or applied as one config_applied event in the log.
#include "antrian/config_layer.h"
#include "command_support.h"

namespace antrian::detail {

// {version, doc}: doc is the layer (config_layer.h) the site's district publishes as
// this version (the district's template with the site's override laid over it).
Result<Decision> cmd_config_apply(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto version = get_int(a, "version", 1, int64_t{1} << 53);
  if (!version) return version.error();
  auto doc = a.find("doc");
  if (doc == a.end() || !doc->is_object()) return bad_arg("doc", "must be the configuration layer, a JSON object");
  auto cfg = apply_config_layer(s, *doc);
  if (!cfg)
    return make_error(std::string(proto::err::bad_request),
                      "configuration version " + std::to_string(*version) +
                          " does not fit this office, nothing was changed: " + cfg.error().reason);
  std::vector<Event> events = configure_office_events(s, *cfg, ctx.now_ms);
  Event applied = make_event(proto::ev::config_applied, ctx, actor_of(s, ctx, 0), events.front().data);
  applied.data["version"] = *version;
  applied.data["layer"] = *doc;
  Decision d;
  d.events.push_back(applied);
  d.result = {{"version", *version}};
  return d;
}

}  // namespace antrian::detail
