#pragma once
// All user-facing text lives in one table (shared/src/strings.cpp): Bahasa Indonesia
// first, English alongside. Programs look strings up by a stable dotted key.
#include <string>
#include <string_view>
#include <vector>

namespace antrian {

enum class Lang { id, en };

// Parses "id" or "en"; returns false for anything else.
bool parse_lang(std::string_view text, Lang& out);

// The text for key in lang; an unknown key returns the key itself so a missing
// string is visible on screen instead of blank.
std::string_view tr(std::string_view key, Lang lang);

// Like tr() but replaces {0}, {1}, ... with args.
std::string trf(std::string_view key, Lang lang, const std::vector<std::string>& args);

// True when the key is in the table (used by tests to catch typos).
bool has_string(std::string_view key);

// Every key in the table, for tests.
std::vector<std::string_view> all_string_keys();

}  // namespace antrian
