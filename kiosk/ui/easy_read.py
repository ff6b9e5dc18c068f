"""Easy-read ("Facile à lire"): short sentences with a pictogram for each idea.

When the switch is on, :class:`EasyReadStrip` sits above every screen and says what the
screen is for and what to do, in at most ~12 common words a sentence, each beside its
pictogram (the FALC habit: one idea, one line, one picture). "Écouter" reads these
sentences first. French is the source; translators provide the others in the same
``.ts`` files as every other text (context ``EasyRead``).

A screen gets its sentences from :data:`SENTENCES` by its registry name, so feature
screens need no code of their own; a test holds every registered screen to it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.resources import pixmap
from kiosk.ui.theme import Theme

MAX_WORDS = 12
PICTO_PX = 64

SENTENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "attract": (("scan", QT_TRANSLATE_NOOP("EasyRead", "Vous avez une carte ? Touchez « Scanner ma carte ».")),
                ("join", QT_TRANSLATE_NOOP("EasyRead", "Pas encore membre ? Touchez « Devenir membre ».")),
                ("help", QT_TRANSLATE_NOOP("EasyRead", "Une question ? Touchez « Aide », en bas."))),
    "scan": (("cardnear", QT_TRANSLATE_NOOP("EasyRead", "Montrez votre carte à la caméra, tout près.")),
             ("keyboard", QT_TRANSLATE_NOOP("EasyRead", "Ou tapez le numéro écrit sur la carte."))),
    "directory": (("deals", QT_TRANSLATE_NOOP("EasyRead", "Ici, les magasins qui font des réductions.")),
                  ("food", QT_TRANSLATE_NOOP("EasyRead", "Touchez une image pour choisir."))),
    "partners": (("walk", QT_TRANSLATE_NOOP("EasyRead", "Voici les magasins, les plus proches d'abord.")),
                 ("deals", QT_TRANSLATE_NOOP("EasyRead", "Touchez un magasin pour voir la réduction."))),
    "partner": (("deals", QT_TRANSLATE_NOOP("EasyRead", "Montrez votre carte au magasin pour avoir la réduction.")),
                ("clock", QT_TRANSLATE_NOOP("EasyRead", "Les heures d'ouverture sont plus bas."))),
    "join": (("join", QT_TRANSLATE_NOOP("EasyRead", "Devenir membre, c'est gratuit.")),
             ("person", QT_TRANSLATE_NOOP("EasyRead", "Répondez aux questions, une par une.")),
             ("help", QT_TRANSLATE_NOOP("EasyRead", "Votre gardien peut aussi vous inscrire."))),
    "member": (("member", QT_TRANSLATE_NOOP("EasyRead", "Ici, c'est votre espace.")),
               ("events", QT_TRANSLATE_NOOP("EasyRead", "Vous voyez vos inscriptions, vos idées, vos demandes."))),
    "member_card": (("member", QT_TRANSLATE_NOOP("EasyRead", "Voici votre carte de membre.")),
                    ("deals", QT_TRANSLATE_NOOP("EasyRead", "Montrez-la dans les magasins du club."))),
    "member_duplicates": (("person", QT_TRANSLATE_NOOP("EasyRead", "Cette personne est peut-être déjà membre.")),
                          ("check", QT_TRANSLATE_NOOP("EasyRead", "Choisissez : même personne, ou personne différente."))),
    "staff": (("person", QT_TRANSLATE_NOOP("EasyRead", "Cet espace est pour le gardien.")),
              ("keyboard", QT_TRANSLATE_NOOP("EasyRead", "Tapez votre code secret."))),
    "staff_home": (("person", QT_TRANSLATE_NOOP("EasyRead", "Espace du gardien.")),
                   ("join", QT_TRANSLATE_NOOP("EasyRead", "Inscrivez un foyer, ou cherchez un membre."))),
    "events": (("events", QT_TRANSLATE_NOOP("EasyRead", "Voici les prochaines rencontres.")),
               ("check", QT_TRANSLATE_NOOP("EasyRead", "Touchez une rencontre pour vous inscrire."))),
    "event": (("events", QT_TRANSLATE_NOOP("EasyRead", "Voici la rencontre : le jour, l'heure, le lieu.")),
              ("check", QT_TRANSLATE_NOOP("EasyRead", "Touchez le bouton vert pour vous inscrire."))),
    "event_checkin": (("scan", QT_TRANSLATE_NOOP("EasyRead", "Le gardien scanne les cartes à l'entrée.")),),
    "ideas": (("ideas", QT_TRANSLATE_NOOP("EasyRead", "Voici les idées des voisins.")),
              ("check", QT_TRANSLATE_NOOP("EasyRead", "Vous êtes d'accord ? Touchez « Je soutiens »."))),
    "idea_new": (("ideas", QT_TRANSLATE_NOOP("EasyRead", "Donnez votre idée pour l'immeuble.")),
                 ("closed", QT_TRANSLATE_NOOP("EasyRead", "N'écrivez pas votre nom ni votre téléphone."))),
    "request_new": (("request", QT_TRANSLATE_NOOP("EasyRead", "Demandez une réparation ou une aide au bailleur.")),
                    ("callback", QT_TRANSLATE_NOOP("EasyRead", "Le bureau vous répondra."))),
    "voucher": (("deals", QT_TRANSLATE_NOOP("EasyRead", "Pas de carte ? Imprimez un bon pour un magasin.")),
                ("check", QT_TRANSLATE_NOOP("EasyRead", "Le bon marche une seule fois."))),
    "community_mine": (("events", QT_TRANSLATE_NOOP("EasyRead", "Vos inscriptions, vos idées et vos demandes.")),),
    "help": (("help", QT_TRANSLATE_NOOP("EasyRead", "Voici qui peut vous aider.")),
             ("phone", QT_TRANSLATE_NOOP("EasyRead", "Appelez le gardien, ou demandez qu'on vous rappelle."))),
    "help_callback": (("callback", QT_TRANSLATE_NOOP("EasyRead", "Le bureau peut vous rappeler.")),
                      ("phone", QT_TRANSLATE_NOOP("EasyRead", "Écrivez votre numéro de téléphone."))),
    "lending": (("services", QT_TRANSLATE_NOOP("EasyRead", "Empruntez un outil du club.")),
                ("scan", QT_TRANSLATE_NOOP("EasyRead", "Montrez votre carte pour réserver.")),
                ("clock", QT_TRANSLATE_NOOP("EasyRead", "Rendez l'outil à la date du ticket."))),
    "lending_desk": (("scan", QT_TRANSLATE_NOOP("EasyRead", "Scannez la carte, puis l'étiquette de l'outil.")),
                     ("check", QT_TRANSLATE_NOOP("EasyRead", "Pour un retour, scannez seulement l'étiquette."))),
    "exchanges": (("person", QT_TRANSLATE_NOOP("EasyRead", "Des voisins s'aident entre eux.")),
                  ("closed", QT_TRANSLATE_NOOP("EasyRead", "Votre numéro de téléphone n'est jamais affiché."))),
    "exchange_post": (("request", QT_TRANSLATE_NOOP("EasyRead", "Choisissez, puis écrivez votre annonce.")),
                      ("check", QT_TRANSLATE_NOOP("EasyRead", "Le bureau la lit avant de l'afficher."))),
    "fee_desk": (("scan", QT_TRANSLATE_NOOP("EasyRead", "Scannez la carte du membre.")),
                 ("check", QT_TRANSLATE_NOOP("EasyRead", "Encaissez en espèces : le reçu s'imprime."))),
    "time_transfer": (("clock", QT_TRANSLATE_NOOP("EasyRead", "Une heure donnée vaut une heure reçue.")),
                      ("scan", QT_TRANSLATE_NOOP("EasyRead", "Les deux voisins montrent leur carte."))),
    "time_desk": (("clock", QT_TRANSLATE_NOOP("EasyRead", "Le gardien note le temps donné entre voisins.")),
                  ("scan", QT_TRANSLATE_NOOP("EasyRead", "Scannez la carte, ou cherchez le nom."))),
}
GENERIC = (("help", QT_TRANSLATE_NOOP("EasyRead", "Besoin d'aide ? Touchez « Aide », en bas.")),)


def sentences_for(name: str) -> list[tuple[str, str]]:
    """(pictogram, translated sentence) pairs of the screen called ``name``."""
    return [(icon, QCoreApplication.translate("EasyRead", text)) for icon, text in SENTENCES.get(name, GENERIC)]


def words(sentence: str) -> int:
    return len([w for w in sentence.replace("«", " ").replace("»", " ").split() if any(c.isalnum() for c in w)])


class EasyReadStrip(QFrame):
    """The screen's easy-read sentences, one per line, each after its pictogram."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("easy_read")
        self.setProperty("role", "easyread")
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(28, 14, 28, 14)
        self._lay.setSpacing(8)
        self._name = ""
        self.lines: list[QLabel] = []

    def show_for(self, name: str, theme: Theme) -> None:
        self._name = name
        while self._lay.count():
            item = self._lay.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    w = item.layout().takeAt(0).widget()
                    if w is not None:
                        w.deleteLater()
        self.lines = []
        for icon, text in sentences_for(name):
            row = QHBoxLayout()
            row.setSpacing(20)
            pic = QLabel(self)
            pic.setPixmap(pixmap(icon, theme["text"], PICTO_PX))
            pic.setFixedSize(PICTO_PX, PICTO_PX)
            line = QLabel(text, self)
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.setWordWrap(True)
            line.setProperty("role", "easyline")
            row.addWidget(pic, 0, Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(line, 1)
            self._lay.addLayout(row)
            self.lines.append(line)

    def text(self) -> str:
        return "\n".join(line.text() for line in self.lines)
