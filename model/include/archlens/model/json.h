#pragma once
// The one JSON type of the project. ordered_json keeps the order of keys as read, which is
// what makes save -> load -> save byte-identical and keeps unknown fields where they were.
#include <nlohmann/json.hpp>

namespace archlens {
using Json = nlohmann::ordered_json;
}
