// The phone's own records, in IndexedDB ("club-partner"):
//   queue  - uses recorded here and not yet answered by the server (nonce, offer, credential,
//            amount, time); kept until the server answers, whatever the network or a reload;
//   uses   - what this phone knows of past uses, for the offers' limits offline: the day,
//            the offer, a per-partner digest of the member (never the member id) and a
//            voucher's code; pruned after a year (the longest limit period);
//   answers - the server's answers to this phone's uses, to show them (last 200).

const DB = "club-partner";
let dbp = null;

function open() {
  if (dbp) return dbp;
  dbp = new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore("queue", { keyPath: "nonce" });
      const uses = db.createObjectStore("uses", { keyPath: "nonce" });
      uses.createIndex("member", "member");
      uses.createIndex("code", "code");
      db.createObjectStore("answers", { keyPath: "nonce" });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return dbp;
}

function tx(stores, mode, fn) {
  return open().then((db) => new Promise((resolve, reject) => {
    const t = db.transaction(stores, mode);
    let result;
    Promise.resolve(fn(t)).then((r) => { result = r; });
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  }));
}

const all = (req) => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});

// A use recorded here: queued for the server and remembered for the limits, in one transaction.
export function recordUse(item, use) {
  return tx(["queue", "uses"], "readwrite", (t) => {
    t.objectStore("queue").put(item);
    t.objectStore("uses").put(use);
  });
}

export const queued = () => tx(["queue"], "readonly", (t) => all(t.objectStore("queue").getAll()));

// The server answered: the item leaves the queue, its answer is kept to be shown.
export function settle(answer) {
  return tx(["queue", "answers", "uses"], "readwrite", (t) => {
    t.objectStore("queue").delete(answer.nonce);
    t.objectStore("answers").put({ ...answer, settled_at: new Date().toISOString() });
    if (answer.status !== "accepted") t.objectStore("uses").delete(answer.nonce);   // it does not count
  });
}

export const answers = () => tx(["answers"], "readonly", (t) => all(t.objectStore("answers").getAll()));

export function daysOf(member, offerId) {
  return tx(["uses"], "readonly", (t) => all(t.objectStore("uses").index("member").getAll(member)))
    .then((rows) => rows.filter((r) => r.offer_id === offerId).map((r) => r.day));
}

export function codeUsed(code) {
  return tx(["uses"], "readonly", (t) => all(t.objectStore("uses").index("code").getAll(code)))
    .then((rows) => rows.length > 0);
}

// Forget what no limit needs any more, and old answers.
export function prune(today) {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return tx(["uses", "answers"], "readwrite", async (t) => {
    for (const u of await all(t.objectStore("uses").getAll())) {
      if (u.day < yearAgo) t.objectStore("uses").delete(u.nonce);
    }
    const old = (await all(t.objectStore("answers").getAll()))
      .sort((a, b) => (a.settled_at < b.settled_at ? 1 : -1)).slice(200);
    for (const a of old) t.objectStore("answers").delete(a.nonce);
  });
}
