#include "ui/labs/equivalence_lab_view.h"

#include "ui/text/core_text.h"

#include <QLocale>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace attnviz::ui {

namespace {

QString shapeText(const core::Shape& s) {
    return QString::fromStdString(core::shapeString(s));
}

} // namespace

EquivalenceLabView::EquivalenceLabView(QWidget* parent)
    : QWidget(parent), m_claims(new QComboBox(this)), m_conditionsLayout(new QVBoxLayout), m_verdict(new QLabel(this)),
      m_concealedNote(new QLabel(this)), m_table(new QTableWidget(0, 5, this)) {
    auto* layout = new QVBoxLayout(this); // claim and conditions over the table: fits 1280 px beside the docks
    auto* left = new QVBoxLayout;
    for (const core::Identity& identity : core::identities())
        m_claims->addItem(coreText(identity.title), QString::fromStdString(identity.id));
    m_claims->setObjectName(QStringLiteral("claimCombo"));
    // The identities' titles are long: the combo shrinks to the width, its popup does not.
    m_claims->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_claims->setMinimumContentsLength(24);
    m_claims->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_claims->setWhatsThis(tr("The claim to check: two Keras layers that compute the same thing under conditions."));
    left->addWidget(new QLabel(tr("Claim"), this));
    left->addWidget(m_claims);
    auto* box = new QGroupBox(tr("Conditions (untick one to break the claim)"), this);
    box->setLayout(m_conditionsLayout);
    left->addWidget(box);
    m_verdict->setWordWrap(true);
    m_verdict->setObjectName(QStringLiteral("equivalenceVerdict"));
    left->addWidget(m_verdict);
    auto* leftWidget = new QWidget(this);
    leftWidget->setLayout(left);
    layout->addWidget(leftWidget);

    m_table->setHorizontalHeaderLabels({tr("step"), tr("left shape"), tr("right shape"), tr("max |Δ|"), tr("")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setObjectName(QStringLiteral("equivalenceTable"));
    layout->addWidget(m_table, 1);
    m_concealedNote->setObjectName(QStringLiteral("equivalenceConcealed"));
    m_concealedNote->setWordWrap(true);
    m_concealedNote->setAlignment(Qt::AlignCenter);
    m_concealedNote->setText(tr("Predict, then Reveal: the differences of the two traces appear after the reveal."));
    m_concealedNote->hide();
    layout->addWidget(m_concealedNote, 1);

    connect(m_claims, &QComboBox::currentIndexChanged, this, [this] {
        rebuildConditions();
        recompute();
        emit claimChanged();
    });
    rebuildConditions();
    recompute();
}

void EquivalenceLabView::setBaseSpec(const core::Spec& spec) {
    m_base = spec;
    recompute();
}

std::string EquivalenceLabView::claim() const {
    return m_claims->currentData().toString().toStdString();
}

void EquivalenceLabView::setClaim(const std::string& identityId, const std::vector<std::string>& untick) {
    {
        const QSignalBlocker block(m_claims);
        const int i = m_claims->findData(QString::fromStdString(identityId));
        if (i >= 0)
            m_claims->setCurrentIndex(i);
        rebuildConditions();
    }
    for (QCheckBox* b : m_conditions) {
        const QSignalBlocker block(b);
        const std::string id = b->property("conditionId").toString().toStdString();
        b->setChecked(std::find(untick.begin(), untick.end(), id) == untick.end());
    }
    recompute();
}

std::vector<std::string> EquivalenceLabView::unticked() const {
    std::vector<std::string> out;
    for (QCheckBox* b : m_conditions)
        if (!b->isChecked())
            out.push_back(b->property("conditionId").toString().toStdString());
    return out;
}

QCheckBox* EquivalenceLabView::conditionBox(const QString& id) const {
    for (QCheckBox* b : m_conditions)
        if (b->property("conditionId").toString() == id)
            return b;
    return nullptr;
}

QString EquivalenceLabView::verdict() const {
    return m_verdict->text();
}

void EquivalenceLabView::setConcealed(bool concealed) {
    m_concealed = concealed;
    m_verdict->setVisible(!concealed);
    m_table->setVisible(!concealed);
    m_concealedNote->setVisible(concealed);
}

void EquivalenceLabView::setZoom(double factor) {
    m_zoom = factor;
    QFont f = font();
    f.setPointSizeF(QWidget().font().pointSizeF() * factor);
    setFont(f);
}

void EquivalenceLabView::rebuildConditions() {
    for (QCheckBox* b : m_conditions)
        delete b;
    m_conditions.clear();
    const core::Identity* identity = core::findIdentity(claim());
    if (!identity)
        return;
    for (const core::IdentityCondition& c : identity->conditions) {
        auto* b = new QCheckBox(coreText(c.label), this);
        b->setChecked(true);
        b->setProperty("conditionId", QString::fromStdString(c.id));
        b->setToolTip(tr("Unticked: %1").arg(coreText(c.whenOff)));
        b->setWhatsThis(b->toolTip());
        connect(b, &QCheckBox::toggled, this, [this] {
            recompute();
            emit claimChanged();
        });
        m_conditionsLayout->addWidget(b);
        m_conditions.push_back(b);
    }
}

void EquivalenceLabView::recompute() {
    m_diffs.clear();
    m_table->setRowCount(0);
    try {
        const core::IdentityRun result = core::runIdentity(claim(), m_base, unticked());
        const core::Trace &left = result.left, &right = result.right;
        m_diffs = result.diffs;
        const core::StepDiff* first = core::firstDifference(m_diffs);
        const QString names =
            tr("left: %1, right: %2").arg(QString::fromStdString(left.layer), QString::fromStdString(right.layer));
        if (!first) {
            double worst = 0;
            for (const auto& d : m_diffs)
                if (d.comparable)
                    worst = std::max(worst, d.maxAbsDiff);
            m_verdict->setText(tr("<b>The claim holds</b> (%1): every shared step agrees to float32 rounding, "
                                  "max |Δ| = %2.")
                                   .arg(names)
                                   .arg(QLocale().toString(worst, 'g', 2)));
        } else {
            m_verdict->setText(tr("<b>The two computations part at “%1”</b> (%2): max |Δ| = %3 there.")
                                   .arg(QString::fromStdString(first->key), names)
                                   .arg(QLocale().toString(first->maxAbsDiff, 'g', 3)));
        }
    } catch (const std::exception& e) {
        m_verdict->setText(tr("Cannot run this claim: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    m_table->setRowCount(int(m_diffs.size()));
    for (int r = 0; r < int(m_diffs.size()); ++r) {
        const core::StepDiff& d = m_diffs[size_t(r)];
        const QString delta = !d.comparable ? tr("—") : QLocale().toString(d.maxAbsDiff, 'g', 3);
        const QString state = !d.comparable ? tr("different sizes") : d.equal ? tr("equal") : tr("differs");
        const QStringList cells = {QString::fromStdString(d.key), shapeText(d.leftShape), shapeText(d.rightShape),
                                   delta, state};
        const QColor bg = !d.comparable ? QColor(238, 238, 238)
                          : d.equal     ? QColor(218, 240, 218)
                                        : QColor(250, 214, 214);
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setBackground(bg);
            item->setForeground(Qt::black);
            m_table->setItem(r, c, item);
        }
    }
}

} // namespace attnviz::ui
