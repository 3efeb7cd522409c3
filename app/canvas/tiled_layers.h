#pragma once
// Layers of shapes cut into square tiles for the scene graph: each shape goes to the tile
// of its first point, each tile becomes one BatchNode per layer (the same tiles, in the
// same order, under every layer's parent node), and a tile off screen is blocked, so the
// renderer never walks it. The tiles are DiagramIndex's squares.
//
// After a change of the level of detail the shapes are new but the tiles are the same: then
// only the tiles on screen are turned into geometry at once, within a frame's budget, and
// the others keep their drawing at the old level of detail until they are batched a budget
// at a time in later frames (batchPending). After an edit, everything that changed is
// batched at once: each tile keeps a digest of the shapes and rules its geometry was made
// from, and a tile of the same place whose digest is the same keeps its geometry (an edit
// of one box on a large design changes a few tiles of hundreds).
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
    /// One layer per parent, bottom to top; the parents stay owned by the scene graph.
    explicit TiledLayers(std::vector<QSGNode*> parents);

    /// New shapes for the layers (one ShapeLayer and one BatchRules per parent). With
    /// `deferred`, when the tiles are the same as before, only those on `view` are batched
    /// now, within `budgetNs`; the rest wait for batchPending(). Returns whether any wait.
    bool set(std::vector<ShapeLayer> layers, std::vector<BatchRules> rules, const QRectF& view,
             bool deferred, qint64 budgetNs);
    /// Batches waiting tiles, those on `view` first, for about `budgetNs` (at least one
    /// tile). Returns whether any still wait.
    bool batchPending(const QRectF& view, qint64 budgetNs);
    bool pending() const { return pendingCount_ > 0; }
    /// Tiles turned into geometry since this was made (tests, benchmarks).
    long long batchedTiles() const { return batchedTiles_; }
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
    /// The digest of a plan's shapes (from shapes_) and rules.
    std::uint64_t digest(const Plan& plan) const;

    std::vector<QSGNode*> parents_;
    std::vector<std::vector<BatchNode*>> nodes_; ///< per layer, per tile
    std::vector<Plan> plans_;                    ///< per tile, in the nodes' order
    std::vector<char> waiting_;                  ///< per tile: not batched from shapes_ yet
    /// Per tile, a digest of the shapes and rules: of the plan's (planDigests_), and of
    /// what the tile's nodes were last batched from (nodeDigests_, 0 when unknown).
    std::vector<std::uint64_t> planDigests_, nodeDigests_;
    long long batchedTiles_ = 0;
    size_t pendingCount_ = 0;
    /// The shapes the waiting tiles are batched from (released when none wait).
    std::vector<ShapeLayer> shapes_;
    std::vector<BatchRules> rules_;
};

} // namespace archlens
