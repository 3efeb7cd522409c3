#include "bundled_prompts.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace archlens {

namespace {

const QString kFolder = QStringLiteral(":/prompts");

struct Loaded {
    std::vector<Prompt> prompts;
    QStringList problems;
};

const Loaded& loaded() {
    static const Loaded library = [] {
        Loaded out;
        const QDir dir(kFolder);
        for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly)) {
                out.problems << QStringLiteral("%1: cannot be read").arg(name);
                continue;
            }
            PromptLoad load = readPrompt(file.readAll().toStdString(), name.toStdString());
            if (!load.ok()) {
                out.problems << QString::fromStdString(load.describe()).trimmed();
                continue;
            }
            out.prompts.push_back(std::move(*load.prompt));
        }
        std::sort(out.prompts.begin(), out.prompts.end(),
                  [](const Prompt& a, const Prompt& b) { return a.title < b.title; });
        return out;
    }();
    return library;
}

} // namespace

const std::vector<Prompt>& bundledPrompts() {
    return loaded().prompts;
}

const Prompt* bundledPrompt(const std::string& id) {
    for (const auto& p : bundledPrompts())
        if (p.id == id) return &p;
    return nullptr;
}

const QStringList& bundledPromptProblems() {
    return loaded().problems;
}

QString bundledReferencePath(const std::string& id) {
    const Prompt* p = bundledPrompt(id);
    return p ? kFolder + QLatin1Char('/') + QString::fromStdString(p->reference) : QString();
}

} // namespace archlens
