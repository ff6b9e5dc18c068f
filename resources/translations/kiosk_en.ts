<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
  <context>
    <name>AttractScreen</name>
    <message>
      <source>Bonjour ! Touchez un bouton.</source>
      <translation>Hello! Touch a button.</translation>
    </message>
    <message>
      <source>Scanner ma carte</source>
      <translation>Scan my card</translation>
    </message>
    <message>
      <source>Devenir membre</source>
      <translation>Become a member</translation>
    </message>
    <message>
      <source>Bons plans près d'ici</source>
      <translation>Deals nearby</translation>
    </message>
    <message>
      <source>Événements</source>
      <translation>Events</translation>
    </message>
    <message>
      <source>Boîte à idées</source>
      <translation>Idea box</translation>
    </message>
    <message>
      <source>Grand texte</source>
      <translation>Large text</translation>
    </message>
    <message>
      <source>Contraste</source>
      <translation>Contrast</translation>
    </message>
    <message>
      <source>Contraste élevé</source>
      <translation>High contrast</translation>
    </message>
    <message>
      <source>Annonces : touchez pour la suivante</source>
      <translation>News: touch for the next one</translation>
    </message>
    <message>
      <source>Bienvenue au club</source>
      <translation>Welcome to the club</translation>
    </message>
    <message>
      <source>Des réductions chez les commerçants du quartier, des rencontres et des ateliers près de chez vous.</source>
      <translation>Discounts at local shops, meetings and workshops near your home.</translation>
    </message>
  </context>
  <context>
    <name>Categories</name>
    <message>
      <source>Alimentation</source>
      <translation>Food</translation>
    </message>
    <message>
      <source>Fleuristes</source>
      <translation>Florists</translation>
    </message>
    <message>
      <source>Coiffure et beauté</source>
      <translation>Hair and beauty</translation>
    </message>
    <message>
      <source>Culture et loisirs</source>
      <translation>Culture and leisure</translation>
    </message>
    <message>
      <source>Assurance habitation</source>
      <translation>Home insurance</translation>
    </message>
    <message>
      <source>Artisans</source>
      <translation>Tradespeople</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>Services</translation>
    </message>
    <message>
      <source>Tous les bons plans</source>
      <translation>All deals</translation>
    </message>
  </context>
  <context>
    <name>DirectoryScreen</name>
    <message>
      <source>Bons plans près d'ici</source>
      <translation>Deals nearby</translation>
    </message>
    <message>
      <source>Chercher un commerce…</source>
      <translation>Search for a shop…</translation>
    </message>
    <message>
      <source>Chercher un commerce</source>
      <translation>Search for a shop</translation>
    </message>
    <message>
      <source>Chercher</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Ouvert maintenant</source>
      <translation>Open now</translation>
    </message>
    <message>
      <source>Seulement les commerces ouverts maintenant</source>
      <translation>Only shops open now</translation>
    </message>
    <message>
      <source>1 adresse</source>
      <translation>1 place</translation>
    </message>
    <message>
      <source>{count} adresses</source>
      <translation>{count} places</translation>
    </message>
  </context>
  <context>
    <name>Formatting</name>
    <message>
      <source>{metres} m</source>
      <translation>{metres} m</translation>
    </message>
    <message>
      <source>{km} km</source>
      <translation>{km} km</translation>
    </message>
    <message>
      <source>{minutes} min à pied</source>
      <translation>{minutes} min walk</translation>
    </message>
  </context>
  <context>
    <name>IdleOverlay</name>
    <message>
      <source>Retour à l'accueil dans {seconds} s</source>
      <translation>Back to the start in {seconds} s</translation>
    </message>
    <message>
      <source>Besoin de plus de temps ?</source>
      <translation>Need more time?</translation>
    </message>
    <message>
      <source>Oui, je continue</source>
      <translation>Yes, I'm still here</translation>
    </message>
  </context>
  <context>
    <name>OnScreenKeyboard</name>
    <message>
      <source>Fermer</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Espace</source>
      <translation>Space</translation>
    </message>
    <message>
      <source>Valider</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Fermer le clavier</source>
      <translation>Close the keyboard</translation>
    </message>
    <message>
      <source>Effacer</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Majuscule</source>
      <translation>Capital letter</translation>
    </message>
    <message>
      <source>Clavier arabe</source>
      <translation>Arabic keyboard</translation>
    </message>
    <message>
      <source>Clavier latin</source>
      <translation>Latin keyboard</translation>
    </message>
  </context>
  <context>
    <name>PartnerDetailScreen</name>
    <message>
      <source>Bons plans près d'ici</source>
      <translation>Deals nearby</translation>
    </message>
    <message>
      <source>Ce commerce n'est plus dans la liste.</source>
      <translation>This shop is no longer in the list.</translation>
    </message>
    <message>
      <source>Horaires</source>
      <translation>Opening hours</translation>
    </message>
    <message>
      <source>Site internet : visez ce code avec votre téléphone</source>
      <translation>Website: point your phone at this code</translation>
    </message>
    <message>
      <source>Code QR du site internet</source>
      <translation>QR code of the website</translation>
    </message>
    <message>
      <source>Vous êtes ici</source>
      <translation>You are here</translation>
    </message>
    <message>
      <source>Aujourd'hui</source>
      <translation>Today</translation>
    </message>
    <message>
      <source>{start} – {end}</source>
      <translation>{start} – {end}</translation>
    </message>
    <message>
      <source>Fermé</source>
      <translation>Closed</translation>
    </message>
  </context>
  <context>
    <name>PartnerListScreen</name>
    <message>
      <source>Bons plans près d'ici</source>
      <translation>Deals nearby</translation>
    </message>
    <message>
      <source>1 adresse</source>
      <translation>1 place</translation>
    </message>
    <message>
      <source>{count} adresses, les plus proches d'abord</source>
      <translation>{count} places, nearest first</translation>
    </message>
    <message>
      <source>Chercher un commerce…</source>
      <translation>Search for a shop…</translation>
    </message>
    <message>
      <source>Chercher un commerce</source>
      <translation>Search for a shop</translation>
    </message>
    <message>
      <source>Ouvert maintenant</source>
      <translation>Open now</translation>
    </message>
    <message>
      <source>Seulement les commerces ouverts maintenant</source>
      <translation>Only shops open now</translation>
    </message>
    <message>
      <source>Aucun commerce trouvé. Essayez un autre mot.</source>
      <translation>No shop found. Try another word.</translation>
    </message>
  </context>
  <context>
    <name>PartnerRow</name>
    <message>
      <source>Ouvert</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Fermé</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>{walk} · {distance}</source>
      <translation>{walk} · {distance}</translation>
    </message>
  </context>
  <context>
    <name>PlaceholderScreen</name>
    <message>
      <source>Devenir membre</source>
      <translation>Become a member</translation>
    </message>
    <message>
      <source>Événements</source>
      <translation>Events</translation>
    </message>
    <message>
      <source>Boîte à idées</source>
      <translation>Idea box</translation>
    </message>
    <message>
      <source>Mon espace</source>
      <translation>My space</translation>
    </message>
    <message>
      <source>Scanner ma carte</source>
      <translation>Scan my card</translation>
    </message>
    <message>
      <source>Bientôt disponible</source>
      <translation>Coming soon</translation>
    </message>
    <message>
      <source>En attendant, demandez à votre gardien.</source>
      <translation>Meanwhile, please ask your caretaker.</translation>
    </message>
  </context>
  <context>
    <name>ScanPanel</name>
    <message>
      <source>Montrez le QR code de votre carte à la caméra</source>
      <translation>Show the QR code of your card to the camera</translation>
    </message>
    <message>
      <source>Caméra indisponible — tapez votre numéro de carte</source>
      <translation>Camera unavailable — type your card number</translation>
    </message>
    <message>
      <source>Numéro de carte</source>
      <translation>Card number</translation>
    </message>
    <message>
      <source>Valider</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Valider le numéro de carte</source>
      <translation>Confirm the card number</translation>
    </message>
    <message>
      <source>Image de la caméra</source>
      <translation>Camera picture</translation>
    </message>
    <message>
      <source>Placez le QR code dans le cadre</source>
      <translation>Put the QR code inside the frame</translation>
    </message>
    <message>
      <source>Carte lue</source>
      <translation>Card read</translation>
    </message>
    <message>
      <source>Caméra indisponible</source>
      <translation>Camera unavailable</translation>
    </message>
  </context>
  <context>
    <name>ScanScreen</name>
    <message>
      <source>Scanner ma carte</source>
      <translation>Scan my card</translation>
    </message>
  </context>
  <context>
    <name>StatusIndicator</name>
    <message>
      <source>En ligne</source>
      <translation>Online</translation>
    </message>
    <message>
      <source>Hors ligne</source>
      <translation>Offline</translation>
    </message>
    <message>
      <source>{state} · mis à jour à {time}</source>
      <translation>{state} · updated at {time}</translation>
    </message>
  </context>
  <context>
    <name>_Header</name>
    <message>
      <source>Retour</source>
      <translation>Back</translation>
    </message>
    <message>
      <source>Retour à l'écran précédent</source>
      <translation>Back to the previous screen</translation>
    </message>
    <message>
      <source>Accueil</source>
      <translation>Home</translation>
    </message>
    <message>
      <source>Retour à l'accueil</source>
      <translation>Back to the start</translation>
    </message>
  </context>
</TS>