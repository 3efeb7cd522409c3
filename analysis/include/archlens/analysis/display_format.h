#pragma once
// The figures a person reads, written the same way everywhere: the `check` text, the
// finding texts of the rules, the HTML, Markdown and PDF reports, the flows table, the plots
// and the labels of the window all take their text from here, so one value never reads two
// ways (a p99 of 1523 ms is "1.52 s" in the table, the report and the finding alike).
// Plain C++ so that the rules can use it; the app turns the strings into QString.
//
// The rules, each pinned by tests/analysis/test_display_format.cpp:
// - durations keep about three significant digits, in ms below a second and in s from
//   one: "0.5 ms", "8.44 ms", "12.3 ms", "120 ms", "1.52 s", "12 s";
// - downtime, shares and most other figures keep about two: one decimal below 10 of the
//   unit, whole numbers from 10;
// - trailing zeros after the decimal point are dropped ("3 s", not "3.00 s") and whole
//   parts of 1000 and more are grouped with commas ("40,450 req/s");
// - a value that is not a finite number (or a negative duration) reads "—".
#include <string>

namespace archlens {

/// Nines of an availability, -log10(1 - A), capped at kMaxNines: past nine nines the
/// inputs support no figure, and a flow of perfect parts would have infinitely many.
inline constexpr double kMaxNines = 9;
double nines(double availability);
/// An availability as a percentage with one digit past its leading nines, truncated so it
/// never shows a figure it does not reach: 99.987%, 99.99%, 99.9995%, 100%.
std::string availabilityPercent(double availability);
/// An availability a person typed (a target, a per-instance availability) as the inspector
/// shows it: the exact percentage, nothing cut off: 0.999 -> "99.9%", 0.99925 ->
/// "99.925%", 0.97 -> "97%". availabilityPercent is for computed ones.
std::string availabilityInputText(double availability);
/// A duration a person typed, in the unit the inspector shows it in (`unit` "ms" or "s"),
/// read as durations are elsewhere with the typed figure after it when that differs:
/// (800, "ms") -> "800 ms", (2000, "ms") -> "2 s (2000 ms)", (300, "s") -> "5 min (300 s)".
/// `inParentheses`: for text already in parentheses, "5 min, 300 s".
std::string durationInputText(double value, const std::string& unit, bool inParentheses = false);
/// The nines of an availability with one decimal: "2.8", "4.0", "9.0" at the cap.
std::string ninesText(double availability);

/// A duration given in milliseconds: "0.5 ms", "8.44 ms", "12.3 ms", "120 ms", then
/// seconds from 999.5 ms on: "1 s", "1.52 s", "12.3 s", "120 s".
std::string millisecondsText(double ms);
/// A downtime given in minutes, in the unit that keeps the number small: seconds below a
/// minute ("43 s"), minutes below two hours ("4.3 min", "65 min"), hours below two days
/// ("2.5 h", "25 h"), then days ("30 days").
std::string downtimeText(double minutes);
/// A fraction as a percentage, for shares of requests and utilisation: "0.4%", "8.5%",
/// "25%", "133%". Availabilities have availabilityPercent, which never rounds up.
std::string shareText(double fraction);
/// A request rate: "0.25 req/s", "2.5 req/s", "400 req/s", "40,450 req/s".
std::string rateText(double requestsPerSecond);
/// A traffic multiplier: "0.75×", "1×", "2.5×", "100×" (two decimals below 1, one below 10,
/// whole numbers from 10).
std::string multiplierText(double factor);

} // namespace archlens
