// The setup panel (left dock): the layer, its sizes and options, masks,
// dropout, seed and where the inputs come from. It describes a Spec; it does
// not compute. Invalid fields are marked (light red, tooltip) and the message
// is shown in words; what the user typed is never overwritten.
#pragma once

#include "ui/setup/field_marks.h"
#include "ui/setup/setup_carried.h"
#include "ui/setup/setup_fields.h"

#include "core/spec/spec.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QVBoxLayout;

namespace attnviz::ui {

class TensorEditModel;

class SetupPanel : public QWidget {
    Q_OBJECT
public:
    enum class InputSource { Random = 0, Sentence = 1, Table = 2, Files = 3 };

    explicit SetupPanel(QWidget* parent = nullptr);

    /// What the widgets describe. When a field cannot even be parsed
    /// (a padding position that is not a number), errorField/errorMessage say so.
    struct Result {
        core::Spec spec;
        QStringList queryTokens, keyTokens;
        QString errorField, errorMessage;
        /// Where the weights come from, in words ("Weights: from /x/weights.npz; edited: …").
        QString weightsSource;
        /// Loaded weights (or edits) that do not fit these settings and are kept aside: which, and what they need.
        QString weightsAside;
        /// Each weight's source (file, trained layer, seed, or how it was edited), by weights.npz key.
        std::map<std::string, QString> weightSources;
    };
    /// No file I/O: .npy files are read when their path changes.
    Result buildSpec() const;
    /// Every table field's value as typed (the widgets' USER properties).
    SetupState state() const;
    /// Show where the weights of a buildSpec() come from (and what is kept aside) under the layer's fields.
    void showWeightsSource(const Result& result);
    QLabel* weightsSourceLabel() const { return m_weightsLabel; }

    /// A weight set in the Weights tab (cell edits, presets): used while it
    /// fits the layer, on top of the loaded or seeded weights. `how` says
    /// what it is ("edited", "identity", "zeros", "ones"). Emits specEdited.
    void setWeightEdit(const std::string& key, const core::Tensor& value, const QString& how);
    /// Back to the loaded or seeded value. Emits specEdited.
    void clearWeightEdit(const std::string& key);
    bool hasWeightEdit(const std::string& key) const { return m_carried.weightEdits.count(key) > 0; }

    /// Fill every widget from a spec (File ▸ Open). Given tensors and weights are kept.
    void setSpec(const core::Spec& spec);

    /// Mark the widget for a core field name ("config.key_dim", "masks.value_mask", ...)
    /// and show the message; an empty field with a message shows it unmarked.
    /// alsoFields: the other fields the error names (core::SpecError::fields()),
    /// marked too: a width mismatch names both sides, the user may have changed either.
    void showError(const QString& field, const QString& message, const QStringList& alsoFields = {});
    void clearError();
    /// The widget a core field name maps to (nullptr when none).
    QWidget* widgetForField(const QString& field) const;
    /// Whether a widget is currently marked invalid.
    static bool isMarked(const QWidget* w);

    /// Everything the panel holds, as JSON, for the session autosave: every
    /// field as typed (even a value the core rejects), the edited tables, and
    /// the inputs, masks and weights carried over from an opened spec.
    QJsonObject sessionState() const;
    /// Put back a sessionState(). Emits specEdited once.
    void restoreSessionState(const QJsonObject& state);
    /// Set one field by name as if the user typed it: "heads=3", "sentence=the cat",
    /// "inputs=table", "query[1,2]=7.5" (a cell of the edited table). False with a
    /// message for an unknown name or a value the field cannot hold.
    bool applySetting(const QString& name, const QString& value, QString* error = nullptr);
    /// The names applySetting() and sessionState() use for the fields.
    QStringList settingNames() const;
    /// The widget of a setting name ("key_dim", "query_npy"); nullptr when unknown.
    QWidget* widgetForSetting(const QString& name) const;

    /// Where each input of the last buildSpec() comes from, in words for the
    /// status line ("query.npy", "the edited query table"); empty for random inputs.
    QString inputOrigin(const QString& which) const;

    void setInputSource(InputSource source);
    InputSource inputSource() const;

    // Direct access for MainWindow shortcuts and tests.
    QComboBox* layerCombo() const { return m_layer; }
    QSpinBox* headsSpin() const { return m_heads; }
    QSpinBox* keyDimSpin() const { return m_keyDim; }
    QSpinBox* queryLenSpin() const { return m_queryLen; }
    QSpinBox* sourceLenSpin() const { return m_sourceLen; }
    QSpinBox* queryFeaturesSpin() const { return m_queryFeatures; }
    QSpinBox* valueFeaturesSpin() const { return m_valueFeatures; }
    QSpinBox* keyFeaturesSpin() const { return m_keyFeatures; }
    QLineEdit* sourcePaddingEdit() const { return m_sourcePadding; }
    QLineEdit* sentenceEdit() const { return m_sentence; }
    QLineEdit* sourceSentenceEdit() const { return m_sourceSentence; }
    QLineEdit* queryPaddingEdit() const { return m_queryPadding; }
    QLineEdit* npyPathEdit(const QString& which) const;
    QSpinBox* valueDimSpin() const { return m_valueDim; }
    QSpinBox* outputShapeSpin() const { return m_outputShape; }
    QSpinBox* batchSpin() const { return m_batch; }
    QSpinBox* seedSpin() const { return m_seed; }
    QDoubleSpinBox* dropoutSpin() const { return m_dropout; }
    QCheckBox* transformerCheck() const { return m_transformer; }
    QSpinBox* kvHeadsSpin() const { return m_kvHeads; }
    QSpinBox* slidingWindowSpin() const { return m_slidingWindow; }
    QCheckBox* useGateCheck() const { return m_useGate; }
    QComboBox* inputSourceCombo() const { return m_source; }
    TensorEditModel* queryTableModel() const { return m_queryModel; }
    TensorEditModel* valueTableModel() const { return m_valueModel; }
    /// The panel's error text (hidden when there is no error).
    QLabel* errorLabel() const { return m_error; }
    /// Show the expected trace size against the memory budget (bytes; both > 0).
    void setTraceSize(double bytes, double budget);
    QLabel* traceSizeLabel() const { return m_traceSize; }
    /// Masks from an opened spec still in use (attention_mask, key_mask or per-batch padding).
    bool hasLoadedMasks() const;
    QCheckBox* causalCheck() const { return m_causal; }

    QSize sizeHint() const override;
    /// "layer … of …" while weights from a saved Keras model are in use, else empty.
    QString trainedOrigin() const;
    /// The inline note under a field (a value over its limit, an error naming it); nullptr when unknown.
    QLabel* fieldNote(const QString& name) const { return m_rows.value(name).note; }
    /// The form label of a field (nullptr for check boxes and special fields).
    QLabel* fieldLabel(const QString& name) const { return m_rows.value(name).label; }

signals:
    /// Any field changed; the owner recomputes.
    void specEdited();
    /// The user asked to load an .npy for "query", "value" or "key".
    void browseRequested(const QString& which);
    /// Masks from an opened spec no longer fit the sizes and were dropped; the message says which.
    void loadedMasksDropped(const QString& message);

public slots:
    void setNpyPath(const QString& which, const QString& path);

private:
    void buildUi();
    QWidget* makeFieldWidget(const FieldDef& field, QWidget* parent);
    void addFieldRow(const FieldDef& field, QFormLayout* form, QWidget* cell, QWidget* widget);
    void buildInputs(QWidget* content, QVBoxLayout* column);
    void onFieldEdited(const QString& name);
    void setNote(const QString& name, const QString& message);
    /// Labels, tooltips and What's-this for the current layer's names.
    void updateFieldTexts();
    void updateEnabled();
    void onStructureEdited();
    void syncTables();
    void fitSourcePage();
    /// Drop the spec's masks that no longer fit the current sizes (and say so).
    void dropMasksThatNoLongerFit();
    void updateLoadedMaskLabel();
    void dropLoadedMasks();
    /// Read the .npy a path field names, once, when its text changes (buildSpec is const: no I/O).
    void readNpyFile(const QLineEdit* edit);
    /// (name, widget) of every plain field, in the order a restore sets them.
    std::vector<std::pair<QString, QWidget*>> namedFields() const;

    // Layer
    QComboBox* m_layer;
    QSpinBox* m_heads;
    QSpinBox* m_keyDim;
    QSpinBox* m_valueDim;
    QSpinBox* m_outputShape;
    QCheckBox* m_useBias;
    QComboBox* m_scoreMode;
    QCheckBox* m_useScale;
    QCheckBox* m_transformer;
    QSpinBox* m_kvHeads;       // GroupQueryAttention: num_key_value_heads
    QSpinBox* m_slidingWindow; // 0 = none
    QCheckBox* m_useGate;
    // Sizes
    QSpinBox* m_batch;
    QSpinBox* m_queryLen;
    QSpinBox* m_sourceLen;
    QSpinBox* m_queryFeatures;
    QSpinBox* m_valueFeatures;
    QSpinBox* m_keyFeatures;
    // Masks
    QCheckBox* m_causal;
    QLineEdit* m_queryPadding;
    QLineEdit* m_sourcePadding;
    QWidget* m_loadedMaskRow;
    QLabel* m_loadedMaskLabel;
    // Dropout, seed
    QDoubleSpinBox* m_dropout;
    QCheckBox* m_training;
    QSpinBox* m_seed;
    // Inputs
    QComboBox* m_source;
    QStackedWidget* m_sourcePages;
    QLineEdit* m_sentence;
    QLineEdit* m_sourceSentence;
    QTableView* m_queryTable;
    QTableView* m_valueTable;
    TensorEditModel* m_queryModel;
    TensorEditModel* m_valueModel;
    QPushButton* m_tableReset;
    QLineEdit* m_queryFile;
    QLineEdit* m_valueFile;
    QLineEdit* m_keyFile;
    QLabel* m_error;
    QLabel* m_traceSize;

    // One row of the form per table field (setup_fields.h).
    struct Row {
        QLabel* label = nullptr; // none for check boxes
        QWidget* cell = nullptr; // the field and its note
        QLabel* note = nullptr;  // inline message under the field
        QWidget* field = nullptr;
    };
    QMap<QString, Row> m_rows;
    FieldMarks m_marks; // the fields marked invalid
    bool m_loading = false;
    int m_preferredWidth = 300;

    void setWeightsOrigin(const core::Spec& spec);
    QLabel* m_weightsLabel = nullptr;
    SetupCarried m_carried; // what the panel carries beyond its widgets (setup_carried.h)
};

} // namespace attnviz::ui
