#pragma once
// The canvas's scene-graph tree. Everything of one kind is batched into one geometry node
// (all box fills in one, all solid lines in another...), so the renderer issues a handful
// of draw calls however many components there are. Pan and zoom only change a transform;
// geometry is rebuilt when the document, the selection, a drag or the level of detail
// changes. Text and icons are textures painted per component, only for what is on screen
// and only when large enough to read; they are cached and painted a batch per frame, so a
// zoom into a big design never stalls a frame.
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "diagram_theme.h"

#include <QPointF>
#include <QRectF>
#include <QSGNode>
#include <QSet>
#include <QString>
#include <array>
#include <memory>
#include <vector>

class QQuickWindow;
class QSGGeometryNode;
class QSGSimpleTextureNode;
class QSGTexture;
class QSGTransformNode;

namespace archlens {

class LabelPainter;
struct CritiqueOverlay;

/// What to draw in one frame. Built by the view while the GUI thread is blocked, so the
/// pointers into the document are safe to read during the sync.
struct SceneState {
    const Document* doc = nullptr;
    const Catalogue* catalogue = nullptr;
    const QSet<QString>* selected = nullptr;
    DiagramTheme theme;
    double zoom = 1;
    QPointF origin; ///< document point at the item's top-left corner
    QSizeF size;    ///< item size in pixels
    double dpr = 1; ///< device pixel ratio
    bool showGrid = true;
    double grid = 8;
    /// A drag in progress: the selected components and notes are drawn moved by this much.
    QPointF dragOffset;
    /// Overlays, in item coordinates.
    QRectF rubberBand;
    bool connecting = false;
    QPointF connectFrom, connectTo;
    QString handleFor;  ///< component showing its connection handle
    QString dropTarget; ///< component a connection being dragged would attach to
    /// What the critique adds (badges, load, failures, the finding looked at); may be null.
    const CritiqueOverlay* critique = nullptr;
    /// Counters that say what changed since the last frame.
    quint64 documentRevision = 0;
    quint64 selectionRevision = 0;
    quint64 critiqueRevision = 0;

    /// Below kLabelZoom a 13 px name is under about 6 px on screen: cards show their name
    /// alone, larger; below kCompactZoom even that is unreadable and no label is painted.
    static constexpr double kLabelZoom = 0.42;
    static constexpr double kCompactZoom = 0.16;
    bool labelsReadable() const { return zoom >= kCompactZoom; }
    bool labelsCompact() const { return zoom < kLabelZoom; }
    /// The finest multiple of the snapping grid whose lines are at least 12 px apart.
    double gridStep() const {
        double step = grid;
        while (step * zoom < 12)
            step *= 2;
        return step;
    }
};

class DiagramSceneNode : public QSGNode {
public:
    DiagramSceneNode();
    ~DiagramSceneNode() override;

    /// Brings the tree up to date. Returns true when labels are still being painted and
    /// another frame is needed.
    bool sync(const SceneState& state, QQuickWindow* window);

    /// Where the connection handle of a component box sits, in document coordinates.
    static QPointF handlePoint(const QRectF& box) { return {box.right(), box.center().y()}; }

private:
    struct Label {
        QSGTexture* texture = nullptr;
        double scale = 0;
        QString key;
    };
    void rebuildContent(const SceneState& s);
    void rebuildSelection(const SceneState& s);
    void rebuildCritique(const SceneState& s);
    /// Hides the tiles of the heavy layers that are off screen.
    void cull(const SceneState& s);
    void rebuildGrid(const SceneState& s);
    void rebuildOverlay(const SceneState& s);
    bool syncLabels(const SceneState& s, QQuickWindow* window);
    QRectF boxOf(const Component& c, const SceneState& s) const;

    QSGNode* grid_ = nullptr;
    QSGTransformNode* world_ = nullptr;
    QSGNode* overlay_ = nullptr;
    // Layers inside world_, bottom to top.
    QSGGeometryNode* background_ = nullptr;
    QSGNode* areaFills_ = nullptr; ///< one opaque node per shade

    QSGGeometryNode* areaBorders_ = nullptr;
    QSGNode* areaLabels_ = nullptr;
    // The heavy layers, bottom to top, each cut into tiles (one culled child per tile).
    enum Layer {
        SyncLines,
        AsyncLines,
        ReplicationLines,
        Arrows,
        Fills,
        NoteFills,
        Stripes,
        Borders,
        kLayerCount
    };
    std::array<QSGNode*, kLayerCount> layers_{};
    std::vector<QRectF> tileBounds_;
    QSGGeometryNode* selection_ = nullptr;
    QSGNode* labels_ = nullptr;
    QSGGeometryNode* critique_ = nullptr; ///< above the labels: badges sit on the cards' corners
    QSGGeometryNode* gridLines_ = nullptr;
    QSGGeometryNode* gridMajor_ = nullptr;
    QSGGeometryNode* overlayFill_ = nullptr;
    QSGGeometryNode* overlayLines_ = nullptr;

    std::unique_ptr<LabelPainter> painter_;
    QHash<QString, Label> labelCache_;
    quint64 documentRevision_ = ~0ull;
    quint64 selectionRevision_ = ~0ull;
    quint64 critiqueRevision_ = ~0ull;
    bool dark_ = false;
    int detail_ = -1000; ///< level of detail the content was built for
    QPointF dragOffset_;
    double selectionZoom_ = 0;
    // Zone label rectangles from the last content build, for the label pass.
    struct AreaLabel {
        QString text;
        QRectF strip;
    };
    std::vector<AreaLabel> areaLabelRects_;
    double gridZoom_ = 0;
    QPointF gridOrigin_;
    QSizeF gridSize_;
    bool gridShown_ = true;
    bool gridDark_ = false;
};

} // namespace archlens
