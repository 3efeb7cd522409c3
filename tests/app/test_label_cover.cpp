// Which labels the GPU canvas draws in a frame: every label on screen while they lie side
// by side, and no more than a couple of screens' worth when cards lie in piles (a design
// whose file gives no places opens with every card on one spot), the top of each pile
// first.
#include "canvas_shapes.h"

#include <QGuiApplication>
#include <QTest>

using namespace archlens;

namespace {

LabelShape label(double x, double y, int row) {
    LabelShape l;
    l.rect = QRectF(x, y, 160, 56);
    l.row = row;
    return l;
}

} // namespace

class LabelCoverTest : public QObject {
    Q_OBJECT
private slots:
    /// A grid of cards filling the view and beyond: those on screen, all of them.
    void sideBySideAllOnScreen() {
        const QRectF view(0, 0, 1400, 900);
        std::vector<LabelShape> labels;
        for (int row = 0; row < 40; ++row)
            for (int col = 0; col < 40; ++col)
                labels.push_back(label(col * 180.0, row * 70.0, row * 40 + col));
        const auto drawn = labelsToDraw(labels, view);
        int onScreen = 0;
        for (const LabelShape& l : labels)
            onScreen += l.rect.intersects(view) ? 1 : 0;
        QCOMPARE(int(drawn.size()), onScreen);
        QVERIFY(onScreen > 90);
        // From the top down: the last listed comes first.
        QVERIFY(drawn.front()->row > drawn.back()->row);
    }

    /// Ten thousand cards on one spot: the top ones only, as many as cover the view twice.
    void aPileDrawsItsTop() {
        const QRectF view(-600, -400, 1400, 900);
        std::vector<LabelShape> labels;
        for (int row = 0; row < 10000; ++row)
            labels.push_back(label(0, 0, row));
        const auto drawn = labelsToDraw(labels, view);
        const int fit = int(kMaxLabelCover * view.width() * view.height() / (160 * 56));
        QCOMPARE(int(drawn.size()), fit);
        QCOMPARE(drawn.front()->row, 9999);
        QCOMPARE(drawn.back()->row, 10000 - fit);
    }

    /// Only a label's part on screen counts: a pile half off the edge draws twice as many.
    void onlyThePartOnScreenCounts() {
        const QRectF view(80, 0, 1400, 900);
        std::vector<LabelShape> labels;
        for (int row = 0; row < 10000; ++row)
            labels.push_back(label(0, 0, row));
        const int fit = int(kMaxLabelCover * view.width() * view.height() / (80 * 56));
        QCOMPARE(int(labelsToDraw(labels, view).size()), fit);
        QVERIFY(labelsToDraw(labels, QRectF(2000, 2000, 100, 100)).empty());
    }
};

QTEST_MAIN(LabelCoverTest)
#include "test_label_cover.moc"
