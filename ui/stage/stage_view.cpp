// The centre stage widget: holds the trace, the current step and slice, and
// the animation's progress. The scene comes from scene_builder.h, the
// painting from stage_painter.h.
#include "ui/stage/stage_view.h"

#include "ui/stage/stage_grid.h"

#include "ui/stage/scene_builder.h"
#include "ui/stage/stage_overlay.h"
#include "ui/stage/stage_painter.h"
#include "ui/stage/stage_scene.h"

#include <qcustomplot.h>

#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScreen>
#include <QVariantAnimation>

#include <algorithm>

namespace attnviz::ui {

using stage::buildScene;
using stage::Tokens;

// ---------------------------------------------------------------- StageView

StageView::StageView(QWidget* parent)
    : QWidget(parent), m_scene(std::make_unique<StageScene>()), m_animation(new QVariantAnimation(this)),
      m_overlay(std::make_unique<stage::Overlay>()) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::NoFocus);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setDuration(3000);
    connect(m_animation, &QVariantAnimation::valueChanged, this,
            [this](const QVariant& v) { applyProgress(v.toDouble()); });
    connect(m_animation, &QVariantAnimation::finished, this, [this] {
        applyProgress(1.0);
        emit animationFinished();
    });
}

StageView::~StageView() = default;

void StageView::setTrace(std::shared_ptr<const core::Trace> trace) {
    m_trace = std::move(trace);
    if (!m_trace || m_trace->steps.empty())
        m_step = -1;
    else
        m_step = std::clamp(m_step, 0, int(m_trace->steps.size()) - 1);
    rebuild();
}

void StageView::setCurrentStep(int index) {
    m_step = index;
    rebuild();
    restartAnimation();
}

void StageView::setSliceIndices(int batch, int head) {
    if (batch == m_batch && head == m_head)
        return;
    m_batch = std::max(0, batch);
    m_head = std::max(0, head);
    rebuild();
}

void StageView::setTokens(QStringList queryTokens, QStringList keyTokens) {
    m_queryTokens = std::move(queryTokens);
    m_keyTokens = std::move(keyTokens);
    rebuild();
}

void StageView::setZoom(double factor) {
    m_zoom = std::clamp(factor, 0.5, 4.0);
    updateGeometry(); // the minimum readable size grows with the fonts
    update();
}

void StageView::setSpeed(double factor) {
    m_speed = std::clamp(factor, 0.1, 10.0);
    m_animation->setDuration(int(3000 / m_speed));
}

void StageView::replay() {
    restartAnimation();
}

void StageView::setProgress(double p) {
    m_animation->stop();
    applyProgress(std::clamp(p, 0.0, 1.0));
}

bool StageView::isPlaying() const {
    return m_animation->state() == QAbstractAnimation::Running;
}

void StageView::restartAnimation() {
    m_animation->stop();
    if (!hasResult()) {
        applyProgress(1.0);
        return;
    }
    applyProgress(0.0);
    m_animation->start();
}

void StageView::applyProgress(double p) {
    if (p == m_progress)
        return;
    m_progress = p;
    emit progressChanged(p);
    update();
}

void StageView::rebuild() {
    // A hidden stage (another centre tab) builds its scene when it is painted
    // or asked for it: a scene at T=S=2048 slices and pools two 4-D tensors.
    m_sceneStale = true;
    if (isVisible())
        ensureScene();
    update();
}

bool StageView::hasResult() const {
    // Every valid step gets a scene with a result grid (the step alone when
    // its operands cannot be lined up): known without building it.
    if (m_sceneStale)
        return m_trace && m_step >= 0 && m_step < int(m_trace->steps.size());
    return m_scene->result >= 0;
}

const StageScene& StageView::ensureScene() const {
    if (!m_sceneStale)
        return *m_scene;
    m_sceneStale = false;
    ++m_sceneBuilds;
    if (m_trace && m_step >= 0 && m_step < int(m_trace->steps.size())) {
        stage::recycleValues(*m_scene); // the new grids fill the old ones' buffers
        m_scene = buildScene(*m_trace, m_step, m_batch, m_head, Tokens{m_queryTokens, m_keyTokens}, m_focusRow);
        stage::dropRecycledValues();
    } else {
        m_scene = std::make_unique<StageScene>();
    }
    if (m_autoProbability)
        for (StageGrid& g : m_scene->grids)
            stage::autoRangeProbabilities(g);
    if (m_concealed && m_scene->result >= 0) {
        // Hide the result: grey cells with "?", no fill animation, no narrated numbers.
        StageGrid& g = m_scene->grids[size_t(m_scene->result)];
        g.image.fill(QColor(225, 225, 225));
        const int n = g.rows * g.cols;
        g.texts = QStringList(n, QStringLiteral("?"));
        g.textColours.assign(size_t(n), QColor(90, 90, 90));
        g.hatched.clear();
        g.crossed.clear();
        m_scene->fill = FillMode::None;
        m_scene->details.clear();
        m_scene->info = InfoKind::Text;
        m_scene->infoLines = QStringList{tr("Predict the result, then Reveal.")};
    }
    return *m_scene;
}

void StageView::setAutoProbabilityRange(bool on) {
    if (on == m_autoProbability)
        return;
    m_autoProbability = on;
    rebuild();
}

void StageView::setConcealed(bool concealed) {
    if (concealed == m_concealed)
        return;
    m_concealed = concealed;
    rebuild();
}

int StageView::gridCount() const {
    return int(ensureScene().grids.size());
}
QString StageView::notice() const {
    return ensureScene().message;
}

QSize StageView::sizeHint() const {
    return QSize(900, 560);
}
QSize StageView::minimumSizeHint() const {
    // Below this the painter's text shrinks past reading ("outp…rnel"); it
    // grows with the zoom up to presentation size, so a 1280×800 window still fits it.
    // At most a third of the screen's height, so a small screen or projector
    // still fits the window (800×600: about 190 px).
    const double z = std::clamp(m_zoom, 1.0, 1.6);
    const int third = screen() ? screen()->availableGeometry().height() * 32 / 100 : 10000;
    return QSize(int(320 * z), std::min(int(250 * z), std::max(160, third)));
}

void StageView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    renderTo(p, rect());
}

QImage StageView::renderImage(QSize size) const {
    QImage img(size, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    renderTo(p, QRect(QPoint(0, 0), size));
    return img;
}

Figure StageView::figure(QSize size) const {
    Figure f;
    f.size = size;
    f.pixelSize = size * 2;
    f.title = tr("attnviz stage");
    if (m_trace && m_step >= 0) {
        f.heading = figureHeading(*m_trace, m_step);
    }
    // The result's colours (the same scale as the inspector's).
    ensureScene();
    if (m_scene->result >= 0 && m_scene->result < int(m_scene->grids.size())) {
        const StageGrid& y = m_scene->grids[size_t(m_scene->result)];
        f.colourBar = true;
        f.colourScale = y.scale;
        f.colourBarLabel = y.name;
    }
    f.paint = [this](QPainter& painter, const QRect& rect) { renderTo(painter, rect); };
    return f;
}

void StageView::renderTo(QPainter& painter, const QRect& target) const {
    ensureScene();
    QRectF cells;
    stage::paintScene(painter, *m_scene, target, m_progress, m_zoom, font(), &cells);
    const StageGrid* result = m_scene->result >= 0 ? &m_scene->grids[size_t(m_scene->result)] : nullptr;
    stage::paintOverlay(painter, QRectF(target), cells, result ? result->rows : 0, result ? result->cols : 0,
                        *m_overlay, m_zoom, font());
    if (painter.device() == this) // clicks map to what is on screen
        m_resultCells = cells;
}

void StageView::setHighlights(std::vector<std::pair<int, int>> cells) {
    if (cells == m_overlay->highlights) // a lesson calls this on every step change
        return;
    m_overlay->highlights = std::move(cells);
    update();
}

void StageView::setOverlayNote(const QString& note) {
    m_overlay->note = note;
    update();
}

QString StageView::overlayNote() const {
    return m_overlay->note;
}

const std::vector<std::pair<int, int>>& StageView::highlights() const {
    return m_overlay->highlights;
}

void StageView::setCursorCell(std::optional<std::pair<int, int>> cell) {
    if (cell == m_overlay->cursor)
        return;
    m_overlay->cursor = cell;
    update();
}

std::optional<std::pair<int, int>> StageView::cursorCell() const {
    return m_overlay->cursor;
}

void StageView::setFocusRow(int row) {
    row = std::max(row, -1);
    if (row == m_focusRow)
        return;
    m_focusRow = row;
    rebuild();
}

void StageView::mousePressEvent(QMouseEvent* event) {
    ensureScene();
    const StageGrid* result = m_scene->result >= 0 ? &m_scene->grids[size_t(m_scene->result)] : nullptr;
    if (result && event->button() == Qt::LeftButton)
        if (const auto cell = stage::cellAt(m_resultCells, result->rows, result->cols, event->position())) {
            emit resultCellClicked(cell->first, cell->second);
            return;
        }
    QWidget::mousePressEvent(event);
}

} // namespace attnviz::ui
