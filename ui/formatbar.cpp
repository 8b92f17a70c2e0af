// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/formatbar.h"

#include "ui/iconloader.h"
#include "ui/linkdialog.h"
#include "ui/richtextsubset.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTextList>
#include <QToolButton>

#include <vector>

namespace Gui {

namespace {

// The width of one step of indentation, as Qt's own layout uses it.
constexpr qreal indentWidth = 40;

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.setBrush(colour.isValid() ? QBrush(colour) : QBrush(Qt::NoBrush));
    painter.drawRect(1, 1, 13, 13);
    if (!colour.isValid())
        painter.drawLine(2, 13, 13, 2); // "no colour": the text's own
    return QIcon(pixmap);
}

bool isNumbered(const QTextListFormat::Style style)
{
    return style == QTextListFormat::ListDecimal || style == QTextListFormat::ListLowerAlpha
        || style == QTextListFormat::ListUpperAlpha || style == QTextListFormat::ListLowerRoman
        || style == QTextListFormat::ListUpperRoman;
}

// Nested bullets change their mark by level, as every word processor does.
QTextListFormat::Style bulletFor(int level)
{
    static const QTextListFormat::Style marks[]
        = {QTextListFormat::ListDisc, QTextListFormat::ListCircle, QTextListFormat::ListSquare};
    return marks[std::max(0, level - 1) % 3];
}

// The whole link around the cursor (or the selection as it is).
QTextCursor linkAround(QTextCursor cursor)
{
    if (cursor.hasSelection() || !cursor.charFormat().isAnchor())
        return cursor;
    const QString href = cursor.charFormat().anchorHref();
    const QTextBlock block = cursor.block();
    int start = cursor.position();
    int end = cursor.position();
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        if (!f.charFormat().isAnchor() || f.charFormat().anchorHref() != href)
            continue;
        const int fStart = f.position();
        const int fEnd = f.position() + f.length();
        if (fEnd >= cursor.position() - 1 && fStart <= end) {
            start = std::min(start, fStart);
            end = std::max(end, fEnd);
        }
    }
    cursor.setPosition(start);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    return cursor;
}

// The list at `level` that a paragraph moved to that level continues: the
// nearest one above it in the same run of items, unless an item of a
// shallower level comes first (then the paragraph starts a list of its own).
QTextList *listAbove(const QTextBlock &block, int level)
{
    for (QTextBlock b = block.previous(); b.isValid(); b = b.previous()) {
        QTextList *l = b.textList();
        if (!l || l->format().indent() < level)
            return nullptr;
        if (l->format().indent() == level)
            return l;
    }
    return nullptr;
}

} // namespace

FormatBar::FormatBar(QTextEdit *editor, QWidget *parent)
    : QToolBar(tr("Format"), parent)
    , m_editor(editor)
{
    setObjectName(QStringLiteral("formatToolBar"));
    setToolButtonStyle(Qt::ToolButtonIconOnly);

    m_bold = addFormatAction(tr("Bold"), QStringLiteral("format-text-bold"), {QKeySequence::Bold},
                             "boldAction");
    connect(m_bold, &QAction::triggered, this, &FormatBar::setBold);
    m_italic = addFormatAction(tr("Italic"), QStringLiteral("format-text-italic"),
                               {QKeySequence::Italic}, "italicAction");
    connect(m_italic, &QAction::triggered, this, [this](bool on) { m_editor->setFontItalic(on); });
    m_underline = addFormatAction(tr("Underline"), QStringLiteral("format-text-underline"),
                                  {QKeySequence::Underline}, "underlineAction");
    connect(m_underline, &QAction::triggered, this,
            [this](bool on) { m_editor->setFontUnderline(on); });
    m_strike = addFormatAction(tr("Strikethrough"), QStringLiteral("format-text-strikethrough"),
                               {QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_5)}, "strikeAction");
    connect(m_strike, &QAction::triggered, this, [this](bool on) {
        changeCharFormat([on](QTextCharFormat &f) { f.setFontStrikeOut(on); });
    });
    for (QAction *a : {m_bold, m_italic, m_underline, m_strike})
        a->setCheckable(true);
    addSeparator();
    createColourMenu();
    createSizeMenu();
    addSeparator();

    m_bullets = addFormatAction(tr("Bulleted List"), QStringLiteral("format-list-unordered"),
                                {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
                                "bulletListAction");
    connect(m_bullets, &QAction::triggered, this, [this] { toggleList(false); });
    m_numbers
        = addFormatAction(tr("Numbered List"), QStringLiteral("format-list-ordered"),
                          {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_7)}, "numberedListAction");
    connect(m_numbers, &QAction::triggered, this, [this] { toggleList(true); });
    m_outdent = addFormatAction(tr("Outdent"), QStringLiteral("format-indent-less"),
                                {QKeySequence(Qt::CTRL | Qt::Key_BracketLeft)}, "outdentAction");
    connect(m_outdent, &QAction::triggered, this, &FormatBar::outdent);
    m_indent = addFormatAction(tr("Indent"), QStringLiteral("format-indent-more"),
                               {QKeySequence(Qt::CTRL | Qt::Key_BracketRight)}, "indentAction");
    connect(m_indent, &QAction::triggered, this, &FormatBar::indent);
    m_quote = addFormatAction(tr("Quote"), QStringLiteral("format-text-blockquote"),
                              {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_9)}, "quoteAction");
    connect(m_quote, &QAction::triggered, this, &FormatBar::toggleQuote);
    for (QAction *a : {m_bullets, m_numbers, m_quote})
        a->setCheckable(true);
    addSeparator();
    m_link = addFormatAction(tr("Link…"), QStringLiteral("insert-link"),
                             {QKeySequence(Qt::CTRL | Qt::Key_K)}, "linkAction");
    m_link->setCheckable(true);
    connect(m_link, &QAction::triggered, this, &FormatBar::editLink);
    m_clear = addFormatAction(
        tr("Remove Formatting"), QStringLiteral("format-text-clear"),
        {QKeySequence(Qt::CTRL | Qt::Key_Backslash), QKeySequence(Qt::CTRL | Qt::Key_Space)},
        "clearFormatAction");
    connect(m_clear, &QAction::triggered, this, &FormatBar::removeFormatting);

    connect(m_editor, &QTextEdit::currentCharFormatChanged, this, &FormatBar::followCursor);
    connect(m_editor, &QTextEdit::cursorPositionChanged, this, &FormatBar::followCursor);
    m_editor->installEventFilter(this);
    followCursor();
}

FormatBar::~FormatBar() = default;

QAction *FormatBar::addFormatAction(const QString &text, const QString &icon,
                                    const QList<QKeySequence> &keys, const char *name)
{
    auto *a = new QAction(loadIcon(icon), text, this);
    a->setObjectName(QString::fromLatin1(name));
    a->setShortcuts(keys);
    keepShortcutToEditor(a);
    QString tip = QString(text).remove(u'…');
    if (!keys.isEmpty())
        tip = tr("%1 (%2)").arg(tip, keys.first().toString(QKeySequence::NativeText));
    a->setToolTip(tip);
    addAction(a);
    if (auto *button = qobject_cast<QToolButton *>(widgetForAction(a)))
        button->setAccessibleName(QString(text).remove(u'…'));
    return a;
}

void FormatBar::createColourMenu()
{
    auto *menu = new QMenu(tr("Text &Colour"), this);
    menu->setObjectName(QStringLiteral("colourMenu"));
    QAction *standard = menu->addAction(swatch(QColor()), tr("&Default"));
    standard->setObjectName(QStringLiteral("colourDefault"));
    connect(standard, &QAction::triggered, this, [this] { setColour(QColor()); });
    for (const RichTextSubset::Colour &c : RichTextSubset::palette()) {
        const QColor colour = QColor::fromRgb(c.rgb);
        QAction *a = menu->addAction(swatch(colour),
                                     QCoreApplication::translate("Gui::FormatBar", c.name));
        a->setObjectName(QStringLiteral("colour") + QString::fromLatin1(c.name));
        connect(a, &QAction::triggered, this, [this, colour] { setColour(colour); });
    }
    m_colour = menu->menuAction();
    m_colour->setObjectName(QStringLiteral("colourAction"));
    m_colour->setIcon(loadIcon(QStringLiteral("format-text-color")));
    m_colour->setToolTip(tr("Text colour"));
    addAction(m_colour);
    if (auto *button = qobject_cast<QToolButton *>(widgetForAction(m_colour))) {
        button->setPopupMode(QToolButton::InstantPopup);
        button->setAccessibleName(tr("Text Colour"));
    }
}

void FormatBar::createSizeMenu()
{
    auto *menu = new QMenu(tr("Text &Size"), this);
    menu->setObjectName(QStringLiteral("sizeMenu"));
    QAction *smaller = menu->addAction(tr("S&maller"));
    smaller->setObjectName(QStringLiteral("smallerAction"));
    smaller->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Less));
    connect(smaller, &QAction::triggered, this, [this] { stepSize(-1); });
    QAction *larger = menu->addAction(tr("&Larger"));
    larger->setObjectName(QStringLiteral("largerAction"));
    larger->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Greater));
    connect(larger, &QAction::triggered, this, [this] { stepSize(+1); });
    keepShortcutToEditor(smaller);
    keepShortcutToEditor(larger);
    menu->addSeparator();
    m_sizes = new QActionGroup(this);
    using RichTextSubset::Size;
    const std::pair<Size, QString> sizes[] = {{Size::Small, tr("&Small")},
                                              {Size::Normal, tr("&Normal")},
                                              {Size::Large, tr("L&arge")},
                                              {Size::Huge, tr("&Huge")}};
    for (const auto &[size, text] : sizes) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setData(int(size));
        a->setObjectName(QStringLiteral("size%1").arg(int(size) + 1));
        m_sizes->addAction(a);
        connect(a, &QAction::triggered, this, [this, size = int(size)] { setSize(size); });
    }
    m_size = menu->menuAction();
    m_size->setObjectName(QStringLiteral("sizeAction"));
    m_size->setIcon(loadIcon(QStringLiteral("format-font-size-more")));
    m_size->setToolTip(tr("Text size (smaller Ctrl+<, larger Ctrl+>)"));
    addAction(m_size);
    if (auto *button = qobject_cast<QToolButton *>(widgetForAction(m_size))) {
        button->setPopupMode(QToolButton::InstantPopup);
        button->setAccessibleName(tr("Text Size"));
    }
}

QList<QAction *> FormatBar::formatMenuActions() const
{
    return actions();
}

void FormatBar::keepShortcutToEditor(QAction *action)
{
    // The shortcuts act while the editor has the keyboard: elsewhere in
    // the window Ctrl+B, Ctrl+K or Ctrl+U belong to the field being typed
    // in (or to nothing), never to text the person is not looking at.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editor->addAction(action);
}

bool FormatBar::eventFilter(QObject *watched, QEvent *event)
{
    // Tab and Shift+Tab nest list items, as in every word processor; outside
    // a list Tab keeps its meaning.
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = (key->modifiers() & ~Qt::ShiftModifier) == Qt::NoModifier;
        if (plain && m_editor->textCursor().currentList()) {
            if (key->key() == Qt::Key_Tab) {
                indent();
                return true;
            }
            if (key->key() == Qt::Key_Backtab) {
                outdent();
                return true;
            }
        }
    }
    return QToolBar::eventFilter(watched, event);
}

void FormatBar::followCursor()
{
    const QTextCursor cursor = m_editor->textCursor();
    const QTextCharFormat f = m_editor->currentCharFormat();
    m_bold->setChecked(f.fontWeight() >= QFont::Bold);
    m_italic->setChecked(f.fontItalic());
    m_underline->setChecked(f.fontUnderline() && !f.isAnchor());
    m_strike->setChecked(f.fontStrikeOut());
    const int size = std::clamp(f.intProperty(QTextFormat::FontSizeAdjustment),
                                int(RichTextSubset::Size::Small), int(RichTextSubset::Size::Huge));
    for (QAction *a : m_sizes->actions())
        a->setChecked(a->data().toInt() == size);
    const QTextList *list = cursor.currentList();
    m_bullets->setChecked(list && !isNumbered(list->format().style()));
    m_numbers->setChecked(list && isNumbered(list->format().style()));
    m_quote->setChecked(cursor.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) > 0);
    m_link->setChecked(cursor.charFormat().isAnchor() || f.isAnchor());
}

void FormatBar::changeCharFormat(const std::function<void(QTextCharFormat &)> &change)
{
    QTextCursor cursor = m_editor->textCursor();
    if (!cursor.hasSelection()) {
        QTextCharFormat f = m_editor->currentCharFormat();
        change(f);
        m_editor->setCurrentCharFormat(f);
        return;
    }
    // Fragment by fragment: a property can be removed (not only set), and
    // each piece keeps the rest of its own format. The pieces are found
    // first, as changing them merges and splits the fragments.
    const int start = cursor.selectionStart();
    const int end = cursor.selectionEnd();
    struct Piece
    {
        int from;
        int to;
        QTextCharFormat format;
    };
    std::vector<Piece> pieces;
    for (QTextBlock block = m_editor->document()->findBlock(start);
         block.isValid() && block.position() < end; block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const int from = std::max(start, f.position());
            const int to = std::min(end, f.position() + f.length());
            if (from < to)
                pieces.push_back({from, to, f.charFormat()});
        }
    }
    cursor.beginEditBlock();
    QTextCursor piece(m_editor->document());
    for (Piece &p : pieces) {
        change(p.format);
        piece.setPosition(p.from);
        piece.setPosition(p.to, QTextCursor::KeepAnchor);
        piece.setCharFormat(p.format);
    }
    cursor.endEditBlock();
    followCursor();
}

void FormatBar::setBold(bool on)
{
    m_editor->setFontWeight(on ? QFont::Bold : QFont::Normal);
}

void FormatBar::setSize(int adjustment)
{
    changeCharFormat([adjustment](QTextCharFormat &f) {
        if (adjustment == 0)
            f.clearProperty(QTextFormat::FontSizeAdjustment);
        else
            f.setProperty(QTextFormat::FontSizeAdjustment, adjustment);
    });
}

void FormatBar::stepSize(int step)
{
    const int now = m_editor->currentCharFormat().intProperty(QTextFormat::FontSizeAdjustment);
    setSize(
        std::clamp(now + step, int(RichTextSubset::Size::Small), int(RichTextSubset::Size::Huge)));
}

void FormatBar::setColour(const QColor &colour)
{
    changeCharFormat([colour](QTextCharFormat &f) {
        if (f.isAnchor())
            return; // links keep the link colour
        if (colour.isValid())
            f.setForeground(colour);
        else
            f.clearForeground();
    });
}

void FormatBar::toggleList(bool numbered)
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    if (QTextList *list = cursor.currentList()) {
        if (isNumbered(list->format().style()) == numbered) {
            // Off again: the items become paragraphs.
            const int start = cursor.selectionStart();
            const int end = cursor.selectionEnd();
            QTextBlock block = m_editor->document()->findBlock(start);
            while (block.isValid() && block.position() <= end) {
                if (QTextList *l = block.textList()) {
                    l->remove(block);
                    QTextCursor c(block);
                    QTextBlockFormat bf = block.blockFormat();
                    bf.setIndent(0);
                    c.setBlockFormat(bf);
                }
                block = block.next();
            }
        } else {
            QTextListFormat f = list->format();
            f.setStyle(numbered ? QTextListFormat::ListDecimal : bulletFor(f.indent()));
            list->setFormat(f);
        }
    } else {
        QTextListFormat f;
        f.setIndent(cursor.blockFormat().indent() + 1);
        f.setStyle(numbered ? QTextListFormat::ListDecimal : bulletFor(f.indent()));
        QTextBlockFormat bf = cursor.blockFormat();
        bf.setIndent(0);
        cursor.setBlockFormat(bf);
        cursor.createList(f);
    }
    cursor.endEditBlock();
    followCursor();
}

void FormatBar::indent()
{
    changeLevel(+1);
}

void FormatBar::outdent()
{
    changeLevel(-1);
}

void FormatBar::changeLevel(int step)
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    QTextList *list = cursor.currentList();
    const int level = list ? list->format().indent() + step : 0;
    if (!list) {
        QTextBlockFormat bf = cursor.blockFormat();
        bf.setIndent(std::max(0, bf.indent() + step));
        cursor.setBlockFormat(bf);
    } else if (level < 1) { // out of the list: a paragraph again
        list->remove(cursor.block());
        QTextBlockFormat bf = cursor.blockFormat();
        bf.setIndent(0);
        cursor.setBlockFormat(bf);
    } else if (QTextList *join = listAbove(cursor.block(), level)) {
        join->add(cursor.block());
    } else {
        QTextListFormat f = list->format();
        f.setIndent(level);
        if (!isNumbered(f.style()))
            f.setStyle(bulletFor(level));
        cursor.createList(f);
    }
    cursor.endEditBlock();
    followCursor();
}

void FormatBar::toggleQuote()
{
    QTextCursor cursor = m_editor->textCursor();
    const bool quoted = cursor.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) > 0;
    QTextBlockFormat bf;
    bf.setProperty(QTextFormat::BlockQuoteLevel, quoted ? 0 : 1);
    // Shown as Qt shows a quote it reads from HTML: set in on both sides.
    bf.setLeftMargin(quoted ? 0 : indentWidth);
    bf.setRightMargin(quoted ? 0 : indentWidth);
    cursor.mergeBlockFormat(bf);
    followCursor();
}

void FormatBar::editLink()
{
    QTextCursor cursor = linkAround(m_editor->textCursor());
    const bool existing = cursor.charFormat().isAnchor()
        || (cursor.hasSelection() && cursor.selection().toHtml().contains(QLatin1String("<a ")));
    QString href;
    if (cursor.hasSelection()) {
        QTextCursor first(m_editor->document());
        first.setPosition(cursor.selectionStart() + 1);
        href = first.charFormat().anchorHref();
    }
    LinkDialog dialog(cursor.selectedText().replace(QChar::ParagraphSeparator, u' '), href,
                      existing, window());
    dialog.exec();
    followCursor();
    if (dialog.outcome() == LinkDialog::Outcome::Cancelled)
        return;
    m_editor->setTextCursor(cursor);
    if (dialog.outcome() == LinkDialog::Outcome::Removed) {
        changeCharFormat([](QTextCharFormat &f) {
            f.setAnchor(false);
            f.clearProperty(QTextFormat::AnchorHref);
            f.clearForeground();
            f.setFontUnderline(false);
        });
    } else {
        QTextCharFormat link = cursor.charFormat();
        link.setAnchor(true);
        link.setAnchorHref(dialog.url().toString(QUrl::FullyEncoded));
        link.setFontUnderline(true);
        link.setForeground(m_editor->palette().link());
        cursor.insertText(dialog.text(), link);
        m_editor->setTextCursor(cursor);
    }
    // What is typed after the link is not part of it.
    QTextCharFormat after = m_editor->currentCharFormat();
    after.setAnchor(false);
    after.clearProperty(QTextFormat::AnchorHref);
    after.clearForeground();
    after.setFontUnderline(false);
    QTextCursor end = m_editor->textCursor();
    end.clearSelection();
    m_editor->setTextCursor(end);
    m_editor->setCurrentCharFormat(after);
    m_editor->setFocus();
    followCursor();
}

void FormatBar::removeFormatting()
{
    // Text styles go, links stay (they are content, and have their own
    // Remove in the link dialog).
    changeCharFormat([](QTextCharFormat &f) {
        QTextCharFormat plain;
        if (f.isAnchor()) {
            plain.setAnchor(true);
            plain.setAnchorHref(f.anchorHref());
            plain.setFontUnderline(true);
            plain.setForeground(f.foreground());
        }
        f = plain;
    });
    followCursor();
}

} // namespace Gui
