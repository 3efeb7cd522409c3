// The interview-practice commands: `archlens estimate` (back-of-the-envelope figures with
// their formulas) and `archlens score` (the scorecard of a design). They print and fail as
// the other commands do (cli_common.h); the numbers come from the analysis layer
// (estimate.h, score.h), so the window and the command line never disagree.
#include "archlens/analysis/analyze.h"
#include "archlens/analysis/estimate.h"
#include "archlens/analysis/rules.h"
#include "archlens/analysis/score.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"
#include "archlens/model/json_text.h"
#include "bundled_prompts.h"
#include "cli.h"
#include "cli_common.h"

#include <cmath>
#include <optional>
#include <set>

namespace archlens::cli {

namespace {

/// The ids of the bundled prompts (bundled_prompts.h), in alphabetical order.
QStringList promptIds() {
    QStringList ids;
    for (const auto& p : bundledPrompts())
        ids << QString::fromStdString(p.id);
    ids.sort();
    return ids;
}

/// The bundled prompt `id`; on failure prints why ("unknown prompt", or the prompt's own
/// problems) after "archlens COMMAND: " and returns nothing.
std::optional<Prompt> loadBundledPrompt(const QString& command, const QString& id) {
    if (const Prompt* p = bundledPrompt(id.toStdString())) return *p;
    // A bundled prompt that failed to load is named by its problems, not as unknown.
    for (const QString& problem : bundledPromptProblems())
        if (problem.startsWith(id + QStringLiteral(".json:"))) {
            err() << "archlens " << command << ": " << shown(problem.toStdString()) << "\n";
            return std::nullopt;
        }
    err() << "archlens " << command << ": --prompt: unknown prompt \"" << shown(id)
          << "\" (use one of " << promptIds().join(", ") << ")\n";
    return std::nullopt;
}

/// An estimate input and the flag that sets it.
struct NumberFlag {
    const char* input; ///< EstimateInputs field, as estimate.h names it in problems
    const char* flag;
    const char* help;
    double EstimateInputs::*field;
    bool required; ///< must be given unless --prompt gives it
};

const NumberFlag kNumberFlags[] = {
    {"daily_users", "dau", "Daily active users.", &EstimateInputs::daily_users, true},
    {"reads_per_user_per_day", "reads-per-user", "Reads a user makes a day.",
     &EstimateInputs::reads_per_user_per_day, true},
    {"writes_per_user_per_day", "writes-per-user", "Writes a user makes a day.",
     &EstimateInputs::writes_per_user_per_day, true},
    {"object_bytes", "object-bytes", "Bytes of one stored object.", &EstimateInputs::object_bytes,
     true},
    {"retention_days", "retention-days", "Days a written object is kept.",
     &EstimateInputs::retention_days, true},
    {"peak_factor", "peak-factor", "Peak traffic over the daily average (at least 1).",
     &EstimateInputs::peak_factor, true},
    {"hot_fraction", "hot-fraction",
     "Share of a day's reads to keep in cache, 0 to 1 (default 0.2).",
     &EstimateInputs::hot_fraction, false},
    {"server_rps", "server-rps", "Requests a second one server takes (default 1000).",
     &EstimateInputs::server_rps, false},
    {"replication", "replication", "Copies of each stored object (default 3).",
     &EstimateInputs::replication, false},
};

QString flagOf(const std::string& input) {
    for (const auto& f : kNumberFlags)
        if (input == f.input) return QStringLiteral("--") + f.flag;
    return QString::fromStdString(input);
}

/// A figure's value with its unit, as the table shows it: "34.7 k req/s", "27.4 TB", "36".
QString valueText(const EstimateFigure& f) {
    const std::string n = siText(f.value);
    const bool prefixed = !n.empty() && !(n.back() >= '0' && n.back() <= '9');
    if (f.unit == "B" || f.unit == "B/s") return q(n + (prefixed ? "" : " ") + f.unit);
    if (f.unit == "servers") return q(n);
    return q(n + " " + f.unit);
}

void printEstimates(const Estimates& e, const EstimateInputs& in, const std::optional<Prompt>& p,
                    const QString& fmt) {
    if (fmt == "json") {
        Json figures = Json::array();
        for (const auto& f : e.figures)
            figures.push_back({{"id", f.id},
                               {"label", f.label},
                               {"value", f.value},
                               {"unit", f.unit},
                               {"formula", f.formula},
                               {"inputs", f.inputs}});
        Json inputs = Json::object();
        for (const auto& flag : kNumberFlags)
            inputs[flag.input] = in.*flag.field;
        writeOut(jsonForTerminal(Json{
            {"prompt", p ? Json(p->id) : Json(nullptr)},
            {"inputs", inputs},
            {"figures", figures}}.dump(2)));
        return;
    }
    if (p) out() << "Estimates for the prompt '" << shown(p->title) << "'\n\n";
    int labelWidth = 0, valueWidth = 0;
    for (const auto& f : e.figures) {
        labelWidth = std::max(labelWidth, int(q(f.label).size()));
        valueWidth = std::max(valueWidth, int(valueText(f).size()));
    }
    for (const auto& f : e.figures)
        out() << q(f.label).leftJustified(labelWidth + 2)
              << valueText(f).leftJustified(valueWidth + 2) << q(f.formula) << "\n";
}

} // namespace

int estimateCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Works out the back-of-the-envelope figures of a system-design question: requests a\n"
        "second (average and peak), storage, bandwidth, cache and servers, each with its formula.\n"
        "--prompt takes the numbers of a bundled prompt; flags given as well override them.\n"
        "Exit status: 0 printed, 2 a number missing or out of range (the message names the flag).");
    QList<QCommandLineOption> numbers;
    for (const auto& f : kNumberFlags)
        numbers << QCommandLineOption(f.flag, f.help, "n");
    parser.addOptions(numbers);
    const QCommandLineOption promptOption(
        "prompt", "Start from the numbers of a bundled prompt: " + promptIds().join(", ") + ".",
        "id");
    parser.addOption(promptOption);
    const QString fmt = parseWithFormat(parser, "estimate", args, {"text", "json"});
    if (fmt.isEmpty()) return InvalidInput;
    if (!parser.positionalArguments().isEmpty()) {
        err() << "archlens estimate: unexpected argument \""
              << shown(parser.positionalArguments().front()) << "\"\n";
        return InvalidInput;
    }

    std::optional<Prompt> prompt;
    EstimateInputs inputs;
    if (parser.isSet(promptOption)) {
        prompt = loadBundledPrompt("estimate", parser.value(promptOption));
        if (!prompt) return InvalidInput;
        inputs = estimateInputs(prompt->scale);
    }
    // Every mistake at once, each naming its flag: a missing number, one that does not
    // parse, one out of range.
    QStringList wrong;
    std::set<std::string> reported;
    for (size_t i = 0; i < std::size(kNumberFlags); ++i) {
        const NumberFlag& f = kNumberFlags[i];
        if (!parser.isSet(numbers[int(i)])) {
            if (f.required && !prompt) {
                wrong << QStringLiteral("--%1: missing").arg(f.flag);
                reported.insert(f.input);
            }
            continue;
        }
        bool ok = false;
        const QString text = parser.value(numbers[int(i)]);
        const double value = text.toDouble(&ok);
        if (!ok || !std::isfinite(value)) {
            wrong << QStringLiteral("--%1: \"%2\" is not a number").arg(f.flag, shown(text));
            reported.insert(f.input);
        } else {
            inputs.*f.field = value;
        }
    }
    for (const auto& p : checkEstimateInputs(inputs))
        if (!reported.count(p.input))
            wrong << flagOf(p.input) + ":" + q(p.message.substr(p.input.size()));
    if (!wrong.isEmpty()) {
        for (const QString& w : wrong)
            err() << "archlens estimate: " << w << "\n";
        return InvalidInput;
    }
    printEstimates(estimate(inputs), inputs, prompt, fmt);
    return Ok;
}

int scoreCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Scores a design out of 100, every point with its reason: requirements and estimates,\n"
        "targets met per flow, open findings, trade-offs accepted with a note and, against a\n"
        "prompt, the capabilities an interviewer expects. A design drawn in a practice session\n"
        "is judged against its session's prompt and the time taken per phase; --prompt\n"
        "chooses another. Otherwise no capability is judged (a design's title does not choose\n"
        "a prompt) and the total is scaled to 100 from what applies.\n"
        "The rubric: docs/scorecard.md.\n"
        "Exit status: 0 scored, 2 invalid design or unknown prompt.");
    parser.addPositionalArgument("file", "The design to score (*.archlens).");
    const QCommandLineOption promptOption(
        "prompt", "Judge against a bundled prompt: " + promptIds().join(", ") + ".", "id");
    parser.addOption(promptOption);
    const QString fmt = parseWithFormat(parser, "score", args, {"text", "json", "md"});
    if (fmt.isEmpty()) return InvalidInput;
    if (parser.positionalArguments().size() != 1) {
        err() << "archlens score: expected exactly one design file\n";
        return InvalidInput;
    }
    std::optional<Prompt> prompt;
    if (parser.isSet(promptOption)) {
        prompt = loadBundledPrompt("score", parser.value(promptOption));
        if (!prompt) return InvalidInput;
    }
    const QString file = parser.positionalArguments().front();
    const auto result = readDocumentFile(file.toStdString(), Catalogue::builtin());
    if (!result.ok()) {
        printProblems(file, result.problems, fmt == "json" ? fmt : "text");
        return InvalidInput;
    }
    const Document& doc = *result.document;
    std::optional<PracticeFacts> facts;
    if (doc.practice) {
        facts = practiceFacts(*doc.practice);
        if (!prompt) {
            prompt = loadBundledPrompt("score", QString::fromStdString(doc.practice->prompt));
            if (!prompt) return InvalidInput;
        }
    }
    AnalysisOptions options;
    options.curves = false; // the scorecard reads no load curve
    Report report = analyze(doc, Catalogue::builtin(), options);
    runRules(doc, Catalogue::builtin(), report);
    const Scorecard card = score(doc, Catalogue::builtin(), report, prompt ? &*prompt : nullptr,
                                 facts ? &*facts : nullptr);

    if (fmt == "json") {
        Json json = scorecardToJson(card);
        json["file"] = file.toStdString();
        json["valid"] = true;
        writeOut(jsonForTerminal(jsonText(json, 2)));
        return Ok;
    }
    // Reasons quote the design's names: each is shown as the terminal should show it, a
    // newline in a name included, so that no name can forge a line of the card.
    const auto visible = [](const std::string& s) { return shown(s).toStdString(); };
    out() << q(fmt == "md" ? scorecardMarkdown(card, visible) : scorecardText(card, visible));
    if (!prompt && fmt == "text")
        out() << "Score against a prompt with --prompt " << promptIds().join("|") << ".\n";
    return Ok;
}

} // namespace archlens::cli
