#pragma once
// The canvas's scene-graph tree: the GPU drawing of the shapes that diagramShapes() and
// canvas_shapes.h list. It decides nothing about how the design looks; it decides how to
// get the list onto the screen fast. Shapes of one kind and colour are batched into one
// geometry node (all card fills in one, all sync lines in another...), so the renderer
// issues a handful of draw calls however many components there are; the heavy layers are
// cut into tiles that are culled while off screen. Pan and zoom only change a transform;
// geometry is rebuilt when the document, the selection, a drag or the level of detail
// changes (after a zoom across a power of two, the tiles on screen first and the rest a
// frame's budget at a time). Labels are textures painted per card from the same label
// contents the software painter draws, only for what is on screen and only when large
// enough to read; they are cached (within a memory budget) and painted for at most a few
// milliseconds per frame, so a zoom into a big design never stalls a frame.
#include "canvas_shapes.h"
#include "diagram_shapes.h"

#include <QHash>
#include <QRectF>
#include <QSGNode>
#include <QString>
#include <array>
#include <memory>
#include <utility>
#include <vector>

class QQuickWindow;
class QSGTexture;
class QSGTransformNode;

namespace archlens {

class BatchNode;
class DragPlan;
class LabelPainter;
class TiledLayers;

class DiagramSceneNode : public QSGNode {
public:
    DiagramSceneNode();
    ~DiagramSceneNode() override;

    /// Brings the tree up to date. Returns true when labels are still being painted and
    /// another frame is needed.
    bool sync(const SceneState& state, QQuickWindow* window);
    /// Whether a sync since the last call drew the content at a new level of detail (not
    /// the first drawing) while its tiles held at least the bytes of vertices given to
    /// setReleaseBytes(): then the window's cached resources are worth releasing. Clears it.
    bool takeReleaseDue() { return std::exchange(releaseDue_, false); }
    void setReleaseBytes(qint64 bytes) { releaseBytes_ = bytes; }

private:
    struct Label {
        QSGTexture* texture = nullptr;
        double scale = 0;
        QString key;
        /// The document revision, theme and form the key was last found right for: while
        /// they stay the same the key is not worked out again (it is text, built per label
        /// on screen per frame otherwise).
        quint64 checked = ~0ull;
        qint64 bytes = 0; ///< of the painted image
    };
    /// The content (areas, labels' places, the tiled layers). `deferred`: only the level
    /// of detail changed, and tiles off screen may wait. Returns whether some wait.
    bool rebuildContent(const SceneState& s, bool deferred);
    /// The labels alone, when the zoom crosses into or out of readable or compact labels.
    void relistLabels(const SceneState& s);
    void rebuildSelection(const SceneState& s);
    /// As rebuildContent, for the critique's tiles.
    bool rebuildCritique(const SceneState& s, bool deferred);
    /// What a drag in progress moves, at every frame of it: the moving part of the content
    /// and of the critique (the rest stays as the drag's start drew it), the areas, whose
    /// frames follow the boxes, and the labels.
    void rebuildDragged(const SceneState& s);
    /// Empties the nodes of the moving part.
    void clearDragged();
    /// The part the still content is drawn as: the still part of a drag, or everything.
    ShapeOptions::DragPart stillPart() const;
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
    // The heavy layers, each cut into tiles (one culled BatchNode per tile, the same
    // tiles in each layer: tiled_layers.h).
    enum Layer { Connections, ArrowHeads, Cards, kLayerCount };
    std::array<QSGNode*, kLayerCount> layers_{};
    std::unique_ptr<TiledLayers> content_; ///< the tiles under layers_
    QSGNode* labels_ = nullptr;
    BatchNode* selection_ = nullptr;
    QSGNode* critique_ = nullptr; ///< cut into tiles like the heavy layers
    std::unique_ptr<TiledLayers> critiqueTiles_;
    QSGNode* badges_ = nullptr;
    // A drag's moving part, over the still content (lines, then cards) and critique.
    BatchNode* dragLines_ = nullptr;
    BatchNode* dragCards_ = nullptr;
    BatchNode* dragCritique_ = nullptr;
    /// The drag in progress, planned at its first frame for the revision, selection and
    /// index it began with.
    std::unique_ptr<DragPlan> drag_;
    quint64 dragRevision_ = 0, dragSelection_ = 0;
    const void* dragIndex_ = nullptr;
    /// The labels of the still part, to which each frame adds the moving part's.
    std::vector<LabelShape> stillLabels_, stillBadges_;

    std::unique_ptr<LabelPainter> painter_;
    QHash<QString, Label> labelCache_;
    qint64 labelBytes_ = 0; ///< of all the cached labels' images
    // The labels of the last content build, placed each frame for what is on screen.
    std::vector<LabelShape> areaLabelShapes_, labelShapes_, badgeShapes_;
    quint64 documentRevision_ = ~0ull;
    quint64 selectionRevision_ = ~0ull;
    quint64 critiqueRevision_ = ~0ull;
    bool dark_ = false;
    int detail_ = -1000;                     ///< level of detail the content was built for
    bool releaseDue_ = false;                ///< see takeReleaseDue()
    qint64 releaseBytes_ = 0;
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
