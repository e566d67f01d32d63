#include "ui/lessons/lesson_panel.h"
#include "ui/lessons/lesson_language.h"

#include "core/trace/step_display.h"
#include "ui/app_window/controller.h"
#include "ui/app_window/data_dirs.h"
#include "ui/app_window/main_window.h"
#include "ui/inspector/heatmap_view.h"
#include "ui/labs/equivalence_lab_view.h"
#include "ui/labs/scaling_lab_view.h"
#include "ui/lessons/handout_writer.h"
#include "ui/lessons/lesson_text.h"
#include "ui/stage/stage_view.h"

#include <qcustomplot.h>

#include <QAction>
#include <QTextEdit>
#include <QPlainTextEdit>
#include <QKeyEvent>
#include <QComboBox>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QButtonGroup>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>
#include <QWhatsThis>

#include <cmath>

namespace attnviz::ui {

namespace {

// Narration (Markdown) as the panel's rich text, through Qt's Markdown reader.
QString narrationHtml(const QString& markdown) {
    return markdownToHtml(withoutSeparator(markdown));
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

LessonPanel::LessonPanel(MainWindow* window)
    : QWidget(window), m_window(window), m_header(new QLabel(this)), m_title(new QLabel(this)),
      m_narration(new QLabel(this)), m_questionBox(new QWidget(this)), m_prompt(new QLabel(this)),
      m_cells(new QTableWidget(this)), m_optionsBox(new QWidget(this)), m_optionsLayout(new QVBoxLayout),
      m_options(new QButtonGroup(this)), m_number(new QLineEdit(this)), m_revealButton(new QPushButton(this)),
      m_result(new QLabel(this)), m_scoreLabel(new QLabel(this)), m_prevButton(new QPushButton(this)),
      m_nextButton(new QPushButton(this)) {
    setObjectName(QStringLiteral("lessonPanel"));
    auto* layout = new QVBoxLayout(this);
    m_header->setObjectName(QStringLiteral("lessonHeader"));
    m_header->setWordWrap(true);
    m_title->setObjectName(QStringLiteral("slideTitle"));
    m_title->setWordWrap(true);
    m_narration->setObjectName(QStringLiteral("slideNarration"));
    m_narration->setWordWrap(true);
    m_narration->setTextFormat(Qt::RichText);
    m_narration->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_header);
    layout->addWidget(m_title);
    layout->addWidget(m_narration, 1);

    auto* q = new QVBoxLayout(m_questionBox);
    q->setContentsMargins(0, 0, 0, 0);
    m_prompt->setWordWrap(true);
    m_prompt->setObjectName(QStringLiteral("questionPrompt"));
    q->addWidget(m_prompt);
    m_cells->setObjectName(QStringLiteral("questionCells"));
    m_cells->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cells->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cells->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_cells->setWhatsThis(tr("Click the cell you predict; arrow keys move, Enter chooses."));
    q->addWidget(m_cells);
    m_optionsBox->setLayout(m_optionsLayout);
    q->addWidget(m_optionsBox);
    m_number->setObjectName(QStringLiteral("questionNumber"));
    m_number->setPlaceholderText(tr("Type a number"));
    q->addWidget(m_number);
    m_revealButton->setText(tr("Reveal"));
    m_revealButton->setObjectName(QStringLiteral("revealButton"));
    m_revealButton->setToolTip(tr("Play the step and mark the answer (Ctrl+Return; Page Down on a question)"));
    q->addWidget(m_revealButton);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setObjectName(QStringLiteral("questionResult"));
    q->addWidget(m_result);
    layout->addWidget(m_questionBox);

    auto* nav = new QHBoxLayout;
    m_prevButton->setText(tr("◀ Previous"));
    m_nextButton->setText(tr("Next ▶"));
    m_prevButton->setToolTip(tr("Previous slide (Page Up)"));
    m_nextButton->setToolTip(tr("Next slide (Page Down; on a question it reveals first)"));
    m_cells->setMinimumWidth(0);
    m_cells->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_cells->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_prevButton->setFocusPolicy(Qt::NoFocus);
    m_nextButton->setFocusPolicy(Qt::NoFocus);
    m_revealButton->setFocusPolicy(Qt::NoFocus);
    m_scoreLabel->setObjectName(QStringLiteral("lessonScore"));
    nav->addWidget(m_prevButton);
    nav->addStretch(1);
    nav->addWidget(m_nextButton);
    m_scoreLabel->setAlignment(Qt::AlignCenter);
    m_scoreLabel->setWordWrap(true);
    layout->addWidget(m_scoreLabel); // its own row: the panel stays narrow on a projector
    layout->addLayout(nav);
    m_cells->horizontalHeader()->setMinimumSectionSize(8);

    connect(m_prevButton, &QPushButton::clicked, this, &LessonPanel::previousSlide);
    connect(m_nextButton, &QPushButton::clicked, this, &LessonPanel::nextSlide);
    connect(m_revealButton, &QPushButton::clicked, this, [this] { reveal(); });
    connect(m_cells, &QTableWidget::cellClicked, this, [this](int r, int c) {
        const size_t i = size_t(r * m_cells->columnCount() + c);
        if (!m_revealed && i < m_cellIndex.size())
            chooseCell(m_cellIndex[i]);
    });
    // Click-the-cell questions can be answered on the stage itself.
    connect(m_window->stage(), &StageView::resultCellClicked, this, [this](int r, int c) { chooseStageCell(r, c); });
    // Leaving presentation mode restores the docks: while a question is open
    // the inspector would show the answer's heatmap, so it stays hidden.
    connect(m_window->inspectorDock(), &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_concealed) {
            m_inspectorWasVisible = true;
            m_window->inspectorDock()->hide();
        }
    });
    // Highlights belong to the slide's step: stepping away hides them.
    connect(m_window->controller(), &Controller::currentStepChanged, this, [this] { showHighlights(); });
    connect(m_cells, &QTableWidget::cellActivated, this, [this](int r, int c) {
        const size_t i = size_t(r * m_cells->columnCount() + c);
        if (!m_revealed && i < m_cellIndex.size())
            chooseCell(m_cellIndex[i]);
    });
    connect(m_options, &QButtonGroup::idClicked, this, [this](int id) { m_answer.option = id; });
    connect(m_number, &QLineEdit::returnPressed, this, [this] { reveal(); });

    auto make = [this](const QString& text, const QKeySequence& key) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        m_window->addAction(a); // works in presentation mode, menus hidden
        return a;
    };
    m_nextAction = make(tr("Next slide (reveal first)"), QKeySequence(Qt::Key_PageDown));
    m_prevAction = make(tr("Previous slide"), QKeySequence(Qt::Key_PageUp));
    m_revealAction = make(tr("Reveal the answer"), QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_nextAction, &QAction::triggered, this, &LessonPanel::advance);
    connect(m_prevAction, &QAction::triggered, this, &LessonPanel::previousSlide);
    connect(m_revealAction, &QAction::triggered, this, [this] { reveal(); });
    // 1…9 choose an option, for a keyboard or a clicker with number keys.
    for (int i = 0; i < 9; ++i) {
        QAction* a = make(tr("Choose option %1").arg(i + 1), QKeySequence(Qt::Key_1 + i));
        connect(a, &QAction::triggered, this, [this, i] {
            if (QAbstractButton* b = m_options->button(i); b && !m_revealed && m_optionsBox->isVisible()) {
                b->setChecked(true);
                m_answer.option = i;
            }
        });
    }
    m_questionBox->hide();
    qApp->installEventFilter(this); // the click questions' keyboard cursor (eventFilter)
    setZoom(1.0);
    updateHeader();
}

void LessonPanel::addMenuItems(QMenu* file, QMenu* help) {
    QAction* first = file->actions().value(1); // after Open spec…
    auto* open = new QAction(tr("Open &lesson…"), this);
    open->setShortcut(QKeySequence(tr("Ctrl+L")));
    open->setStatusTip(tr("Open a lesson: slides with narration and questions"));
    m_window->addAction(open);
    connect(open, &QAction::triggered, this, &LessonPanel::openLessonDialog);
    file->insertAction(first, open);
    QMenu* examples = new QMenu(tr("E&xamples"), file);
    examples->setObjectName(QStringLiteral("examplesMenu"));
    connect(examples, &QMenu::aboutToShow, this, [this, examples] { fillExamplesMenu(examples); });
    fillExamplesMenu(examples);
    file->insertMenu(first, examples);
    file->insertSeparator(first);
    QAction* quit = file->actions().isEmpty() ? nullptr : file->actions().constLast();
    auto* save = new QAction(tr("Save s&lide…"), this);
    save->setStatusTip(tr("Append the current spec, step and view as a slide to a lesson"));
    connect(save, &QAction::triggered, this, &LessonPanel::saveSlideDialog);
    auto* handout = new QAction(tr("Export &handout…"), this);
    handout->setStatusTip(tr("Every slide of the open lesson, with a page of answers, as a PDF"));
    connect(handout, &QAction::triggered, this, [this] { exportHandoutDialog(HandoutKind::Full); });
    auto* worksheet = new QAction(tr("Export &worksheet…"), this);
    worksheet->setStatusTip(tr("For students: each question with its operands and room to answer, no answers"));
    connect(worksheet, &QAction::triggered, this, [this] { exportHandoutDialog(HandoutKind::Worksheet); });
    auto* key = new QAction(tr("Export answer &key…"), this);
    key->setStatusTip(tr("For the teacher: the class plan, every answer with its reasoning, the presenter notes"));
    connect(key, &QAction::triggered, this, [this] { exportHandoutDialog(HandoutKind::AnswerKey); });
    file->insertAction(quit, save);
    file->insertAction(quit, handout);
    file->insertAction(quit, worksheet);
    file->insertAction(quit, key);
    file->insertSeparator(quit);

    QMenu* lessons = new QMenu(tr("&Lessons"), help);
    lessons->setObjectName(QStringLiteral("lessonsMenu"));
    fillLessonsMenu(lessons);
    help->insertMenu(help->actions().value(0), lessons);
    auto* keys = new QAction(tr("&Keyboard shortcuts"), this);
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    m_window->addAction(keys);
    connect(keys, &QAction::triggered, this, &LessonPanel::showShortcuts);
    help->insertAction(help->actions().value(1), keys);
    auto* whatsThis = QWhatsThis::createAction(this);
    help->insertAction(help->actions().value(2), whatsThis);
}

QString LessonPanel::resourceDir() {
    // The folder whose lessons/ is used, else the first place searched.
    const QString lessons = findDataPath(QStringLiteral("lessons"));
    return lessons.isEmpty() ? dataDirs().constFirst() : QFileInfo(lessons).path();
}

QStringList LessonPanel::builtInLessons() {
    // Each lesson once, in the UI language where translated (lesson_language.h).
    const QString found = findDataPath(QStringLiteral("lessons"));
    return found.isEmpty() ? QStringList() : lessonsInFolder(found);
}

QStringList LessonPanel::exampleSpecs() {
    QStringList out;
    const QString found = findDataPath(QStringLiteral("examples"));
    if (found.isEmpty())
        return out;
    const QDir dir(found);
    for (const QString& f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << dir.absoluteFilePath(f);
    return out;
}

void LessonPanel::fillExamplesMenu(QMenu* menu) {
    menu->clear();
    for (const QString& path : exampleSpecs()) {
        QFile f(path);
        QString line = QFileInfo(path).completeBaseName();
        if (f.open(QIODevice::ReadOnly)) {
            const QString d =
                QJsonDocument::fromJson(f.read(1 << 20)).object().value(QStringLiteral("description")).toString();
            if (!d.isEmpty())
                line += QStringLiteral(" — ") + d;
        }
        QAction* a = menu->addAction(line);
        connect(a, &QAction::triggered, this, [this, path] {
            QString error;
            if (!m_window->openSpec(path, &error))
                QMessageBox::warning(m_window, tr("Example"), error);
        });
    }
    menu->addSeparator();
    for (const QString& path : builtInLessons()) {
        QString line = QFileInfo(path).completeBaseName();
        try {
            const core::Lesson l = core::loadLesson(path.toStdString());
            line = tr("Lesson: %1").arg(qs(l.title));
        } catch (const std::exception&) {
        }
        QAction* a = menu->addAction(line);
        connect(a, &QAction::triggered, this, [this, path] {
            QString error;
            if (!openLesson(path, &error))
                QMessageBox::warning(m_window, tr("Lesson"), error);
        });
    }
    if (menu->isEmpty())
        menu->addAction(tr("(no bundled examples found in %1)").arg(dataDirs().join(QStringLiteral(", "))))
            ->setEnabled(false);
}

void LessonPanel::fillLessonsMenu(QMenu* menu) {
    menu->clear();
    for (const QString& path : builtInLessons()) {
        QString title = QFileInfo(path).completeBaseName();
        try {
            title = qs(core::loadLesson(path.toStdString()).title);
        } catch (const std::exception&) {
        }
        QAction* a = menu->addAction(title);
        connect(a, &QAction::triggered, this, [this, path] {
            QString error;
            if (!openLesson(path, &error))
                QMessageBox::warning(m_window, tr("Lesson"), error);
        });
    }
    if (menu->isEmpty())
        menu->addAction(tr("(no lessons found in %1)").arg(dataDirs().join(QStringLiteral(", "))))->setEnabled(false);
}

void LessonPanel::showShortcuts() {
    QStringList rows;
    QList<QAction*> actions = m_window->actions();
    for (QAction* a : actions) {
        if (a->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText).toHtmlEscaped();
        rows << QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.join(QStringLiteral(", ")), a->text().remove(QLatin1Char('&')).toHtmlEscaped());
    }
    QMessageBox box(m_window);
    box.setWindowTitle(tr("Keyboard shortcuts"));
    box.setTextFormat(Qt::RichText);
    box.setText(QStringLiteral("<table cellspacing=\"4\">%1</table>").arg(rows.join(QString())));
    box.exec();
}

bool LessonPanel::openLesson(const QString& path, QString* error) {
    core::Lesson lesson;
    try {
        lesson = core::loadLesson(path.toStdString());
        core::verifyLesson(lesson);
    } catch (const std::exception& e) {
        const QString message = QString::fromUtf8(e.what());
        if (error)
            *error = message;
        m_window->statusMessage()->setText(tr("Could not open the lesson: %1").arg(message));
        return false;
    }
    m_lesson = std::move(lesson);
    m_score.reset();
    m_lastDirectory = QFileInfo(path).absolutePath();
    emit lessonOpened();
    return showSlide(0, error);
}

bool LessonPanel::hasQuestion() const {
    return m_index >= 0 && m_index < int(m_lesson.slides.size()) && m_lesson.slides[size_t(m_index)].question;
}

void LessonPanel::setConcealed(bool concealed) {
    if (concealed == m_concealed)
        return;
    m_concealed = concealed;
    m_window->stage()->setConcealed(concealed);
    m_window->equivalenceLab()->setConcealed(concealed); // its max |Δ| would answer the question
    // The inspector would give the answer away: hide it while a question is open.
    QDockWidget* inspector = m_window->inspectorDock();
    if (concealed) {
        m_inspectorWasVisible = inspector->isVisible();
        inspector->hide();
    } else if (m_inspectorWasVisible && !m_window->isPresentationMode()) {
        inspector->show();
    }
}

bool LessonPanel::showSlide(int index, QString* error) {
    if (index < 0 || index >= int(m_lesson.slides.size()))
        return false;
    const core::Slide& s = m_lesson.slides[size_t(index)];
    try {
        m_traces = core::runSlide(m_lesson, s);
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        m_narration->setText(QString::fromUtf8(e.what()).toHtmlEscaped());
        return false;
    }
    m_index = index;
    m_revealed = false;
    m_answer = {};
    setConcealed(false);
    m_window->applySpec(s.spec);
    Controller* c = m_window->controller();
    c->setCurrentStepByKey(qs(s.step));
    if (const auto trace = c->trace()) {
        if (const core::Step* step = trace->find(s.step))
            for (size_t a = 0; a < s.slice.size() && a < step->axes.size(); ++a)
                m_window->heatmap()->setSliceIndex(qs(step->axes[a].name), int(s.slice[a]));
    }
    if (!s.claim.empty() && core::findIdentity(s.claim)) {
        m_window->equivalenceLab()->setBaseSpec(s.spec);
        m_window->equivalenceLab()->setClaim(s.claim, s.untick);
    }
    m_window->centreTabs()->setCurrentIndex(tabOf(s.view));
    QString narration;
    try {
        narration = qs(core::fillNarration(s.narration, *m_traces));
    } catch (const std::exception& e) {
        narration = QString::fromUtf8(e.what());
    }
    m_title->setText(qs(s.title));
    m_narrationFull = narration;
    m_narration->setText(narrationHtml(s.question ? beforeReveal(narration) : narration));
    setupQuestion();
    showHighlights();
    setConcealed(s.question.has_value());
    if (!s.question)
        m_window->stage()->replay(); // a slide's animation plays on entering it
    updateHeader();
    emit slideChanged(index);
    return true;
}

void LessonPanel::advance() {
    if (!isOpen())
        return;
    if (hasQuestion() && !m_revealed)
        reveal();
    else
        nextSlide();
}

void LessonPanel::nextSlide() {
    if (isOpen() && m_index + 1 < int(m_lesson.slides.size()))
        showSlide(m_index + 1);
}

void LessonPanel::previousSlide() {
    if (isOpen() && m_index > 0)
        showSlide(m_index - 1);
}

QStringList LessonPanel::axisLabels(const core::Step& step, int axis) const {
    const core::Index n = step.value.dim(axis);
    QStringList tokens;
    if (size_t(axis) < step.display.roles.size()) {
        if (step.display.roles[size_t(axis)] == core::AxisRole::Query)
            tokens = m_window->controller()->queryTokens();
        else if (step.display.roles[size_t(axis)] == core::AxisRole::Source)
            tokens = m_window->controller()->keyTokens();
    }
    QStringList out;
    for (core::Index i = 0; i < n; ++i)
        out << (tokens.size() == n ? tokens[int(i)] : QString::number(i));
    return out;
}

void LessonPanel::setupQuestion() {
    const core::Slide& s = m_lesson.slides[size_t(m_index)];
    m_result->clear();
    m_cells->hide();
    m_optionsBox->hide();
    m_number->hide();
    m_number->clear();
    m_cellIndex.clear();
    m_cursor = -1;
    for (QAbstractButton* b : m_options->buttons()) {
        m_options->removeButton(b);
        delete b;
    }
    if (!s.question) {
        m_questionBox->hide();
        return;
    }
    const core::Question& q = *s.question;
    m_questionBox->show();
    m_revealButton->setEnabled(true);
    m_prompt->setText(QStringLiteral("<b>%1</b>").arg(qs(q.prompt).toHtmlEscaped()));
    switch (q.kind) {
    case core::QuestionKind::ClickLargest:
    case core::QuestionKind::ClickSmallest: {
        const core::Trace& t = q.target.other && m_traces->other ? *m_traces->other : m_traces->trace;
        const core::Step* step = t.find(q.target.key);
        if (!step)
            break;
        std::vector<int> free;
        for (size_t a = 0; a < q.target.index.size(); ++a)
            if (q.target.index[a] == core::TensorRef::kAll)
                free.push_back(int(a));
        const int rowAxis = free.size() == 2 ? free[0] : -1, colAxis = free.back();
        const int rows = rowAxis < 0 ? 1 : int(step->value.dim(rowAxis)), cols = int(step->value.dim(colAxis));
        m_cells->clear();
        m_cells->setRowCount(rows);
        m_cells->setColumnCount(cols);
        m_cells->setHorizontalHeaderLabels(axisLabels(*step, colAxis));
        if (rowAxis >= 0)
            m_cells->setVerticalHeaderLabels(axisLabels(*step, rowAxis));
        else
            m_cells->setVerticalHeaderLabels({qs(q.target.key)}); // short: the columns need the room
        for (int r = 0; r < rows; ++r)
            for (int col = 0; col < cols; ++col) {
                std::vector<core::Index> idx = q.target.index;
                if (rowAxis >= 0)
                    idx[size_t(rowAxis)] = r;
                idx[size_t(colAxis)] = col;
                m_cellIndex.push_back(idx);
                auto* item = new QTableWidgetItem(QStringLiteral("?"));
                item->setTextAlignment(Qt::AlignCenter);
                m_cells->setItem(r, col, item);
            }
        m_cursor = 0; // the keyboard cursor starts on the first cell
        m_cells->setMaximumHeight(m_cells->horizontalHeader()->height() +
                                  rows * m_cells->verticalHeader()->defaultSectionSize() + 6);
        m_cells->show();
        m_prompt->setText(
            m_prompt->text() + QStringLiteral("<br>") +
            tr("Click the cell you predict, or move the blue frame with the arrow keys and press Enter."));
        break;
    }
    case core::QuestionKind::Number:
        m_number->show();
        m_number->setFocus(); // type at once; Enter or Page Down reveals
        break;
    default:
        for (int i = 0; i < int(q.options.size()); ++i) {
            auto* b =
                new QRadioButton(QStringLiteral("%1. %2").arg(i + 1).arg(qs(q.options[size_t(i)].text)), m_optionsBox);
            b->setFocusPolicy(Qt::NoFocus);
            m_options->addButton(b, i);
            m_optionsLayout->addWidget(b);
        }
        m_optionsBox->show();
        break;
    }
}

void LessonPanel::showHighlights() {
    std::vector<std::pair<int, int>> cells;
    const core::Slide* s = isOpen() && m_index >= 0 ? &m_lesson.slides[size_t(m_index)] : nullptr;
    const auto trace = m_window->controller()->trace();
    const core::Step* shown = m_window->controller()->currentStepData();
    std::optional<std::pair<int, int>> cursor;
    int focus = -1;
    if (s && trace && shown && shown->key == s->step) { // the slide's step, not one the user stepped to
        for (const auto& [r, c] : s->highlight)
            cells.emplace_back(int(r), int(c));
        // A chosen answer on the shown step, as (row, col) of the slice.
        if (s->question && !m_answer.cell.empty() && !s->question->target.other && s->question->target.key == s->step &&
            m_answer.cell.size() >= 2)
            cells.emplace_back(int(m_answer.cell[m_answer.cell.size() - 2]), int(m_answer.cell.back()));
        focus = focusRow(*s, *shown);
        if (cursorActive()) {
            const std::vector<core::Index>& cell = m_cellIndex[size_t(m_cursor)];
            if (cell.size() == size_t(shown->value.rank()) && cell.size() >= 2)
                cursor = std::pair{int(cell[cell.size() - 2]), int(cell.back())};
        }
    }
    // The stage narrates the row the slide asks about, and shows the keyboard cursor.
    if (s || m_window->stage()->focusRow() >= 0)
        m_window->stage()->setFocusRow(focus);
    m_window->stage()->setCursorCell(cursor);
    // Called on every step change: with no lesson open (or nothing new to
    // frame) the views are left alone, so a closed Inspector stays idle.
    if (cells == m_window->stage()->highlights())
        return;
    m_window->stage()->setHighlights(cells);
    m_window->heatmap()->setHighlights(cells);
}

int LessonPanel::focusRow(const core::Slide& s, const core::Step& shown) {
    // The question's row on the shown step (a click target's or a number's
    // answer), else the first highlighted row, else none.
    const core::Index rank = shown.value.rank();
    if (s.question && rank >= 2) {
        const core::Question& q = *s.question;
        const core::TensorRef* ref = nullptr;
        if (q.kind == core::QuestionKind::ClickLargest || q.kind == core::QuestionKind::ClickSmallest)
            ref = &q.target;
        else if (q.kind == core::QuestionKind::Number && q.answer)
            ref = &q.answer->ref;
        if (ref && !ref->other && ref->key == shown.key && core::Index(ref->index.size()) == rank &&
            ref->index[size_t(rank - 2)] != core::TensorRef::kAll)
            return int(ref->index[size_t(rank - 2)]);
    }
    return s.highlight.empty() ? -1 : int(s.highlight.front().first);
}

bool LessonPanel::cursorActive() const {
    return isOpen() && !m_revealed && m_cursor >= 0 && m_cursor < int(m_cellIndex.size());
}

void LessonPanel::moveCursor(int dr, int dc) {
    if (!cursorActive())
        return;
    const int cols = m_cells->columnCount(), rows = m_cells->rowCount();
    const int r = std::clamp(m_cursor / cols + dr, 0, rows - 1), c = std::clamp(m_cursor % cols + dc, 0, cols - 1);
    m_cursor = r * cols + c;
    m_cells->setCurrentCell(r, c);
    showHighlights();
}

bool LessonPanel::eventFilter(QObject* watched, QEvent* event) {
    // A click question's keyboard cursor: arrows move it over the question's
    // cells, Enter chooses the cell, for a keyboard or a clicker's arrow keys.
    // Only while such a question is open, and not when a text field or the
    // panel's own grid has the focus (they use the keys themselves).
    if ((event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress) || !cursorActive())
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return QWidget::eventFilter(watched, event);
    int dr = 0, dc = 0;
    switch (key->key()) {
    case Qt::Key_Up: dr = -1; break;
    case Qt::Key_Down: dr = 1; break;
    case Qt::Key_Left: dc = -1; break;
    case Qt::Key_Right: dc = 1; break;
    case Qt::Key_Return:
    case Qt::Key_Enter: break;
    default: return QWidget::eventFilter(watched, event);
    }
    const QWidget* focus = QApplication::focusWidget();
    const QWidget* target = qobject_cast<QWidget*>(watched);
    if (!target || target->window() != m_window || focus == m_cells || qobject_cast<const QLineEdit*>(focus) ||
        qobject_cast<const QAbstractSpinBox*>(focus) || qobject_cast<const QComboBox*>(focus) ||
        qobject_cast<const QTextEdit*>(focus) || qobject_cast<const QPlainTextEdit*>(focus))
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept(); // the key is ours: not the window's step shortcuts (← →)
        return true;
    }
    if (dr == 0 && dc == 0)
        chooseCell(m_cellIndex[size_t(m_cursor)]);
    else
        moveCursor(dr, dc);
    return true;
}

bool LessonPanel::chooseStageCell(int row, int col) {
    if (!isOpen() || m_revealed || m_cellIndex.empty())
        return false;
    const core::Slide& s = m_lesson.slides[size_t(m_index)];
    if (!s.question || s.question->target.other)
        return false;
    const core::Step* shown = m_window->controller()->currentStepData();
    if (!shown || shown->key != s.question->target.key || shown->value.rank() < 2)
        return false;
    // The stage shows the step's last two axes at the window's batch/head: the
    // clicked cell is the question's when it is one of its cells.
    for (const std::vector<core::Index>& cell : m_cellIndex)
        if (cell.size() == size_t(shown->value.rank()) && cell[cell.size() - 2] == row && cell.back() == col) {
            chooseCell(cell);
            return true;
        }
    return false;
}

void LessonPanel::chooseCell(const std::vector<core::Index>& cell) {
    m_answer.cell = cell;
    if (const auto it = std::find(m_cellIndex.begin(), m_cellIndex.end(), cell); it != m_cellIndex.end())
        m_cursor = int(it - m_cellIndex.begin()); // the keyboard cursor follows a click
    for (size_t i = 0; i < m_cellIndex.size(); ++i) {
        QTableWidgetItem* item = m_cells->item(int(i) / m_cells->columnCount(), int(i) % m_cells->columnCount());
        if (item)
            item->setBackground(m_cellIndex[i] == cell ? QColor(255, 230, 150) : QColor(Qt::white));
    }
    showHighlights(); // the choice is framed on the stage too
}

void LessonPanel::chooseOption(int option) {
    if (QAbstractButton* b = m_options->button(option))
        b->setChecked(true);
    m_answer.option = option;
}

void LessonPanel::typeNumber(const QString& text) {
    m_number->setText(text);
}

bool LessonPanel::reveal() {
    if (!hasQuestion() || m_revealed || !m_traces)
        return false;
    const core::Question& q = *m_lesson.slides[size_t(m_index)].question;
    if (q.kind == core::QuestionKind::Number && !m_number->text().trimmed().isEmpty()) {
        bool ok = false;
        const double v = m_number->text().trimmed().replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
        if (!ok) {
            m_result->setText(tr("“%1” is not a number; type e.g. 0.25.").arg(m_number->text()));
            return false;
        }
        m_answer.number = v;
    }
    const bool answered = !m_answer.cell.empty() || m_answer.option >= 0 || m_answer.number.has_value();
    bool ok = false;
    core::CorrectAnswer right;
    try {
        right = core::correctAnswer(q, *m_traces);
        ok = answered && core::markAnswer(q, *m_traces, m_answer);
    } catch (const std::exception& e) {
        m_result->setText(QString::fromUtf8(e.what()));
        return false;
    }
    if (answered)
        m_score.record(m_index, ok);
    m_revealed = true;
    m_narration->setText(narrationHtml(m_narrationFull));
    setConcealed(false);
    m_window->stage()->replay();
    showHighlights(); // the keyboard cursor goes
    showResult(right, answered, ok);
    updateHeader();
    return ok;
}

void LessonPanel::showResult(const core::CorrectAnswer& right, bool answered, bool ok) {
    const QString verdict = !answered ? tr("Revealed without an answer.")
                            : ok      ? tr("<b style=\"color:#1a7f37\">Right!</b>")
                                      : tr("<b style=\"color:#c62828\">Not quite.</b>");
    m_result->setText(verdict + QStringLiteral(" ") + tr("Answer: %1").arg(qs(right.text).toHtmlEscaped()));
    m_revealButton->setEnabled(false);
    // Click questions: the values appear, the right cells green, a wrong choice red.
    if (!m_cellIndex.empty()) {
        const core::Question& q = *m_lesson.slides[size_t(m_index)].question;
        const core::Trace& t = q.target.other && m_traces->other ? *m_traces->other : m_traces->trace;
        const core::Step* step = t.find(q.target.key);
        for (size_t i = 0; i < m_cellIndex.size() && step; ++i) {
            QTableWidgetItem* item = m_cells->item(int(i) / m_cells->columnCount(), int(i) % m_cells->columnCount());
            item->setText(QString::number(step->value.at(m_cellIndex[i]), 'f', 3));
            const bool isRight = std::find(right.cells.begin(), right.cells.end(), m_cellIndex[i]) != right.cells.end();
            item->setBackground(isRight                           ? QColor(190, 235, 190)
                                : m_cellIndex[i] == m_answer.cell ? QColor(245, 190, 190)
                                                                  : QColor(Qt::white));
        }
    }
    for (QAbstractButton* b : m_options->buttons()) {
        const int id = m_options->id(b);
        if (std::find(right.options.begin(), right.options.end(), id) != right.options.end())
            b->setText(b->text() + QStringLiteral("  ✓"));
    }
}

QString LessonPanel::resultText() const {
    return m_result->text();
}
QString LessonPanel::scoreLine() const {
    return m_scoreLabel->text();
}
QString LessonPanel::narrationText() const {
    return m_narration->text();
}

QString LessonPanel::scoreText(int right, int answered, int questions) {
    // English has no plural forms without a translation file loaded: the one-question case is its own string.
    const QString total = questions == 1 ? tr("1 question") : tr("%n questions", nullptr, questions);
    return tr("Score: %1 right of %2 answered · %3").arg(right).arg(answered).arg(total);
}

void LessonPanel::updateHeader() {
    if (!isOpen()) {
        m_header->setText(tr("No lesson open. File ▸ Open lesson… or Help ▸ Lessons."));
        m_title->clear();
        m_narration->clear();
        m_scoreLabel->clear();
        m_prevButton->setEnabled(false);
        m_nextButton->setEnabled(false);
        return;
    }
    m_header->setText(tr("%1 — slide %2 of %3").arg(qs(m_lesson.title)).arg(m_index + 1).arg(m_lesson.slides.size()));
    int questions = 0;
    for (const core::Slide& s : m_lesson.slides)
        questions += s.question ? 1 : 0;
    m_scoreLabel->setText(scoreText(m_score.correctCount(), m_score.answeredCount(), questions));
    m_prevButton->setEnabled(m_index > 0);
    m_nextButton->setEnabled(m_index + 1 < int(m_lesson.slides.size()));
}

void LessonPanel::setZoom(double factor) {
    QFont f = QApplication::font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    setFont(f);
    QFont t = f;
    t.setPointSizeF(f.pointSizeF() * 1.35);
    t.setBold(true);
    m_title->setFont(t);
}

void LessonPanel::openLessonDialog() {
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open lesson"),
        m_lastDirectory.isEmpty() ? resourceDir() + QStringLiteral("/lessons") : m_lastDirectory,
        tr("Lessons (*.md);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openLesson(path, &error))
        QMessageBox::warning(m_window, tr("Open lesson"), error);
}

bool LessonPanel::saveSlide(const QString& lessonPath, const QString& title, QString* error) {
    Controller* c = m_window->controller();
    const auto trace = c->trace();
    const core::Step* step = c->currentStepData();
    if (!trace || !step) {
        if (error)
            *error = tr("Nothing computed yet.");
        return false;
    }
    core::Slide s;
    s.title = title.isEmpty() ? step->title : title.toStdString();
    s.spec = c->traceSpec();
    s.step = step->key;
    s.view = core::SlideView(std::clamp(m_window->centreTabs()->currentIndex(), 0, 3));
    const core::SliceAxes axes = core::sliceAxes(*step);
    std::vector<core::Index> slice;
    for (int a : axes.spinAxes)
        if (a == int(slice.size()))
            slice.push_back(m_window->heatmap()->sliceIndex(qs(step->axes[size_t(a)].name)));
    s.slice = slice;
    if (s.view == core::SlideView::EquivalenceLab) {
        s.slice.clear(); // the lab's traces are the claim's, not the window's
        s.claim = m_window->equivalenceLab()->claim();
        s.untick = m_window->equivalenceLab()->unticked();
    }
    try {
        core::appendSlide(lessonPath.toStdString(), s, trace->params,
                          QFileInfo(lessonPath).completeBaseName().toStdString());
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

void LessonPanel::saveSlideDialog() {
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save slide to lesson"), m_lastDirectory,
                                                      tr("Lessons (*.md)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    const core::Step* step = m_window->controller()->currentStepData();
    bool ok = false;
    const QString title = QInputDialog::getText(m_window, tr("Save slide"), tr("Slide title:"), QLineEdit::Normal,
                                                step ? qs(step->title) : QString(), &ok);
    if (!ok)
        return;
    QString error;
    if (!saveSlide(path, title, &error))
        QMessageBox::warning(m_window, tr("Save slide"), error);
    else
        m_window->statusMessage()->setText(tr("Slide appended to %1").arg(QFileInfo(path).fileName()));
}

void LessonPanel::exportHandoutDialog(HandoutKind kind) {
    const QString title = kind == HandoutKind::Worksheet   ? tr("Export worksheet")
                          : kind == HandoutKind::AnswerKey ? tr("Export answer key")
                                                           : tr("Export handout");
    if (!isOpen()) {
        QMessageBox::information(m_window, title, tr("Open a lesson first (File ▸ Open lesson…)."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(m_window, title, m_lastDirectory, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportHandout(path, &error, kind))
        QMessageBox::warning(m_window, title, error);
}

QPixmap LessonPanel::handoutHeatmap(int index, QSize size) const {
    if (index < 0 || index >= int(m_lesson.slides.size()))
        return {};
    const core::Slide& s = m_lesson.slides[size_t(index)];
    std::shared_ptr<const core::Trace> trace;
    try {
        trace = std::make_shared<const core::Trace>(core::runSlide(m_lesson, s).trace);
    } catch (const std::exception&) {
        return {};
    }
    HeatmapView heat; // offscreen, never shown: the window's inspector keeps its own trace
    heat.resize(size);
    heat.setTokens(m_window->controller()->queryTokens(), m_window->controller()->keyTokens());
    heat.setStep(trace, trace->indexOf(s.step));
    if (const core::Step* step = trace->find(s.step))
        for (size_t a = 0; a < s.slice.size() && a < step->axes.size(); ++a)
            heat.setSliceIndex(qs(step->axes[a].name), int(s.slice[a]));
    std::vector<std::pair<int, int>> cells;
    for (const auto& [r, c] : s.highlight)
        cells.emplace_back(int(r), int(c));
    heat.setHighlights(cells);
    return heat.plot()->toPixmap(size.width(), size.height());
}

bool LessonPanel::exportHandout(const QString& pdfPath, QString* error, HandoutKind kind) {
    return writeHandout(*this, kind, pdfPath, error);
}

} // namespace attnviz::ui
