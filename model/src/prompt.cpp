// Text -> Prompt. Every field is checked for its type and its range here, and a field this
// version does not know is a problem too: prompts are data the project writes, so a
// misspelt field is a mistake to name, not something to keep.
#include "archlens/model/prompt.h"
#include "archlens/model/document_io.h"
#include "archlens/model/file_io.h"
#include "archlens/model/json.h"
#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include "json_parse.h"
#include "strict_fields.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace archlens {

namespace {

using detail::describeType;
using detail::StrictFields;

constexpr double kSecondsPerDay = 86400;

void readScale(const Json& obj, PromptScale& s, Problems& problems) {
    StrictFields f(obj, "/scale", problems);
    constexpr double kMany = 1e12;
    f.number("daily_users", s.daily_users, 0, kMany, true);
    f.number("reads_per_user_per_day", s.reads_per_user_per_day, 0, kMany);
    f.number("writes_per_user_per_day", s.writes_per_user_per_day, 0, kMany);
    f.number("object_bytes", s.object_bytes, 0, kMany, true);
    f.number("retention_days", s.retention_days, 0, 365.0 * 1000);
    f.number("peak_factor", s.peak_factor, 1, 1000);
    f.noOthers({"daily_users", "reads_per_user_per_day", "writes_per_user_per_day", "object_bytes",
                "retention_days", "peak_factor"});
}

void readTargets(const Json& obj, PromptTargets& t, Problems& problems) {
    StrictFields f(obj, "/targets", problems);
    f.number("availability", t.availability, 0, 1, true);
    if (t.availability == 1) f.problem("availability", "must be below 1 (no design is never down)");
    f.number("p99_ms", t.p99_ms, kMinLatencyMs, kMaxLatencyMs);
    f.noOthers({"availability", "p99_ms"});
}

/// A list of names that may be absent (an absent list is an empty one) but, when given,
/// holds at least one non-empty string.
void optionalNames(const Json& obj, const char* key, const std::string& at,
                   std::vector<std::string>& out, Problems& problems) {
    if (!obj.contains(key)) return;
    StrictFields(obj, at, problems).textList(key, out);
}

void readCheck(const Json& obj, const std::string& at, CapabilityCheck& c, Problems& problems) {
    optionalNames(obj, "present", at, c.present, problems);
    optionalNames(obj, "on_reads", at, c.on_reads, problems);
    optionalNames(obj, "on_writes", at, c.on_writes, problems);
    optionalNames(obj, "async_to", at, c.async_to, problems);
    optionalNames(obj, "optional_to", at, c.optional_to, problems);
    optionalNames(obj, "client_protocol", at, c.client_protocol, problems);
    optionalNames(obj, "without", at, c.without, problems);
    StrictFields f(obj, at, problems);
    f.noOthers({"present", "on_reads", "on_writes", "async_to", "optional_to", "client_protocol",
                "without"});
    if (c.empty())
        problems.push_back({at, "must give at least one of present, on_reads, on_writes, "
                                "async_to, optional_to, client_protocol or without"});
}

void readParsed(const Json& root, Prompt& p, Problems& problems) {
    if (!root.is_object()) {
        problems.push_back(
            {"", "a prompt file must hold a JSON object, got " + describeType(root)});
        return;
    }
    StrictFields f(root, "", problems);
    f.text("id", p.id);
    f.text("title", p.title);
    f.text("statement", p.statement);
    f.textList("functional", p.functional);
    if (const Json* scale = f.object("scale")) readScale(*scale, p.scale, problems);
    if (const Json* targets = f.object("targets")) readTargets(*targets, p.targets, problems);
    std::set<std::string> capabilityIds;
    f.each("capabilities", [&](const Json& item, const std::string& at) {
        if (!item.is_object()) {
            problems.push_back({at, "must be an object, got " + describeType(item)});
            return;
        }
        PromptCapability c;
        StrictFields cf(item, at, problems);
        cf.text("id", c.id);
        cf.text("text", c.text);
        cf.text("guide_section", c.guide_section);
        if (const Json* check = cf.object("check"))
            readCheck(*check, at + "/check", c.check, problems);
        cf.noOthers({"id", "text", "guide_section", "check"});
        if (!c.id.empty() && !capabilityIds.insert(c.id).second)
            cf.problem("id", "the capability id \"" + c.id + "\" is used twice");
        p.capabilities.push_back(std::move(c));
    });
    f.textList("deep_dives", p.deep_dives);
    f.text("reference", p.reference);
    const std::string_view kExtension = ".archlens";
    if (!p.reference.empty() &&
        (p.reference.find_first_of("/\\") != std::string::npos || p.reference.starts_with(".") ||
         !p.reference.ends_with(kExtension) || p.reference.size() == kExtension.size()))
        f.problem("reference", "must be the name of an .archlens file beside the prompt "
                               "(no folder), got \"" +
                                   p.reference + "\"");
    f.noOthers({"id", "title", "statement", "functional", "scale", "targets", "capabilities",
                "deep_dives", "reference"});
}

} // namespace

double PromptScale::peakReadRps() const {
    return daily_users * reads_per_user_per_day / kSecondsPerDay * peak_factor;
}

double PromptScale::peakWriteRps() const {
    return daily_users * writes_per_user_per_day / kSecondsPerDay * peak_factor;
}

double PromptScale::storedBytes() const {
    return daily_users * writes_per_user_per_day * retention_days * object_bytes;
}

std::string PromptLoad::describe() const {
    const std::string name = file.empty() ? "prompt" : file.filename().string();
    std::string out;
    for (const auto& p : problems)
        out += name + ": " + p.describe() + "\n";
    return out;
}

std::filesystem::path PromptLoad::referencePath() const {
    if (!prompt) return {};
    return file.parent_path() / prompt->reference;
}

PromptLoad readPrompt(std::string_view text, const std::filesystem::path& file) {
    PromptLoad result;
    result.file = file;
    Prompt prompt;
    if (std::optional<Json> root = detail::parseDesignJson(text, result.problems))
        readParsed(*root, prompt, result.problems);
    if (result.problems.size() > kMaxProblemsListed) {
        const size_t more = result.problems.size() - kMaxProblemsListed;
        result.problems.resize(kMaxProblemsListed);
        result.problems.push_back({"", "and " + std::to_string(more) + " more problems"});
    }
    for (auto& p : result.problems) {
        p.pointer = validUtf8(p.pointer);
        p.message = validUtf8(p.message);
    }
    if (result.problems.empty()) result.prompt = std::move(prompt);
    return result;
}

PromptLoad loadPrompt(const std::filesystem::path& path) {
    std::string text, error;
    if (!readTextFile(path, text, error)) {
        PromptLoad result;
        result.file = path;
        result.problems.push_back({"", error});
        return result;
    }
    return readPrompt(text, path);
}

} // namespace archlens
