// Rules for the strings of a design (ids, names, texts) and for quoting them in messages.
// Strings reach messages printed on terminals and into reports, so a control character or
// a bidirectional override in one could rewrite what a person sees; such strings are
// refused where they are stored and escaped where they are quoted.
#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace archlens {

namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

/// The code point starting at `i`, advancing `i` past it; kInvalid (advancing one byte)
/// for a byte that does not start a well-formed UTF-8 sequence.
char32_t decode(std::string_view s, size_t& i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int extra = 0;
    char32_t cp = 0;
    char32_t least = 0;
    if ((b0 & 0xE0) == 0xC0) {
        extra = 1, cp = b0 & 0x1F, least = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2, cp = b0 & 0x0F, least = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3, cp = b0 & 0x07, least = 0x10000;
    } else {
        ++i;
        return kInvalid;
    }
    for (int k = 1; k <= extra; ++k) {
        if (i + static_cast<size_t>(k) >= s.size() || (byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return kInvalid;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kInvalid;
    }
    i += static_cast<size_t>(extra) + 1;
    return cp;
}

bool isControl(char32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/// Characters that change the direction text is shown in.
bool isBidiFormatting(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

/// The overrides force a direction on everything after them: only ever needed to disguise
/// text (embeddings, isolates and marks serve mixed-direction names).
bool isBidiOverride(char32_t cp) {
    return cp == 0x202D || cp == 0x202E;
}

std::string codePoint(char32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

enum class Allow { Id, Name, Text };

std::optional<std::string> checkString(const std::string& s, Allow allow, size_t maxLength) {
    size_t count = 0;
    // Every key, id and name of a design passes here, so the message's place is only
    // written once something is wrong, and printable ASCII (nearly every character) skips
    // the decoding.
    const auto where = [&count] { return " (character " + std::to_string(count) + ")"; };
    for (size_t i = 0; i < s.size();) {
        const auto first = static_cast<unsigned char>(s[i]);
        if (first >= 0x20 && first < 0x7F) {
            ++i;
            ++count;
            continue;
        }
        const char32_t cp = decode(s, i);
        ++count;
        if (cp == kInvalid) return "is not valid UTF-8" + where();
        const bool allowedControl = (allow != Allow::Id && (cp == '\t' || cp == '\n')) ||
                                    (allow == Allow::Text && cp == '\r');
        if (isControl(cp) && !allowedControl)
            return "must not contain control characters, found " + codePoint(cp) + where();
        if (allow == Allow::Id ? isBidiFormatting(cp) : isBidiOverride(cp))
            return "must not contain the right-to-left or left-to-right formatting character " +
                   codePoint(cp) + where();
    }
    if (count > maxLength)
        return "is " + std::to_string(count) + " characters long; the limit is " +
               std::to_string(maxLength);
    return std::nullopt;
}

} // namespace

std::optional<std::string> checkId(const std::string& id) {
    if (id.empty()) return "must not be empty";
    return checkString(id, Allow::Id, kMaxIdLength);
}

std::optional<std::string> checkName(const std::string& name) {
    return checkString(name, Allow::Name, kMaxNameLength);
}

std::optional<std::string> checkText(const std::string& text) {
    return checkString(text, Allow::Text, kMaxTextLength);
}

std::optional<std::string> checkCoordinate(double v) {
    if (std::isfinite(v) && std::fabs(v) <= kMaxCoordinate) return std::nullopt;
    std::ostringstream out;
    out << "must lie between -" << kMaxCoordinate << " and " << kMaxCoordinate << ", got " << v;
    // ostream prints 1e+06; say it the way people write it.
    std::string text = out.str();
    for (auto pos = text.find("1e+06"); pos != std::string::npos; pos = text.find("1e+06"))
        text.replace(pos, 5, "1000000");
    return text;
}

std::string quoteForMessage(const std::string& s) {
    constexpr size_t kShown = 60;
    std::string out = "\"";
    size_t count = 0;
    for (size_t i = 0; i < s.size();) {
        if (count == kShown) {
            out += "…";
            break;
        }
        const size_t start = i;
        const char32_t cp = decode(s, i);
        ++count;
        if (cp == kInvalid) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(s[start]));
            out += buffer;
        } else if (isControl(cp) || isBidiFormatting(cp) || cp == '"' || cp == '\\') {
            char buffer[12];
            if (cp == '"' || cp == '\\')
                std::snprintf(buffer, sizeof buffer, "\\%c", static_cast<char>(cp));
            else
                std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(cp));
            out += buffer;
        } else {
            out.append(s, start, i - start);
        }
    }
    return out + "\"";
}

std::string pointerToken(const std::string& key) {
    std::string out;
    out.reserve(key.size());
    for (char ch : key) {
        if (ch == '~')
            out += "~0";
        else if (ch == '/')
            out += "~1";
        else
            out += ch;
    }
    return out;
}

std::string validUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        if (decode(text, i) == kInvalid) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X",
                          static_cast<unsigned char>(text[start]));
            out += buffer;
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

} // namespace archlens
