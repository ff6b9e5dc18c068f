"""The partner page in Debian's Chromium, with a fake camera showing cards printed by the kiosk.

Each card or voucher is printed by the kiosk's own code to PDF, rendered by pdftoppm and
played to Chromium as its camera (``--use-file-for-fake-video-capture``). The page reads
the QR with jsQR, judges the signature and the revocations in the browser, and records
uses: online, and with the network cut after the page was opened (its service worker
serves the page again on reload); an offline use is uploaded once the network is back,
and sent twice it still counts once. The browser's verdicts are also held to the
kiosk's Python rules on test vectors, with WebCrypto and with the bundled fallback.
Screenshots at 390×844 and 1440×900 go to PARTNER_SCREENSHOTS (default: a temp folder).
"""

from __future__ import annotations

import base64
import contextlib
import os
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterator

import pytest
from sqlalchemy import func, select

from central.partners.tables import redemptions
from playwright.sync_api import expect
from kiosk.domain import cards, vouchers
from kiosk.domain.cards import CardSigner, Role
from kiosk.domain.savings import DiscountKind, LimitPeriod, OfferTerms, over_limit, saving_cents
from partner_helpers import BAKERY, GIFT_OFFER, PASSWORD, member_totals
from fake_camera import pdf_to_png, y4m_of

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CROISSANT = "bakery-croissant"
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1440, "height": 900}


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("PARTNER_SCREENSHOTS", tmp_path_factory.mktemp("partner-shots")))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    assert os.path.exists(CHROMIUM), f"no Chromium at {CHROMIUM}: scripts/bootstrap --test installs it"
    with sync_api.sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def bakery_offers(club) -> None:  # noqa: ANN001
    """The bakery's second offer: a croissant, no limit (so one member can use it offline too)."""
    club.office.put("offer", {"id": CROISSANT, "partner_id": BAKERY, "text": "Un croissant offert",
                              "conditions": "", "valid_from": None, "valid_until": None})
    club.partners.set_terms(CROISSANT, "gift", 120)


@contextlib.contextmanager
def camera_showing(playwright: Any, video: Path) -> Iterator[Any]:
    """A Chromium whose camera films ``video`` (one browser per picture: the file is a flag)."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
        "--use-fake-device-for-media-stream", f"--use-file-for-fake-video-capture={video}",
        "--use-fake-ui-for-media-stream", "--no-sandbox"])
    try:
        yield browser
    finally:
        browser.close()


def open_page(browser: Any, club: Any, username: str, viewport: dict[str, int] = PHONE) -> tuple[Any, Any]:
    context = browser.new_context(viewport=viewport, locale="fr-FR", timezone_id="Europe/Paris")
    context.grant_permissions(["camera"], origin=club.url)
    page = context.new_page()
    page.goto(club.url + "/partners/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("#scan:not([hidden]), #result:not([hidden])")   # a card may be read at once
    until(page, lambda: page.evaluate("navigator.serviceWorker.controller !== null"))   # kept for offline use
    return context, page


def wait_verdict(page: Any) -> str:
    expect(page.locator("#result")).to_be_visible(timeout=15_000)
    expect(page.locator("#verdict-text")).not_to_be_empty()
    return page.inner_text("#verdict-text")


def kiosk_card_video(club: Any, enrolled: Any, folder: Path) -> Path:
    """The member's card printed by the kiosk to PDF, rendered, filmed."""
    from kiosk.ui.membership.card_print import write_card_pdf
    face = club.membership.members.card_face(enrolled.member.id, enrolled.card.text)
    stem = folder / f"card-{enrolled.card.serial}"
    png = pdf_to_png(write_card_pdf(face, stem.with_suffix(".pdf")), stem)
    return y4m_of(png, stem.with_suffix(".y4m"), width_share=0.7)


def served_by_worker_offline(page: Any) -> bool:
    """The page came from the service worker and its data from the worker's copy (no network)."""
    until(page, lambda: page.evaluate("document.body.dataset.stateFrom !== undefined"))
    return page.evaluate("navigator.serviceWorker.controller !== null && document.body.dataset.stateFrom === 'cache'")


def until(page: Any, condition: Any, tries: int = 200) -> None:
    """Wait (pumping the browser's events) until ``condition()`` holds, 10 s at most."""
    for _ in range(tries):
        if condition():
            return
        page.wait_for_timeout(50)
    raise AssertionError("condition not reached")


def test_a_kiosk_card_is_read_valid_and_a_use_recorded_offline_uploads_once(
        club, playwright, bakery_offers, shots, tmp_path: Path, qapp) -> None:  # noqa: ANN001
    nadia = club.enroll("Nadia")
    video = kiosk_card_video(club, nadia, tmp_path)
    with camera_showing(playwright, video) as browser:
        context, page = open_page(browser, club, "boulangerie")
        assert page.evaluate("document.body.dataset.ed25519") == "webcrypto"      # Debian's Chromium has it
        assert wait_verdict(page) == "Membre du Club — Nadia"
        page.fill("#amount", "24,50")
        assert page.inner_text("#saving") == "Économie pour le membre : 2,45\u00a0€"
        page.screenshot(path=str(shots / "partner-valid-390x844.png"), full_page=True)
        page.click("#redeem")
        page.wait_for_selector("#done:not([hidden])")
        assert "2,45" in page.inner_text("#done")
        assert member_totals(club, nadia.member.id) == {("measured", BAKERY): (245, 1)}

        # the network cut after the page was opened: the card is judged here, the use queued
        context.set_offline(True)
        page.click("#next")
        assert wait_verdict(page) == "Membre du Club"
        assert "prénom imprimé" in page.inner_text("#verdict-detail")
        assert page.is_disabled(f"input[value='{'demo-offer-1'}']")           # once a day: this phone knows
        page.check(f"input[value='{CROISSANT}']")
        assert not page.is_visible("#amount-row")                               # a gift: no amount to type
        page.click("#redeem")
        page.wait_for_selector("#done:not([hidden])")
        assert "sera envoyé" in page.inner_text("#done")
        page.screenshot(path=str(shots / "partner-offline-queued-390x844.png"), full_page=True)
        page.reload()                                                           # the service worker serves it
        page.wait_for_selector("#visits:not([hidden])")
        assert served_by_worker_offline(page)
        expect(page.locator("#pending")).to_contain_text("1 enregistrement")
        assert page.inner_text("#net") == "Hors ligne"

        # back online: the upload's answer is lost once, so the phone sends the same nonce again
        sent: list[str] = []

        def lose_first_answer(route: Any) -> None:
            if route.request.method != "POST":
                return route.continue_()
            sent.append(route.request.post_data or "")
            response = route.fetch()          # the server records it...
            if len(sent) == 1:
                return route.abort()          # ...but the phone never hears back
            return route.fulfill(response=response)
        page.route("**/partners/api/redemptions", lose_first_answer)
        context.set_offline(False)
        until(page, lambda: len(sent) == 1)
        expect(page.locator("#pending")).to_contain_text("1 enregistrement")
        context.set_offline(True)             # the next reconnection sends the queue again
        context.set_offline(False)
        expect(page.locator("#pending")).to_contain_text("Tout est envoyé", timeout=15_000)
        assert len(sent) == 2 and sent[0] == sent[1]                             # the same nonce, twice
        nonce = __import__("json").loads(sent[0])["items"][0]["nonce"]
        with club.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(redemptions)
                                .where(redemptions.c.nonce == nonce)).scalar_one() == 1
        assert member_totals(club, nadia.member.id) == {("measured", BAKERY): (365, 2)}   # 2,45 € + 1,20 €, once
        page.screenshot(path=str(shots / "partner-visits-390x844.png"), full_page=True)
        context.close()
        context, page = open_page(browser, club, "boulangerie", DESKTOP)
        wait_verdict(page)
        page.screenshot(path=str(shots / "partner-valid-1440x900.png"), full_page=True)
        context.close()


def test_a_card_revoked_at_the_kiosk_says_revoked_online_and_with_the_network_cut(
        club, playwright, shots, tmp_path: Path, qapp) -> None:  # noqa: ANN001
    karim = club.enroll("Karim")
    video = kiosk_card_video(club, karim, tmp_path)
    club.membership.cards.reissue(karim.member.id)       # lost card, at the kiosk
    club.sync()
    with camera_showing(playwright, video) as browser:
        context, page = open_page(browser, club, "boulangerie")
        assert wait_verdict(page) == "Carte annulée"
        assert "remplacée ou annulée" in page.inner_text("#verdict-detail")
        page.screenshot(path=str(shots / "partner-revoked-390x844.png"), full_page=True)
        context.set_offline(True)
        page.click("#next")
        assert wait_verdict(page) == "Carte annulée"
        page.reload()                                      # offline, from the service worker's copy
        assert served_by_worker_offline(page)
        assert wait_verdict(page) == "Carte annulée"
        page.screenshot(path=str(shots / "partner-revoked-offline-390x844.png"), full_page=True)
        context.close()
        context, page = open_page(browser, club, "boulangerie", DESKTOP)
        wait_verdict(page)
        page.screenshot(path=str(shots / "partner-revoked-1440x900.png"), full_page=True)
        context.close()


def test_a_voucher_printed_by_the_kiosk_is_decoded_redeemed_once_and_refused_the_second_time(
        club, playwright, shots, tmp_path: Path, qapp) -> None:  # noqa: ANN001
    from kiosk.camera.reader import decode
    from kiosk.ui.savings.voucher_print import VoucherFace, write_voucher_pdf
    import cv2
    import numpy as np
    aicha = club.enroll("Aïcha")
    printed = club.savings.issue_voucher(aicha.member.id, GIFT_OFFER)
    face = VoucherFace("Club des locataires", printed.partner.name, printed.offer.text, printed.offer.conditions,
                       printed.voucher.code, printed.voucher.expires, printed.text)
    stem = tmp_path / "voucher"
    png = pdf_to_png(write_voucher_pdf(face, stem.with_suffix(".pdf")), stem)
    assert decode(cv2.imread(str(png))) == [printed.text]            # the printed page carries the signed text
    video = y4m_of(png, stem.with_suffix(".y4m"), width_share=0.36, angle=2.0)
    with camera_showing(playwright, video) as browser:
        context, page = open_page(browser, club, "fleurs")
        assert wait_verdict(page) == "Bon valable — Aïcha"                 # before the kiosk even synced
        assert "Une rose offerte" in page.inner_text("#verdict-detail")
        assert not page.is_visible("#amount-row")
        page.screenshot(path=str(shots / "partner-voucher-390x844.png"), full_page=True)
        page.click("#redeem")
        page.wait_for_selector("#done:not([hidden])")
        assert "1,50" in page.inner_text("#done")
        page.click("#next")
        assert wait_verdict(page) == "Bon déjà utilisé"                    # this phone knows
        assert "ne sert qu'une fois" in page.inner_text("#verdict-detail")
        context.close()
        club.sync()
        other, page = open_page(browser, club, "fleurs")                   # another phone: the server says so
        assert wait_verdict(page) == "Bon déjà utilisé"
        other.close()
        # the bakery: the florist's voucher is not for it
        bakery_voucher = club.savings.issue_voucher(aicha.member.id, "demo-offer-1")
        club.sync()
        context, page = open_page(browser, club, "boulangerie")
        assert wait_verdict(page) == "Ce bon est pour un autre commerce"
        context.close()
    # Typed codes, the voucher put away: a camera still filming it read it again after
    # "Suivant" and hid the code form (the test failed so under load).
    blank = tmp_path / "nothing.png"
    cv2.imwrite(str(blank), np.full((720, 1280, 3), 235, np.uint8))
    with camera_showing(playwright, y4m_of(blank, tmp_path / "nothing.y4m")) as browser:
        other, page = open_page(browser, club, "fleurs")                   # the used code, typed in lower case
        page.fill("#code", printed.voucher.code.lower())
        page.click("#code-form button")
        assert wait_verdict(page) == "Bon déjà utilisé"
        page.screenshot(path=str(shots / "partner-voucher-used-390x844.png"), full_page=True)
        other.close()
        context, page = open_page(browser, club, "boulangerie")           # a bakery voucher's code, once synced
        page.fill("#code", " ".join(bakery_voucher.voucher.code[i:i + 4] for i in (0, 4, 8)))
        page.click("#code-form button")
        assert wait_verdict(page) == "Bon valable — Aïcha"
        assert page.inner_text("#verdict-detail") == "Bon pour : -10 % sur présentation de la carte."
        page.fill("#amount", "20")
        page.click("#redeem")
        page.wait_for_selector("#done:not([hidden])")
        assert "2 €" in page.inner_text("#done")
        context.close()
    assert member_totals(club, aicha.member.id) == {("measured", "demo-partner-2"): (150, 1),
                                                    ("measured", BAKERY): (200, 1)}


# -- the browser's verdicts against the kiosk's rules -------------------------------------------
def _vectors() -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """(context for judge(), [(text, expected verdict)]) made by kiosk/domain's own code."""
    signer, stranger = CardSigner.generate(), CardSigner.generate()
    today = date.today()
    member = uuid.uuid4()
    valid, _ = signer.issue(Role.MEMBER, member, 7, today - timedelta(days=10), 730)
    revoked, _ = signer.issue(Role.MEMBER, member, 8, today - timedelta(days=10), 730)
    expired, _ = signer.issue(Role.MEMBER, member, 9, today - timedelta(days=800), 730)
    staff, _ = signer.issue(Role.STAFF, uuid.uuid4(), 10, today, 730)
    unknown, _ = stranger.issue(Role.MEMBER, member, 11, today, 730)
    raw = bytearray(base64.b32decode(valid[4:] + "==="))
    raw[20] ^= 0x01                                                    # the serial edited, signature kept
    edited = "CK1:" + base64.b32encode(bytes(raw)).decode().rstrip("=")
    last = valid[-1]
    spare = "CK1:" + valid[4:-1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".index(last) | 1)]       # the spare bit set
    v, vtext = vouchers.issue(signer, voucher_id="v", member_id=str(member), offer_id="o", partner_id="p",
                              today=today)
    old_v, old_vtext = vouchers.issue(signer, voucher_id="w", member_id=str(member), offer_id="o", partner_id="p",
                                      today=today - timedelta(days=40))
    texts = [valid, revoked, expired, staff, unknown, edited, spare, "CK1:HELLO", "https://example.org", vtext,
             old_vtext, vtext[:-3] + ("A" if vtext[-3] != "A" else "B") + vtext[-2:]]
    keys = {signer.key_id: signer.public_key}
    rev = {(signer.key_id, 8)}

    def expected(text: str) -> str:
        if text.startswith(vouchers.PREFIX):
            return {"valid": "valid", "expired": "expired", "altered": "altered", "unknown_issuer": "unknown"}[
                vouchers.verify(text, keys=keys, today=today).verdict.value]
        r = cards.verify(text, keys=keys, today=today, is_revoked=lambda k, s: (k, s) in rev)
        if r.ok and r.claims is not None and r.claims.role is Role.STAFF:
            return "staff"
        return {"valid": "valid", "revoked": "revoked", "expired": "expired", "unknown_issuer": "unknown",
                "forged": "altered", "altered": "altered", "not_a_card": "not_a_card"}[r.verdict.value]
    ctx = {"issuers": {signer.key_id.hex(): cards.public_key_raw(signer.public_key).hex()},
           "revoked": [f"{signer.key_id.hex()}:8"], "today": today.isoformat()}
    return ctx, [(t, expected(t)) for t in texts]


JUDGE = """async ([ctx, texts]) => {
  const v = await import('/partners/static/verify.js');
  const c = {issuers: new Map(Object.entries(ctx.issuers)), revoked: new Set(ctx.revoked), today: ctx.today};
  const out = [];
  for (const t of texts) out.push((await v.judge(t, c)).verdict);
  const times = [];                         // one valid card judged 30 times (printed, not asserted)
  for (let i = 0; i < 30; i++) { const t0 = performance.now(); await v.judge(texts[0], c); times.push(performance.now() - t0); }
  times.sort((a, b) => a - b);
  return {engine: await v.ed25519Engine(), verdicts: out, median_ms: times[15]};
}"""
NO_WEBCRYPTO_ED25519 = """(() => {
  const real = crypto.subtle.importKey.bind(crypto.subtle);
  crypto.subtle.importKey = (format, key, algorithm, ...rest) =>
    (algorithm && (algorithm === 'Ed25519' || algorithm.name === 'Ed25519'))
      ? Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError')) : real(format, key, algorithm, ...rest);
})();"""


@pytest.mark.parametrize("engine", ["webcrypto", "noble"])
def test_the_browser_judges_cards_and_vouchers_as_the_kiosk_does(club, playwright, engine: str) -> None:  # noqa: ANN001
    ctx, cases = _vectors()
    assert {e for _, e in cases} == {"valid", "revoked", "expired", "staff", "unknown", "altered", "not_a_card"}
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
    try:
        page = browser.new_page()
        if engine == "noble":
            page.add_init_script(NO_WEBCRYPTO_ED25519)      # an older phone's browser
        page.goto(club.url + "/partners/static/icon.svg")
        got = page.evaluate(JUDGE, [ctx, [t for t, _ in cases]])
        assert got["engine"] == engine
        print(f"\nbrowser verdict on a card ({engine}): median {got['median_ms']:.2f} ms over 30")
        assert list(zip([t[:12] for t, _ in cases], got["verdicts"])) == \
            list(zip([t[:12] for t, _ in cases], [e for _, e in cases]))
        # savings and limits: the same arithmetic as kiosk/domain/savings.py
        offers = [OfferTerms("a", DiscountKind.PERCENT, 10), OfferTerms("b", DiscountKind.PERCENT, 15),
                  OfferTerms("c", DiscountKind.GIFT, 120), OfferTerms("d", DiscountKind.AMOUNT, 500)]
        amounts = [2450, 1999, 5, 0, 1_000_001]
        js = page.evaluate("""async ([offers, amounts]) => {
          const v = await import('/partners/static/verify.js');
          return offers.map((o) => amounts.map((a) => v.savingCents(o, a)));
        }""", [[{"kind": o.kind.value, "value": o.value} for o in offers], amounts])
        assert js == [[saving_cents(o, a) for a in amounts] for o in offers]
        day = date(2026, 3, 2)   # a Monday
        earlier = [date(2026, 2, 27), date(2026, 3, 1), date(2026, 3, 2), date(2025, 3, 2)]
        limits = [OfferTerms("x", limit_period=p, limit_count=n) for p in LimitPeriod for n in (1, 2)]
        js = page.evaluate("""async ([terms, day, earlier]) => {
          const v = await import('/partners/static/verify.js');
          return terms.map((t) => [0, 1, 2, 3, 4].map((k) => v.overLimit(t, day, earlier.slice(0, k))));
        }""", [[{"limit_period": t.limit_period.value, "limit_count": t.limit_count} for t in limits],
               day.isoformat(), [d.isoformat() for d in earlier]])
        assert js == [[over_limit(t, day, earlier[:k]) for k in range(5)] for t in limits]
    finally:
        browser.close()
