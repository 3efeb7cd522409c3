#pragma once
// Interview prompts (resources/prompts/*.json, format in resources/prompts/README.md): what
// an interviewer asks, at what scale and to which targets, what they expect to see, and the
// reference design that meets it. Plain data, read with the same care as a design file.
#include "archlens/model/problem.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archlens {

/// The load an interviewer states, in the units they state it in.
struct PromptScale {
    double daily_users = 0;
    double reads_per_user_per_day = 0;
    double writes_per_user_per_day = 0;
    double object_bytes = 0; ///< size of one stored object (a link, a counter, a record)
    double retention_days = 0;
    double peak_factor = 1; ///< peak traffic over the daily average

    /// Requests per second at peak: users x requests a day / 86 400 s x peak factor.
    double peakReadRps() const;
    double peakWriteRps() const;
    /// Bytes stored after `retention_days` of writes at the average rate.
    double storedBytes() const;
};

/// The non-functional targets, which load into a design's requirements.
struct PromptTargets {
    double availability = 0; ///< a fraction, 0.999 for three nines
    double p99_ms = 0;
};

/// How a capability shows in a diagram: every condition that is not empty must hold.
/// Kinds are catalogue kinds and rules are rule ids; the tests check both exist.
struct CapabilityCheck {
    std::vector<std::string> present; ///< some component is of one of these kinds
    /// The busiest user-facing read flow (the main read path) reaches one of these kinds.
    std::vector<std::string> on_reads;
    /// The busiest write flow, user-facing or not, reaches one of these kinds.
    std::vector<std::string> on_writes;
    std::vector<std::string> async_to; ///< some asynchronous connection ends at one of these kinds
    /// Some call to one of these kinds is optional (`required: false`): the flow goes on
    /// without it.
    std::vector<std::string> optional_to;
    /// Some connection from a client speaks one of these protocols (the connection
    /// property `protocol`: "websocket" for a connection held open to push over).
    std::vector<std::string> client_protocol;
    std::vector<std::string> without; ///< none of these rules has a finding, acknowledged or not
    bool empty() const {
        return present.empty() && on_reads.empty() && on_writes.empty() && async_to.empty() &&
               optional_to.empty() && client_protocol.empty() && without.empty();
    }
};

/// Something an interviewer expects to see in the design, the guide section it comes from
/// (a heading of resources/guide-headings.txt), and how it is seen in a diagram.
struct PromptCapability {
    std::string id;
    std::string text;
    std::string guide_section;
    CapabilityCheck check;
};

struct Prompt {
    std::string id; ///< the file's name without ".json"
    std::string title;
    std::string statement; ///< as the interviewer says it
    std::vector<std::string> functional;
    PromptScale scale;
    PromptTargets targets;
    std::vector<PromptCapability> capabilities;
    std::vector<std::string> deep_dives;
    std::string reference; ///< file name of the reference design, beside the prompt
};

/// The outcome of reading a prompt: a prompt only when there was no problem at all. Each
/// problem's pointer names the field ("/scale/peak_factor"); `file` names the file.
struct PromptLoad {
    std::optional<Prompt> prompt;
    Problems problems;
    std::filesystem::path file;
    bool ok() const { return prompt.has_value(); }
    /// Every problem on its own line, each starting with the file's name:
    /// "url-shortener.json: /scale/peak_factor: must be a number, got a string".
    std::string describe() const;
    /// The reference design's path (beside the prompt file), or "" without a prompt.
    std::filesystem::path referencePath() const;
};

/// Parses and checks the text of a prompt; `file` is only used to name it in problems.
/// Never throws for bad input.
PromptLoad readPrompt(std::string_view text, const std::filesystem::path& file = {});
/// Reads a prompt file; an unreadable file is a problem, not an exception.
PromptLoad loadPrompt(const std::filesystem::path& path);

} // namespace archlens
