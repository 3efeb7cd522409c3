#pragma once
// The record of finished practice interviews, kept in the user's data folder so that
// progress can be followed across designs: which prompt, when, how long, the score and the
// findings left open. The file is JSON ({"format": "archlens-practice-history",
// "version": 1, "sessions": [...]}), read strictly: a damaged file is reported, never
// half-read.
#include "archlens/model/problem.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archlens {

struct PracticeRecord {
    std::string prompt;          ///< the prompt's id
    std::string title;           ///< the prompt's title when the session finished
    std::string finished_at;     ///< when, as ISO 8601 in UTC ("2026-12-02T15:04:05Z")
    int minutes = 0;             ///< the length chosen
    double used_s = 0;           ///< the time the phases took together
    std::optional<double> score; ///< out of 100; unset when none could be computed
    int errors = 0;              ///< open findings by severity when the session finished
    int warnings = 0;
    int infos = 0;
    bool operator==(const PracticeRecord&) const = default;
};

struct PracticeHistoryLoad {
    std::vector<PracticeRecord> records;
    Problems problems;
    bool ok() const { return problems.empty(); }
};

/// Reads a history file's text; on any problem, no record at all.
PracticeHistoryLoad readPracticeHistory(std::string_view text);
/// The text of a history file holding `records`, in order.
std::string writePracticeHistory(const std::vector<PracticeRecord>& records);

} // namespace archlens
