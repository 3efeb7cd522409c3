#pragma once
// The interview prompts compiled into the program (resources/prompts at qrc:/prompts), read
// once: for the reports' practice section, the command line and the window's PromptLibrary.
// A prompt that does not load is left out and its problems kept, which the tests hold empty.
#include "archlens/model/prompt.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace archlens {

/// The bundled prompts that loaded, sorted by title.
const std::vector<Prompt>& bundledPrompts();
/// The bundled prompt with this id, or null.
const Prompt* bundledPrompt(const std::string& id);
/// What kept bundled prompts from loading, one line each.
const QStringList& bundledPromptProblems();
/// The qrc path of a bundled prompt's reference design, or "" for an unknown id.
QString bundledReferencePath(const std::string& id);

} // namespace archlens
