// The scorecard as JSON, plain text and Markdown (score.h). One layout for all three: the
// total, then each category with its lines, then the notes.
#include "archlens/analysis/score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace archlens {

namespace {

double oneDecimal(double value) {
    const double r = std::round(value * 10) / 10;
    return r == 0 ? 0 : r; // never -0
}

Json linkToJson(const ScoreLink& link) {
    Json j = {{"kind", toString(link.kind)}};
    switch (link.kind) {
    case ScoreLink::Kind::Finding:
        j["rule"] = link.id;
        j["subjects"] = link.subjects;
        break;
    case ScoreLink::Kind::Capability:
    case ScoreLink::Kind::Flow:
    case ScoreLink::Kind::Phase:
        j["id"] = link.id;
        break;
    case ScoreLink::Kind::Requirements:
    case ScoreLink::Kind::None:
        break;
    }
    return j;
}

/// "5/5", "0/8.3", or "-8" for a deduction (a line worth nothing at most).
std::string lineFigure(const ScoreLine& line) {
    if (line.max == 0) return (line.points > 0 ? "+" : "") + pointsText(line.points);
    return pointsText(line.points) + "/" + pointsText(line.max);
}

std::string heading(const Scorecard& card, const ScoreTextFilter& text) {
    return "Score: " + pointsText(card.total) + "/100" +
           (card.promptTitle.empty() ? std::string(" (no prompt)")
                                     : " against the prompt '" + text(card.promptTitle) + "'");
}

ScoreTextFilter orAsIs(const ScoreTextFilter& text) {
    if (text) return text;
    return [](const std::string& s) { return s; };
}

/// Backslash before every character Markdown would act on, so that a name reads as typed.
std::string markdownEscaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (std::string("\\`*_[]<>#|!~").find(c) != std::string::npos) out += '\\';
        out += c == '\n' || c == '\r' ? ' ' : c;
    }
    return out;
}

} // namespace

std::string pointsText(double points) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", oneDecimal(points));
    std::string text = buffer;
    if (text.size() > 2 && text.substr(text.size() - 2) == ".0") text.resize(text.size() - 2);
    return text;
}

Json scorecardToJson(const Scorecard& card) {
    Json categories = Json::array();
    for (const auto& c : card.categories) {
        Json lines = Json::array();
        for (const ScoreLine* l : card.linesOf(c.id))
            lines.push_back({{"points", oneDecimal(l->points)},
                             {"max", oneDecimal(l->max)},
                             {"reason", l->reason},
                             {"link", linkToJson(l->link)}});
        categories.push_back({{"id", c.id},
                              {"title", c.title},
                              {"points", oneDecimal(c.points)},
                              {"max", oneDecimal(c.max)},
                              {"lines", lines}});
    }
    Json prompt = nullptr;
    if (!card.promptId.empty()) prompt = {{"id", card.promptId}, {"title", card.promptTitle}};
    return {{"total", oneDecimal(card.total)}, {"points", oneDecimal(card.points)},
            {"max", oneDecimal(card.max)},     {"prompt", prompt},
            {"categories", categories},        {"notes", card.notes}};
}

std::string scorecardText(const Scorecard& card, const ScoreTextFilter& filter) {
    const ScoreTextFilter text = orAsIs(filter);
    std::string out = heading(card, text) + "\n";
    for (const auto& c : card.categories) {
        out += "\n" + c.title + ": " + pointsText(c.points) + "/" + pointsText(c.max) + "\n";
        for (const ScoreLine* l : card.linesOf(c.id)) {
            std::string figure = lineFigure(*l);
            figure.resize(std::max<size_t>(figure.size(), 9), ' ');
            out += "  " + figure + " " + text(l->reason) + "\n";
        }
    }
    if (!card.notes.empty()) out += "\n";
    for (const auto& n : card.notes)
        out += text(n) + "\n";
    return out;
}

std::string scorecardMarkdown(const Scorecard& card, const ScoreTextFilter& filter) {
    const ScoreTextFilter text = orAsIs(filter);
    std::string out = "# " + markdownEscaped(heading(card, text)) + "\n";
    for (const auto& c : card.categories) {
        out += "\n## " + markdownEscaped(c.title) + ": " + pointsText(c.points) + "/" +
               pointsText(c.max) + "\n\n";
        for (const ScoreLine* l : card.linesOf(c.id))
            out += "- **" + lineFigure(*l) + "** " + markdownEscaped(text(l->reason)) + "\n";
    }
    if (!card.notes.empty()) out += "\n";
    for (const auto& n : card.notes)
        out += markdownEscaped(text(n)) + "\n\n";
    return out;
}

} // namespace archlens
