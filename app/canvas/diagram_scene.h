#pragma once
// The canvas's scene-graph tree: the GPU drawing of the shapes that diagramShapes() and
// canvas_shapes.h list. It decides nothing about how the design looks; it decides how to
// get the list onto the screen fast. Shapes of one kind and colour are batched into one
// geometry node (all card fills in one, all sync lines in another...), so the renderer
// issues a handful of draw calls however many components there are; the heavy layers are
// cut into tiles that are culled while off screen. Pan and zoom only change a transform;
// geometry is rebuilt when the document, the selection, a drag or the level of detail
// changes. Labels are textures painted per card from the same label contents the software
// painter draws, only for what is on screen and only when large enough to read; they are
// cached and painted a batch per frame, so a zoom into a big design never stalls a frame.
#include "canvas_shapes.h"
#include "diagram_shapes.h"

#include <QHash>
#include <QRectF>
#include <QSGNode>
#include <QString>
#include <array>
#include <memory>
#include <vector>

class QQuickWindow;
class QSGTexture;
class QSGTransformNode;

namespace archlens {

class BatchNode;
class LabelPainter;

class DiagramSceneNode : public QSGNode {
public:
    DiagramSceneNode();
    ~DiagramSceneNode() override;

    /// Brings the tree up to date. Returns true when labels are still being painted and
    /// another frame is needed.
    bool sync(const SceneState& state, QQuickWindow* window);

private:
    struct Label {
        QSGTexture* texture = nullptr;
        double scale = 0;
        QString key;
    };
    void rebuildContent(const SceneState& s);
    /// The labels alone, when the zoom crosses into or out of readable or compact labels.
    void relistLabels(const SceneState& s);
    void rebuildSelection(const SceneState& s);
    void rebuildCritique(const SceneState& s);
    /// Hides the tiles of the heavy layers that are off screen.
    void cull(const SceneState& s);
    void rebuildGrid(const SceneState& s);
    bool syncLabels(const SceneState& s, QQuickWindow* window);

    BatchNode* grid_ = nullptr;
    QSGTransformNode* world_ = nullptr;
    BatchNode* overlay_ = nullptr;
    // Inside world_, bottom to top: areas, their labels, the tiled layers, card labels,
    // selection, critique, badges (as DiagramShapes lists them).
    BatchNode* areas_ = nullptr;
    QSGNode* areaLabels_ = nullptr;
    // The heavy layers, each cut into tiles (one culled BatchNode per tile).
    enum Layer { Connections, ArrowHeads, Cards, kLayerCount };
    std::array<QSGNode*, kLayerCount> layers_{};
    std::vector<QRectF> tileBounds_;
    QSGNode* labels_ = nullptr;
    BatchNode* selection_ = nullptr;
    BatchNode* critique_ = nullptr;
    QSGNode* badges_ = nullptr;

    std::unique_ptr<LabelPainter> painter_;
    QHash<QString, Label> labelCache_;
    // The labels of the last content build, placed each frame for what is on screen.
    std::vector<LabelShape> areaLabelShapes_, labelShapes_, badgeShapes_;
    quint64 documentRevision_ = ~0ull;
    quint64 selectionRevision_ = ~0ull;
    quint64 critiqueRevision_ = ~0ull;
    bool dark_ = false;
    int detail_ = -1000;                     ///< level of detail the content was built for
    bool readable_ = true, compact_ = false; ///< what the card labels were listed for
    QPointF dragOffset_;
    double selectionZoom_ = 0;
    double gridZoom_ = 0;
    QPointF gridOrigin_;
    QSizeF gridSize_;
    bool gridShown_ = true;
    bool gridDark_ = false;
};

} // namespace archlens
