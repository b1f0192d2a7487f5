#pragma once
// What each kiosk screen shows, as plain data: every word already chosen in the
// right language, every number already formatted. The ImGui code only lays this out,
// so tests can check what a person would read without opening a window.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "antrian/model.h"
#include "antrian/strings.h"

namespace antrian::kiosk {

enum class ScreenId { home, question, warning, unavailable, issuing, ticket, failed, offline, staff_pin, staff_menu,
                      comeback, comeback_phone, checkin,
                      // The survey tablet (antrian-kiosk --survey, survey_model.h).
                      survey_start, survey_wait, survey_question, survey_refused, survey_unsent, survey_thanks };

std::string_view to_string(ScreenId s);

enum class Tone { info, ok, warn, error };

struct Header {
  std::string office_name;   // "Disdukcapil Kabupaten Contoh"
  std::string office_full;   // "Dinas Kependudukan dan Pencatatan Sipil"
  std::string date_text;     // "Minggu, 22 November 2026"
  std::string time_text;     // "09:41 WIB"
  std::string lang_key = "lang";
  std::string lang_label;    // the other language: "English" / "Bahasa Indonesia"
  std::string printer_notice;  // empty when the printer is fine
};

// A touchable choice: a further question or a service (with its live card).
struct ChoiceButton {
  std::string key;  // tap key, e.g. "route:ektp"
  std::string label, hint;
  bool group = false;
  bool enabled = true;
  std::optional<ServiceStatus> status;  // leaf: its status; group: the worst below if not normal
  std::string status_word;              // "Normal", "Gangguan", "Terhenti", "Kuota habis", "Tutup"
  std::string waiting_text;             // "12 orang menunggu"
  std::string eta_text;                 // "Perkiraan tunggu sekitar 25 menit"
  std::string left_text;                // "Sisa 138 nomor hari ini"
};

struct PriorityOption {
  std::string key;    // "priority:lansia"
  std::string label;  // "Lansia (60+)"
  bool selected = false;
};

struct ChoiceScreen {
  std::string title;     // "Apa keperluan Anda?"
  std::string subtitle;  // "Sentuh salah satu pilihan di bawah"
  std::vector<ChoiceButton> buttons;
  std::string priority_title;              // home only
  std::vector<PriorityOption> priorities;  // home only
  std::string priority_note;               // question screens: "Antrian prioritas: Lansia"
  bool can_go_back = false;
  std::string back_label;
  // No service gives numbers now (after hours, a holiday, the Friday break): no
  // cards; title says when numbers are given again, subtitle why.
  bool office_closed = false;
  // "Punya kode?": check in with a come-back (or booking) code; home only.
  std::string checkin_key = "checkin", checkin_label;
};

struct WarningScreen {
  std::string service_name;
  ServiceStatus status = ServiceStatus::degraded;
  std::string status_word;
  std::string headline;                  // "Layanan Pencetakan e-KTP sedang terhenti"
  std::vector<std::string> messages;     // the office's disruption messages
  std::string expected_back;             // "Perkiraan pulih pukul 14:30 WIB" / "belum diketahui"
  std::string eta_text;                  // "Perkiraan waktu tunggu: ..."
  std::string waiting_text;
  std::string alternative_title;         // "Pilihan lain"
  std::string alternative;
  std::string alternative_label;         // a ticket for the service that helps instead; empty: none
  std::string alternative_key = "alternative";
  std::string confirm_key = "confirm", confirm_label;
  std::string back_key = "back", back_label;
  std::string priority_note;
  std::string comeback_key = "comeback", comeback_label;  // empty label: joining not possible
};

struct NoticeScreen {  // no ticket: quota used up, closed today, or issuing failed
  Tone tone = Tone::warn;
  std::string headline;
  std::string body;
  std::string advice_title;  // "Yang dapat Anda lakukan"
  std::string advice;
  std::string alternative_label;  // as on the warning; empty: none
  std::string alternative_key = "alternative";
  std::string detail;        // small print for staff (the hub's reason)
  std::string back_key = "home", back_label;
  std::string comeback_key = "comeback", comeback_label;  // empty label: joining not possible
};

// Joined the come-back list: the code very large, what happens next, the slip.
struct ComebackScreen {
  std::string title;         // "Kode kembali Anda"
  std::string code;          // "K7M2QX"
  std::string service_name;
  std::string position_text;  // "Urutan Anda di daftar: 3"
  std::string next_text;      // what happens next
  std::string phone_text;     // "Pesan akan dikirim ke +62812****7890" once given
  bool printing = false;
  std::string print_text;
  Tone print_tone = Tone::info;
  std::string phone_key = "comeback:phone", phone_label;  // empty: no messages in this office, or given
  std::string done_key = "done", done_label;
};

// A keypad: the phone number (digits) or a check-in code (the code alphabet).
struct KeypadScreen {
  std::string title, hint;
  std::string typed;          // as typed, grouped for reading ("K7M 2QX", "0812 3456 7890")
  std::string message;        // an answer of the hub, or why the input cannot be sent
  std::string detail;         // the hub's reason, small, for staff
  Tone tone = Tone::info;
  std::vector<std::string> keys;  // tap keys: "key:K", ...; drawn in order
  std::string ok_key = "key:ok", ok_label;
  bool ok_enabled = false;
  std::string clear_key = "key:del", clear_label;
  std::string back_key = "back", back_label;
};

struct IssuingScreen {
  std::string headline;  // "Mohon tunggu..."
  std::string body;
};

struct TicketScreen {
  std::string title;         // "Nomor antrian Anda"
  std::string label;         // "B-007"
  std::string service_name;
  std::string priority_text;  // "Prioritas: Lansia"; empty for regular
  std::string eta_text;
  std::string ahead_text;     // "3 orang di depan Anda"
  std::string wait_at_text;   // "Silakan tunggu di ruang tunggu loket 2 dan 3"
  std::string status_note;    // service disrupted: a reminder
  std::string qr_url;         // empty: no QR
  std::string qr_caption;
  bool printing = false;
  std::string print_text;
  Tone print_tone = Tone::info;
  std::string done_key = "done", done_label;
};

struct OfflineScreen {
  std::string headline;  // "Mohon tunggu sebentar"
  std::string body;
  std::string detail;
};

struct PinScreen {
  std::string title;
  std::string masked;    // "● ● ●" as "***"
  std::string message;
  Tone tone = Tone::info;
  bool configured = true;
  bool pad_enabled = true;
  std::string ok_label, clear_label, cancel_label;
};

struct StaffMenu {
  std::string title;
  std::vector<ChoiceButton> items;  // staff:reprint, staff:fullscreen, staff:quit, staff:close
  std::string message;
  Tone tone = Tone::info;
};

// The satisfaction survey tablet beside the exit (survey_model.h): every text in
// Indonesian first and English (smaller) under it, whatever the language.
struct SurveyAnswerButton {
  std::string key;  // "answer:1" .. "answer:4"
  int score = 0;
  std::string label, label_en;  // "Sangat mudah" / "Very easy"
  bool chosen = false;          // the answer given before going back
};

struct SurveyScreen {
  std::string title, title_en;  // start: the greeting; question: the element; refusal: what happened
  std::string body, body_en;    // start: what to do; question: the question; refusal: what to do now
  std::string ticket_text;      // "Nomor antrian A-006"
  int step = 0, steps = 0;      // question: 1..9 of 9 (the progress dots)
  std::string progress, progress_en;  // "Pertanyaan 3 dari 9" / "Question 3 of 9"
  std::vector<SurveyAnswerButton> answers;
  // The start screen's keypad: the office's ticket letters and the digits.
  std::string typed;  // "A-006" as typed
  std::vector<std::string> keys;
  std::string clear_key = "key:del", clear_label;
  std::string message, message_en;  // why the input cannot be sent yet
  Tone tone = Tone::info;
  std::string detail;  // the hub's reason, small, for staff
  std::string back_key, back_label, back_label_en;  // empty key: none
  std::string primary_key, primary_label, primary_label_en;
  bool primary_enabled = true;
};

struct View {
  ScreenId screen = ScreenId::offline;
  Lang lang = Lang::id;
  Header header;
  ChoiceScreen choice;    // home, question
  WarningScreen warning;  // warning
  NoticeScreen notice;    // unavailable, failed
  IssuingScreen issuing;
  TicketScreen ticket;
  OfflineScreen offline;
  PinScreen pin;
  StaffMenu staff;
  ComebackScreen comeback;
  KeypadScreen keypad;  // comeback_phone, checkin
  SurveyScreen survey;  // survey_*
};

}  // namespace antrian::kiosk
