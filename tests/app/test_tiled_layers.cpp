// The canvas's tiled layers after an edit: only the tiles whose shapes changed are turned
// into geometry again; the others keep theirs. Only tiles near the screen hold geometry.
#include "diagram_index.h"
#include "tiled_layers.h"

#include <QGuiApplication>
#include <QTest>

using namespace archlens;

namespace {

/// One box in each of `tiles` tiles along a row, the `changed` one (or none) moved a little.
ShapeLayer row(int tiles, int changed = -1) {
    ShapeLayer layer;
    for (int t = 0; t < tiles; ++t) {
        const double x = t * DiagramIndex::kTile + 100 + (t == changed ? 8 : 0);
        layer.boxes.push_back(
            {QRectF(x, 100, 160, 60), QColor("#ffffff"), QColor("#334455"), 1, 0});
        layer.lines.push_back(
            {{QPointF(x, 200), QPointF(x + 300, 260)}, false, QColor("#556677"), 1.3, 0, 0});
    }
    return layer;
}

/// A row of 40 tiles batched for a view two tiles wide over the first ones.
struct Row40 {
    static constexpr double kTileSize = DiagramIndex::kTile;
    QSGNode parent;
    TiledLayers layers{{&parent}};
    QRectF view{0, 0, 2 * kTileSize, 2000};
    bool setUp() { return !layers.set({row(40)}, {BatchRules{1, false}}, view, false, 1'000'000); }
    /// Whether tile `t`'s node holds geometry.
    bool holds(int t) const { return parent.childAtIndex(t)->childCount() > 0; }
};

} // namespace

class TiledLayersTest : public QObject {
    Q_OBJECT
private slots:
    void anEditBatchesOnlyTheTilesItChanged() {
        QSGNode parent;
        TiledLayers layers({&parent});
        const QRectF view(0, 0, 40 * DiagramIndex::kTile, 2000);
        const BatchRules rules{1, false};
        QVERIFY(!layers.set({row(12)}, {rules}, view, false, 1'000'000));
        QCOMPARE(layers.batchedTiles(), 12LL);
        QCOMPARE(parent.childCount(), 12);

        // One box moved within its tile: that tile alone.
        QVERIFY(!layers.set({row(12, 5)}, {rules}, view, false, 1'000'000));
        QCOMPARE(layers.batchedTiles(), 13LL);
        // The same shapes again: nothing.
        QVERIFY(!layers.set({row(12, 5)}, {rules}, view, false, 1'000'000));
        QCOMPARE(layers.batchedTiles(), 13LL);
        // Moved back: that tile again.
        QVERIFY(!layers.set({row(12)}, {rules}, view, false, 1'000'000));
        QCOMPARE(layers.batchedTiles(), 14LL);
        // Another level of detail: every tile.
        QVERIFY(!layers.set({row(12)}, {BatchRules{2, false}}, view, false, 1'000'000));
        QCOMPARE(layers.batchedTiles(), 26LL);
        // A tile more: the tiles are not the same, so every tile.
        QVERIFY(!layers.set({row(13)}, {BatchRules{2, false}}, view, false, 1'000'000));
        QCOMPARE(layers.batchedTiles(), 39LL);
        QCOMPARE(parent.childCount(), 13);
    }

    void onlyTheTilesNearTheScreenHoldGeometry() {
        Row40 r;
        TiledLayers& layers = r.layers;
        const BatchRules rules{1, false};
        // The margin ahead of the view reaches one tile further (half a view), no more.
        QVERIFY(r.setUp());
        QCOMPARE(layers.batchedTiles(), 3LL);
        QCOMPARE(layers.filledTiles(), size_t(3));
        QVERIFY(layers.pending()); // the far ones, for when they come near
        QVERIFY(r.holds(0) && r.holds(2) && !r.holds(3) && !r.holds(39));
        // Each tile: the box's fill as 6 coloured vertices, its outline as 4 one-pixel lines
        // and the line as one: 6 x 12 + 8 x 8 + 2 x 8 bytes.
        constexpr long long kTileBytes = 6 * 12 + 8 * 8 + 2 * 8;
        QCOMPARE(layers.heldBytes(), 3 * kTileBytes);

        // Panned on by ten tiles: the tiles now near are batched, those left behind
        // beyond a view's width let their geometry go.
        r.view.translate(10 * Row40::kTileSize, 0);
        QVERIFY(!layers.batchPending(r.view, 1'000'000'000));
        QVERIFY(!r.holds(0) && !r.holds(2) && !r.holds(8));
        QVERIFY(r.holds(9) && r.holds(10) && r.holds(12) && !r.holds(13));
        QCOMPARE(layers.filledTiles(), size_t(4));
        QCOMPARE(layers.heldBytes(), 4 * kTileBytes);

        // An edit of a far tile batches nothing; one near the screen, that tile.
        const long long before = layers.batchedTiles();
        QVERIFY(!layers.set({row(40, 30)}, {rules}, r.view, false, 1'000'000));
        QCOMPARE(layers.batchedTiles(), before);
        QVERIFY(!layers.set({row(40, 11)}, {rules}, r.view, false, 1'000'000));
        QCOMPARE(layers.batchedTiles(), before + 1);
        QVERIFY(!r.holds(30));
    }

    void aTileOnScreenWithNothingDrawnIsBatchedWhateverTheBudget() {
        Row40 r;
        TiledLayers& layers = r.layers;
        QRectF& view = r.view;
        QVERIFY(r.setUp());
        // A jump far away, with no time to spare: the two tiles on screen still come, those
        // on either side of it wait for the next frames, one a frame.
        view.translate(20 * Row40::kTileSize, 0);
        QVERIFY(layers.batchPending(view, 0));
        QVERIFY(r.holds(20) && r.holds(21) && !r.holds(19) && !r.holds(22));
        QVERIFY(layers.batchPending(view, 0));
        QVERIFY(!layers.batchPending(view, 0));
        QVERIFY(r.holds(19) && r.holds(22));

        // A new level of detail: on screen within the budget (one tile at least), with
        // the old drawing meanwhile; far away nothing.
        const long long before = layers.batchedTiles();
        QVERIFY(layers.set({row(40)}, {BatchRules{2, false}}, view, true, 0));
        QCOMPARE(layers.batchedTiles(), before + 1);
        QVERIFY(r.holds(19) && r.holds(20) && r.holds(21) && r.holds(22));
        while (layers.batchPending(view, 0)) {
        }
        QCOMPARE(layers.batchedTiles(), before + 4);
        QVERIFY(layers.pending());
    }
};

QTEST_MAIN(TiledLayersTest)
#include "test_tiled_layers.moc"
