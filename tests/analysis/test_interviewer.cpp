// Interviewer mode's questions: open findings by severity, then the prompt's deep dives,
// then notes; each question once; accepted trade-offs and answered questions left out.
#include "archlens/analysis/interviewer.h"

#include <catch2/catch.hpp>

using namespace archlens;

namespace {

Finding finding(const char* rule, Severity severity, const char* followUp) {
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.title = std::string("title of ") + rule;
    f.followUp = followUp;
    f.guideSection = "Section";
    return f;
}

std::vector<std::string> texts(const std::vector<InterviewQuestion>& questions) {
    std::vector<std::string> out;
    for (const auto& q : questions)
        out.push_back(q.text);
    return out;
}

} // namespace

TEST_CASE("the interviewer asks about errors, then warnings, then deep dives, then notes",
          "[interviewer]") {
    Report report;
    report.findings = {finding("note", Severity::Info, "Q info?"),
                       finding("warn", Severity::Warning, "Q warning?"),
                       finding("spof", Severity::Error, "Q error?")};
    Prompt prompt;
    prompt.deep_dives = {"Deep one?", "Deep two?"};
    const auto questions = interviewQuestions(report, &prompt, {});
    CHECK(texts(questions) ==
          std::vector<std::string>{"Q error?", "Q warning?", "Deep one?", "Deep two?", "Q info?"});
    CHECK(questions[0].source == "finding");
    CHECK(questions[0].rule == "spof");
    CHECK(questions[0].severity == Severity::Error);
    CHECK(questions[0].title == "title of spof");
    CHECK(questions[2].source == "deep-dive");
    CHECK(questions[2].rule.empty());
}

TEST_CASE("the interviewer asks each question once and skips what is settled", "[interviewer]") {
    Report report;
    Finding accepted = finding("spof", Severity::Error, "Accepted?");
    accepted.acknowledged = "One primary is enough at this scale.";
    report.findings = {finding("spof", Severity::Error, "Same?"),
                       finding("spof", Severity::Error, "Same?"), accepted,
                       finding("quiet", Severity::Warning, ""),
                       finding("warn", Severity::Warning, "Answered?")};
    Prompt prompt;
    prompt.deep_dives = {"Same?", "Deep?"};
    const auto questions = interviewQuestions(report, &prompt, {"Answered?"});
    CHECK(texts(questions) == std::vector<std::string>{"Same?", "Deep?"});

    // Without a prompt, only the critique asks.
    CHECK(texts(interviewQuestions(report, nullptr, {})) ==
          std::vector<std::string>{"Same?", "Answered?"});
}
