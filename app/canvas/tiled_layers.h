#pragma once
// Layers of shapes cut into square tiles for the scene graph: each shape goes to the tile
// of its first point, each tile becomes one BatchNode per layer (the same tiles, in the
// same order, under every layer's parent node), and a tile off screen is blocked, so the
// renderer never walks it. The tiles are DiagramIndex's squares.
//
// After a change of the level of detail the shapes are new but the tiles are the same: then
// only the tiles on screen are turned into geometry at once, within a frame's budget, and
// the others keep their drawing at the old level of detail until they are batched a budget
// at a time in later frames (batchPending). After an edit, everything that changed near the
// screen is batched at once: each tile keeps a digest of the shapes and rules its geometry
// was made from, and a tile of the same place whose digest is the same keeps its geometry
// (an edit of one box on a large design changes a few tiles of hundreds).
//
// Only the tiles near the screen hold geometry. A tile far from it is batched when it comes
// near (a pan brings it within kNearMargin views of the screen), and one that goes further
// than kKeepMargin views away lets its geometry go. Zoomed in on a large design, geometry at
// full detail for every tile was the canvas's largest single use of memory (a badge is 96
// vertices), and with Mesa's software OpenGL the renderer holds a second copy of it. A tile
// on screen with no geometry at all is batched in the frame that shows it, whatever the
// budget: a frame late would show a hole.
#include "diagram_shapes.h"
#include "shape_batches.h"

#include <QRectF>
#include <QSGNode>
#include <cstdint>
#include <utility>
#include <vector>

namespace archlens {

class TiledLayers {
public:
    /// Tiles within this many view widths (heights) of the screen are batched ahead of
    /// being shown; those beyond kKeepMargin lose their geometry.
    static constexpr double kNearMargin = 0.5;
    static constexpr double kKeepMargin = 1.0;

    /// One layer per parent, bottom to top; the parents stay owned by the scene graph.
    explicit TiledLayers(std::vector<QSGNode*> parents);

    /// New shapes for the layers (one ShapeLayer and one BatchRules per parent). Tiles that
    /// changed near `view` are batched now; with `deferred`, when the tiles are the same as
    /// before, only those on `view` without geometry at once and the others within
    /// `budgetNs`. The rest wait for batchPending(). Returns whether any near `view` wait.
    bool set(std::vector<ShapeLayer> layers, std::vector<BatchRules> rules, const QRectF& view,
             bool deferred, qint64 budgetNs);
    /// Batches the waiting tiles near `view`: those on it with no geometry at once, then the
    /// others on it, then those near it, for about `budgetNs` (at least one tile). Lets the
    /// tiles far from `view` drop their geometry. Returns whether any near `view` still wait.
    bool batchPending(const QRectF& view, qint64 budgetNs);
    /// Whether any tile, near the screen or not, waits to be batched.
    bool pending() const { return pendingCount_ > 0; }
    /// Tiles whose nodes hold geometry (tests, benchmarks).
    size_t filledTiles() const;
    /// Tiles turned into geometry since this was made (tests, benchmarks).
    long long batchedTiles() const { return batchedTiles_; }
    /// Bytes of vertices the tiles' nodes hold now.
    long long heldBytes() const;
    /// Blocks the tiles off `view`, unblocks the others.
    void cull(const QRectF& view);

private:
    using TileKey = std::pair<int, int>;
    /// Which shapes of each layer one tile holds (indices into the layers' lists, in list
    /// order), and the rectangle they cover.
    struct Plan {
        struct Part {
            std::vector<int> boxes, lines, triangles, discs;
        };
        TileKey key;
        std::vector<Part> layers;
        QRectF bounds;
    };
    void batch(size_t tile);
    /// Empties the tile's nodes; it waits to be batched again.
    void release(size_t tile);
    /// Releases the tiles holding geometry that lie off `region`.
    void releaseOff(const QRectF& region);
    /// The digest of a plan's shapes (from shapes_) and rules.
    std::uint64_t digest(const Plan& plan) const;

    std::vector<QSGNode*> parents_;
    std::vector<std::vector<BatchNode*>> nodes_; ///< per layer, per tile
    std::vector<Plan> plans_;                    ///< per tile, in the nodes' order
    std::vector<char> waiting_;                  ///< per tile: not batched from shapes_ yet
    std::vector<char> filled_;                   ///< per tile: its nodes hold geometry
    /// Per tile, a digest of the shapes and rules: of the plan's (planDigests_), and of
    /// what the tile's nodes were last batched from (nodeDigests_, 0 when unknown).
    std::vector<std::uint64_t> planDigests_, nodeDigests_;
    long long batchedTiles_ = 0;
    std::vector<long long> tileBytes_; ///< per tile: the bytes of vertices its nodes hold
    size_t pendingCount_ = 0;
    /// The shapes the waiting tiles are batched from (released when none wait).
    std::vector<ShapeLayer> shapes_;
    std::vector<BatchRules> rules_;
};

} // namespace archlens
