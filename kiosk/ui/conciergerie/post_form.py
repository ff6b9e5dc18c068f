"""Post an offer or a request ("Publier une annonce"): the kind (big buttons), the category
(tiles with their pictograms), a short text typed on the on-screen keyboard, sent through
``ConciergerieService.post`` (mutation ``post_exchange``). The member is the one who
showed their card on the exchanges board (``member_id``); opened without one, the screen
asks for the card (or the safe lookup) first.

The text follows the rules the server checks (:func:`kiosk.domain.exchanges.exchange_text_problems`:
length limits of :mod:`kiosk.domain.community`, no phone number or e-mail): the screen
checks it before sending, with the message in the member's language. After posting, the
screen says the post waits for the office and shows in "Mon espace". Words of this
screen are in the ``ExchangePostScreen`` context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QGridLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.community import TEXT_MAX, TEXT_MIN, clean_text
from kiosk.domain.errors import FieldError
from kiosk.domain.exchanges import PICTOGRAMS, ExchangeCategory, ExchangeKind, exchange_text_problems
from kiosk.tasks import Op
from kiosk.ui.community.identify import IdentifyPanel
from kiosk.ui.conciergerie import texts
from kiosk.ui.screen import Screen, UiContext, scrolling
from kiosk.ui.widgets.forms import ButtonChoice, Field, action_button, label
from kiosk.ui.widgets.tiles import TileButton

FORM, IDENTIFY, DONE = 0, 1, 2
CONTEXT = "ExchangePostScreen"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def publish_label() -> str:
    """The exchanges board's button that opens this form."""
    return _t("Publier une annonce")


def field_message(err: FieldError) -> str:
    """One problem of the form, in the member's language."""
    if err.code == "community.text_too_short" and err.params.get("empty"):
        return _t("Écrivez en quelques mots ce que vous proposez ou cherchez.")
    return {"exchange.kind_required": _t("Choisissez « Je propose » ou « Je cherche »."),
            "exchange.category_required": _t("Choisissez une rubrique."),
            "community.text_too_short": _t("Le texte est trop court : {min} caractères au moins.")
            .format(min=err.params.get("min", TEXT_MIN)),
            "community.text_too_long": _t("Le texte est trop long : {max} caractères au plus (il en a {n}).")
            .format(max=err.params.get("max", TEXT_MAX), n=err.params.get("n", "")),
            "community.personal_details": _t("Pas de numéro de téléphone ni d'adresse e-mail dans le texte : "
                                             "il est affiché dans le hall."),
            }.get(err.code, _t("Ce texte ne peut pas être publié. Reformulez-le, ou demandez au gardien."))


def form_problems(kind: str, category: str, text: str) -> list[FieldError]:
    """What the service would refuse, checked before sending (same rules, same codes)."""
    errors: list[FieldError] = []
    if kind not in {k.value for k in ExchangeKind}:
        errors.append(FieldError("kind", "exchange.kind_required"))
    if category not in {c.value for c in ExchangeCategory}:
        errors.append(FieldError("category", "exchange.category_required"))
    cleaned = clean_text(text)
    for err in exchange_text_problems(cleaned):
        params = dict(err.params)
        if err.code == "community.text_too_short" and not cleaned:
            params["empty"] = True
        if err.code == "community.text_too_long":
            params["n"] = len(cleaned)
        errors.append(FieldError(err.field, err.code, params))
    return errors


class ExchangePostScreen(Screen):
    name = "exchange_post"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, member_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member_id = member_id
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_form())
        # the card step only when no member came with the screen: its minimum height would
        # otherwise be the form's, too tall above the keyboard in landscape
        self.identify: IdentifyPanel | None = None
        if not member_id:
            self.identify = IdentifyPanel(ctx)
            self.identify.identified.connect(self._on_identify_identified)
        self.pages.addWidget(self.identify or QWidget())
        self.pages.addWidget(self._build_done())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.addWidget(self.pages)
        self.pages.setCurrentIndex(FORM if member_id else IDENTIFY)
        self.retranslate()
        self.restyle()

    def _build_form(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.kind_caption = label(role="title")
        self.kind = ButtonChoice("exchange_kind", 2)
        self.kind.set_items([(k.value, texts.kind(k.value)) for k in ExchangeKind])
        self.kind_error = label(role="closed")
        self.kind_error.setObjectName("error_exchange_kind")
        self.kind_error.hide()
        self.category_caption = label(role="title")
        self.tiles: dict[ExchangeCategory, TileButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._grid = QGridLayout()
        self._grid.setSpacing(10)
        self._columns = 0
        for cat in ExchangeCategory:
            tile = TileButton(PICTOGRAMS[cat], vertical=False, icon_px=40)
            tile.setObjectName(f"exchange_post_category_{cat.value}")
            tile.setCheckable(True)
            self._group.addButton(tile)
            self.tiles[cat] = tile
        self._relayout(2)
        self.category_error = label(role="closed")
        self.category_error.setObjectName("error_exchange_category")
        self.category_error.hide()
        # the editor takes more than the rule allows, so a long text gets the rule's message
        # instead of being cut without a word
        self.text = Field("exchange_text", max_length=2 * TEXT_MAX)
        self.hint = label(role="muted")
        self.hint.setObjectName("exchange_post_hint")
        self.send = action_button(name="exchange_post_send")
        self.send.clicked.connect(self._on_send_clicked)
        # portrait: one column; landscape: the choices, and beside them the text (so the
        # text stays in sight above the keyboard and next to its error)
        choices, writing = QWidget(), QWidget()
        cl, wl = QVBoxLayout(choices), QVBoxLayout(writing)
        for col in (cl, wl):
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(12)
        for w in (self.kind_caption, self.kind, self.kind_error, self.category_caption):
            cl.addWidget(w)
        cl.addLayout(self._grid)
        cl.addWidget(self.category_error)
        wl.addWidget(self.text)
        wl.addWidget(self.hint)
        wl.addStretch(1)
        inner = QWidget()
        self._columns_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, inner)
        self._columns_box.setContentsMargins(0, 0, 0, 0)
        self._columns_box.setSpacing(24)
        self._columns_box.addWidget(choices, 3)
        self._columns_box.addWidget(writing, 2)
        self._columns_box.addStretch(0)
        self.scroll = scrolling(inner)
        # the keyboard makes the page shorter after the field asked to be shown: show it again
        self.scroll.viewport().installEventFilter(self)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.send)      # always in reach, above the keyboard
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.done = label(role="title")
        self.done.setObjectName("exchange_post_done")
        self.again = action_button(name="exchange_post_board")
        self.again.clicked.connect(lambda: self.ctx.navigator.back())
        lay.addWidget(self.done)
        lay.addWidget(self.again)
        lay.addStretch(1)
        return page

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        wide = self.width() >= 1300
        self._columns_box.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
        self._relayout(3 if wide else 2)
        super().resizeEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Resize and self._typing():
            QTimer.singleShot(0, self._reveal_text)     # once the page has its new height
        return super().eventFilter(obj, event)

    def _reveal_text(self) -> None:
        if self._typing():
            self.scroll.ensureWidgetVisible(self.text, 20, 40)

    def _typing(self) -> bool:
        """The on-screen keyboard is open for the text (the focus may lag behind it)."""
        kb = getattr(self.ctx.navigator, "keyboard", None)
        return self.text.edit.hasFocus() or (kb is not None and kb.isVisible() and kb.target() is self.text.edit)

    def _relayout(self, columns: int) -> None:
        """Two columns of category tiles in portrait, three in landscape (beside the text)."""
        if columns == self._columns:
            return
        self._columns = columns
        for i, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, i // columns, i % columns)
        for c in range(3):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)

    def restyle(self) -> None:
        t = self.theme
        for tile in self.tiles.values():
            tile.set_colour(t["primary"] if t.name == "calm" else t["text"])
            line = max(lab.fontMetrics().lineSpacing() for lab in tile.findChildren(QLabel))
            tile.setMinimumHeight(2 * line + 40)      # a two-line category name fits

    def entered(self) -> None:
        self.restyle()

    def title(self) -> str:
        return publish_label()

    def retranslate(self) -> None:
        self.kind_caption.setText(_t("Vous…"))
        for k in ExchangeKind:
            self.kind.set_text(k.value, texts.kind(k.value))
        self.category_caption.setText(_t("Rubrique"))
        for cat, tile in self.tiles.items():
            tile.set_label(texts.category(cat.value))
        self.text.set_caption(_t("Votre annonce, en quelques mots ({max} caractères au plus)").format(max=TEXT_MAX))
        self.hint.setText("⚠ " + _t("Pas de numéro de téléphone ni d'adresse e-mail : l'annonce est affichée "
                                    "dans le hall. Les voisins intéressés vous contactent par votre espace."))
        self.send.setText(_t("Publier"))
        self.done.setText(_t("C'est envoyé. Votre annonce attend la relecture du bureau avant d'être "
                             "affichée. En attendant, vous la voyez dans « Mon espace », rubrique "
                             "« Mes annonces »."))
        self.again.setText(_t("Retour aux annonces"))

    # -- slots ---------------------------------------------------------------------------------
    def _on_identify_identified(self, person) -> None:  # noqa: ANN001
        self.member_id = person.member_id
        self.pages.setCurrentIndex(FORM)

    def _category(self) -> str:
        return next((c.value for c, tile in self.tiles.items() if tile.isChecked()), "")

    def _on_send_clicked(self) -> None:
        kind, category, text, member = self.kind.current(), self._category(), self.text.text(), self.member_id
        errors = form_problems(kind, category, text)
        self._show_errors(errors)
        if errors:
            return
        Op(self, lambda s: s.conciergerie.post(member, kind, category, text)) \
            .success(self._on_posted).failure(self._on_refused).run()

    def _show_errors(self, errors: list[FieldError]) -> None:
        by_field: dict[str, str] = {}
        for err in errors:
            by_field.setdefault(err.field, field_message(err))
        for field, lab in (("kind", self.kind_error), ("category", self.category_error)):
            lab.setText("⚠ " + by_field.get(field, ""))
            lab.setVisible(field in by_field)
        self.text.set_error(by_field.get("text", ""))
        first = next((w for f, w in (("kind", self.kind_error), ("category", self.category_error),
                                     ("text", self.text)) if f in by_field), None)
        if first is not None:
            self.scroll.ensureWidgetVisible(first, 20, 40)

    def _on_posted(self, _exchange) -> None:  # noqa: ANN001
        self.ctx.navigator.keyboard_controller.close()
        self.pages.setCurrentIndex(DONE)

    def _on_refused(self, exc: BaseException) -> None:
        errors = getattr(exc, "errors", None)
        if errors:
            self._show_errors(list(errors))
        else:
            self.text.set_error(texts.refusal(exc))
