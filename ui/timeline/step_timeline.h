// The timeline (bottom dock): every step of the trace in order with its shape,
// and the transport: first, previous, play/pause, next, last, speed.
// It shows state it is given and reports what the user asked for.
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QListView;
class QToolButton;

namespace attnviz::ui {

class StepTimeline : public QWidget {
    Q_OBJECT
public:
    explicit StepTimeline(QWidget* parent = nullptr);

    /// A TraceModel (or any list model with TraceModel's roles).
    void setModel(QAbstractItemModel* model);
    QListView* listView() const { return m_list; }

    int currentStep() const { return m_current; }
    void setCurrentStep(int index);
    void setPlaying(bool playing);
    void setSpeed(double factor);
    /// Scale fonts and card sizes (presentation mode, zoom).
    void setZoom(double factor);

signals:
    void stepActivated(int index);
    void firstRequested();
    void previousRequested();
    void playPauseRequested();
    void nextRequested();
    void lastRequested();
    void speedChangeRequested(double factor);

private:
    void updateLabel();
    void updateCardSize();

    QListView* m_list;
    QToolButton* m_first;
    QToolButton* m_previous;
    QToolButton* m_play;
    QToolButton* m_next;
    QToolButton* m_last;
    QComboBox* m_speed;
    QLabel* m_position;
    int m_current = -1;
    double m_zoom = 1.0;
    bool m_updating = false;
};

} // namespace attnviz::ui
