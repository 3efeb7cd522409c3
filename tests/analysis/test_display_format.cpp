// The figures as people read them (archlens/analysis/display_format.h): a table of values
// and the text each must give. Every view takes its text from these functions, so a change
// here changes the CLI, the reports, the flows table, the plots and the findings at once;
// the table says exactly what that change is.
#include "archlens/analysis/display_format.h"

#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <utility>
#include <vector>

using namespace archlens;

namespace {
using Table = std::vector<std::pair<double, std::string>>;

template <typename Format>
void checkTable(Format format, const Table& table) {
    for (const auto& [value, text] : table) {
        INFO("value " << value);
        CHECK(format(value) == text);
    }
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
} // namespace

TEST_CASE("durations: three significant digits, ms below a second, s from one") {
    checkTable(millisecondsText, {{0, "0 ms"},
                                  {0.5, "0.5 ms"},
                                  {0.126, "0.13 ms"},
                                  {8, "8 ms"},
                                  {8.4, "8.4 ms"},
                                  {8.444, "8.44 ms"},
                                  {9.996, "10 ms"},
                                  {12.34, "12.3 ms"},
                                  {99.96, "100 ms"},
                                  {120.4, "120 ms"},
                                  {999.4, "999 ms"},
                                  {999.6, "1 s"},
                                  {1000, "1 s"},
                                  {1504, "1.5 s"},
                                  {1523, "1.52 s"},
                                  {12345, "12.3 s"},
                                  {120000, "120 s"},
                                  {2500000, "2,500 s"},
                                  {-1, "—"},
                                  {kNaN, "—"},
                                  {kInf, "—"}});
}

TEST_CASE("downtime: in the unit that keeps the number small, two significant digits") {
    checkTable(downtimeText, {{0, "0 s"},
                              {0.004, "0.2 s"},
                              {0.4, "24 s"},
                              {0.72, "43 s"},
                              {0.995, "1 min"},
                              {4.32, "4.3 min"},
                              {43.2, "43 min"},
                              {65.3, "65 min"},
                              {119.4, "119 min"},
                              {150, "2.5 h"},
                              {1518, "25 h"},
                              {43200, "30 days"},
                              {525600, "365 days"},
                              {-1, "—"},
                              {kNaN, "—"}});
}

TEST_CASE("shares and utilisation: one decimal below 10%, whole from 10%") {
    checkTable(shareText, {{0, "0%"},
                           {0.004, "0.4%"},
                           {0.0476, "4.8%"},
                           {0.123, "12%"},
                           {0.25, "25%"},
                           {0.9996, "100%"},
                           {1, "100%"},
                           {1.3333, "133%"},
                           {kNaN, "—"}});
}

TEST_CASE("rates: two decimals below 10 req/s, whole and grouped from 10") {
    checkTable(rateText, {{0.25, "0.25 req/s"},
                          {2.5, "2.5 req/s"},
                          {5, "5 req/s"},
                          {400, "400 req/s"},
                          {2700, "2,700 req/s"},
                          {40450, "40,450 req/s"},
                          {1234567, "1,234,567 req/s"}});
}

TEST_CASE("traffic multipliers: two decimals below 1, one below 10, whole from 10") {
    checkTable(multiplierText, {{0.1, "0.1×"},
                                {0.316, "0.32×"},
                                {0.75, "0.75×"},
                                {1, "1×"},
                                {1.2589, "1.3×"},
                                {2.5, "2.5×"},
                                {12.6, "13×"},
                                {100, "100×"}});
}

TEST_CASE("availability and nines") {
    checkTable(availabilityPercent, {{0.9984, "99.84%"}, {0.999983, "99.9983%"}, {0.0, "0%"}, {1.0, "100%"}});
    checkTable(ninesText, {{0.9984, "2.8"}, {0.9999, "4.0"}, {0.999983, "4.8"}, {1.0, "9.0"}, {0.0, "0.0"}});
}

TEST_CASE("typed availabilities: the exact percentage the inspector shows") {
    checkTable(availabilityInputText, {{0.999, "99.9%"},
                                       {0.9995, "99.95%"},
                                       {0.99925, "99.925%"},
                                       {0.97, "97%"},
                                       {0.975, "97.5%"},
                                       {1, "100%"},
                                       {0, "0%"},
                                       {kNaN, "—"}});
    // availabilityPercent, for computed ones, cuts these short; a typed value never is.
    CHECK(availabilityPercent(0.9999123) == "99.9912%");
    CHECK(availabilityInputText(0.9999123) == "99.99123%");
}

TEST_CASE("typed durations: read as durations, with the typed figure when it differs") {
    auto ms = [](double v) { return durationInputText(v, "ms"); };
    auto s = [](double v) { return durationInputText(v, "s"); };
    checkTable(
        ms, {{800, "800 ms"}, {2000, "2 s (2000 ms)"}, {1500, "1.5 s (1500 ms)"}, {0.5, "0.5 ms"}});
    checkTable(s, {{30, "30 s"}, {300, "5 min (300 s)"}, {86400, "24 h (86400 s)"}, {-1, "—"}});
    CHECK(durationInputText(600, "s", true) == "10 min, 600 s");
}
