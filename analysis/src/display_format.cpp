#include "archlens/analysis/display_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace archlens {

namespace {

const char* const kNotANumber = "—";

/// `value` with `decimals` places, trailing zeros after the point dropped and the whole
/// part grouped by thousands: 40450 -> "40,450", 2.50 -> "2.5", -0.0 -> "0".
std::string decimal(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    const size_t start = text[0] == '-' ? 1 : 0;
    size_t end = text.find('.');
    if (end == std::string::npos) end = text.size();
    for (size_t i = end; i > start + 3; i -= 3)
        text.insert(i - 3, ",");
    return text;
}

/// Places for about three significant digits: none from 100, one from 10, two below. The
/// thresholds sit where rounding would carry into the next digit (99.96 reads "100").
int threeDigits(double value) {
    value = std::abs(value);
    return value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
}

/// Places for about two significant digits: one below 10, none from 10.
int twoDigits(double value) {
    return std::abs(value) >= 9.95 ? 0 : 1;
}

} // namespace

double nines(double availability) {
    if (!(availability < 1)) return kMaxNines;
    if (!(availability > 0)) return 0; // not -0, which would print as "-0.0"
    return std::min(kMaxNines, -std::log10(1 - availability));
}

std::string availabilityPercent(double availability) {
    if (!(availability < 1)) return "100%";
    if (!(availability > 0)) return "0%";
    const int decimals =
        std::clamp(static_cast<int>(std::ceil(-std::log10(1 - availability) - 1e-9)) - 1, 0, 6);
    const double scale = std::pow(10.0, decimals);
    const double truncated = std::floor(availability * 100 * scale + 1e-6) / scale;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, truncated);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text + "%";
}

std::string availabilityInputText(double availability) {
    if (!std::isfinite(availability)) return kNotANumber;
    // Ten significant digits, as the inspector's field writes it: enough for any typed
    // target, few enough that 0.999 * 100 reads 99.9 rather than 99.89999999999999.
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", availability * 100);
    return std::string(buffer) + "%";
}

std::string durationInputText(double value, const std::string& unit, bool inParentheses) {
    if (!std::isfinite(value) || value < 0) return kNotANumber;
    const double ms = unit == "s" ? value * 1000 : value;
    const std::string read = ms >= 60000 ? downtimeText(ms / 60000) : millisecondsText(ms);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    const std::string typed = std::string(buffer) + " " + unit;
    if (read == typed) return read;
    return inParentheses ? read + ", " + typed : read + " (" + typed + ")";
}

std::string ninesText(double availability) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f", nines(availability));
    return buffer;
}

std::string millisecondsText(double ms) {
    if (!std::isfinite(ms) || ms < 0) return kNotANumber;
    if (ms < 999.5) return decimal(ms, threeDigits(ms)) + " ms";
    const double seconds = ms / 1000;
    return decimal(seconds, threeDigits(seconds)) + " s";
}

std::string downtimeText(double minutes) {
    if (!std::isfinite(minutes) || minutes < 0) return kNotANumber;
    const double seconds = minutes * 60;
    if (seconds < 59.5) return decimal(seconds, twoDigits(seconds)) + " s";
    if (minutes < 119.5) return decimal(minutes, twoDigits(minutes)) + " min";
    const double hours = minutes / 60;
    if (hours < 47.5) return decimal(hours, twoDigits(hours)) + " h";
    const double days = hours / 24;
    return decimal(days, twoDigits(days)) + " days";
}

std::string shareText(double fraction) {
    if (!std::isfinite(fraction)) return kNotANumber;
    const double percent = fraction * 100;
    return decimal(percent, twoDigits(percent)) + "%";
}

std::string rateText(double requestsPerSecond) {
    if (!std::isfinite(requestsPerSecond)) return kNotANumber;
    return decimal(requestsPerSecond, std::abs(requestsPerSecond) >= 9.995 ? 0 : 2) + " req/s";
}

std::string multiplierText(double factor) {
    if (!std::isfinite(factor)) return kNotANumber;
    const double m = std::abs(factor);
    return decimal(factor, m < 0.995 ? 2 : m < 9.95 ? 1 : 0) + "×";
}

} // namespace archlens
