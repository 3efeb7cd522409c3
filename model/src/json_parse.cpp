#include "json_parse.h"

#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace archlens::detail {

std::pair<int, int> lineColumn(std::string_view text, size_t offset) {
    int line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(text[i]);
        if (ch == '\n') {
            ++line;
            column = 1;
        } else if ((ch & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

namespace {

/// Builds the tree from nlohmann's SAX events, like its own DOM builder, but checks the
/// nesting depth before opening a container, detects a field given twice, and appends
/// object members in constant time: ordered_json's own insertion searches the object
/// linearly, which made an object of a million fields take hours.
class TreeBuilder {
    static constexpr std::size_t kObjectFields = 8;

public:
    using string_t = Json::string_t;

    TreeBuilder(Json& root, const ListItems* items) : root_(root), items_(items) {}

    bool null() { return scalar(Json(nullptr)); }
    bool boolean(bool v) { return scalar(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return scalar(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return scalar(Json(v)); }
    bool number_float(Json::number_float_t v, const string_t&) { return scalar(Json(v)); }
    bool string(string_t& v) { return scalar(Json(std::move(v))); }
    bool binary(Json::binary_t& v) { return scalar(Json::binary(std::move(v))); }

    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(string_t& k) {
        Frame& top = frames_.back();
        top.key = std::move(k);
        top.hasKey = true;
        if (auto why = checkName(top.key)) {
            fail(pointer(), "the field name " + quoteForMessage(top.key) + " " + *why);
            return false;
        }
        const auto& members = top.container->get_ref<const Json::object_t&>();
        bool duplicate = false;
        if (top.keys) {
            duplicate = !top.keys->insert(top.key).second;
        } else {
            for (const auto& member : members)
                duplicate = duplicate || member.first == top.key;
            // Small objects (nearly all of a design) are searched; large ones get a set.
            if (!duplicate && members.size() >= 16) {
                top.keys = std::make_unique<std::unordered_set<std::string>>();
                for (const auto& member : members)
                    top.keys->insert(member.first);
                top.keys->insert(top.key);
            }
        }
        if (duplicate) {
            fail(pointer(), "the field " + quoteForMessage(top.key) +
                                " is given twice in one object; only one value can count");
            return false;
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception& e) {
        errorPosition_ = position;
        errorToken_ = lastToken;
        errorId_ = e.id;
        errorText_ = e.what();
        errorPointer_ = pointer();
        return false;
    }

    /// Set when the builder itself refused the input (depth, duplicate, field name).
    const std::optional<Problem>& refusal() const { return refusal_; }
    /// Set when nlohmann reported a syntax or number error.
    bool syntaxError() const { return errorId_ != 0; }
    size_t errorPosition() const { return errorPosition_; }
    const std::string& errorToken() const { return errorToken_; }
    int errorId() const { return errorId_; }
    const std::string& errorText() const { return errorText_; }
    const std::string& errorPointer() const { return errorPointer_; }

private:
    static constexpr size_t kNoList = size_t(-1);

    struct Frame {
        Json* container = nullptr;
        std::string key; ///< of the member being read, in an object
        bool hasKey = false;
        std::unique_ptr<std::unordered_set<std::string>> keys; ///< for large objects only
        size_t list = kNoList; ///< for a list whose items are handed over: its place in items_
    };

    bool scalar(Json value) {
        insert(std::move(value));
        handOver();
        return true;
    }

    bool close() {
        frames_.pop_back();
        handOver();
        return true;
    }

    /// Gives the item just completed to items_ when it belongs to a list handed over.
    void handOver() {
        if (frames_.size() != 2 || frames_.back().list == kNoList) return;
        auto& list = frames_.back().container->get_ref<Json::array_t&>();
        items_->take(frames_.back().list, list.size() - 1, list.back());
        list.back() = nullptr;
    }

    /// The place in items_ of the list about to open as a member of the root object.
    size_t listAt(const Json& container) const {
        if (!items_ || frames_.size() != 1 || !container.is_array() ||
            !frames_[0].container->is_object())
            return kNoList;
        const std::string& name = frames_[0].key;
        for (size_t i = 0; i < items_->lists.size(); ++i)
            if (items_->lists[i] == name) return i;
        return kNoList;
    }

    /// The JSON pointer of the value being read: each open container's last child, and the
    /// next member or item of the innermost one.
    std::string pointer() const {
        std::string out;
        for (size_t i = 0; i < frames_.size(); ++i) {
            const Frame& f = frames_[i];
            const bool innermost = i + 1 == frames_.size();
            if (f.container->is_array()) {
                const size_t n = f.container->size();
                out += "/" + std::to_string(innermost ? n : n - 1);
            } else if (innermost) {
                if (f.hasKey) out += "/" + pointerToken(f.key);
            } else {
                out +=
                    "/" + pointerToken(f.container->get_ref<const Json::object_t&>().back().first);
            }
        }
        return out;
    }

    void fail(std::string at, std::string message) {
        refusal_ = Problem{std::move(at), std::move(message)};
    }

    bool open(Json container) {
        if (frames_.size() >= static_cast<size_t>(kMaxNesting)) {
            fail(pointer(), "lists and objects are nested more than " +
                                std::to_string(kMaxNesting) +
                                " levels deep here, past the limit of a design file");
            return false;
        }
        const size_t list = listAt(container);
        Json* added = insert(std::move(container));
        // The objects of a design (an element, its properties) have a handful of fields:
        // room for them at once spares the member list its reallocations as it grows.
        if (added->is_object()) added->get_ref<Json::object_t&>().reserve(kObjectFields);
        frames_.push_back(Frame{added, {}, false, nullptr, list});
        return true;
    }

    // Pointers to open containers stay valid: a container only grows while it is the
    // innermost one, and then none of its children is open.
    Json* insert(Json value) {
        if (frames_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Frame& top = frames_.back();
        if (top.container->is_array()) {
            auto& items = top.container->get_ref<Json::array_t&>();
            items.push_back(std::move(value));
            return &items.back();
        }
        auto& members = top.container->get_ref<Json::object_t&>();
        // The key was checked for duplicates in key(); append without ordered_map's search.
        auto& list = static_cast<Json::object_t::Container&>(members);
        list.emplace_back(std::move(top.key), std::move(value));
        top.hasKey = false;
        return &list.back().second;
    }

    Json& root_;
    const ListItems* items_;
    std::vector<Frame> frames_;
    std::optional<Problem> refusal_;
    size_t errorPosition_ = 0;
    std::string errorToken_;
    int errorId_ = 0;
    std::string errorText_;
    std::string errorPointer_;
};

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

/// A problem for text that is not UTF-8 JSON at all, judged from its first bytes.
std::optional<std::string> wrongEncoding(std::string_view text) {
    using namespace std::string_view_literals; // the marks hold NULs: sized literals
    if (startsWith(text, "\x00\x00\xFE\xFF"sv) || startsWith(text, "\xFF\xFE\x00\x00"sv))
        return "the file is UTF-32 text; a design file must be saved as UTF-8";
    if (startsWith(text, "\xFE\xFF") || startsWith(text, "\xFF\xFE"))
        return "the file is UTF-16 text; a design file must be saved as UTF-8";
    const std::string_view head = text.substr(0, 4096);
    size_t nulsAtOdd = 0, nulsAtEven = 0;
    for (size_t i = 0; i < head.size(); ++i)
        if (head[i] == '\0') ++(i % 2 ? nulsAtOdd : nulsAtEven);
    if (nulsAtOdd + nulsAtEven == 0) return std::nullopt;
    // ASCII as UTF-16 puts a NUL in every other byte: "{\0" or "\0{".
    const size_t half = head.size() / 2;
    if (nulsAtOdd * 10 >= half * 9 || nulsAtEven * 10 >= half * 9)
        return "the file looks like UTF-16 text (every other byte is zero); a design file "
               "must be saved as UTF-8";
    return "the file holds NUL bytes: it is binary data, not a design (JSON text in UTF-8)";
}

/// nlohmann's message, from "syntax error" on, made readable and safe to print.
std::string syntaxMessage(const TreeBuilder& b) {
    const std::string& what = b.errorText();
    if (what.find("ill-formed UTF-8") != std::string::npos)
        return "not valid UTF-8: the text holds a byte sequence that is not UTF-8 (save the "
               "file as UTF-8)";
    std::string message = what;
    if (auto pos = message.find("syntax error"); pos != std::string::npos)
        message = message.substr(pos);
    message = "not valid JSON: " + validUtf8(message);
    // nlohmann stops at the first letter of a literal it does not know.
    const std::string& token = b.errorToken();
    if (!token.empty() && (token.back() == 'N' || token.back() == 'I'))
        message += " (NaN and Infinity are not numbers in JSON)";
    return message;
}

} // namespace

std::optional<Json> parseDesignJson(std::string_view text, Problems& problems) {
    return parseDesignJson(text, problems, ListItems{});
}

std::optional<Json> parseDesignJson(std::string_view text, Problems& problems,
                                    const ListItems& items) {
    if (text.size() > kMaxDesignBytes) {
        problems.push_back({"", "the design is " + std::to_string(text.size() >> 20) +
                                    " MiB; a design file may be at most " +
                                    std::to_string(kMaxDesignBytes >> 20) + " MiB"});
        return std::nullopt;
    }
    if (auto why = wrongEncoding(text)) {
        problems.push_back({"", *why, 1, 1});
        return std::nullopt;
    }
    if (startsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3); // UTF-8 byte order mark
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        problems.push_back({"", "the file is empty: a design file holds a JSON object", 1, 1});
        return std::nullopt;
    }

    Json root;
    TreeBuilder builder(root, items.lists.empty() ? nullptr : &items);
    bool ok = false;
    try {
        ok = Json::sax_parse(text.data(), text.data() + text.size(), &builder);
    } catch (const std::exception& e) {
        // Only an allocation failure is left to land here; say so rather than crash.
        problems.push_back({"", std::string("cannot parse the design: ") + e.what()});
        return std::nullopt;
    }
    if (ok) return root;
    if (const auto& refusal = builder.refusal()) {
        problems.push_back(*refusal);
        return std::nullopt;
    }
    if (!builder.syntaxError()) {
        problems.push_back({"", "not valid JSON"});
        return std::nullopt;
    }
    // nlohmann reports the byte just past the offending token; point at the token itself.
    // For a number, at its first character.
    const size_t end = builder.errorPosition();
    const bool overflow = builder.errorId() == 406;
    const size_t back = overflow ? builder.errorToken().size() : 1;
    const size_t offset = end >= back ? end - back : 0;
    auto [line, column] = lineColumn(text, offset);
    Problem p{builder.errorPointer(), {}, line, column};
    if (overflow) {
        p.message = "the number " + quoteForMessage(builder.errorToken()) +
                    " is too large to be represented (the largest is about 1.8e308)";
    } else {
        p.message = syntaxMessage(builder);
    }
    problems.push_back(std::move(p));
    return std::nullopt;
}

} // namespace archlens::detail
