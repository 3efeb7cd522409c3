#pragma once
// The interview prompts bundled with the program (resources/prompts, compiled in at
// qrc:/prompts): each prompt read once, with its reference design's path. A prompt that
// does not load is left out of the list and its problems kept in problems(), which the
// tests hold empty. QML sees the list as plain maps, for the New Practice dialog and the
// practice panel.
#include "archlens/model/prompt.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>

#include <vector>

namespace archlens {

class PromptLibrary : public QObject {
    Q_OBJECT
    /// Every prompt as {id, title, statement}, sorted by title.
    Q_PROPERTY(QVariantList prompts READ prompts CONSTANT)

public:
    explicit PromptLibrary(QObject* parent = nullptr) : QObject(parent) {}

    /// The bundled prompts, sorted by title.
    static const std::vector<Prompt>& all();
    /// The prompt with this id, or null.
    static const Prompt* find(const std::string& id);
    /// Where the prompt's reference design is (a qrc path), or "" for an unknown prompt.
    static QString referencePath(const std::string& id);
    /// What kept prompts from loading, one line each (empty when all loaded).
    static const QStringList& problems();

    QVariantList prompts() const;
    /// Everything about one prompt: id, title, statement, functional, scale (with peak
    /// reads and writes a second and bytes stored), targets, capabilities, deep_dives.
    /// An empty map for an unknown id.
    Q_INVOKABLE QVariantMap prompt(const QString& id) const;
    /// The id of a prompt chosen at random, for "surprise me".
    Q_INVOKABLE QString randomId() const;
};

} // namespace archlens
