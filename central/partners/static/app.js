// The partner page: log in, read a card or voucher with the camera (or a typed code),
// judge it here (verify.js), record the use (queued in IndexedDB with a nonce, uploaded
// exactly once: the server answers a nonce it has seen with its first answer), and show
// the shop's visits. Works offline once opened: sw.js keeps the page and the last /state.
// Text from the server is set with textContent, never as markup.

import * as store from "./store.js";
import { judge, localDay, memberDigest, normalizeCode, isCode, overLimit, savingCents, ed25519Engine } from "./verify.js";
import { t, reason, euros, monthName, dateText, language, setLanguage, translatePage } from "./i18n.js";

const $ = (id) => document.getElementById(id);
const app = { state: null, ctx: null, current: null, reading: false, online: navigator.onLine, uploading: false };

function show(...ids) {
  for (const id of ["loading", "no-data", "login", "scan", "result", "visits"]) $(id).hidden = !ids.includes(id);
}

async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    if (app.state) headers["X-CSRF-Token"] = app.state.csrf;
  }
  const r = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined,
    credentials: "same-origin", cache: "no-store" });
  const data = await r.json().catch(() => ({}));
  return { status: r.status, ok: r.ok, data, offline: r.headers.get("X-Partner-Offline") === "1" };
}

function setOnline(on) {
  app.online = on;
  const net = $("net");
  net.textContent = on ? t("online") : t("offline");
  net.className = "net " + (on ? "on" : "off");
}

// -- state ------------------------------------------------------------------------------------
// The partner, its offers, the club's keys and revoked cards: from the server, or offline
// from the copy the service worker kept. Answers "ok", "login" or "none".
async function fetchState() {
  let r;
  try {
    r = await api("/partners/api/state");
  } catch (e) {
    return app.state ? "ok" : "none";
  }
  if (r.status === 401) return "login";
  if (!r.ok) return app.state ? "ok" : "none";
  setOnline(!r.offline && navigator.onLine);
  app.state = r.data;
  app.ctx = { issuers: new Map(r.data.issuers.map((i) => [i.key_id, i.public_key])),
              revoked: new Set(r.data.revoked), today: localDay() };
  $("who").textContent = r.data.partner.name;
  document.body.dataset.stateAt = r.data.generated_at;
  document.body.dataset.stateFrom = r.offline ? "cache" : "network";   // the service worker's copy, offline
  return "ok";
}

async function boot() {
  const got = await fetchState();
  if (got === "login") return show("login");
  if (got === "none") return show("no-data");
  show("scan", "visits");
  startCamera();
  await upload();
  await refreshVisits();
}

// The network is back: fresh keys and revocations, the queue sent; the screen stays as it is.
async function reconnected() {
  setOnline(true);
  if ((await fetchState()) === "login") return show("login");
  await upload();
  await refreshVisits();
}

// -- the camera ------------------------------------------------------------------------------
const worker = new Worker("/partners/static/qr-worker.js");
let canvas = null;

async function startCamera() {
  if (app.reading) return;
  const video = $("video");
  try {
    if (!video.srcObject) {
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    }
    await video.play();
    $("camera-note").textContent = t("cameraOn");
    app.reading = true;
    requestAnimationFrame(grab);
  } catch (e) {
    $("camera-note").textContent = t("cameraOff");
  }
}

let lastGrab = 0;
let busy = false;

function grab(time) {
  if (!app.reading) return;
  const video = $("video");
  if (!busy && time - lastGrab > 150 && video.videoWidth) {   // at most ~6 frames a second
    lastGrab = time;
    const scale = Math.min(1, 960 / video.videoWidth);
    const w = Math.round(video.videoWidth * scale), h = Math.round(video.videoHeight * scale);
    canvas = canvas || document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext("2d", { willReadFrequently: true });
    g.drawImage(video, 0, 0, w, h);
    busy = true;
    const image = g.getImageData(0, 0, w, h);
    worker.postMessage({ width: w, height: h, data: image.data }, [image.data.buffer]);
  }
  requestAnimationFrame(grab);
}

worker.onmessage = (e) => {
  busy = false;
  if (e.data && app.reading) {
    app.reading = false;
    onRead(e.data);
  }
};

// -- judging ------------------------------------------------------------------------------------
const TITLES = { revoked: "revoked", expired: "expired", unknown: "unknown", altered: "altered", staff: "staff",
                 not_a_card: "not_a_card" };
const VOUCHER_TITLES = { expired: "voucherExpired", altered: "voucherAltered", unknown: "voucherUnknown" };
// The server's reasons, as titles (the detail line says the reason in words).
const SERVER_TITLES = { voucher_used: "voucherUsed", voucher_expired: "voucherExpired", voucher_unknown: "voucherUnknown",
  voucher_altered: "voucherAltered", voucher_other_partner: "voucherOther", voucher_other_offer: "voucherOther",
  card_revoked: "revoked", card_expired: "expired", card_unknown: "unknown", card_altered: "altered",
  member_unknown: "unknown", not_a_card: "not_a_card" };

// A title, and the words of what to do (the detail of that title where there is one).
function refused(key) {
  const detail = t(key + "Detail");
  return verdict(false, t(key), detail === key + "Detail" ? "" : detail);
}

const refusedByServer = (r) => refused(SERVER_TITLES[r.reason] || "unknown");

async function onRead(text) {
  app.ctx.today = localDay();
  const j = await judge(text, app.ctx);
  j.text = text;
  if (j.verdict === "valid" && j.kind === "voucher") {
    const offer = app.state.offers.find((o) => o.tag === j.offerTag);
    if (!offer) return refused("voucherOther");
    if (await store.codeUsed(j.code)) return refused("voucherUsed");
    j.offer = offer;
  }
  if (j.verdict !== "valid") return refused((j.kind === "voucher" ? VOUCHER_TITLES : TITLES)[j.verdict] || "not_a_card");
  await accept(j);
}

async function onCode(raw) {
  const code = normalizeCode(raw);
  if (!isCode(code)) return refused("codeInvalid");
  if (!app.online) return verdict(false, t("codeOffline"), "");
  const r = await serverCheck(code);
  if (!r) return verdict(false, t("codeOffline"), "");
  if (r.verdict !== "valid") return refusedByServer(r);
  const offerId = Object.keys(r.offers).find((id) => r.offers[id]) || Object.keys(r.offers)[0];
  await accept({ kind: "voucher", code, text: code, member: null, offer: app.state.offers.find((o) => o.id === offerId),
                 server: r });
}

async function serverCheck(credential) {
  try {
    const r = await api("/partners/api/check", { method: "POST", body: { credential } });
    if (r.offline || !r.ok) return null;
    return r.data;
  } catch (e) {
    return null;
  }
}

// A valid card or voucher: the verdict, the first name when the server can say it, the offers.
async function accept(j) {
  app.current = j;
  const server = j.server || (app.online ? await serverCheck(j.text) : null);
  j.server = server;
  if (server && server.verdict !== "valid") return refusedByServer(server);
  const name = server ? server.first_name : "";
  const title = j.kind === "voucher" ? (name ? t("voucherValidName", { name }) : t("voucherValid"))
                                     : (name ? t("validName", { name }) : t("valid"));
  let detail = server ? "" : t("validOffline");
  if (j.kind === "voucher" && j.offer) {   // a typed code: the server knows its expiry, the page does not
    detail = j.expires ? t("voucherFor", { offer: j.offer.text, date: dateText(j.expires) })
                       : t("voucherForOffer", { offer: j.offer.text });
  }
  verdict(true, title, detail);
  j.digest = j.member ? await memberDigest(app.state.partner.id, j.member) : null;
  await showOffers(j);
}

function verdict(ok, title, detail) {
  $("verdict").className = "verdict " + (ok ? "ok" : "no");
  $("mark").textContent = ok ? "✓" : "✗";
  $("verdict-text").textContent = title;
  $("verdict-detail").textContent = detail;
  $("redeem-form").hidden = true;
  $("done").hidden = true;
  $("redeem-error").hidden = true;
  show("result", "visits");
  $("next").focus();
}

async function showOffers(j) {
  const box = $("offers");
  box.replaceChildren();
  const offers = j.kind === "voucher" ? [j.offer] : app.state.offers;
  let first = null;
  for (const o of offers) {
    const days = j.digest ? await store.daysOf(j.digest, o.id) : [];
    const blocked = overLimit(o, app.ctx.today, days) || (j.server && j.server.offers && j.server.offers[o.id] === false);
    const label = document.createElement("label");
    label.className = "offer" + (blocked ? " blocked" : "");
    const input = document.createElement("input");
    Object.assign(input, { type: "radio", name: "offer", value: o.id, disabled: blocked });
    const text = document.createElement("span");
    text.textContent = o.text;
    label.append(input, text);
    if (blocked) {
      const why = document.createElement("small");
      why.textContent = t("limit" + o.limit_period[0].toUpperCase() + o.limit_period.slice(1));
      label.append(why);
    }
    box.append(label);
    if (!blocked && !first) first = input;
  }
  if (first) first.checked = true;
  $("redeem").disabled = !first;
  $("redeem-form").hidden = false;
  onOfferChange();
}

function chosenOffer() {
  const input = document.querySelector("input[name=offer]:checked");
  return input ? app.state.offers.find((o) => o.id === input.value) : null;
}

function amountCents() {
  const raw = $("amount").value.trim().replace(",", ".");
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(raw)) return null;
  return Math.round(Number(raw) * 100);
}

function onOfferChange() {
  const offer = chosenOffer();
  const percent = offer && offer.kind === "percent";
  $("amount-row").hidden = !percent;
  const cents = percent ? amountCents() : null;
  const saving = offer ? savingCents(offer, cents) : 0;
  $("saving").textContent = offer && (saving || !percent) ? t("savingEstimate", { amount: euros(saving) }) : "";
}

// -- recording ----------------------------------------------------------------------------------
async function redeem(ev) {
  ev.preventDefault();
  const j = app.current, offer = chosenOffer();
  if (!j || !offer) return;
  const cents = offer.kind === "percent" ? amountCents() : null;
  if (offer.kind === "percent" && !cents) {
    $("redeem-error").textContent = t("amountNeeded");
    $("redeem-error").hidden = false;
    return;
  }
  const nonce = crypto.randomUUID();
  const at = new Date().toISOString();
  const item = { nonce, offer_id: offer.id, credential: j.text, amount_cents: cents, at,
                 partner_id: app.state.partner.id };
  await store.recordUse(item, { nonce, offer_id: offer.id, day: localDay(), member: j.digest || "",
                                code: j.kind === "voucher" ? j.code : "" });
  $("redeem-form").hidden = true;
  const answered = await upload();
  const answer = answered.find((a) => a.nonce === nonce);
  const done = $("done");
  if (!answer) done.textContent = t("savedOffline");
  else if (answer.status === "accepted") done.textContent = t("savedOnline", { amount: euros(answer.saving_cents) });
  else done.textContent = t("refusedNow", { reason: reason(answer.reason) });
  done.className = "done " + (answer && answer.status !== "accepted" ? "no" : "ok");
  done.hidden = false;
  await refreshVisits();
}

// Send what the queue holds; every answer settles its item. A lost answer leaves the item
// queued: sent again, its nonce gets the first answer back, so it counts once.
async function upload() {
  if (!app.state) return [];
  if (app.uploading) {
    // a reconnection while a sending is still in flight (its answer may be lost): send
    // again once it is over, or the queue would wait for the next reconnection
    app.uploadAgain = true;
    return [];
  }
  // only this partner's: a phone shared by two shops sends each one's uses with its own session
  const items = (await store.queued()).filter((i) => i.partner_id === app.state.partner.id);
  if (!items.length) return [];
  app.uploading = true;
  try {
    const body = { items: items.slice(0, 100).map(({ partner_id, ...rest }) => rest) };
    const r = await api("/partners/api/redemptions", { method: "POST", body });
    if (r.status === 401) {
      show("login");
      return [];
    }
    if (!r.ok || r.offline) return [];
    setOnline(true);
    for (const answer of r.data.results) await store.settle(answer);
    return r.data.results;
  } catch (e) {
    setOnline(false);
    return [];
  } finally {
    app.uploading = false;
    if (app.uploadAgain) {
      app.uploadAgain = false;
      setTimeout(() => upload().then(refreshVisits), 0);
    }
  }
}

async function refreshVisits() {
  const waiting = (await store.queued()).filter((i) => i.partner_id === app.state.partner.id);
  $("pending").textContent = waiting.length ? t("pending", { count: waiting.length }) : t("noPending");
  $("pending").className = "pending" + (waiting.length ? " waiting" : "");
  let data = null;
  try {
    const r = await api("/partners/api/redemptions");
    if (r.ok) data = r.data;
  } catch (e) { /* offline: the last copy the service worker kept, or nothing */ }
  const rows = $("months");
  rows.replaceChildren();
  for (const m of (data ? data.months : []).slice(0, 6)) {
    const tr = document.createElement("tr");
    for (const v of [monthName(m.month), String(m.uses), euros(m.saving_cents)]) {
      const td = document.createElement("td");
      td.textContent = v;
      tr.append(td);
    }
    rows.append(tr);
  }
  const list = $("latest");
  list.replaceChildren();
  const offers = new Map(app.state.offers.map((o) => [o.id, o.text]));
  const lines = waiting.map((w) => ({ day: w.at.slice(0, 10), offer_id: w.offer_id, status: "waiting", reason: "" }))
    .concat(data ? data.latest.slice(0, 10) : []);
  for (const x of lines) {
    const li = document.createElement("li");
    li.className = x.status;
    const what = x.status === "accepted" ? t("accepted") + " · " + euros(x.saving_cents)
               : x.status === "waiting" ? t("waiting") : reason(x.reason);
    li.textContent = `${dateText(x.day)} — ${offers.get(x.offer_id) || "—"} — ${what}`;
    list.append(li);
  }
}

// -- wiring -------------------------------------------------------------------------------------
function next() {
  app.current = null;
  $("code").value = "";
  show("scan", "visits");
  startCamera();
}

async function login(ev) {
  ev.preventDefault();
  const f = new FormData($("login-form"));
  const err = $("login-error");
  err.hidden = true;
  try {
    const r = await api("/partners/api/login", { method: "POST",
      body: { username: f.get("username"), password: f.get("password") } });
    if (r.ok) {
      $("login-form").reset();
      return boot();
    }
    err.textContent = r.status === 429 ? t("locked", { minutes: Math.ceil((r.data.retry_after_s || 60) / 60) })
                                       : t(r.offline ? "loginOffline" : "badLogin");
  } catch (e) {
    err.textContent = t("loginOffline");
  }
  err.hidden = false;
}

async function logout() {
  await api("/partners/api/logout", { method: "POST", body: {} }).catch(() => null);
  app.state = null;
  // the shop's copies go with the session (uses still queued stay, and go with its next login)
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const path of ["/partners/api/state", "/partners/api/redemptions"]) await cache.delete(path);
  }
  show("login");
}

function wire() {
  translatePage();
  setOnline(navigator.onLine);
  $("lang").textContent = language() === "fr" ? "EN" : "FR";
  $("lang").setAttribute("aria-label", language() === "fr" ? "English" : "Français");
  $("lang").onclick = () => {
    setLanguage(language() === "fr" ? "en" : "fr");
    wire();
    if (app.state) refreshVisits();
  };
  $("login-form").onsubmit = login;
  $("code-form").onsubmit = (ev) => { ev.preventDefault(); app.reading = false; onCode($("code").value); };
  $("redeem-form").onsubmit = redeem;
  $("redeem-form").onchange = onOfferChange;
  $("amount").oninput = onOfferChange;
  $("next").onclick = next;
  $("logout").onclick = logout;
}

window.addEventListener("online", reconnected);
window.addEventListener("offline", () => setOnline(false));
setInterval(() => { if (navigator.onLine) upload().then(refreshVisits); }, 60000);

wire();
if ("serviceWorker" in navigator) navigator.serviceWorker.register("/partners/sw.js", { scope: "/partners/" });
ed25519Engine().then((e) => { document.body.dataset.ed25519 = e; });
store.prune(localDay()).catch(() => null);
boot();
