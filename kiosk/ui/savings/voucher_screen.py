"""A voucher for a member without the card at hand ("Imprimer un bon").

Opened from "Mon espace" with the member's id: the current offers, one big button each
(partner and offer; "déjà imprimé" with its date when the member has one). A tap makes
the voucher (``SavingsService.issue_voucher``: the same one again if it exists), prints
it on the default printer and shows it large, so it can also be shown or photographed
when there is no printer. Used once, at the partner named. Without a member id the
screen says to open one's space first. Holds personal data: destroyed on leave.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.vouchers import grouped
from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.savings.voucher_print import VoucherFace, print_voucher, voucher_image
from kiosk.ui.screen import Screen, UiContext, scrolling
from kiosk.ui.widgets.forms import action_button, label

CHOOSE, SHOWN = 0, 1


class VoucherScreen(Screen):
    name = "voucher"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, member_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member_id = member_id
        self.choices: list = []
        self.loaded = False
        self.printed = None
        self.printer_ok: bool | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_choose())
        self.pages.addWidget(self._build_shown())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 20, 36, 20)
        lay.addWidget(self.pages)
        self.retranslate()
        if member_id and self.tasks.services is not None:
            Op(self, lambda s: s.savings.voucher_choices(member_id)).success(self._on_choices).run()

    def _build_choose(self) -> QWidget:
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setSpacing(14)
        self.intro = label(role="title")
        self.intro.setObjectName("voucher_intro")
        self.explain = label()
        self.list = QVBoxLayout()
        self.list.setSpacing(12)
        self.message = label(role="closed")
        self.message.setObjectName("voucher_message")
        self.message.hide()
        self.open_space = action_button(role="", name="voucher_open_space")
        self.open_space.clicked.connect(lambda: self.ctx.navigator.open("scan"))
        for w in (self.intro, self.explain, self.message):
            lay.addWidget(w)
        lay.addLayout(self.list)
        lay.addWidget(self.open_space)
        lay.addStretch(1)
        self.open_space.setVisible(not self.member_id)
        return scrolling(inner)

    def _build_shown(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(16)
        self.feedback = label(role="title")
        self.feedback.setObjectName("voucher_feedback")
        self.image = label(wrap=False)
        self.image.setObjectName("voucher_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code = label(role="fact")
        self.code.setObjectName("voucher_code")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.again = action_button(role="", name="voucher_print_again")
        self.again.clicked.connect(self._print)
        self.done = action_button(name="voucher_done")
        self.done.clicked.connect(lambda: self.ctx.navigator.back())
        bar = QHBoxLayout()
        bar.addWidget(self.again, 1)
        bar.addWidget(self.done, 1)
        lay.addWidget(self.feedback)
        lay.addWidget(self.image, 1)
        lay.addWidget(self.code)
        lay.addLayout(bar)
        return page

    # -- Screen -------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Un bon sans carte")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Choisissez le bon plan : la borne imprime un bon à montrer au commerçant."))
        self.explain.setText(self.tr("Le bon marche une seule fois, chez ce commerçant, pendant 30 jours."))
        self.open_space.setText(self.tr("Ouvrir mon espace d'abord"))
        if not self.member_id:
            self.message.setText(self.tr("Pour imprimer un bon, ouvrez d'abord votre espace : avec votre carte, "
                                         "ou avec votre prénom et votre logement."))
            self.message.show()
        self.again.setText(self.tr("Imprimer encore"))
        self.done.setText(self.tr("Terminé"))
        self._fill_choices()
        self._fill_shown()

    def _fill_choices(self) -> None:
        while self.list.count():
            w = self.list.takeAt(0).widget()
            if w is not None:
                w.setParent(None)
                w.deleteLater()
        for i, c in enumerate(self.choices):
            self.list.addWidget(self._choice_card(i, c))
        if self.member_id:   # the words for a member: none until the offers are loaded
            self.message.setText(self.tr("Aucun bon plan en cours pour l'instant."))
            self.message.setVisible(self.loaded and not self.choices)

    def _choice_card(self, i: int, c) -> QFrame:  # noqa: ANN001 - kiosk.services.savings.VoucherChoice
        """One offer: the partner, the offer's words (wrapped, they are the office's), the button."""
        frame = QFrame()
        frame.setProperty("role", "card")
        frame.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(20, 14, 20, 14)
        # the office's words keep their direction; in Arabic their lines still start on the right
        rtl = "\u200f" if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else ""
        lay.addWidget(label(rtl + formatting.isolate(c.partner.name), role="title"))
        lay.addWidget(label(rtl + formatting.isolate(c.offer.text)))
        if c.open_voucher is not None:
            lay.addWidget(label(self.tr("Bon déjà imprimé, valable jusqu'au {date}").format(
                date=formatting.long_date(date.fromisoformat(c.open_voucher.expires))), role="muted"))
        b = action_button(self.tr("Imprimer ce bon"), name=f"voucher_offer_{i}")
        b.setAccessibleName(f"{b.text()} : {c.partner.name}, {c.offer.text}")
        b.clicked.connect(lambda _=False, oid=c.offer.id: self._on_offer_clicked(oid))
        lay.addWidget(b)
        return frame

    def _fill_shown(self) -> None:
        p = self.printed
        if p is None:
            return
        if self.printer_ok is None:
            self.feedback.setText("")
        elif self.printer_ok:
            self.feedback.setText(self.tr("Votre bon s'imprime ✓ Montrez-le au commerçant."))
        else:
            self.feedback.setText(self.tr("Pas d'imprimante ici : montrez ce bon au commerçant sur votre "
                                          "téléphone (prenez-le en photo)."))
        self.code.setText(self.tr("Code : {code}").format(code=f"\u2066{grouped(p.voucher.code)}\u2069"))

    # -- actions -------------------------------------------------------------------------------
    def _on_choices(self, choices) -> None:  # noqa: ANN001
        self.choices, self.loaded = list(choices), True
        self._fill_choices()

    def _on_offer_clicked(self, offer_id: str) -> None:
        mid = self.member_id
        Op(self, lambda s: s.savings.issue_voucher(mid, offer_id)).success(self._on_issued) \
            .failure(self._on_refused).run()

    def face(self) -> VoucherFace | None:
        p = self.printed
        if p is None:
            return None
        return VoucherFace(self.ctx.config.club_name, p.partner.name, p.offer.text, p.offer.conditions, p.voucher.code,
                           p.voucher.expires, p.text)

    def _on_issued(self, printed) -> None:  # noqa: ANN001 - kiosk.services.savings.PrintedVoucher
        self.printed = printed
        face = self.face()
        assert face is not None
        self._image = voucher_image(face, 827)   # the printed page at 200 dpi
        self.pages.setCurrentIndex(SHOWN)
        self._fit_image()
        self._print()

    def _fit_image(self) -> None:
        image = getattr(self, "_image", None)
        if image is not None:   # as large as the screen leaves room for (words above, buttons below)
            height = max(300, min(self.height() - 330, 1100))
            self.image.setPixmap(QPixmap.fromImage(image.scaledToHeight(height,
                                                                        Qt.TransformationMode.SmoothTransformation)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit_image()

    def _print(self) -> None:
        face = self.face()
        if face is not None:
            self.printer_ok = print_voucher(face)
            self._fill_shown()

    def _on_refused(self, exc: BaseException) -> None:
        from kiosk.services.savings import VoucherElsewhere
        if isinstance(exc, VoucherElsewhere):
            v = exc.voucher
            self.message.setText(self.tr("Vous avez déjà un bon pour cette offre, imprimé à une autre borne, "
                                         "valable jusqu'au {date}. Son code : {code}").format(
                date=formatting.long_date(date.fromisoformat(v.expires)), code=f"\u2066{grouped(v.code)}\u2069"))
        else:
            self.message.setText(self.tr("Ce bon ne peut pas être imprimé. Voyez votre gardien."))
        self.message.show()
