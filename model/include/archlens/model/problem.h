#pragma once
#include <string>
#include <vector>

namespace archlens {

/// One thing wrong with an input, and where it is. `pointer` is a JSON pointer into the
/// document (e.g. "/connections/1/to"); `line` and `column` are 1-based and set only when
/// the place is known in the text (syntax errors), 0 otherwise.
struct Problem {
    std::string pointer;
    std::string message;
    int line = 0;
    int column = 0;

    /// "line 3, column 7: ...", "line 3, column 7 (/components/0/x): ...",
    /// "/connections/1/to: ..." or the bare message.
    std::string describe() const;
};

using Problems = std::vector<Problem>;

} // namespace archlens
