#include "archlens/model/json_text.h"

#include <charconv>
#include <cstdint>

namespace archlens {

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (a byte above 0x7F), or 0 when it
// is not one: the byte sequences of the Unicode standard's table 3-7, which are what dump's
// decoder accepts (no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8Length(const std::string& s, std::size_t i) {
    const auto at = [&](std::size_t k) {
        return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
    };
    const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    const unsigned b0 = at(i), b1 = at(i + 1), b2 = at(i + 2), b3 = at(i + 3);
    if (in(b0, 0xC2, 0xDF)) return in(b1, 0x80, 0xBF) ? 2 : 0;
    if (in(b0, 0xE0, 0xEF)) {
        const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
        return in(b1, lo, hi) && in(b2, 0x80, 0xBF) ? 3 : 0;
    }
    if (in(b0, 0xF0, 0xF4)) {
        const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return in(b1, lo, hi) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

// How dump writes a string (ensure_ascii off): the two-character escapes JSON has,
// "\u00xx" in lower case for the other controls, DEL, '/' and UTF-8 as they are. Returns
// false, having written nothing, at a byte that is not UTF-8.
bool appendValidString(std::string& out, const std::string& s) {
    const std::size_t before = out.size();
    out += '"';
    std::size_t run = 0; // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c > 0x7F) {
            const std::size_t length = utf8Length(s, i);
            if (length == 0) {
                out.resize(before);
                return false;
            }
            i += length - 1;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            static constexpr char kHex[] = "0123456789abcdef";
            const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
            out.append(escape, sizeof escape);
        }
        }
    }
    out.append(s, run, s.size() - run);
    out += '"';
    return true;
}

void appendString(std::string& out, const std::string& s) {
    if (!appendValidString(out, s)) out += Json(s).dump(); // dump's exception, as dump has it
}

template <typename Integer> void appendInteger(std::string& out, Integer n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
}

void newline(std::string& out, int indent, int level) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent) * static_cast<std::size_t>(level), ' ');
}

void append(std::string& out, const Json& v, int indent, int level) {
    switch (v.type()) {
    case Json::value_t::object: {
        if (v.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!first) out += ',';
            first = false;
            newline(out, indent, level + 1);
            appendString(out, it.key());
            out += indent < 0 ? ":" : ": ";
            append(out, it.value(), indent, level + 1);
        }
        newline(out, indent, level);
        out += '}';
        return;
    }
    case Json::value_t::array: {
        if (v.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        bool first = true;
        for (const Json& element : v) {
            if (!first) out += ',';
            first = false;
            newline(out, indent, level + 1);
            append(out, element, indent, level + 1);
        }
        newline(out, indent, level);
        out += ']';
        return;
    }
    case Json::value_t::string:
        appendString(out, v.get_ref<const std::string&>());
        return;
    case Json::value_t::number_integer:
        appendInteger(out, v.get<std::int64_t>());
        return;
    case Json::value_t::number_unsigned:
        appendInteger(out, v.get<std::uint64_t>());
        return;
    case Json::value_t::boolean:
        out += v.get<bool>() ? "true" : "false";
        return;
    case Json::value_t::null:
        out += "null";
        return;
    default:
        out += v.dump();
        return; // floating point, binary, discarded: as dump has them
    }
}

// About the length of the text, to reserve it at once: growing a report of tens of
// megabytes by doubling copied it and faulted its pages in twice over. Exact for strings
// without escapes, generous for numbers.
std::size_t sizeOf(const Json& v, int indent, int level) {
    const std::size_t margin =
        indent < 0 ? 1 : 2 + static_cast<std::size_t>(indent) * static_cast<std::size_t>(level + 1);
    switch (v.type()) {
    case Json::value_t::object: {
        std::size_t n = 2 + margin;
        for (auto it = v.begin(); it != v.end(); ++it)
            n += margin + it.key().size() + 4 + sizeOf(it.value(), indent, level + 1);
        return n;
    }
    case Json::value_t::array: {
        std::size_t n = 2 + margin;
        for (const Json& element : v)
            n += margin + sizeOf(element, indent, level + 1);
        return n;
    }
    case Json::value_t::string:
        return v.get_ref<const std::string&>().size() + 2;
    default:
        return 24;
    }
}

} // namespace

void appendJsonText(std::string& out, const Json& value, int indent) {
    out.reserve(out.size() + sizeOf(value, indent, 0));
    append(out, value, indent, 0);
}

void appendJsonText(std::string& out, const Json& value, int indent, int level) {
    append(out, value, indent, level);
}

void appendJsonString(std::string& out, const std::string& s) {
    appendString(out, s);
}

std::string jsonText(const Json& value, int indent) {
    std::string out;
    appendJsonText(out, value, indent);
    return out;
}

} // namespace archlens
