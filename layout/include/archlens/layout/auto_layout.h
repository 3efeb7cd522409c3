#pragma once
// Automatic layout of a document's components with Graphviz dot: layered from left to right
// along the connections, zones kept together. The result is a list of moves for
// Editor::move, so the whole layout is one undoable step and the document stays untouched.
#include "archlens/layout/layout_options.h"
#include "archlens/model/editor.h"

#include <memory>
#include <string>
#include <vector>

namespace archlens {

/// Lays out documents with one Graphviz context, kept for the engine's lifetime because
/// creating a context loads Graphviz's plugin configuration from disk each time.
///
/// layout() returns one position (top-left corner, document coordinates, y downward, on the
/// kLayoutGrid) for every component with a unique id, in document order; notes are not moved.
/// Components flow left to right along their connections: sync connections pull hardest,
/// async ones less, replication connections do not decide the layers at all (see the
/// source). Connections whose ends are missing, self-loops and repeated pairs are harmless.
/// With keepZonesTogether, a component goes in a cluster for the first of its zones that
/// exists, and the zones of one region in a cluster for that region (when there are several
/// regions). The result is shifted so that its top-left corner is the grid point nearest the
/// top-left corner of the components' current bounding box: the diagram does not jump away.
/// Same document and options, same result. Graphviz's messages never reach stderr; those of
/// the last layout are kept in messages(). Graphviz has process-wide state, so calls from
/// several threads (or several engines) are serialised internally.
class AutoLayout {
public:
    AutoLayout();
    ~AutoLayout();
    AutoLayout(const AutoLayout&) = delete;
    AutoLayout& operator=(const AutoLayout&) = delete;

    std::vector<Editor::Position> layout(const Document& doc, const LayoutOptions& options = {});
    /// Warnings and errors Graphviz reported during the last layout(), one per line.
    const std::string& messages() const { return messages_; }

private:
    struct Context;
    std::unique_ptr<Context> context_;
    std::string messages_;
};

/// One-off automatic layout with a fresh engine; see AutoLayout for the contract. Code that
/// lays out repeatedly (the editor) should keep an AutoLayout instead.
std::vector<Editor::Position> autoLayout(const Document& doc, const LayoutOptions& options = {});

} // namespace archlens
