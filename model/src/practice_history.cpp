#include "archlens/model/practice_history.h"
#include "archlens/model/json.h"

#include "json_parse.h"
#include "strict_fields.h"

namespace archlens {

namespace {
using detail::describeType;
using detail::StrictFields;
constexpr const char* kFormat = "archlens-practice-history";
constexpr double kMaxSeconds = 7 * 24 * 3600.0;
constexpr int kMaxCount = 1000000;
} // namespace

PracticeHistoryLoad readPracticeHistory(std::string_view text) {
    PracticeHistoryLoad out;
    std::optional<Json> root = detail::parseDesignJson(text, out.problems);
    if (!root) return out;
    if (!root->is_object() || root->value("format", Json()) != kFormat) {
        out.problems.push_back(
            {"/format",
             std::string("not a practice history (\"format\" must be \"") + kFormat + "\")"});
        return out;
    }
    StrictFields f(*root, "", out.problems);
    int version = 0;
    f.integer("version", version, 1, 1);
    std::vector<PracticeRecord> records;
    if (root->contains("sessions") && (*root)["sessions"].is_array() &&
        (*root)["sessions"].empty()) {
        // A history emptied by hand is still a history.
    } else {
        f.each("sessions", [&](const Json& item, const std::string& at) {
            if (!item.is_object()) {
                out.problems.push_back({at, "must be an object, got " + describeType(item)});
                return;
            }
            PracticeRecord r;
            StrictFields rf(item, at, out.problems);
            rf.text("prompt", r.prompt);
            rf.text("title", r.title);
            rf.text("finished_at", r.finished_at);
            rf.integer("minutes", r.minutes, 1, 24 * 60);
            rf.number("used_s", r.used_s, 0, kMaxSeconds);
            if (rf.has("score") && !item.at("score").is_null()) {
                double score = 0;
                rf.number("score", score, 0, 100);
                r.score = score;
            }
            rf.integer("errors", r.errors, 0, kMaxCount);
            rf.integer("warnings", r.warnings, 0, kMaxCount);
            rf.integer("infos", r.infos, 0, kMaxCount);
            rf.noOthers({"prompt", "title", "finished_at", "minutes", "used_s", "score", "errors",
                         "warnings", "infos"});
            records.push_back(std::move(r));
        });
    }
    f.noOthers({"format", "version", "sessions"});
    if (out.problems.empty()) out.records = std::move(records);
    return out;
}

std::string writePracticeHistory(const std::vector<PracticeRecord>& records) {
    Json sessions = Json::array();
    for (const auto& r : records) {
        Json j = Json::object();
        j["prompt"] = r.prompt;
        j["title"] = r.title;
        j["finished_at"] = r.finished_at;
        j["minutes"] = r.minutes;
        j["used_s"] = numberToJson(r.used_s);
        if (r.score) j["score"] = numberToJson(*r.score);
        j["errors"] = r.errors;
        j["warnings"] = r.warnings;
        j["infos"] = r.infos;
        sessions.push_back(std::move(j));
    }
    Json root = Json::object();
    root["format"] = kFormat;
    root["version"] = 1;
    root["sessions"] = std::move(sessions);
    return root.dump(2) + "\n";
}

} // namespace archlens
