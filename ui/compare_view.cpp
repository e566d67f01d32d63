// PLACEHOLDER (see compare_view.h).
#include "compare_view.h"

#include <QLabel>
#include <QVBoxLayout>

namespace attnviz::ui {

CompareView::CompareView(QWidget* parent) : QWidget(parent), m_label(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setText(tr("The compare view is not built yet."));
}

void CompareView::setSpec(const core::Spec&) {}

} // namespace attnviz::ui
