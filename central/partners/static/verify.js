// Judging a card or a voucher in the browser, offline: the same layouts and the same
// order of verdicts as kiosk/domain/cards.py and kiosk/domain/vouchers.py (their test
// vectors check this file: tests/partners/test_partner_browser.py).
//
// Card  "CK1:"  + base32(role 1, holder 16, serial 4, key id 4, issued 2, expires 2 | Ed25519 64)
// Voucher "CKV1:" + base32(code 10, key id 4, member 16, offer tag 8, issued 2, expires 2 | Ed25519 64),
//         the signature over "CKV1" + the 42 bytes of claims.
// Days count from 2020-01-01. Ed25519 comes from WebCrypto where the browser has it, else
// from the bundled @noble/ed25519 (strict RFC 8032, like the kiosk's `cryptography`).

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const EPOCH_MS = Date.UTC(2020, 0, 1);
export const CARD_PREFIX = "CK1:";
export const VOUCHER_PREFIX = "CKV1:";
const CARD = { claims: 29, body: 149 };
const VOUCHER = { claims: 42, body: 170 };
const TAG = new TextEncoder().encode("CKV1");

export function b32decode(text) {
  const out = [];
  let bits = 0, value = 0;
  for (const ch of text) {
    const v = B32.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return new Uint8Array(out);
}

export function b32encode(bytes) {
  let out = "", bits = 0, value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
export const unhex = (s) => new Uint8Array(s.match(/../g).map((h) => parseInt(h, 16)));

function uuidOf(b) {
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function day(n) {
  return new Date(EPOCH_MS + n * 86400000).toISOString().slice(0, 10);
}

// The decoded bytes of a canonical body of `len` characters, else null (a text with the
// last character's spare bits set is not one we printed).
function body(text, prefix, len) {
  const b = text.slice(prefix.length);
  if (b.length !== len) return null;
  const raw = b32decode(b);
  if (raw === null || b32encode(raw) !== b) return null;
  return raw;
}

// -- Ed25519 ------------------------------------------------------------------------------
let engine = null;   // "webcrypto" | "noble"
let noble = null;

async function webCryptoHasEd25519() {
  try {
    // RFC 8032's first test key: a real point, so only a browser without Ed25519 refuses it
    const key = await crypto.subtle.importKey("raw",
      unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"), { name: "Ed25519" }, false,
      ["verify"]);
    return !!key;
  } catch (e) {
    return false;
  }
}

export async function ed25519Engine() {
  if (engine === null) {
    engine = (await webCryptoHasEd25519()) ? "webcrypto" : "noble";
    if (engine === "noble") noble = await import("./vendor/noble-ed25519.js");
  }
  return engine;
}

const keyCache = new Map();

async function ed25519Verify(publicHex, signature, message) {
  if ((await ed25519Engine()) === "noble") {
    try {
      return await noble.verifyAsync(signature, message, unhex(publicHex), { zip215: false });
    } catch (e) {
      return false;
    }
  }
  let key = keyCache.get(publicHex);
  if (!key) {
    key = await crypto.subtle.importKey("raw", unhex(publicHex), { name: "Ed25519" }, false, ["verify"]);
    keyCache.set(publicHex, key);
  }
  return crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
}

// -- verdicts -----------------------------------------------------------------------------
// ctx: { issuers: Map(keyIdHex -> publicKeyHex), revoked: Set("keyid:serial"), today: "YYYY-MM-DD" }
// Answers { kind: "card" | "voucher", verdict, ... }; verdict is one of
// valid, revoked, expired, unknown, altered, staff (a caretaker's badge), not_a_card.
export async function judge(text, ctx) {
  text = (text || "").trim();
  if (text.startsWith(VOUCHER_PREFIX)) return judgeVoucher(text, ctx);
  if (!text.startsWith(CARD_PREFIX)) return { kind: "card", verdict: "not_a_card" };
  const raw = body(text, CARD_PREFIX, CARD.body);
  if (raw === null || raw.length !== CARD.claims + 64) return { kind: "card", verdict: "altered" };
  const claims = raw.slice(0, CARD.claims);
  const dv = new DataView(claims.buffer, claims.byteOffset, claims.byteLength);
  const role = claims[0];
  const card = {
    kind: "card", role, holder: uuidOf(claims.slice(1, 17)), serial: dv.getUint32(17),
    keyId: hex(claims.slice(21, 25)), issued: day(dv.getUint16(25)), expires: day(dv.getUint16(27)),
  };
  if (role > 1 || card.expires < card.issued) return { kind: "card", verdict: "altered" };
  const pub = ctx.issuers.get(card.keyId);
  if (!pub) return { ...card, verdict: "unknown" };
  if (!(await ed25519Verify(pub, raw.slice(CARD.claims), claims))) return { ...card, verdict: "altered" };
  if (ctx.revoked.has(`${card.keyId}:${card.serial}`)) return { ...card, verdict: "revoked" };
  if (card.expires < ctx.today) return { ...card, verdict: "expired" };
  if (role !== 0) return { ...card, verdict: "staff" };
  return { ...card, member: card.holder, verdict: "valid" };
}

async function judgeVoucher(text, ctx) {
  const raw = body(text, VOUCHER_PREFIX, VOUCHER.body);
  if (raw === null || raw.length !== VOUCHER.claims + 64) return { kind: "voucher", verdict: "altered" };
  const claims = raw.slice(0, VOUCHER.claims);
  const dv = new DataView(claims.buffer, claims.byteOffset, claims.byteLength);
  const code = String.fromCharCode(...claims.slice(0, 10));
  const v = {
    kind: "voucher", code, keyId: hex(claims.slice(10, 14)), member: uuidOf(claims.slice(14, 30)),
    offerTag: hex(claims.slice(30, 38)), issued: day(dv.getUint16(38)), expires: day(dv.getUint16(40)),
  };
  if (![...code].every((c) => B32.includes(c)) || v.expires < v.issued) return { kind: "voucher", verdict: "altered" };
  const pub = ctx.issuers.get(v.keyId);
  if (!pub) return { ...v, verdict: "unknown" };
  const message = new Uint8Array(TAG.length + claims.length);
  message.set(TAG);
  message.set(claims, TAG.length);
  if (!(await ed25519Verify(pub, raw.slice(VOUCHER.claims), message))) return { ...v, verdict: "altered" };
  if (v.expires < ctx.today) return { ...v, verdict: "expired" };
  return { ...v, verdict: "valid" };
}

// What a person typed as a voucher code: case, spaces and dashes ignored; 0, 1, 8 read as O, I, B.
export function normalizeCode(text) {
  return (text || "").toUpperCase().replace(/[\s.\-]/g, "").replace(/0/g, "O").replace(/1/g, "I").replace(/8/g, "B");
}

export const isCode = (code) => code.length === 10 && [...code].every((c) => B32.includes(c));

// -- savings and limits (kiosk/domain/savings.py) -------------------------------------------
export function savingCents(offer, amountCents) {
  if (offer.kind === "percent") {
    if (!amountCents || amountCents <= 0) return 0;
    return Math.floor((Math.min(amountCents, 1000000) * offer.value + 50) / 100);
  }
  return offer.value;
}

function addDays(iso, n) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function periodOf(period, iso) {
  if (period === "day") return [iso, addDays(iso, 1)];
  if (period === "week") {
    const wd = (new Date(iso + "T00:00:00Z").getUTCDay() + 6) % 7;   // Monday = 0
    const start = addDays(iso, -wd);
    return [start, addDays(start, 7)];
  }
  if (period === "month") {
    const start = iso.slice(0, 8) + "01";
    const [y, m] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    return [start, next];
  }
  if (period === "year") return [iso.slice(0, 4) + "-01-01", `${Number(iso.slice(0, 4)) + 1}-01-01`];
  return null;
}

export function overLimit(offer, iso, earlierDays) {
  const p = periodOf(offer.limit_period, iso);
  if (p === null) return false;
  return earlierDays.filter((d) => p[0] <= d && d < p[1]).length >= offer.limit_count;
}

// The phone keeps no member id: only this digest, per partner, for its own limit checks.
export async function memberDigest(partnerId, memberId) {
  const data = new TextEncoder().encode(`${partnerId}:${memberId}`);
  return hex(new Uint8Array(await crypto.subtle.digest("SHA-256", data))).slice(0, 32);
}

// Today in the phone's calendar, as the club counts days (Europe/Paris).
export function localDay(date = new Date()) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit",
    day: "2-digit" }).format(date);
  return parts;
}
