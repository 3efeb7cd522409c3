// The canvas's tiled layers after an edit: only the tiles whose shapes changed are turned
// into geometry again; the others keep theirs.
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
};

QTEST_MAIN(TiledLayersTest)
#include "test_tiled_layers.moc"
