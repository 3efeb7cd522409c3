#pragma once
// Helpers shared by the model and analysis tests.
#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"

#include <filesystem>
#include <string>
#include <vector>

namespace archlens::test {

std::filesystem::path resourcesDir();
std::vector<std::filesystem::path> examplePaths();
/// Loads a document that must be valid; fails the test with its problems otherwise.
Document load(const std::string& text);
/// A small valid design as JSON, for tests to break one field at a time.
Json smallDesign();
/// All problems of a load, one per line, for failure messages.
std::string describe(const Problems& problems);

} // namespace archlens::test
