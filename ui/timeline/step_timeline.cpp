#include "ui/timeline/step_timeline.h"

#include "ui/timeline/trace_model.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace attnviz::ui {

namespace {

/// A step as a card: number and title, shape, op kind.
class StepCardDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize cardSize;

    /// Wide enough for the card's three lines (so nothing is elided), from the
    /// default card width up to twice it.
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QFont bold = option.font;
        bold.setBold(true);
        const QFontMetricsF fm(bold), fm2(option.font);
        const double text = std::max({fm.horizontalAdvance(titleOf(index)),
                                      fm2.horizontalAdvance(index.data(TraceModel::ShapeRole).toString()),
                                      fm2.horizontalAdvance(subtitleOf(index))});
        const int w = std::clamp(int(std::ceil(text)) + 2 * (3 + 6) + 2, cardSize.width(), 2 * cardSize.width());
        return QSize(w, cardSize.height());
    }
    static QString titleOf(const QModelIndex& index) {
        return QStringLiteral("%1. %2").arg(index.row() + 1).arg(index.data(TraceModel::TitleRole).toString());
    }
    static QString subtitleOf(const QModelIndex& index) {
        return index.data(TraceModel::IdRole).toString() + QStringLiteral(" · ") +
               index.data(TraceModel::OpRole).toString();
    }

    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const QRectF r = QRectF(option.rect).adjusted(3, 3, -3, -3);
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette& pal = option.palette;
        p->setPen(QPen(selected ? pal.highlight().color() : pal.mid().color(), selected ? 2.5 : 1));
        p->setBrush(selected ? pal.highlight().color().lighter(185) : pal.base().color());
        p->drawRoundedRect(r, 6, 6);

        QFont bold = option.font;
        bold.setBold(true);
        const QRectF text = r.adjusted(6, 4, -6, -4);
        const QFontMetricsF fm(bold);
        p->setFont(bold);
        p->setPen(pal.text().color());
        const QString title = titleOf(index);
        p->drawText(QRectF(text.left(), text.top(), text.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(title, Qt::ElideRight, text.width()));
        p->setFont(option.font);
        const QFontMetricsF fm2(option.font);
        p->drawText(QRectF(text.left(), text.top() + fm.height(), text.width(), fm2.height()),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    fm2.elidedText(index.data(TraceModel::ShapeRole).toString(), Qt::ElideRight, text.width()));
        p->setPen(pal.placeholderText().color());
        p->drawText(QRectF(text.left(), text.top() + fm.height() + fm2.height(), text.width(), fm2.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, fm2.elidedText(subtitleOf(index), Qt::ElideRight, text.width()));
        p->restore();
    }
};

QToolButton* makeButton(QWidget* parent, QStyle::StandardPixmap icon, const QString& tip) {
    auto* b = new QToolButton(parent);
    b->setIcon(parent->style()->standardIcon(icon));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::NoFocus);
    return b;
}

} // namespace

StepTimeline::StepTimeline(QWidget* parent) : QWidget(parent), m_list(new QListView(this)) {
    m_first = makeButton(this, QStyle::SP_MediaSkipBackward, tr("First step (Home)"));
    m_previous = makeButton(this, QStyle::SP_MediaSeekBackward, tr("Previous step (Left)"));
    m_play = makeButton(this, QStyle::SP_MediaPlay, tr("Play / pause (Space)"));
    m_next = makeButton(this, QStyle::SP_MediaSeekForward, tr("Next step (Right)"));
    m_last = makeButton(this, QStyle::SP_MediaSkipForward, tr("Last step (End)"));
    m_speed = new QComboBox(this);
    m_speed->setToolTip(tr("Playback speed"));
    m_speed->setFocusPolicy(Qt::NoFocus);
    for (double s : {0.25, 0.5, 1.0, 2.0, 4.0})
        m_speed->addItem(tr("%1×").arg(s), s);
    m_speed->setCurrentIndex(2);
    m_position = new QLabel(this);
    m_position->setMinimumWidth(m_position->fontMetrics().horizontalAdvance(tr("Step 88 of 88")));

    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(false);
    m_list->setUniformItemSizes(false); // each card as wide as its text
    m_list->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setItemDelegate(new StepCardDelegate(m_list));
    m_list->setToolTip(tr("The steps of the computation. Click one to jump there."));
    updateCardSize();

    auto* transport = new QHBoxLayout;
    transport->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : {static_cast<QWidget*>(m_first), static_cast<QWidget*>(m_previous), static_cast<QWidget*>(m_play),
                       static_cast<QWidget*>(m_next), static_cast<QWidget*>(m_last)})
        transport->addWidget(w);
    transport->addSpacing(8);
    transport->addWidget(new QLabel(tr("Speed:"), this));
    transport->addWidget(m_speed);
    transport->addSpacing(8);
    transport->addWidget(m_position);
    transport->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(transport);
    layout->addWidget(m_list);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    connect(m_first, &QToolButton::clicked, this, &StepTimeline::firstRequested);
    connect(m_previous, &QToolButton::clicked, this, &StepTimeline::previousRequested);
    connect(m_play, &QToolButton::clicked, this, &StepTimeline::playPauseRequested);
    connect(m_next, &QToolButton::clicked, this, &StepTimeline::nextRequested);
    connect(m_last, &QToolButton::clicked, this, &StepTimeline::lastRequested);
    connect(m_speed, &QComboBox::activated, this,
            [this](int i) { emit speedChangeRequested(m_speed->itemData(i).toDouble()); });
}

void StepTimeline::setModel(QAbstractItemModel* model) {
    m_list->setModel(model);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        if (!m_updating && current.isValid())
            emit stepActivated(current.row());
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        const int current = m_current;
        m_current = -1;
        setCurrentStep(current);
    });
}

void StepTimeline::setCurrentStep(int index) {
    m_current = index;
    if (auto* model = m_list->model(); model && index >= 0 && index < model->rowCount()) {
        m_updating = true;
        const QModelIndex mi = model->index(index, 0);
        m_list->selectionModel()->setCurrentIndex(mi, QItemSelectionModel::ClearAndSelect);
        m_list->scrollTo(mi, QAbstractItemView::EnsureVisible);
        m_updating = false;
    }
    updateLabel();
}

void StepTimeline::setPlaying(bool playing) {
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void StepTimeline::setSpeed(double factor) {
    const int i = m_speed->findData(factor);
    if (i >= 0)
        m_speed->setCurrentIndex(i);
}

void StepTimeline::setZoom(double factor) {
    m_zoom = factor;
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * factor);
    m_list->setFont(f);
    m_position->setFont(f);
    updateCardSize();
}

void StepTimeline::updateLabel() {
    const int n = m_list->model() ? m_list->model()->rowCount() : 0;
    m_position->setText(n == 0 ? tr("No steps") : tr("Step %1 of %2").arg(m_current + 1).arg(n));
}

void StepTimeline::updateCardSize() {
    const QFontMetrics fm(m_list->font());
    const QSize card(fm.horizontalAdvance(QLatin1Char('M')) * 13, fm.height() * 3 + 16);
    static_cast<StepCardDelegate*>(m_list->itemDelegate())->cardSize = card;
    const int h = card.height() + m_list->horizontalScrollBar()->sizeHint().height() + 2 * m_list->frameWidth() + 2;
    m_list->setFixedHeight(h);
    m_list->doItemsLayout();
}

} // namespace attnviz::ui
