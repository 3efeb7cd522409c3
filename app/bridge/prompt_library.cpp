#include "prompt_library.h"

#include "bundled_prompts.h"

#include <QRandomGenerator>

#include <algorithm>

namespace archlens {

namespace {

QStringList strings(const std::vector<std::string>& list) {
    QStringList out;
    for (const auto& s : list)
        out << QString::fromStdString(s);
    return out;
}

} // namespace

const std::vector<Prompt>& PromptLibrary::all() {
    return bundledPrompts();
}

const Prompt* PromptLibrary::find(const std::string& id) {
    return bundledPrompt(id);
}

QString PromptLibrary::referencePath(const std::string& id) {
    return bundledReferencePath(id);
}

const QStringList& PromptLibrary::problems() {
    return bundledPromptProblems();
}

QVariantList PromptLibrary::prompts() const {
    QVariantList out;
    for (const auto& p : all())
        out << QVariantMap{{"id", QString::fromStdString(p.id)},
                           {"title", QString::fromStdString(p.title)},
                           {"statement", QString::fromStdString(p.statement)}};
    return out;
}

QVariantMap PromptLibrary::prompt(const QString& id) const {
    const Prompt* p = find(id.toStdString());
    if (!p) return {};
    QVariantList capabilities;
    for (const auto& c : p->capabilities)
        capabilities << QVariantMap{{"id", QString::fromStdString(c.id)},
                                    {"text", QString::fromStdString(c.text)},
                                    {"guideSection", QString::fromStdString(c.guide_section)}};
    const PromptScale& s = p->scale;
    return {{"id", QString::fromStdString(p->id)},
            {"title", QString::fromStdString(p->title)},
            {"statement", QString::fromStdString(p->statement)},
            {"functional", strings(p->functional)},
            {"scale", QVariantMap{{"dailyUsers", s.daily_users},
                                  {"readsPerUser", s.reads_per_user_per_day},
                                  {"writesPerUser", s.writes_per_user_per_day},
                                  {"objectBytes", s.object_bytes},
                                  {"retentionDays", s.retention_days},
                                  {"peakFactor", s.peak_factor},
                                  {"peakReadRps", s.peakReadRps()},
                                  {"peakWriteRps", s.peakWriteRps()},
                                  {"storedBytes", s.storedBytes()}}},
            {"targets",
             QVariantMap{{"availability", p->targets.availability}, {"p99Ms", p->targets.p99_ms}}},
            {"capabilities", capabilities},
            {"deepDives", strings(p->deep_dives)}};
}

QString PromptLibrary::randomId() const {
    const auto& list = all();
    if (list.empty()) return {};
    const auto i = QRandomGenerator::global()->bounded(static_cast<int>(list.size()));
    return QString::fromStdString(list[static_cast<size_t>(i)].id);
}

} // namespace archlens
