// Printed lessons: three PDFs from one lesson, made by playing its slides in
// the window (LessonPanel) and drawing each page with QPainter.
//   Full       (--handout): every slide — title, narration up to "---", the
//              stage at the end of its animation or the lab, the heatmap, the
//              question — and a last page of answers.
//   Worksheet  (--worksheet): one page per question slide — the narration up
//              to "---", the stage with its operands and "?" in the result,
//              the question and room to answer; no computed result, no
//              revealed text, no answer.
//   AnswerKey  (--answer-key): the class plan (each slide's minutes and the
//              running time), then per slide its presenter notes and, for a
//              question, the answer with its reasoning (the revealed text).
#pragma once

#include <QString>

class QTextStream;

namespace attnviz::ui {

class LessonPanel;

enum class HandoutKind { Full, Worksheet, AnswerKey };

/// Write the open lesson of `panel` as `kind` to `pdfPath`; the panel ends on
/// the slide it showed before. Returns false (and sets `error`) when no lesson
/// is open, a slide does not run or the file cannot be written.
bool writeHandout(LessonPanel& panel, HandoutKind kind, const QString& pdfPath, QString* error = nullptr);

/// Headless: `attnviz --lesson FILE --handout|--worksheet|--answer-key OUT.pdf`. Returns the exit code.
int runHandout(const QString& lessonPath, const QString& pdfPath, QTextStream& err,
               HandoutKind kind = HandoutKind::Full);

} // namespace attnviz::ui
