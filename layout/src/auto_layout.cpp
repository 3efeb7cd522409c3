#include "archlens/layout/auto_layout.h"

#include "dot_graph.h"

#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <utility>

namespace archlens {

namespace {

// Graphviz keeps process-wide state (the error handler, dot's working globals), so every
// call into it, from any engine on any thread, goes through this one lock.
std::mutex& graphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

// Where Graphviz's messages go while the lock is held; agseterrf takes no user data.
std::string* messageSink = nullptr;

int captureMessage(char* message) {
    if (messageSink && message) messageSink->append(message);
    return 0;
}

/// Sends Graphviz's messages to `sink` instead of stderr for the guard's lifetime.
class CapturedMessages {
public:
    explicit CapturedMessages(std::string& sink)
        : previousHandler_(agseterrf(captureMessage)), previousLevel_(agseterr(AGWARN)) {
        messageSink = &sink;
    }
    ~CapturedMessages() {
        messageSink = nullptr;
        agseterr(previousLevel_);
        agseterrf(previousHandler_);
    }
    CapturedMessages(const CapturedMessages&) = delete;
    CapturedMessages& operator=(const CapturedMessages&) = delete;

private:
    agusererrf previousHandler_;
    agerrlevel_t previousLevel_;
};

double snap(double value) {
    return std::round(value / kLayoutGrid) * kLayoutGrid;
}

} // namespace

struct AutoLayout::Context {
    GVC_t* gvc = nullptr;
};

AutoLayout::AutoLayout() : context_(std::make_unique<Context>()) {
    std::lock_guard lock(graphvizMutex());
    CapturedMessages capture(messages_);
    context_->gvc = gvContext();
}

AutoLayout::~AutoLayout() {
    std::lock_guard lock(graphvizMutex());
    if (context_->gvc) gvFreeContext(context_->gvc);
}

std::vector<Editor::Position> AutoLayout::layout(const Document& doc,
                                                 const LayoutOptions& options) {
    std::lock_guard lock(graphvizMutex());
    messages_.clear();
    if (doc.components.empty() || !context_->gvc) return {};
    CapturedMessages capture(messages_);

    detail::DotGraph dot = detail::buildDotGraph(doc, options);
    std::vector<Editor::Position> out;
    if (gvLayout(context_->gvc, dot.graph, "dot") == 0) {
        // dot gives box centres in points with y upward; the canvas wants top-left corners
        // with y downward. Flip, then move the whole drawing so its top-left corner lands on
        // the grid point nearest the components' current top-left corner.
        const double inf = std::numeric_limits<double>::infinity();
        double oldLeft = inf, oldTop = inf, newLeft = inf, newTop = inf;
        std::vector<std::pair<double, double>> corners;
        corners.reserve(dot.nodes.size());
        for (std::size_t k = 0; k < dot.nodes.size(); ++k) {
            const Component& c = doc.components[dot.componentIndex[k]];
            oldLeft = std::min(oldLeft, c.x);
            oldTop = std::min(oldTop, c.y);
            const pointf centre = ND_coord(dot.nodes[k]);
            const auto [w, h] = options.sizeOf(c);
            const double x = centre.x - w / 2;
            const double y = -centre.y - h / 2;
            newLeft = std::min(newLeft, x);
            newTop = std::min(newTop, y);
            corners.emplace_back(x, y);
        }
        // A document with non-finite coordinates has no sensible place to keep.
        if (!std::isfinite(oldLeft)) oldLeft = 0;
        if (!std::isfinite(oldTop)) oldTop = 0;
        const double left = snap(oldLeft), top = snap(oldTop);
        out.reserve(corners.size());
        for (std::size_t k = 0; k < corners.size(); ++k) {
            const Component& c = doc.components[dot.componentIndex[k]];
            out.push_back({{ElementType::Component, c.id},
                           left + snap(corners[k].first - newLeft),
                           top + snap(corners[k].second - newTop)});
        }
    }
    gvFreeLayout(context_->gvc, dot.graph); // safe after a failed layout too
    agclose(dot.graph);
    return out;
}

std::vector<Editor::Position> autoLayout(const Document& doc, const LayoutOptions& options) {
    AutoLayout engine;
    return engine.layout(doc, options);
}

} // namespace archlens
