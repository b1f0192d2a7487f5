// The one table of UI text. Each program keeps its rows in its own section below so
// that edits do not collide; keys are "<area>.<name>".
#include "antrian/strings.h"

#include <algorithm>
#include <array>

namespace antrian {
namespace {

struct Row {
  std::string_view key;
  std::string_view id;  // Bahasa Indonesia
  std::string_view en;  // English
};

constexpr Row kRows[] = {
    // --- common -------------------------------------------------------------
    {"common.app_name", "Antrian Disdukcapil", "Civil Registry Queue"},
    {"common.offline", "Terputus dari server antrian", "Disconnected from the queue server"},
    {"common.reconnecting", "Menghubungkan kembali...", "Reconnecting..."},
    {"common.unknown", "tidak diketahui", "unknown"},
    {"common.minutes", "{0} menit", "{0} min"},
    {"common.waiting", "menunggu", "waiting"},
    {"status.normal", "Normal", "Normal"},
    {"status.degraded", "Gangguan", "Degraded"},
    {"status.halted", "Terhenti", "Halted"},
    {"state.waiting", "Menunggu", "Waiting"},
    {"state.called", "Dipanggil", "Called"},
    {"state.serving", "Dilayani", "Being served"},
    {"state.done", "Selesai", "Done"},
    {"state.no_show", "Tidak hadir", "No-show"},
    {"state.cancelled", "Dibatalkan", "Cancelled"},
    {"state.transferred", "Dialihkan", "Transferred"},
    {"priority.reguler", "Reguler", "Regular"},
    {"priority.lansia", "Lansia", "Elderly"},
    {"priority.disabilitas", "Disabilitas", "Disabled"},
    {"priority.ibu_hamil", "Ibu hamil", "Pregnant"},
    {"counter_state.open", "Buka", "Open"},
    {"counter_state.paused", "Istirahat", "On break"},
    {"counter_state.closed", "Tutup", "Closed"},
    // --- hub errors (reasons sent to clients) -------------------------------
    {"error.offline", "Server antrian tidak dapat dihubungi", "The queue server cannot be reached"},
    // --- counter ------------------------------------------------------------
    // --- display ------------------------------------------------------------
    // --- kiosk --------------------------------------------------------------
    // --- speech -------------------------------------------------------------
    // Spoken call phrases (antrian_speech). {ticket} {counter} {service} are filled by
    // shared/speech/src/phrase.cpp; commas make espeak-ng pause between the parts.
    {"speech.call_template", "Nomor antrian, {ticket}, silakan menuju loket {counter}",
     "Queue number, {ticket}, please proceed to counter {counter}"},
    {"speech.recall_template",
     "Panggilan ulang, nomor antrian, {ticket}, silakan menuju loket {counter}",
     "Repeat call, queue number, {ticket}, please proceed to counter {counter}"},
    // --- printing -----------------------------------------------------------
    // Ticket text is folded to ASCII for the printer: keep these rows ASCII-only.
    {"printing.queue_number", "Nomor Antrian", "Queue Number"},
    {"printing.priority", "Prioritas: {0}", "Priority: {0}"},
    {"printing.estimated_wait", "Perkiraan waktu tunggu: {0}", "Estimated wait: {0}"},
    {"printing.wait_at", "Silakan tunggu di {0}", "Please wait at {0}"},
    {"printing.scan_status", "Pindai kode QR untuk melihat status antrian Anda", "Scan the QR code to follow your place in the queue"},
    {"printing.footer", "Simpan tiket ini sampai nomor Anda dipanggil.", "Keep this ticket until your number is called."},
    {"printing.thanks", "Terima kasih atas kesabaran Anda", "Thank you for your patience"},
    {"printing.result.ok", "Tiket sudah dicetak. Silakan ambil tiket Anda.", "Your ticket has been printed. Please take it."},
    {"printing.result.disabled", "Printer tidak dipasang. Silakan catat nomor antrian di layar.", "No printer is set up. Please note your queue number on the screen."},
    {"printing.result.paper_out", "Kertas printer habis. Mohon hubungi petugas; nomor Anda tetap tercatat.", "The printer is out of paper. Please ask a staff member; your number is still registered."},
    {"printing.result.cover_open", "Tutup printer terbuka. Mohon hubungi petugas; nomor Anda tetap tercatat.", "The printer cover is open. Please ask a staff member; your number is still registered."},
    {"printing.result.offline", "Printer sedang tidak siap. Mohon hubungi petugas; nomor Anda tetap tercatat.", "The printer is not ready. Please ask a staff member; your number is still registered."},
    {"printing.result.failed", "Tiket gagal dicetak. Mohon hubungi petugas; nomor Anda tetap tercatat.", "The ticket could not be printed. Please ask a staff member; your number is still registered."},
};

const Row* find_row(std::string_view key) {
  for (const Row& r : kRows)
    if (r.key == key) return &r;
  return nullptr;
}

}  // namespace

bool parse_lang(std::string_view text, Lang& out) {
  if (text == "id") { out = Lang::id; return true; }
  if (text == "en") { out = Lang::en; return true; }
  return false;
}

std::string_view tr(std::string_view key, Lang lang) {
  const Row* r = find_row(key);
  if (!r) return key;
  return lang == Lang::id ? r->id : r->en;
}

std::string trf(std::string_view key, Lang lang, const std::vector<std::string>& args) {
  std::string out(tr(key, lang));
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string marker = "{" + std::to_string(i) + "}";
    for (size_t pos = out.find(marker); pos != std::string::npos;
         pos = out.find(marker, pos + args[i].size()))
      out.replace(pos, marker.size(), args[i]);
  }
  return out;
}

bool has_string(std::string_view key) { return find_row(key) != nullptr; }

std::vector<std::string_view> all_string_keys() {
  std::vector<std::string_view> keys;
  for (const Row& r : kRows) keys.push_back(r.key);
  return keys;
}

}  // namespace antrian
