// survey_submit: the satisfaction survey (SKM) of one finished ticket, once. The
// answers go into the log as a survey_answered event with the ticket's service and
// loket (what the report groups by) and nothing about the person.
#include "antrian/survey.h"
#include "antrian/ticket_index.h"
#include "command_support.h"

namespace antrian::detail {

namespace {

// The ticket a survey is about: by token (the QR page, a scanned QR) or by ticket (a
// label typed on the kiosk's survey tablet), not both.
Result<const Ticket*> survey_ticket(const OfficeState& s, const json& a) {
  const bool by_token = a.contains("token"), by_ticket = a.contains("ticket");
  if (by_token == by_ticket)
    return bad_arg("token", "give either token (the QR page's code) or ticket (a label like A-001), not both or neither");
  if (!by_token) return find_ticket(s, a);
  auto token = get_string(a, "token", 64);
  if (!token) return token.error();
  const TicketIndex& ix = ticket_index(s);  // the newest ticket of the token (after transfers)
  if (auto it = ix.by_token.find(*token); it != ix.by_token.end()) return &s.tickets.at(it->second);
  return not_found("no ticket with that code today");
}

bool surveyed(const Ticket& tk) {
  for (const TicketStep& st : tk.history)
    if (st.what == "surveyed") return true;
  return false;
}

}  // namespace

// May this ticket answer the survey now? Read only: the kiosk's tablet asks before the
// nine questions, so nobody answers them for a ticket the hub would refuse.
Result<Decision> cmd_survey_status(const OfficeState& s, const json& a, const CommandContext&) {
  auto found = survey_ticket(s, a);
  if (!found) return found.error();
  const Ticket& tk = **found;
  Decision d;
  d.result["label"] = tk.label();
  d.result["service"] = tk.service;
  d.result["state"] = to_string(tk.state);
  d.result["survey"] = tk.state != TicketState::done ? "not_finished" : surveyed(tk) ? "answered" : "open";
  return d;
}

Result<Decision> cmd_survey_submit(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto t = survey_ticket(s, a);
  if (!t) return t.error();
  const Ticket* found = *t;
  if (!a.contains("answers")) return bad_arg("answers", "missing (nine scores 1-4)");
  auto answers = parse_survey_answers(a["answers"]);
  if (!answers) return answers.error();
  Ticket tk = *found;
  if (tk.state != TicketState::done)
    return illegal(tk.label() + " is " + std::string(to_string(tk.state)) +
                   "; the survey is for a service that has been finished");
  if (surveyed(tk)) return illegal(tk.label() + " has already answered the survey (once per ticket)");
  const std::string actor = actor_of(s, ctx, 0);
  tk.history.push_back(step("surveyed", ctx, 0, actor));
  Decision d;
  d.result["ticket"] = to_json(tk, false);
  d.events.push_back(make_event(proto::ev::survey_answered, ctx, actor,
                                {{"ticket_id", tk.id}, {"service", tk.service}, {"counter", tk.counter},
                                 {"answers", *answers}, {"tickets", {to_json(tk, true)}}}));
  return d;
}

}  // namespace antrian::detail
