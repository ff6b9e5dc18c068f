// The partner page's words: French first, English too. Placeholders are {name}.
export const TEXTS = {
  fr: {
    title: "Espace partenaire", loading: "Chargement…", online: "En ligne", offline: "Hors ligne",
    noDataTitle: "Première ouverture",
    noData: "Ouvrez cette page une première fois avec internet : elle marchera ensuite sans réseau.",
    loginTitle: "Connexion", loginHelp: "Le compte de votre commerce vous est donné par le bureau du club.",
    username: "Identifiant", password: "Mot de passe", loginButton: "Se connecter",
    badLogin: "Identifiant ou mot de passe incorrect.", locked: "Trop d'essais : réessayez dans {minutes} min.",
    loginOffline: "Pas de réseau : la connexion demande internet.",
    scanTitle: "Vérifier une carte", scanHint: "Montrez la carte ou le bon du membre à la caméra.",
    codeLabel: "Ou tapez le code du bon", codeButton: "Vérifier",
    cameraOff: "Caméra indisponible : tapez le code du bon, ou autorisez la caméra pour cette page.",
    cameraOn: "Caméra prête",
    valid: "Membre du Club", validName: "Membre du Club — {name}",
    validOffline: "Hors ligne : comparez avec le prénom imprimé sur la carte.",
    voucherValid: "Bon valable", voucherValidName: "Bon valable — {name}",
    voucherFor: "Bon pour : {offer}. Valable jusqu'au {date}.", voucherForOffer: "Bon pour : {offer}.",
    revoked: "Carte annulée", revokedDetail: "Cette carte a été remplacée ou annulée : le membre peut en demander une nouvelle au gardien.",
    expired: "Carte expirée", expiredDetail: "Le membre peut la faire renouveler à la borne du hall.",
    unknown: "Carte inconnue", unknownDetail: "Elle ne vient pas d'une borne du club, ou ce téléphone ne la connaît pas encore : reconnectez-le à internet.",
    altered: "Carte non valable", alteredDetail: "Le code ne correspond pas à une carte signée par le club (abîmée ou modifiée).",
    staff: "Badge du personnel", staffDetail: "C'est un badge de gardien, pas une carte d'adhérent.",
    not_a_card: "Ce n'est pas une carte du Club", not_a_cardDetail: "Montrez la carte d'adhérent ou le bon imprimé à la borne.",
    voucherExpired: "Bon expiré", voucherAltered: "Bon non valable", voucherUnknown: "Bon inconnu",
    voucherUsed: "Bon déjà utilisé", voucherOther: "Ce bon est pour un autre commerce",
    voucherUsedDetail: "Un bon ne sert qu'une fois. Le membre peut montrer sa carte, ou imprimer un autre bon à la borne pour une autre offre.",
    voucherOtherDetail: "Il ne donne droit à une remise que chez le commerce imprimé dessus.",
    voucherExpiredDetail: "Le membre peut en imprimer un nouveau à la borne de son hall.",
    voucherUnknownDetail: "Vérifiez le code tapé, ou scannez le QR du bon.",
    voucherAlteredDetail: "Le code ne correspond pas à un bon signé par une borne du club.",
    codeOffline: "Pas de réseau : scannez le QR du bon (un code tapé se vérifie en ligne).",
    codeInvalid: "Ce code n'a pas la bonne forme : 10 lettres et chiffres, comme K7QM 3XRT 9P.",
    offerLegend: "Bon plan utilisé", amountLabel: "Montant de l'achat (€)", redeemButton: "Enregistrer",
    amountNeeded: "Tapez le montant de l'achat (par exemple 24,50).",
    limitDay: "déjà utilisé aujourd'hui", limitWeek: "déjà utilisé cette semaine",
    limitMonth: "déjà utilisé ce mois-ci", limitYear: "déjà utilisé cette année", limitNone: "",
    savingEstimate: "Économie pour le membre : {amount}",
    savedOnline: "Enregistré ✓ Économie pour le membre : {amount}.",
    savedOffline: "Enregistré sur ce téléphone ✓ Il sera envoyé au club dès le retour du réseau.",
    refusedNow: "Refusé par le club : {reason}",
    nextButton: "Client suivant",
    visitsTitle: "Vos passages", month: "Mois", uses: "Passages", saved: "Économies des membres",
    latestTitle: "Derniers enregistrements", pending: "{count} enregistrement(s) en attente d'envoi.",
    noPending: "Tout est envoyé au club.", logout: "Se déconnecter", accepted: "compté", waiting: "en attente",
    reasons: {
      limit_reached: "limite de l'offre atteinte pour ce membre", voucher_used: "bon déjà utilisé",
      voucher_expired: "bon expiré", voucher_unknown: "bon inconnu", voucher_altered: "bon non valable",
      voucher_other_offer: "bon pour une autre offre", voucher_other_partner: "bon pour un autre commerce",
      card_revoked: "carte annulée", card_expired: "carte expirée", card_unknown: "carte inconnue",
      card_altered: "carte non valable", not_a_card: "pas une carte du club", member_unknown: "membre inconnu ou parti",
      amount_needed: "montant de l'achat manquant", amount_invalid: "montant invalide", offer_unknown: "offre inconnue",
      nonce_taken: "déjà reçu d'un autre appareil",
    },
  },
  en: {
    title: "Partner space", loading: "Loading…", online: "Online", offline: "Offline",
    noDataTitle: "First time here",
    noData: "Open this page once with internet: it then works without a network.",
    loginTitle: "Log in", loginHelp: "The club's office gives your shop its account.",
    username: "User name", password: "Password", loginButton: "Log in",
    badLogin: "Wrong user name or password.", locked: "Too many attempts: try again in {minutes} min.",
    loginOffline: "No network: logging in needs internet.",
    scanTitle: "Check a card", scanHint: "Show the member's card or voucher to the camera.",
    codeLabel: "Or type the voucher's code", codeButton: "Check",
    cameraOff: "No camera: type the voucher's code, or allow the camera for this page.",
    cameraOn: "Camera ready",
    valid: "Club member", validName: "Club member — {name}",
    validOffline: "Offline: compare with the first name printed on the card.",
    voucherValid: "Valid voucher", voucherValidName: "Valid voucher — {name}",
    voucherFor: "Voucher for: {offer}. Valid until {date}.", voucherForOffer: "Voucher for: {offer}.",
    revoked: "Card cancelled", revokedDetail: "This card was replaced or cancelled: the member can ask the caretaker for a new one.",
    expired: "Card expired", expiredDetail: "The member can renew it at the lobby kiosk.",
    unknown: "Unknown card", unknownDetail: "It does not come from a club kiosk, or this phone does not know it yet: connect it to the internet.",
    altered: "Invalid card", alteredDetail: "The code does not match a card signed by the club (damaged or edited).",
    staff: "Staff badge", staffDetail: "This is a caretaker's badge, not a member's card.",
    not_a_card: "Not a Club card", not_a_cardDetail: "Show the member's card or the voucher printed at the kiosk.",
    voucherExpired: "Voucher expired", voucherAltered: "Invalid voucher", voucherUnknown: "Unknown voucher",
    voucherUsed: "Voucher already used", voucherOther: "This voucher is for another shop",
    voucherUsedDetail: "A voucher works once. The member can show their card, or print a voucher for another offer at the kiosk.",
    voucherOtherDetail: "It gives a discount only at the shop printed on it.",
    voucherExpiredDetail: "The member can print a new one at the kiosk in their lobby.",
    voucherUnknownDetail: "Check the code typed, or scan the voucher's QR.",
    voucherAlteredDetail: "The code does not match a voucher signed by a club kiosk.",
    codeOffline: "No network: scan the voucher's QR (a typed code is checked online).",
    codeInvalid: "This code does not look right: 10 letters and digits, like K7QM 3XRT 9P.",
    offerLegend: "Offer used", amountLabel: "Purchase amount (€)", redeemButton: "Record",
    amountNeeded: "Type the purchase amount (for example 24.50).",
    limitDay: "already used today", limitWeek: "already used this week",
    limitMonth: "already used this month", limitYear: "already used this year", limitNone: "",
    savingEstimate: "The member saves: {amount}",
    savedOnline: "Recorded ✓ The member saved {amount}.",
    savedOffline: "Recorded on this phone ✓ It goes to the club as soon as the network is back.",
    refusedNow: "Refused by the club: {reason}",
    nextButton: "Next customer",
    visitsTitle: "Your visits", month: "Month", uses: "Visits", saved: "Members' savings",
    latestTitle: "Latest records", pending: "{count} record(s) waiting to be sent.",
    noPending: "Everything has reached the club.", logout: "Log out", accepted: "counted", waiting: "waiting",
    reasons: {
      limit_reached: "the offer's limit for this member is reached", voucher_used: "voucher already used",
      voucher_expired: "voucher expired", voucher_unknown: "unknown voucher", voucher_altered: "invalid voucher",
      voucher_other_offer: "voucher for another offer", voucher_other_partner: "voucher for another shop",
      card_revoked: "card cancelled", card_expired: "card expired", card_unknown: "unknown card",
      card_altered: "invalid card", not_a_card: "not a club card", member_unknown: "unknown member, or left the club",
      amount_needed: "purchase amount missing", amount_invalid: "invalid amount", offer_unknown: "unknown offer",
      nonce_taken: "already received from another device",
    },
  },
};

let lang = (localStorage.getItem("lang") || (navigator.language || "fr").slice(0, 2)) === "en" ? "en" : "fr";

export const language = () => lang;

export function setLanguage(value) {
  lang = value === "en" ? "en" : "fr";
  localStorage.setItem("lang", lang);
  document.documentElement.lang = lang;
}

export function t(key, values = {}) {
  const text = TEXTS[lang][key] ?? TEXTS.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
}

export const reason = (code) => TEXTS[lang].reasons[code] || code;

export function euros(cents) {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "fr-FR", { style: "currency", currency: "EUR",
    minimumFractionDigits: cents % 100 ? 2 : 0 }).format(cents / 100);
}

export function monthName(key) {
  const [y, m] = key.split("-").map(Number);
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", { month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(y, m - 1, 1)));
}

export function dateText(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", { day: "numeric", month: "long", year: "numeric",
    timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

// Everything with data-t="key" takes its words.
export function translatePage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
}
