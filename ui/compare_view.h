// PLACEHOLDER written by the main-window helper so the window builds before
// the real compare view exists. The compare-view owner replaces this file.
#pragma once

#include "core/spec.h"

#include <QWidget>

class QLabel;

namespace attnviz::ui {

class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);
    void setSpec(const core::Spec& spec);

private:
    QLabel* m_label;
};

} // namespace attnviz::ui
