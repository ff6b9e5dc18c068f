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
    <message>
      <source>Demande au bailleur</source>
      <translation>Ask the landlord</translation>
    </message>
    <message>
      <source>Emprunter un outil</source>
      <translation>Borrow a tool</translation>
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
      <source>{m} min</source>
      <translation>{m} min</translation>
    </message>
    <message>
      <source>{h} h</source>
      <translation>{h} h</translation>
    </message>
    <message>
      <source>{h} h {mm}</source>
      <translation>{h} h {m} min</translation>
    </message>
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
    <message>
      <source>Escalier {entrance}</source>
      <translation>Staircase {entrance}</translation>
    </message>
    <message>
      <source>rez-de-chaussée</source>
      <translation>ground floor</translation>
    </message>
    <message>
      <source>1er étage</source>
      <translation>1st floor</translation>
    </message>
    <message>
      <source>{floor}e étage</source>
      <translation>floor {floor}</translation>
    </message>
    <message>
      <source>porte {door}</source>
      <translation>door {door}</translation>
    </message>
    <message>
      <source>, </source>
      <translation>, </translation>
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
    <message>
      <source>Tapez le numéro écrit sur votre carte, sous votre prénom</source>
      <translation>Type the number written on your card, under your first name</translation>
    </message>
    <message>
      <source>Approchez la carte à une main de la caméra, le code bien à plat. Toujours rien ? Tapez le numéro de la carte, ou demandez au gardien.</source>
      <translation>Hold the card a hand's width from the camera, the code flat. Still nothing? Type the card's number, or ask the caretaker.</translation>
    </message>
    <message>
      <source>Taper le numéro de ma carte</source>
      <translation>Type my card number</translation>
    </message>
    <message>
      <source>Utiliser la caméra</source>
      <translation>Use the camera</translation>
    </message>
    <message>
      <source>Démarrage de la caméra…</source>
      <translation>Starting the camera…</translation>
    </message>
  </context>
  <context>
    <name>ScanScreen</name>
    <message>
      <source>Personnel du club : se connecter</source>
      <translation>Club staff: sign in</translation>
    </message>
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
  <context>
    <name>CardPrint</name>
    <message>
      <source>N° {number}</source>
      <translation>No. {number}</translation>
    </message>
    <message>
      <source>Valable jusqu'au</source>
      <translation>Valid until</translation>
    </message>
  </context>
  <context>
    <name>CardScreen</name>
    <message>
      <source>Ma carte de membre</source>
      <translation>My membership card</translation>
    </message>
    <message>
      <source>Bienvenue au club, {name} !</source>
      <translation>Welcome to the club, {name}!</translation>
    </message>
    <message>
      <source>Montrez ce code chez les commerçants partenaires et aux rencontres. Vous pouvez aussi le prendre en photo.</source>
      <translation>Show this code at partner shops and at meetings. You can also take a photo of it.</translation>
    </message>
    <message>
      <source>Imprimer ma carte</source>
      <translation>Print my card</translation>
    </message>
    <message>
      <source>Terminé</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Votre carte s'imprime.</source>
      <translation>Your card is printing.</translation>
    </message>
    <message>
      <source>Pas d'imprimante ici : prenez le code en photo, ou demandez votre carte au gardien.</source>
      <translation>No printer here: take a photo of the code, or ask the caretaker for your card.</translation>
    </message>
    <message>
      <source>Une carte pour {name} aussi</source>
      <translation>A card for {name} too</translation>
    </message>
  </context>
  <context>
    <name>DuplicatesScreen</name>
    <message>
      <source>Déjà membre ?</source>
      <translation>Already a member?</translation>
    </message>
    <message>
      <source>Cette personne ressemble à un membre déjà inscrit. Est-ce la même personne ?</source>
      <translation>This person looks like a member already enrolled. Is it the same person?</translation>
    </message>
    <message>
      <source>Même personne : confirmer son adresse</source>
      <translation>Same person: confirm their address</translation>
    </message>
    <message>
      <source>Même personne : nouvelle carte (perdue)</source>
      <translation>Same person: new card (lost)</translation>
    </message>
    <message>
      <source>Personne différente : inscrire quand même</source>
      <translation>Different person: enroll anyway</translation>
    </message>
    <message>
      <source>Adresse confirmée. Aucune nouvelle inscription.</source>
      <translation>Address confirmed. No new enrollment.</translation>
    </message>
    <message>
      <source>Action impossible : la session a peut-être expiré.</source>
      <translation>Not possible: the session may have ended.</translation>
    </message>
  </context>
  <context>
    <name>JoinScreen</name>
    <message>
      <source>Inscrire un foyer</source>
      <translation>Enroll a household</translation>
    </message>
    <message>
      <source>Devenir membre</source>
      <translation>Join the club</translation>
    </message>
    <message>
      <source>Comment vous appelez-vous ?</source>
      <translation>What is your name?</translation>
    </message>
    <message>
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <source>Nom</source>
      <translation>Last name</translation>
    </message>
    <message>
      <source>Où habitez-vous ?</source>
      <translation>Where do you live?</translation>
    </message>
    <message>
      <source>Bâtiment</source>
      <translation>Building</translation>
    </message>
    <message>
      <source>Escalier</source>
      <translation>Entrance</translation>
    </message>
    <message>
      <source>Logement</source>
      <translation>Flat</translation>
    </message>
    <message>
      <source>Comment vous joindre ?</source>
      <translation>How can we reach you?</translation>
    </message>
    <message>
      <source>Téléphone portable</source>
      <translation>Mobile phone</translation>
    </message>
    <message>
      <source>E-mail (facultatif)</source>
      <translation>E-mail (optional)</translation>
    </message>
    <message>
      <source>Les autres personnes du foyer (prénom, facultatif)</source>
      <translation>Other people in the household (first name, optional)</translation>
    </message>
    <message>
      <source>Ajouter</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>Votre langue</source>
      <translation>Your language</translation>
    </message>
    <message>
      <source>Lire le texte complet</source>
      <translation>Read the full text</translation>
    </message>
    <message>
      <source>Le texte complet est aussi sur votre téléphone : visez ce code.</source>
      <translation>The full text is also on your phone: point it at this code.</translation>
    </message>
    <message>
      <source>J'ai lu et j'accepte</source>
      <translation>I have read and I agree</translation>
    </message>
    <message>
      <source>Facultatif, vous pouvez changer d'avis à tout moment :</source>
      <translation>Optional, you can change your mind at any time:</translation>
    </message>
    <message>
      <source>Recevoir les nouvelles du club par SMS</source>
      <translation>Get club news by text message</translation>
    </message>
    <message>
      <source>Recevoir la lettre d'information</source>
      <translation>Get the newsletter</translation>
    </message>
    <message>
      <source>Précédent</source>
      <translation>Back</translation>
    </message>
    <message>
      <source>Étape {step} sur {total}</source>
      <translation>Step {step} of {total}</translation>
    </message>
    <message>
      <source>Valider mon inscription</source>
      <translation>Confirm my enrollment</translation>
    </message>
    <message>
      <source>Suivant</source>
      <translation>Next</translation>
    </message>
    <message>
      <source>Vous êtes peut-être déjà membre. Pour ne pas vous inscrire deux fois, merci de voir votre gardien.</source>
      <translation>You may already be a member. So that you are not enrolled twice, please see your caretaker.</translation>
    </message>
    <message>
      <source>L'inscription n'a pas pu être enregistrée. Voyez votre gardien.</source>
      <translation>The enrollment could not be saved. Please see your caretaker.</translation>
    </message>
    <message>
      <source>Retirer</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Retirer {name}</source>
      <translation>Remove {name}</translation>
    </message>
  </context>
  <context>
    <name>MemberSpaceScreen</name>
    <message>
      <source>Cotisation payée jusqu'au {date}</source>
      <translation>Membership fee paid until {date}</translation>
    </message>
    <message>
      <source>Cotisation à régler : voyez votre gardien</source>
      <translation>Membership fee due: please see your caretaker</translation>
    </message>
    <message>
      <source>Vous avez animé 1 atelier, {hours}</source>
      <translation>You have run 1 workshop, {hours}</translation>
    </message>
    <message>
      <source>Vous avez animé {n} ateliers, {hours}</source>
      <translation>You have run {n} workshops, {hours}</translation>
    </message>
    <message>
      <source>Mes inscriptions, idées et demandes : détails et réponses</source>
      <translation>My sign-ups, ideas and requests: details and answers</translation>
    </message>
    <message>
      <source>Un instant…</source>
      <translation>One moment…</translation>
    </message>
    <message>
      <source>Mon espace</source>
      <translation>My space</translation>
    </message>
    <message>
      <source>Pas de carte ? Retrouvez votre espace avec votre prénom, votre logement et la fin de votre numéro.</source>
      <translation>No card? Find your space with your first name, your flat and the end of your phone number.</translation>
    </message>
    <message>
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <source>Bâtiment</source>
      <translation>Building</translation>
    </message>
    <message>
      <source>Escalier</source>
      <translation>Entrance</translation>
    </message>
    <message>
      <source>Logement</source>
      <translation>Flat</translation>
    </message>
    <message>
      <source>Les 4 derniers chiffres de votre téléphone</source>
      <translation>The last 4 digits of your phone</translation>
    </message>
    <message>
      <source>Ouvrir mon espace</source>
      <translation>Open my space</translation>
    </message>
    <message>
      <source>Mes événements</source>
      <translation>My events</translation>
    </message>
    <message>
      <source>Mes idées</source>
      <translation>My ideas</translation>
    </message>
    <message>
      <source>Mes demandes</source>
      <translation>My requests</translation>
    </message>
    <message>
      <source>Mes coordonnées</source>
      <translation>My contact details</translation>
    </message>
    <message>
      <source>Nouveau numéro</source>
      <translation>New number</translation>
    </message>
    <message>
      <source>Changer mon numéro</source>
      <translation>Change my number</translation>
    </message>
    <message>
      <source>Nouvelles du club par SMS</source>
      <translation>Club news by text message</translation>
    </message>
    <message>
      <source>Lettre d'information</source>
      <translation>Newsletter</translation>
    </message>
    <message>
      <source>Quitter le club et effacer mes données</source>
      <translation>Leave the club and erase my data</translation>
    </message>
    <message>
      <source>Vraiment ? Votre carte ne marchera plus et vos données seront effacées tout de suite.</source>
      <translation>Really? Your card will stop working and your data will be erased at once.</translation>
    </message>
    <message>
      <source>Oui, effacer</source>
      <translation>Yes, erase</translation>
    </message>
    <message>
      <source>Non, rester</source>
      <translation>No, stay</translation>
    </message>
    <message>
      <source>Bonjour {name}</source>
      <translation>Hello {name}</translation>
    </message>
    <message>
      <source>n° {number}</source>
      <translation>no. {number}</translation>
    </message>
    <message>
      <source>Rien pour l'instant.</source>
      <translation>Nothing yet.</translation>
    </message>
    <message>
      <source>Téléphone : {phone}</source>
      <translation>Phone: {phone}</translation>
    </message>
    <message>
      <source>Nous ne trouvons pas votre espace. Vérifiez, ou voyez votre gardien.</source>
      <translation>We cannot find your space. Check, or see your caretaker.</translation>
    </message>
    <message>
      <source>Une erreur est survenue. Voyez votre gardien.</source>
      <translation>Something went wrong. Please see your caretaker.</translation>
    </message>
    <message>
      <source>C'est enregistré.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>Vos données sont effacées. Merci d'avoir été membre du club.</source>
      <translation>Your data is erased. Thank you for being a member of the club.</translation>
    </message>
    <message>
      <source>Que faire ? Montrez la carte de plus près, bien à plat, ou tapez le numéro écrit dessus. Sinon, le gardien peut vous aider.</source>
      <translation>What to do? Hold the card closer and flat, or type the number written on it. Otherwise the caretaker can help you.</translation>
    </message>
    <message>
      <source>Réessayer avec la caméra</source>
      <translation>Try the camera again</translation>
    </message>
    <message>
      <source>Taper le numéro de ma carte</source>
      <translation>Type my card number</translation>
    </message>
    <message>
      <source>Besoin d'aide ?</source>
      <translation>Need help?</translation>
    </message>
    <message>
      <source>Carte non reconnue</source>
      <translation>Card not recognised</translation>
    </message>
  </context>
  <context>
    <name>MembershipMessages</name>
    <message>
      <source>Ce champ est obligatoire.</source>
      <translation>This field is required.</translation>
    </message>
    <message>
      <source>Trop long : {max} caractères au plus.</source>
      <translation>Too long: {max} characters at most.</translation>
    </message>
    <message>
      <source>Lettres, espaces, tirets et apostrophes seulement.</source>
      <translation>Letters, spaces, hyphens and apostrophes only.</translation>
    </message>
    <message>
      <source>Numéro de téléphone français à 10 chiffres, par exemple 06 12 34 56 78.</source>
      <translation>A French phone number with 10 digits, for example 06 12 34 56 78.</translation>
    </message>
    <message>
      <source>Adresse e-mail incomplète, par exemple nom@exemple.fr.</source>
      <translation>Incomplete e-mail address, for example name@example.fr.</translation>
    </message>
    <message>
      <source>Choisissez une langue.</source>
      <translation>Choose a language.</translation>
    </message>
    <message>
      <source>Pour devenir membre, lisez et acceptez l'information ci-dessus.</source>
      <translation>To become a member, read and accept the information above.</translation>
    </message>
    <message>
      <source>Tapez les 4 derniers chiffres de votre téléphone.</source>
      <translation>Type the last 4 digits of your phone.</translation>
    </message>
    <message>
      <source>Le code a au moins {min} chiffres.</source>
      <translation>The code has at least {min} digits.</translation>
    </message>
    <message>
      <source>Vérifiez ce champ.</source>
      <translation>Check this field.</translation>
    </message>
    <message>
      <source>Cette carte a expiré. Votre gardien vous en donnera une nouvelle.</source>
      <translation>This card has expired. Your caretaker will give you a new one.</translation>
    </message>
    <message>
      <source>Cette carte n'est plus valable. Voyez votre gardien.</source>
      <translation>This card is no longer valid. Please see your caretaker.</translation>
    </message>
    <message>
      <source>Ce code n'est pas une carte du club.</source>
      <translation>This code is not a club card.</translation>
    </message>
    <message>
      <source>Cette carte n'est pas reconnue ici. Voyez votre gardien.</source>
      <translation>This card is not recognised here. Please see your caretaker.</translation>
    </message>
    <message>
      <source>Inscription en attente : votre gardien confirmera votre adresse.</source>
      <translation>Enrollment pending: your caretaker will confirm your address.</translation>
    </message>
    <message>
      <source>Membre actif</source>
      <translation>Active member</translation>
    </message>
    <message>
      <source>Ancien membre</source>
      <translation>Former member</translation>
    </message>
    <message>
      <source>Parties communes</source>
      <translation>Common areas</translation>
    </message>
    <message>
      <source>Adaptation du logement</source>
      <translation>Adapting the flat</translation>
    </message>
    <message>
      <source>Bruit</source>
      <translation>Noise</translation>
    </message>
    <message>
      <source>Propreté</source>
      <translation>Cleanliness</translation>
    </message>
    <message>
      <source>Demande</source>
      <translation>Request</translation>
    </message>
    <message>
      <source>en attente</source>
      <translation>pending</translation>
    </message>
    <message>
      <source>inscrit</source>
      <translation>signed up</translation>
    </message>
    <message>
      <source>liste d'attente</source>
      <translation>waiting list</translation>
    </message>
    <message>
      <source>annulé</source>
      <translation>cancelled</translation>
    </message>
    <message>
      <source>envoyée</source>
      <translation>sent</translation>
    </message>
    <message>
      <source>publiée</source>
      <translation>published</translation>
    </message>
    <message>
      <source>non retenue</source>
      <translation>not kept</translation>
    </message>
    <message>
      <source>reçue</source>
      <translation>received</translation>
    </message>
    <message>
      <source>en cours</source>
      <translation>in progress</translation>
    </message>
    <message>
      <source>traitée</source>
      <translation>done</translation>
    </message>
  </context>
  <context>
    <name>StaffHomeScreen</name>
    <message>
      <source>Cotisations</source>
      <translation>Membership fees</translation>
    </message>
    <message>
      <source>Prêt d'outils</source>
      <translation>Tool lending</translation>
    </message>
    <message>
      <source>{count} prêt(s) en retard</source>
      <translation>{count} overdue loan(s)</translation>
    </message>
    <message>
      <source>en ligne</source>
      <translation>online</translation>
    </message>
    <message>
      <source>hors ligne</source>
      <translation>offline</translation>
    </message>
    <message>
      <source>Synchronisation : {state} · {pending} modification(s) en attente</source>
      <translation>Sync: {state} · {pending} change(s) waiting</translation>
    </message>
    <message>
      <source>dernière réussite à {time}</source>
      <translation>last success at {time}</translation>
    </message>
    <message>
      <source>erreur : {code}</source>
      <translation>error: {code}</translation>
    </message>
    <message>
      <source>le serveur ne répond pas (réseau ?)</source>
      <translation>the server does not answer (network?)</translation>
    </message>
    <message>
      <source>cette borne doit être mise à jour : appelez le service informatique</source>
      <translation>this kiosk must be updated: call IT</translation>
    </message>
    <message>
      <source>le serveur ne reconnaît plus cette borne : appelez le service informatique</source>
      <translation>the server no longer knows this kiosk: call IT</translation>
    </message>
    <message>
      <source>borne pas encore reliée au serveur</source>
      <translation>kiosk not yet connected to the server</translation>
    </message>
    <message>
      <source>cette borne a été retirée par le bureau</source>
      <translation>this kiosk was withdrawn by the office</translation>
    </message>
    <message>
      <source>problème technique ({code}) : il sera réessayé</source>
      <translation>technical problem ({code}): it will be retried</translation>
    </message>
    <message>
      <source>{count} modification(s) refusée(s) par le serveur : à signaler au bureau</source>
      <translation>{count} change(s) refused by the server: tell the office</translation>
    </message>
    <message>
      <source>Pointer les présents à un événement</source>
      <translation>Check people in at an event</translation>
    </message>
    <message>
      <source>Pointer les présents : {title}</source>
      <translation>Check people in: {title}</translation>
    </message>
    <message>
      <source>Espace gardien</source>
      <translation>Caretaker space</translation>
    </message>
    <message>
      <source>Bonjour {name}</source>
      <translation>Hello {name}</translation>
    </message>
    <message>
      <source>Inscrire un foyer</source>
      <translation>Enroll a household</translation>
    </message>
    <message>
      <source>Se déconnecter</source>
      <translation>Sign out</translation>
    </message>
    <message>
      <source>Adresses à confirmer</source>
      <translation>Addresses to confirm</translation>
    </message>
    <message>
      <source>Nom ou prénom</source>
      <translation>Last or first name</translation>
    </message>
    <message>
      <source>Chercher un membre</source>
      <translation>Find a member</translation>
    </message>
    <message>
      <source>Chercher</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Confirmer l'adresse</source>
      <translation>Confirm address</translation>
    </message>
    <message>
      <source>Voir la carte</source>
      <translation>Show card</translation>
    </message>
    <message>
      <source>Carte perdue</source>
      <translation>Lost card</translation>
    </message>
    <message>
      <source>Exporter ses données</source>
      <translation>Export their data</translation>
    </message>
    <message>
      <source>Effacer</source>
      <translation>Erase</translation>
    </message>
    <message>
      <source>Adresse confirmée.</source>
      <translation>Address confirmed.</translation>
    </message>
    <message>
      <source>Export écrit : {path}</source>
      <translation>Export written: {path}</translation>
    </message>
    <message>
      <source>Touchez encore « Effacer » pour effacer ce membre.</source>
      <translation>Touch “Erase” again to erase this member.</translation>
    </message>
    <message>
      <source>Membre effacé.</source>
      <translation>Member erased.</translation>
    </message>
    <message>
      <source>Action impossible.</source>
      <translation>Not possible.</translation>
    </message>
    <message>
      <source>Trouver un membre</source>
      <translation>Find a member</translation>
    </message>
    <message>
      <source>Aucune adresse à confirmer pour l'instant.</source>
      <translation>No address to confirm for now.</translation>
    </message>
    <message>
      <source>Tapez un nom, puis « Chercher » : les membres trouvés s'affichent ici.</source>
      <translation>Type a name, then “Search”: the members found show here.</translation>
    </message>
  </context>
  <context>
    <name>StaffLoginScreen</name>
    <message>
      <source>Espace gardien</source>
      <translation>Caretaker space</translation>
    </message>
    <message>
      <source>Badge lu. Tapez votre code.</source>
      <translation>Badge read. Type your code.</translation>
    </message>
    <message>
      <source>Scannez votre badge sur l'écran « Scanner ma carte », ou tapez votre identifiant.</source>
      <translation>Scan your badge on the “Scan my card” screen, or type your staff id.</translation>
    </message>
    <message>
      <source>Identifiant</source>
      <translation>Staff id</translation>
    </message>
    <message>
      <source>Code (6 chiffres ou plus)</source>
      <translation>Code (6 digits or more)</translation>
    </message>
    <message>
      <source>Se connecter</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <source>Trop d'essais. Compte bloqué jusqu'à {time}.</source>
      <translation>Too many tries. Account locked until {time}.</translation>
    </message>
    <message>
      <source>Identifiant ou code incorrect. Encore {n} essai(s) avant le blocage.</source>
      <translation>Wrong id or code. {n} more try(ies) before the lock.</translation>
    </message>
    <message>
      <source>Ce badge n'est pas valable.</source>
      <translation>This badge is not valid.</translation>
    </message>
    <message>
      <source>Identifiant ou code incorrect.</source>
      <translation>Wrong id or code.</translation>
    </message>
  </context>
  <context>
    <name>CheckInScreen</name>
    <message>
      <source>Pointage à l'entrée</source>
      <translation>Check-in at the door</translation>
    </message>
    <message>
      <source>Personnel : scannez votre badge, puis tapez votre code.</source>
      <translation>Staff: scan your badge, then type your code.</translation>
    </message>
    <message>
      <source>Code personnel</source>
      <translation>Staff code</translation>
    </message>
    <message>
      <source>Commencer le pointage</source>
      <translation>Start the check-in</translation>
    </message>
    <message>
      <source>{count} personne(s) présente(s)</source>
      <translation>{count} person(s) present</translation>
    </message>
    <message>
      <source>Badge ou code refusé.</source>
      <translation>Badge or code refused.</translation>
    </message>
    <message>
      <source>Carte refusée</source>
      <translation>Card refused</translation>
    </message>
    <message>
      <source>{name} : déjà pointé(e)</source>
      <translation>{name}: already checked in</translation>
    </message>
    <message>
      <source>Bienvenue {name} !</source>
      <translation>Welcome {name}!</translation>
    </message>
    <message>
      <source>Inscrit(e) à l'événement</source>
      <translation>Signed up for the event</translation>
    </message>
    <message>
      <source>Pas inscrit(e) : présence notée quand même</source>
      <translation>Not signed up: attendance noted anyway</translation>
    </message>
  </context>
  <context>
    <name>CommunitySlip</name>
    <message>
      <source>Rappel d'inscription</source>
      <translation>Sign-up reminder</translation>
    </message>
    <message>
      <source>Pour : {name}</source>
      <translation>For: {name}</translation>
    </message>
    <message>
      <source>Empêché(e) ? Annulez à la borne : votre place ira à quelqu'un d'autre.</source>
      <translation>Can't come? Cancel at the kiosk: your place will go to someone else.</translation>
    </message>
  </context>
  <context>
    <name>EventDetailScreen</name>
    <message>
      <source>Événement</source>
      <translation>Event</translation>
    </message>
    <message>
      <source>M'inscrire ou voir mon inscription</source>
      <translation>Sign up or see my sign-up</translation>
    </message>
    <message>
      <source>Personnel : pointer les présents</source>
      <translation>Staff: check people in</translation>
    </message>
    <message>
      <source>Imprimer un rappel</source>
      <translation>Print a reminder</translation>
    </message>
    <message>
      <source>Annuler mon inscription</source>
      <translation>Cancel my sign-up</translation>
    </message>
    <message>
      <source>Terminé</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Lieu : {place}</source>
      <translation>Place: {place}</translation>
    </message>
    <message>
      <source>Animé par {names}</source>
      <translation>Run by {names}</translation>
    </message>
    <message>
      <source>La borne enverra votre inscription ; le nombre de places est décidé par le bureau.</source>
      <translation>The kiosk will send your sign-up; the office decides on the places.</translation>
    </message>
    <message>
      <source>C'est noté, {name} !</source>
      <translation>Done, {name}!</translation>
    </message>
    <message>
      <source>{name}, vous êtes déjà inscrit(e).</source>
      <translation>{name}, you are already signed up.</translation>
    </message>
    <message>
      <source>Votre inscription est annulée. Merci d'avoir libéré la place.</source>
      <translation>Your sign-up is cancelled. Thank you for freeing the place.</translation>
    </message>
    <message>
      <source>Rappel imprimé.</source>
      <translation>Reminder printed.</translation>
    </message>
    <message>
      <source>L'imprimante ne répond pas.</source>
      <translation>The printer is not answering.</translation>
    </message>
  </context>
  <context>
    <name>EventsScreen</name>
    <message>
      <source>Événements</source>
      <translation>Events</translation>
    </message>
    <message>
      <source>Pas d'événement prévu pour le moment. Revenez bientôt !</source>
      <translation>No event planned for now. Come back soon!</translation>
    </message>
  </context>
  <context>
    <name>IdeaCard</name>
    <message>
      <source>Réponse du bureau : {answer}</source>
      <translation>The office's answer: {answer}</translation>
    </message>
    <message>
      <source>{count} soutien(s)</source>
      <translation>{count} supporter(s)</translation>
    </message>
    <message>
      <source>Déjà soutenue ✓</source>
      <translation>Already supported ✓</translation>
    </message>
    <message>
      <source>Je soutiens</source>
      <translation>I support this</translation>
    </message>
  </context>
  <context>
    <name>IdeaFormScreen</name>
    <message>
      <source>Proposer une idée</source>
      <translation>Suggest an idea</translation>
    </message>
    <message>
      <source>Votre idée concerne…</source>
      <translation>Your idea is about…</translation>
    </message>
    <message>
      <source>Votre idée, en quelques mots</source>
      <translation>Your idea, in a few words</translation>
    </message>
    <message>
      <source>N'écrivez ni nom, ni numéro, ni rien sur votre santé : les idées peuvent être affichées sur la borne.</source>
      <translation>Do not write names, numbers or anything about your health: ideas may be shown on the kiosk.</translation>
    </message>
    <message>
      <source>Envoyer sans mon nom</source>
      <translation>Send without my name</translation>
    </message>
    <message>
      <source>Envoyer mon idée</source>
      <translation>Send my idea</translation>
    </message>
    <message>
      <source>Merci ! Le bureau lira votre idée avant de l'afficher ici.</source>
      <translation>Thank you! The office will read your idea before showing it here.</translation>
    </message>
  </context>
  <context>
    <name>IdeasScreen</name>
    <message>
      <source>Boîte à idées</source>
      <translation>Idea box</translation>
    </message>
    <message>
      <source>Proposer une idée</source>
      <translation>Suggest an idea</translation>
    </message>
    <message>
      <source>Faire une demande au bailleur</source>
      <translation>Make a request to the landlord</translation>
    </message>
    <message>
      <source>Les idées sont relues par le bureau avant d'être affichées ici.</source>
      <translation>Ideas are read by the office before they are shown here.</translation>
    </message>
    <message>
      <source>Pas encore d'idée publiée. Proposez la première !</source>
      <translation>No idea published yet. Suggest the first one!</translation>
    </message>
  </context>
  <context>
    <name>IdentifyPanel</name>
    <message>
      <source>Montrez votre carte d'adhérent à la caméra</source>
      <translation>Show your membership card to the camera</translation>
    </message>
    <message>
      <source>Prénom</source>
      <translation>First name</translation>
    </message>
    <message>
      <source>Bâtiment</source>
      <translation>Building</translation>
    </message>
    <message>
      <source>Escalier</source>
      <translation>Staircase</translation>
    </message>
    <message>
      <source>Logement</source>
      <translation>Flat</translation>
    </message>
    <message>
      <source>Les 4 derniers chiffres de votre téléphone</source>
      <translation>The last 4 digits of your phone</translation>
    </message>
    <message>
      <source>C'est moi</source>
      <translation>That's me</translation>
    </message>
    <message>
      <source>J'ai ma carte</source>
      <translation>I have my card</translation>
    </message>
    <message>
      <source>Pas de carte ?</source>
      <translation>No card?</translation>
    </message>
    <message>
      <source>Retrouvez-vous avec votre prénom et votre logement</source>
      <translation>Find yourself with your first name and your flat</translation>
    </message>
  </context>
  <context>
    <name>MyCommunityScreen</name>
    <message>
      <source>Mes activités au club</source>
      <translation>My club activities</translation>
    </message>
    <message>
      <source>Mes événements</source>
      <translation>My events</translation>
    </message>
    <message>
      <source>Mes idées</source>
      <translation>My ideas</translation>
    </message>
    <message>
      <source>Mes demandes au bailleur</source>
      <translation>My requests to the landlord</translation>
    </message>
    <message>
      <source>Rien pour l'instant.</source>
      <translation>Nothing yet.</translation>
    </message>
    <message>
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Réponse du bureau : {answer}</source>
      <translation>The office's answer: {answer}</translation>
    </message>
  </context>
  <context>
    <name>RequestFormScreen</name>
    <message>
      <source>Demande au bailleur</source>
      <translation>Request to the landlord</translation>
    </message>
    <message>
      <source>{name}, votre demande concerne…</source>
      <translation>{name}, your request is about…</translation>
    </message>
    <message>
      <source>Précisez en quelques mots (facultatif)</source>
      <translation>Say more in a few words (optional)</translation>
    </message>
    <message>
      <source>Inutile de parler de votre santé : le bureau vous rappellera.</source>
      <translation>No need to talk about your health: the office will call you back.</translation>
    </message>
    <message>
      <source>Envoyer ma demande</source>
      <translation>Send my request</translation>
    </message>
    <message>
      <source>Demande envoyée. Suivez-la et lisez la réponse du bureau dans « Mon espace ».</source>
      <translation>Request sent. Follow it and read the office's answer in “My space”.</translation>
    </message>
  </context>
  <context>
    <name>CommunityMessages</name>
    <message>
      <source>Inscription annulée</source>
      <translation>Sign-up cancelled</translation>
    </message>
    <message>
      <source>Vérifiez ce champ.</source>
      <translation>Check this field.</translation>
    </message>
    <message>
      <source>Un problème est survenu. Réessayez ou voyez votre gardien.</source>
      <translation>Something went wrong. Try again or see your caretaker.</translation>
    </message>
    <message>
      <source>En attente de confirmation</source>
      <translation>Waiting for confirmation</translation>
    </message>
    <message>
      <source>Inscription confirmée</source>
      <translation>Sign-up confirmed</translation>
    </message>
    <message>
      <source>Liste d'attente</source>
      <translation>Waiting list</translation>
    </message>
    <message>
      <source>Autre</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>Autre demande</source>
      <translation>Other request</translation>
    </message>
    <message>
      <source>Reçue</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Envoyée, en attente de relecture</source>
      <translation>Sent, waiting to be read</translation>
    </message>
    <message>
      <source>Complet : inscription sur liste d'attente</source>
      <translation>Full: sign-up goes on the waiting list</translation>
    </message>
    <message>
      <source>Pas de numéro de téléphone ni d'adresse e-mail ici : ce texte peut être affiché.</source>
      <translation>No phone number or e-mail address here: this text may be shown.</translation>
    </message>
    <message>
      <source>Choisissez un thème.</source>
      <translation>Choose a topic.</translation>
    </message>
    <message>
      <source>Vous êtes déjà inscrit(e) à cet événement.</source>
      <translation>You are already signed up for this event.</translation>
    </message>
    <message>
      <source>Cet événement est terminé.</source>
      <translation>This event is over.</translation>
    </message>
    <message>
      <source>Cette carte n'est pas reconnue ici. Voyez votre gardien.</source>
      <translation>This card is not recognised here. Please see your caretaker.</translation>
    </message>
    <message>
      <source>Nous ne vous avons pas trouvé. Vérifiez et réessayez, ou voyez votre gardien.</source>
      <translation>We could not find you. Check and try again, or see your caretaker.</translation>
    </message>
    <message>
      <source>La session du personnel est terminée : reconnectez-vous.</source>
      <translation>The staff session has ended: sign in again.</translation>
    </message>
    <message>
      <source>Ce n'est pas possible pour le moment. Voyez votre gardien.</source>
      <translation>This is not possible right now. Please see your caretaker.</translation>
    </message>
    <message>
      <source>{day}, {start} – {end}</source>
      <translation>{day}, {start} – {end}</translation>
    </message>
    <message>
      <source>{left} places libres sur {capacity}</source>
      <translation>{left} free places out of {capacity}</translation>
    </message>
    <message>
      <source>Cadre de vie</source>
      <translation>Living environment</translation>
    </message>
    <message>
      <source>Entraide</source>
      <translation>Mutual help</translation>
    </message>
    <message>
      <source>Activités</source>
      <translation>Activities</translation>
    </message>
    <message>
      <source>Environnement</source>
      <translation>Environment</translation>
    </message>
    <message>
      <source>Économies</source>
      <translation>Savings</translation>
    </message>
    <message>
      <source>Réparation des parties communes</source>
      <translation>Repair in the common areas</translation>
    </message>
    <message>
      <source>Adapter mon logement (mobilité réduite)</source>
      <translation>Adapt my flat (reduced mobility)</translation>
    </message>
    <message>
      <source>Bruit</source>
      <translation>Noise</translation>
    </message>
    <message>
      <source>Propreté</source>
      <translation>Cleanliness</translation>
    </message>
    <message>
      <source>En cours</source>
      <translation>In progress</translation>
    </message>
    <message>
      <source>Traitée</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Publiée</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>Non retenue</source>
      <translation>Not kept</translation>
    </message>
    <message>
      <source>Écrivez au moins {min} lettres.</source>
      <translation>Write at least {min} letters.</translation>
    </message>
    <message>
      <source>Trop long : {max} caractères au plus.</source>
      <translation>Too long: {max} characters at most.</translation>
    </message>
    <message>
      <source>Liste d'attente : place n° {position}</source>
      <translation>Waiting list: number {position}</translation>
    </message>
  </context>
  <context>
    <name>AccessBar</name>
    <message>
      <source>Écouter</source>
      <translation>Listen</translation>
    </message>
    <message>
      <source>Écouter : la borne lit l'écran à voix haute</source>
      <translation>Listen: the kiosk reads the screen aloud</translation>
    </message>
    <message>
      <source>Aide</source>
      <translation>Help</translation>
    </message>
    <message>
      <source>Besoin d'aide ?</source>
      <translation>Need help?</translation>
    </message>
    <message>
      <source>Affichage</source>
      <translation>Display</translation>
    </message>
    <message>
      <source>Affichage : grand texte, contraste, facile à lire</source>
      <translation>Display: large text, contrast, easy to read</translation>
    </message>
  </context>
  <context>
    <name>CallbackScreen</name>
    <message>
      <source>Être rappelé</source>
      <translation>Get a call back</translation>
    </message>
    <message>
      <source>Laissez votre numéro : le bureau vous rappellera.</source>
      <translation>Leave your number: the office will call you back.</translation>
    </message>
    <message>
      <source>Votre numéro de téléphone</source>
      <translation>Your phone number</translation>
    </message>
    <message>
      <source>Envoyer</source>
      <translation>Send</translation>
    </message>
    <message>
      <source>Un problème est survenu. Appelez le gardien, ou passez à l'agence.</source>
      <translation>Something went wrong. Call the caretaker, or visit the agency.</translation>
    </message>
    <message>
      <source>Mon adhésion, ma carte</source>
      <translation>My membership, my card</translation>
    </message>
    <message>
      <source>Mon logement, une réparation</source>
      <translation>My flat, a repair</translation>
    </message>
    <message>
      <source>Les rencontres et activités</source>
      <translation>Meetings and activities</translation>
    </message>
    <message>
      <source>Autre chose</source>
      <translation>Something else</translation>
    </message>
    <message>
      <source>{name}, le bureau vous rappellera au {phone}.</source>
      <translation>{name}, the office will call you back on {phone}.</translation>
    </message>
    <message>
      <source>{name}, le bureau vous rappellera.</source>
      <translation>{name}, the office will call you back.</translation>
    </message>
    <message>
      <source>Un autre numéro ? (facultatif)</source>
      <translation>Another number? (optional)</translation>
    </message>
    <message>
      <source>Vous avez déjà demandé un rappel le {date} : le bureau va vous appeler.</source>
      <translation>You already asked for a call back on {date}: the office will call you.</translation>
    </message>
    <message>
      <source>C'est à propos de :</source>
      <translation>It is about:</translation>
    </message>
    <message>
      <source>Votre demande est enregistrée.</source>
      <translation>Your request is recorded.</translation>
    </message>
    <message>
      <source>Le bureau vous rappellera dès que possible, aux heures d'ouverture.</source>
      <translation>The office will call you back as soon as possible, during opening hours.</translation>
    </message>
    <message>
      <source>Touchez ce dont il s'agit.</source>
      <translation>Touch what it is about.</translation>
    </message>
  </context>
  <context>
    <name>DisplayPanel</name>
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
      <source>Facile à lire</source>
      <translation>Easy to read</translation>
    </message>
    <message>
      <source>Facile à lire : phrases courtes et images</source>
      <translation>Easy to read: short sentences and pictures</translation>
    </message>
  </context>
  <context>
    <name>EasyRead</name>
    <message>
      <source>Empruntez un outil du club.</source>
      <translation>Borrow a tool from the club.</translation>
    </message>
    <message>
      <source>Montrez votre carte pour réserver.</source>
      <translation>Show your card to reserve.</translation>
    </message>
    <message>
      <source>Rendez l'outil à la date du ticket.</source>
      <translation>Bring the tool back on the date on the slip.</translation>
    </message>
    <message>
      <source>Scannez la carte, puis l'étiquette de l'outil.</source>
      <translation>Scan the card, then the tool's label.</translation>
    </message>
    <message>
      <source>Pour un retour, scannez seulement l'étiquette.</source>
      <translation>For a return, scan only the label.</translation>
    </message>
    <message>
      <source>Des voisins s'aident entre eux.</source>
      <translation>Neighbours help each other.</translation>
    </message>
    <message>
      <source>Votre numéro de téléphone n'est jamais affiché.</source>
      <translation>Your phone number is never shown.</translation>
    </message>
    <message>
      <source>Scannez la carte du membre.</source>
      <translation>Scan the member's card.</translation>
    </message>
    <message>
      <source>Encaissez en espèces : le reçu s'imprime.</source>
      <translation>Take the cash: the receipt prints.</translation>
    </message>
    <message>
      <source>Une heure donnée vaut une heure reçue.</source>
      <translation>An hour given is worth an hour received.</translation>
    </message>
    <message>
      <source>Les deux voisins montrent leur carte.</source>
      <translation>Both neighbours show their card.</translation>
    </message>
    <message>
      <source>Pas de carte ? Imprimez un bon pour un magasin.</source>
      <translation>No card? Print a voucher for a shop.</translation>
    </message>
    <message>
      <source>Le bon marche une seule fois.</source>
      <translation>The voucher works once.</translation>
    </message>
    <message>
      <source>Vous avez une carte ? Touchez « Scanner ma carte ».</source>
      <translation>Have a card? Touch “Scan my card”.</translation>
    </message>
    <message>
      <source>Pas encore membre ? Touchez « Devenir membre ».</source>
      <translation>Not a member yet? Touch “Join the club”.</translation>
    </message>
    <message>
      <source>Une question ? Touchez « Aide », en bas.</source>
      <translation>A question? Touch “Help”, at the bottom.</translation>
    </message>
    <message>
      <source>Montrez votre carte à la caméra, tout près.</source>
      <translation>Show your card to the camera, up close.</translation>
    </message>
    <message>
      <source>Ou tapez le numéro écrit sur la carte.</source>
      <translation>Or type the number written on the card.</translation>
    </message>
    <message>
      <source>Ici, les magasins qui font des réductions.</source>
      <translation>Here are the shops that give discounts.</translation>
    </message>
    <message>
      <source>Touchez une image pour choisir.</source>
      <translation>Touch a picture to choose.</translation>
    </message>
    <message>
      <source>Voici les magasins, les plus proches d'abord.</source>
      <translation>Here are the shops, nearest first.</translation>
    </message>
    <message>
      <source>Touchez un magasin pour voir la réduction.</source>
      <translation>Touch a shop to see the discount.</translation>
    </message>
    <message>
      <source>Montrez votre carte au magasin pour avoir la réduction.</source>
      <translation>Show your card in the shop to get the discount.</translation>
    </message>
    <message>
      <source>Les heures d'ouverture sont plus bas.</source>
      <translation>Opening hours are further down.</translation>
    </message>
    <message>
      <source>Devenir membre, c'est gratuit.</source>
      <translation>Joining is free.</translation>
    </message>
    <message>
      <source>Répondez aux questions, une par une.</source>
      <translation>Answer the questions, one at a time.</translation>
    </message>
    <message>
      <source>Votre gardien peut aussi vous inscrire.</source>
      <translation>Your caretaker can also sign you up.</translation>
    </message>
    <message>
      <source>Ici, c'est votre espace.</source>
      <translation>This is your space.</translation>
    </message>
    <message>
      <source>Vous voyez vos inscriptions, vos idées, vos demandes.</source>
      <translation>You see your sign-ups, your ideas, your requests.</translation>
    </message>
    <message>
      <source>Voici votre carte de membre.</source>
      <translation>Here is your membership card.</translation>
    </message>
    <message>
      <source>Montrez-la dans les magasins du club.</source>
      <translation>Show it in the club's shops.</translation>
    </message>
    <message>
      <source>Cette personne est peut-être déjà membre.</source>
      <translation>This person may already be a member.</translation>
    </message>
    <message>
      <source>Choisissez : même personne, ou personne différente.</source>
      <translation>Choose: same person, or a different person.</translation>
    </message>
    <message>
      <source>Cet espace est pour le gardien.</source>
      <translation>This space is for the caretaker.</translation>
    </message>
    <message>
      <source>Tapez votre code secret.</source>
      <translation>Type your secret code.</translation>
    </message>
    <message>
      <source>Espace du gardien.</source>
      <translation>Caretaker's space.</translation>
    </message>
    <message>
      <source>Inscrivez un foyer, ou cherchez un membre.</source>
      <translation>Sign up a household, or find a member.</translation>
    </message>
    <message>
      <source>Voici les prochaines rencontres.</source>
      <translation>Here are the next meetings.</translation>
    </message>
    <message>
      <source>Touchez une rencontre pour vous inscrire.</source>
      <translation>Touch a meeting to sign up.</translation>
    </message>
    <message>
      <source>Voici la rencontre : le jour, l'heure, le lieu.</source>
      <translation>Here is the meeting: the day, the time, the place.</translation>
    </message>
    <message>
      <source>Touchez le bouton vert pour vous inscrire.</source>
      <translation>Touch the green button to sign up.</translation>
    </message>
    <message>
      <source>Le gardien scanne les cartes à l'entrée.</source>
      <translation>The caretaker scans cards at the door.</translation>
    </message>
    <message>
      <source>Voici les idées des voisins.</source>
      <translation>Here are the neighbours' ideas.</translation>
    </message>
    <message>
      <source>Vous êtes d'accord ? Touchez « Je soutiens ».</source>
      <translation>You agree? Touch “I support”.</translation>
    </message>
    <message>
      <source>Donnez votre idée pour l'immeuble.</source>
      <translation>Give your idea for the building.</translation>
    </message>
    <message>
      <source>N'écrivez pas votre nom ni votre téléphone.</source>
      <translation>Do not write your name or phone number.</translation>
    </message>
    <message>
      <source>Demandez une réparation ou une aide au bailleur.</source>
      <translation>Ask the landlord for a repair or for help.</translation>
    </message>
    <message>
      <source>Le bureau vous répondra.</source>
      <translation>The office will answer you.</translation>
    </message>
    <message>
      <source>Vos inscriptions, vos idées et vos demandes.</source>
      <translation>Your sign-ups, your ideas and your requests.</translation>
    </message>
    <message>
      <source>Voici qui peut vous aider.</source>
      <translation>Here is who can help you.</translation>
    </message>
    <message>
      <source>Appelez le gardien, ou demandez qu'on vous rappelle.</source>
      <translation>Call the caretaker, or ask for a call back.</translation>
    </message>
    <message>
      <source>Le bureau peut vous rappeler.</source>
      <translation>The office can call you back.</translation>
    </message>
    <message>
      <source>Écrivez votre numéro de téléphone.</source>
      <translation>Write your phone number.</translation>
    </message>
    <message>
      <source>Besoin d'aide ? Touchez « Aide », en bas.</source>
      <translation>Need help? Touch “Help”, at the bottom.</translation>
    </message>
    <message>
      <source>Choisissez, puis écrivez votre annonce.</source>
      <translation>Choose, then write your post.</translation>
    </message>
    <message>
      <source>Le bureau la lit avant de l'afficher.</source>
      <translation>The office reads it before showing it.</translation>
    </message>
  </context>
  <context>
    <name>HelpScreen</name>
    <message>
      <source>Besoin d'aide ?</source>
      <translation>Need help?</translation>
    </message>
    <message>
      <source>Ces personnes peuvent vous aider :</source>
      <translation>These people can help you:</translation>
    </message>
    <message>
      <source>Le bureau n'a pas encore donné les coordonnées du gardien. Demandez à l'agence de votre bailleur.</source>
      <translation>The office has not given the caretaker's details yet. Ask your landlord's agency.</translation>
    </message>
    <message>
      <source>Je voudrais qu'on me rappelle</source>
      <translation>I would like a call back</translation>
    </message>
    <message>
      <source>Prochaine rencontre « En direct » avec le bailleur</source>
      <translation>Next “En direct” meeting with the landlord</translation>
    </message>
    <message>
      <source>Vous ne lisez pas bien ? Touchez « Écouter », en bas : la borne lit l'écran.</source>
      <translation>Reading is hard? Touch “Listen”, at the bottom: the kiosk reads the screen.</translation>
    </message>
  </context>
  <context>
    <name>Speech</name>
    <message>
      <source>activé</source>
      <translation>on</translation>
    </message>
    <message>
      <source>désactivé</source>
      <translation>off</translation>
    </message>
    <message>
      <source>{name}, {state}</source>
      <translation>{name}, {state}</translation>
    </message>
    <message>
      <source>Vous pouvez toucher : {choices}.</source>
      <translation>You can touch: {choices}.</translation>
    </message>
  </context>
  <context>
    <name>SpeechPanel</name>
    <message>
      <source>Répéter</source>
      <translation>Repeat</translation>
    </message>
    <message>
      <source>Arrêter</source>
      <translation>Stop</translation>
    </message>
    <message>
      <source>Moins fort</source>
      <translation>Quieter</translation>
    </message>
    <message>
      <source>Plus fort</source>
      <translation>Louder</translation>
    </message>
    <message>
      <source>Volume {level} sur {steps}</source>
      <translation>Volume {level} of {steps}</translation>
    </message>
  </context>
  <context>
    <name>SavingsPanel</name>
    <message>
      <source>{partner} : {amount} (1 passage)</source>
      <translation>{partner}: {amount} (1 visit)</translation>
    </message>
    <message>
      <source>Mes économies</source>
      <translation>My savings</translation>
    </message>
    <message>
      <source>Pas de carte sur vous ? Imprimer un bon</source>
      <translation>No card with you? Print a voucher</translation>
    </message>
    <message>
      <source>Rien pour l'instant cette année.</source>
      <translation>Nothing yet this year.</translation>
    </message>
    <message>
      <source>Montrez votre carte chez les partenaires du club : vos économies s'afficheront ici.</source>
      <translation>Show your card at the club's partners: your savings will show here.</translation>
    </message>
    <message>
      <source>Vous avez économisé {amount} cette année</source>
      <translation>You have saved {amount} this year</translation>
    </message>
    <message>
      <source>{partner} : {amount} (déclaré par le partenaire)</source>
      <translation>{partner}: {amount} (declared by the partner)</translation>
    </message>
    <message>
      <source>{partner} : {amount} ({uses} passages)</source>
      <translation>{partner}: {amount} ({uses} visits)</translation>
    </message>
    <message>
      <source>Mesuré chez les partenaires : {measured} · déclaré : {declared}</source>
      <translation>Measured at partners: {measured} · declared: {declared}</translation>
    </message>
  </context>
  <context>
    <name>VoucherScreen</name>
    <message>
      <source>Imprimer ce bon</source>
      <translation>Print this voucher</translation>
    </message>
    <message>
      <source>Un bon sans carte</source>
      <translation>A voucher without a card</translation>
    </message>
    <message>
      <source>Choisissez le bon plan : la borne imprime un bon à montrer au commerçant.</source>
      <translation>Choose the deal: the kiosk prints a voucher to show at the shop.</translation>
    </message>
    <message>
      <source>Le bon marche une seule fois, chez ce commerçant, pendant 30 jours.</source>
      <translation>The voucher works once, at that shop, for 30 days.</translation>
    </message>
    <message>
      <source>Ouvrir mon espace d'abord</source>
      <translation>Open my space first</translation>
    </message>
    <message>
      <source>Pour imprimer un bon, ouvrez d'abord votre espace : avec votre carte, ou avec votre prénom et votre logement.</source>
      <translation>To print a voucher, first open your space: with your card, or with your first name and your home.</translation>
    </message>
    <message>
      <source>Imprimer encore</source>
      <translation>Print again</translation>
    </message>
    <message>
      <source>Terminé</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Bon déjà imprimé, valable jusqu'au {date}</source>
      <translation>Voucher already printed, valid until {date}</translation>
    </message>
    <message>
      <source>Aucun bon plan en cours pour l'instant.</source>
      <translation>No deals running at the moment.</translation>
    </message>
    <message>
      <source>Votre bon s'imprime ✓ Montrez-le au commerçant.</source>
      <translation>Your voucher is printing ✓ Show it at the shop.</translation>
    </message>
    <message>
      <source>Pas d'imprimante ici : montrez ce bon au commerçant sur votre téléphone (prenez-le en photo).</source>
      <translation>No printer here: show this voucher at the shop on your phone (take a photo of it).</translation>
    </message>
    <message>
      <source>Code : {code}</source>
      <translation>Code: {code}</translation>
    </message>
    <message>
      <source>Vous avez déjà un bon pour cette offre, imprimé à une autre borne, valable jusqu'au {date}. Son code : {code}</source>
      <translation>You already have a voucher for this offer, printed at another kiosk, valid until {date}. Its code: {code}</translation>
    </message>
    <message>
      <source>Ce bon ne peut pas être imprimé. Voyez votre gardien.</source>
      <translation>This voucher cannot be printed. See your caretaker.</translation>
    </message>
  </context>
  <context>
    <name>VoucherPrint</name>
    <message>
      <source>BON PLAN · sans carte</source>
      <translation>DEAL · without a card</translation>
    </message>
    <message>
      <source>Code à taper si le QR ne passe pas :</source>
      <translation>Code to type if the QR does not scan:</translation>
    </message>
    <message>
      <source>Valable une seule fois, jusqu'au {date}.</source>
      <translation>Valid once, until {date}.</translation>
    </message>
  </context>
  <context>
    <name>LendingCatalogueScreen</name>
    <message>
      <source>Prêt d'outils</source>
      <translation>Tool lending</translation>
    </message>
    <message>
      <source>Scannez votre carte pour réserver un objet ou voir vos prêts.</source>
      <translation>Scan your card to reserve an item or see your loans.</translation>
    </message>
    <message>
      <source>Aucun objet à prêter pour l'instant.</source>
      <translation>No items to lend for now.</translation>
    </message>
    <message>
      <source>Mes prêts</source>
      <translation>My loans</translation>
    </message>
    <message>
      <source>J'ai lu et j'accepte</source>
      <translation>I have read and I accept</translation>
    </message>
    <message>
      <source>Signer la décharge</source>
      <translation>Sign the waiver</translation>
    </message>
    <message>
      <source>Signer la décharge (perceuse, échelle…)</source>
      <translation>Sign the waiver (drill, ladder…)</translation>
    </message>
    <message>
      <source>disponible</source>
      <translation>available</translation>
    </message>
    <message>
      <source>en réparation</source>
      <translation>being repaired</translation>
    </message>
    <message>
      <source>de retour le {date}</source>
      <translation>back on {date}</translation>
    </message>
    <message>
      <source>réservé pour vous</source>
      <translation>reserved for you</translation>
    </message>
    <message>
      <source>chez vous</source>
      <translation>at your home</translation>
    </message>
    <message>
      <source>touchez pour réserver</source>
      <translation>tap to reserve</translation>
    </message>
    <message>
      <source>{item} : réservé</source>
      <translation>{item}: reserved</translation>
    </message>
    <message>
      <source>place {n} sur la liste</source>
      <translation>number {n} on the list</translation>
    </message>
    <message>
      <source>⚠ {item} : en retard, à rendre depuis le {date}</source>
      <translation>⚠ {item}: overdue, due since {date}</translation>
    </message>
    <message>
      <source>{item} : à rendre le {date}</source>
      <translation>{item}: due back on {date}</translation>
    </message>
    <message>
      <source>c'est demain</source>
      <translation>that is tomorrow</translation>
    </message>
    <message>
      <source>{item} : rendu</source>
      <translation>{item}: returned</translation>
    </message>
    <message>
      <source>Aucun prêt en cours.</source>
      <translation>No loans at the moment.</translation>
    </message>
    <message>
      <source>Bonjour {name}</source>
      <translation>Hello {name}</translation>
    </message>
    <message>
      <source>Scannez d'abord votre carte pour réserver.</source>
      <translation>Scan your card first to reserve.</translation>
    </message>
    <message>
      <source>Réservé : la loge vous le prêtera à son retour.</source>
      <translation>Reserved: the caretaker's lodge will lend it to you when it comes back.</translation>
    </message>
    <message>
      <source>Cochez « J'ai lu et j'accepte ».</source>
      <translation>Tick “I have read and I accept”.</translation>
    </message>
    <message>
      <source>Décharge signée. Merci.</source>
      <translation>Waiver signed. Thank you.</translation>
    </message>
  </context>
  <context>
    <name>LendingDeskScreen</name>
    <message>
      <source>Prêt d'outils</source>
      <translation>Tool lending</translation>
    </message>
    <message>
      <source>À réparer</source>
      <translation>Needs repair</translation>
    </message>
    <message>
      <source>Ce qui ne va pas (facultatif)</source>
      <translation>What is wrong (optional)</translation>
    </message>
    <message>
      <source>Mettre en réparation</source>
      <translation>Send for repair</translation>
    </message>
    <message>
      <source>Réimprimer le ticket</source>
      <translation>Print the slip again</translation>
    </message>
    <message>
      <source>Autre membre</source>
      <translation>Another member</translation>
    </message>
    <message>
      <source>Prêts en retard</source>
      <translation>Overdue loans</translation>
    </message>
    <message>
      <source>Prêts refusés par le serveur (touchez quand c'est réglé)</source>
      <translation>Loans refused by the server (tap once settled)</translation>
    </message>
    <message>
      <source>Scannez la carte du membre, puis l'étiquette de l'objet. Pour un retour, scannez seulement l'étiquette.</source>
      <translation>Scan the member's card, then the item's label. For a return, scan only the label.</translation>
    </message>
    <message>
      <source>Pour {name} : scannez l'étiquette de l'objet.</source>
      <translation>For {name}: scan the item's label.</translation>
    </message>
    <message>
      <source>Bonjour {name}</source>
      <translation>Hello {name}</translation>
    </message>
    <message>
      <source>Scannez maintenant l'étiquette de l'objet.</source>
      <translation>Now scan the item's label.</translation>
    </message>
    <message>
      <source>✓ Prêté : {item}</source>
      <translation>✓ Lent: {item}</translation>
    </message>
    <message>
      <source>À rendre le {date}</source>
      <translation>Due back on {date}</translation>
    </message>
    <message>
      <source>✓ Rendu : {item}</source>
      <translation>✓ Returned: {item}</translation>
    </message>
    <message>
      <source>Merci {name}. En bon état ? Sinon touchez « À réparer ».</source>
      <translation>Thank you {name}. In good condition? If not, tap “Needs repair”.</translation>
    </message>
    <message>
      <source>En bon état ? Sinon touchez « À réparer ».</source>
      <translation>In good condition? If not, tap “Needs repair”.</translation>
    </message>
    <message>
      <source>En réparation : {item}</source>
      <translation>Being repaired: {item}</translation>
    </message>
    <message>
      <source>Il ne sera plus prêté avant sa réparation.</source>
      <translation>It will not be lent again until it is repaired.</translation>
    </message>
    <message>
      <source>à rendre le {date}</source>
      <translation>due back on {date}</translation>
    </message>
  </context>
  <context>
    <name>LendingSlip</name>
    <message>
      <source>Dépôt de garantie : {amount}</source>
      <translation>Deposit: {amount}</translation>
    </message>
    <message>
      <source>Pour : {name}</source>
      <translation>For: {name}</translation>
    </message>
    <message>
      <source>Prêt d'outils</source>
      <translation>Tool lending</translation>
    </message>
    <message>
      <source>Rapportez-le à la loge, propre. En cas de panne, prévenez le gardien.</source>
      <translation>Bring it back to the lodge, clean. If it breaks down, tell the caretaker.</translation>
    </message>
    <message>
      <source>Scannez à la loge</source>
      <translation>Scan at the lodge</translation>
    </message>
    <message>
      <source>À rendre le {date}</source>
      <translation>Due back on {date}</translation>
    </message>
  </context>
  <context>
    <name>Lending</name>
    <message>
      <source>Action impossible</source>
      <translation>Not possible</translation>
    </message>
    <message>
      <source>Carte refusée</source>
      <translation>Card refused</translation>
    </message>
    <message>
      <source>Cet objet demande une décharge signée : le membre la signe à la borne, dans « Mon espace ».</source>
      <translation>This item needs a signed waiver: the member signs it at the kiosk, in “My space”.</translation>
    </message>
    <message>
      <source>Cet objet n'appartient pas à un point de prêt de cette borne.</source>
      <translation>This item does not belong to a lending point of this kiosk.</translation>
    </message>
    <message>
      <source>Cet objet n'est pas sorti : scannez la carte de l'emprunteur, puis l'étiquette.</source>
      <translation>This item is not out: scan the borrower's card, then the label.</translation>
    </message>
    <message>
      <source>Cotisation à régler</source>
      <translation>Membership fee due</translation>
    </message>
    <message>
      <source>Décharge à signer</source>
      <translation>Waiver to sign</translation>
    </message>
    <message>
      <source>Déjà réservé</source>
      <translation>Already reserved</translation>
    </message>
    <message>
      <source>En entretien jusqu'au {date}.</source>
      <translation>Being serviced until {date}.</translation>
    </message>
    <message>
      <source>En réparation ou retiré du prêt.</source>
      <translation>Being repaired or withdrawn from lending.</translation>
    </message>
    <message>
      <source>Il doit revenir le {date}. Le membre peut le réserver.</source>
      <translation>It is due back on {date}. The member can reserve it.</translation>
    </message>
    <message>
      <source>Il est chez un autre membre.</source>
      <translation>Another member has it.</translation>
    </message>
    <message>
      <source>Il faut d'abord rapporter l'objet en retard.</source>
      <translation>The overdue item must be brought back first.</translation>
    </message>
    <message>
      <source>La cotisation n'est pas à jour : les prêts reprennent dès qu'elle est réglée.</source>
      <translation>The membership fee is not up to date: loans resume as soon as it is paid.</translation>
    </message>
    <message>
      <source>Le bureau a suspendu les prêts de ce membre. Voir avec le bureau.</source>
      <translation>The office has suspended this member's loans. See the office.</translation>
    </message>
    <message>
      <source>Objet déjà prêté</source>
      <translation>Item already lent</translation>
    </message>
    <message>
      <source>Objet indisponible</source>
      <translation>Item unavailable</translation>
    </message>
    <message>
      <source>Prêts suspendus pour ce membre</source>
      <translation>Loans suspended for this member</translation>
    </message>
    <message>
      <source>Scannez d'abord la carte du membre</source>
      <translation>Scan the member's card first</translation>
    </message>
    <message>
      <source>Un prêt est en retard</source>
      <translation>A loan is overdue</translation>
    </message>
    <message>
      <source>déjà prêté par une autre borne : à récupérer</source>
      <translation>already lent by another kiosk: to be collected</translation>
    </message>
    <message>
      <source>membre suspendu par le bureau</source>
      <translation>member suspended by the office</translation>
    </message>
    <message>
      <source>refusé : {code}</source>
      <translation>refused: {code}</translation>
    </message>
    <message>
      <source>Étiquette inconnue ici</source>
      <translation>Label unknown here</translation>
    </message>
  </context>
  <context>
    <name>ExchangesScreen</name>
    <message>
      <source>Échanges entre voisins</source>
      <translation>Neighbours' exchanges</translation>
    </message>
    <message>
      <source>Des voisins proposent ou cherchent un coup de main. Les annonces sont relues par le bureau avant d'être affichées. Aucun numéro de téléphone n'est affiché : la personne reçoit votre demande dans son espace.</source>
      <translation>Neighbours offer or look for a helping hand. Posts are read by the office before they are shown. No phone number is shown: the person gets your request in their space.</translation>
    </message>
    <message>
      <source>Pas encore d'annonce dans cette rubrique.</source>
      <translation>No post in this section yet.</translation>
    </message>
    <message>
      <source>{n} annonce(s)</source>
      <translation>{n} post(s)</translation>
    </message>
    <message>
      <source>aucune</source>
      <translation>none</translation>
    </message>
    <message>
      <source>C'est transmis : la personne verra votre demande dans son espace à la borne, ou le gardien la préviendra.</source>
      <translation>Sent: the person will see your request in their space at the kiosk, or the caretaker will tell them.</translation>
    </message>
  </context>
  <context>
    <name>PostCard</name>
    <message>
      <source>Être mis en relation</source>
      <translation>Get in touch</translation>
    </message>
  </context>
  <context>
    <name>ConciergerieMessages</name>
    <message>
      <source>Petit bricolage</source>
      <translation>Small DIY</translation>
    </message>
    <message>
      <source>Garde d'enfants</source>
      <translation>Childcare</translation>
    </message>
    <message>
      <source>Ménage</source>
      <translation>Cleaning</translation>
    </message>
    <message>
      <source>Couture</source>
      <translation>Sewing</translation>
    </message>
    <message>
      <source>Informatique</source>
      <translation>Computers</translation>
    </message>
    <message>
      <source>Aide administrative</source>
      <translation>Paperwork help</translation>
    </message>
    <message>
      <source>Cuisine</source>
      <translation>Cooking</translation>
    </message>
    <message>
      <source>Soutien scolaire</source>
      <translation>Homework help</translation>
    </message>
    <message>
      <source>Jardinage</source>
      <translation>Gardening</translation>
    </message>
    <message>
      <source>Autre</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>Je propose</source>
      <translation>I offer</translation>
    </message>
    <message>
      <source>Je cherche</source>
      <translation>I am looking for</translation>
    </message>
    <message>
      <source>En attente de relecture par le bureau</source>
      <translation>Waiting for the office to read it</translation>
    </message>
    <message>
      <source>Affichée</source>
      <translation>Shown</translation>
    </message>
    <message>
      <source>Non retenue</source>
      <translation>Not accepted</translation>
    </message>
    <message>
      <source>Retirée</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <source>Cette annonce n'est plus affichée.</source>
      <translation>This post is no longer shown.</translation>
    </message>
    <message>
      <source>C'est votre propre annonce.</source>
      <translation>This is your own post.</translation>
    </message>
    <message>
      <source>Vous avez déjà demandé à être mis en relation pour cette annonce.</source>
      <translation>You have already asked to get in touch about this post.</translation>
    </message>
    <message>
      <source>Pas de numéro de téléphone ni d'adresse e-mail dans le texte : il est affiché dans le hall.</source>
      <translation>No phone number or e-mail address in the text: it is shown in the lobby.</translation>
    </message>
    <message>
      <source>Le texte est trop court.</source>
      <translation>The text is too short.</translation>
    </message>
    <message>
      <source>Les deux cartes sont celles de la même personne.</source>
      <translation>Both cards belong to the same person.</translation>
    </message>
    <message>
      <source>Choisissez une durée entre 15 minutes et 10 heures.</source>
      <translation>Choose a duration between 15 minutes and 10 hours.</translation>
    </message>
    <message>
      <source>Cet échange a déjà été annulé.</source>
      <translation>This exchange has already been cancelled.</translation>
    </message>
    <message>
      <source>Cela n'a pas pu être fait. Demandez au gardien.</source>
      <translation>That could not be done. Ask the caretaker.</translation>
    </message>
  </context>
  <context>
    <name>TimeTransferScreen</name>
    <message>
      <source>Banque de temps</source>
      <translation>Time bank</translation>
    </message>
    <message>
      <source>1. La personne qui a rendu le service présente sa carte.</source>
      <translation>1. The person who gave the service shows their card.</translation>
    </message>
    <message>
      <source>2. La personne qui a reçu le service présente sa carte.</source>
      <translation>2. The person who received the service shows their card.</translation>
    </message>
    <message>
      <source>3. Combien de temps ?</source>
      <translation>3. How long?</translation>
    </message>
    <message>
      <source>Valider</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <source>Un autre échange</source>
      <translation>Another exchange</translation>
    </message>
    <message>
      <source>C'est noté : {duration} ajoutées à la banque de temps.</source>
      <translation>Noted: {duration} added to the time bank.</translation>
    </message>
  </context>
<context>
    <name>FeeReceiptPrint</name>
    <message>
      <source>{n} mois</source>
      <translation>{n} month(s)</translation>
    </message>
    <message>
      <source>Membre</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>Période</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Montant payé en espèces</source>
      <translation>Amount paid in cash</translation>
    </message>
    <message>
      <source>Payé le</source>
      <translation>Paid on</translation>
    </message>
    <message>
      <source>Cotisation payée jusqu'au</source>
      <translation>Membership fee paid until</translation>
    </message>
    <message>
      <source>Reçu par</source>
      <translation>Received by</translation>
    </message>
    <message>
      <source>Reçu de cotisation</source>
      <translation>Membership fee receipt</translation>
    </message>
    <message>
      <source>N° {number}</source>
      <translation>No. {number}</translation>
    </message>
</context>
  <context>
    <name>FeeDeskScreen</name>
    <message>
      <source>Cotisations</source>
      <translation>Membership fees</translation>
    </message>
    <message>
      <source>Scannez la carte du membre, ou cherchez-le par son nom. Paiement en espèces uniquement.</source>
      <translation>Scan the member's card, or find them by name. Cash only.</translation>
    </message>
    <message>
      <source>Nom ou prénom</source>
      <translation>Last or first name</translation>
    </message>
    <message>
      <source>Chercher un membre</source>
      <translation>Find a member</translation>
    </message>
    <message>
      <source>Chercher</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Réimprimer le reçu</source>
      <translation>Print the receipt again</translation>
    </message>
    <message>
      <source>Autre membre</source>
      <translation>Another member</translation>
    </message>
    <message>
      <source>Paiements refusés par le serveur</source>
      <translation>Payments the server refused</translation>
    </message>
    <message>
      <source>Aucun membre trouvé.</source>
      <translation>No member found.</translation>
    </message>
    <message>
      <source>Club des locataires</source>
      <translation>Tenants' club</translation>
    </message>
    <message>
      <source>Reçu {number} ({amount}) : {reason}</source>
      <translation>Receipt {number} ({amount}): {reason}</translation>
    </message>
    <message>
      <source>{n} mois · {amount}</source>
      <translation>{n} months · {amount}</translation>
    </message>
    <message>
      <source>Encaisser {amount} en espèces</source>
      <translation>Take {amount} in cash</translation>
    </message>
    <message>
      <source>Choisissez le nombre de mois</source>
      <translation>Choose the number of months</translation>
    </message>
    <message>
      <source>reçu imprimé</source>
      <translation>receipt printed</translation>
    </message>
    <message>
      <source>l'imprimante ne répond pas : notez le numéro sur un papier</source>
      <translation>the printer does not answer: write the number on paper</translation>
    </message>
    <message>
      <source>Payé : {amount}. Reçu n° {number}, {printed}.</source>
      <translation>Paid: {amount}. Receipt no. {number}, {printed}.</translation>
    </message>
    <message>
      <source>Pas de cotisation dans ce club : rien à payer.</source>
      <translation>This club charges no fee: nothing to pay.</translation>
    </message>
    <message>
      <source>Cotisation payée jusqu'au {date} · {amount} par mois</source>
      <translation>Fee paid until {date} · {amount} a month</translation>
    </message>
    <message>
      <source>Cotisation à régler depuis le {date} · {amount} par mois</source>
      <translation>Fee due since {date} · {amount} a month</translation>
    </message>
    <message>
      <source>Cotisation à régler (jamais payée) · {amount} par mois</source>
      <translation>Fee due (never paid) · {amount} a month</translation>
    </message>
  </context>
  <context>
    <name>FeeMessages</name>
    <message>
      <source>montant plus élevé que la cotisation du club</source>
      <translation>amount higher than the club's fee</translation>
    </message>
    <message>
      <source>montant impossible (zéro ou négatif)</source>
      <translation>impossible amount (zero or negative)</translation>
    </message>
    <message>
      <source>ce club ne demande pas de cotisation</source>
      <translation>this club charges no fee</translation>
    </message>
    <message>
      <source>de 1 à 12 mois seulement</source>
      <translation>1 to 12 months only</translation>
    </message>
    <message>
      <source>numéro de reçu déjà donné par une autre borne : appelez le bureau</source>
      <translation>receipt number already given by another kiosk: call the office</translation>
    </message>
    <message>
      <source>paiement déjà enregistré</source>
      <translation>payment already recorded</translation>
    </message>
    <message>
      <source>ce membre a quitté le club</source>
      <translation>this member has left the club</translation>
    </message>
    <message>
      <source>membre inconnu du serveur</source>
      <translation>member unknown to the server</translation>
    </message>
    <message>
      <source>membre introuvable sur cette borne</source>
      <translation>member not found on this kiosk</translation>
    </message>
    <message>
      <source>carte non reconnue : cherchez le membre par son nom</source>
      <translation>card not recognised: find the member by name</translation>
    </message>
    <message>
      <source>refusé ({code}) : appelez le bureau</source>
      <translation>refused ({code}): call the office</translation>
    </message>
  </context>
  <context>
    <name>ConciergeriePanel</name>
    <message>
      <source>Mes annonces</source>
      <translation>My posts</translation>
    </message>
    <message>
      <source>Demandes de contact reçues</source>
      <translation>Contact requests received</translation>
    </message>
    <message>
      <source>Mes demandes de contact</source>
      <translation>My contact requests</translation>
    </message>
    <message>
      <source>Mon temps donné et reçu</source>
      <translation>Time I gave and received</translation>
    </message>
    <message>
      <source>Impossible d'afficher vos annonces et votre temps pour l'instant. Réessayez plus tard.</source>
      <translation>Your posts and your time cannot be shown right now. Please try again later.</translation>
    </message>
    <message>
      <source>Rien pour l'instant.</source>
      <translation>Nothing yet.</translation>
    </message>
    <message>
      <source>Un voisin voudrait vous joindre pour « {text} » : il attend votre appel ou le gardien vous préviendra.</source>
      <translation>A neighbour would like to reach you about “{text}”: they are waiting for your call, or the caretaker will let you know.</translation>
    </message>
    <message>
      <source>Vous avez demandé le contact pour « {text} »</source>
      <translation>You asked to be put in touch about “{text}”</translation>
    </message>
    <message>
      <source>Solde : {time}</source>
      <translation>Balance: {time}</translation>
    </message>
    <message>
      <source>Aucun échange de temps pour l'instant.</source>
      <translation>No time exchanged yet.</translation>
    </message>
  </context>
  <context>
    <name>ExchangePostScreen</name>
    <message>
      <source>Publier une annonce</source>
      <translation>Publish a post</translation>
    </message>
    <message>
      <source>Écrivez en quelques mots ce que vous proposez ou cherchez.</source>
      <translation>Write in a few words what you offer or are looking for.</translation>
    </message>
    <message>
      <source>Choisissez « Je propose » ou « Je cherche ».</source>
      <translation>Choose “I offer” or “I am looking for”.</translation>
    </message>
    <message>
      <source>Choisissez une rubrique.</source>
      <translation>Choose a category.</translation>
    </message>
    <message>
      <source>Le texte est trop court : {min} caractères au moins.</source>
      <translation>The text is too short: at least {min} characters.</translation>
    </message>
    <message>
      <source>Le texte est trop long : {max} caractères au plus (il en a {n}).</source>
      <translation>The text is too long: {max} characters at most (it has {n}).</translation>
    </message>
    <message>
      <source>Pas de numéro de téléphone ni d'adresse e-mail dans le texte : il est affiché dans le hall.</source>
      <translation>No phone number or e-mail address in the text: it is shown in the lobby.</translation>
    </message>
    <message>
      <source>Ce texte ne peut pas être publié. Reformulez-le, ou demandez au gardien.</source>
      <translation>This text cannot be posted. Rephrase it, or ask the caretaker.</translation>
    </message>
    <message>
      <source>Vous…</source>
      <translation>You…</translation>
    </message>
    <message>
      <source>Rubrique</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Votre annonce, en quelques mots ({max} caractères au plus)</source>
      <translation>Your post, in a few words ({max} characters at most)</translation>
    </message>
    <message>
      <source>Pas de numéro de téléphone ni d'adresse e-mail : l'annonce est affichée dans le hall. Les voisins intéressés vous contactent par votre espace.</source>
      <translation>No phone number or e-mail address: the post is shown in the lobby. Interested neighbours contact you through your space.</translation>
    </message>
    <message>
      <source>Publier</source>
      <translation>Post</translation>
    </message>
    <message>
      <source>C'est envoyé. Votre annonce attend la relecture du bureau avant d'être affichée. En attendant, vous la voyez dans « Mon espace », rubrique « Mes annonces ».</source>
      <translation>Sent. Your post is waiting for the office to read it before it is shown. Meanwhile you can see it in “My space”, under “My posts”.</translation>
    </message>
    <message>
      <source>Retour aux annonces</source>
      <translation>Back to the posts</translation>
    </message>
  </context>
  <context>
    <name>OpenPostRow</name>
    <message>
      <source>Retirer mon annonce</source>
      <translation>Take down my post</translation>
    </message>
    <message>
      <source>Retirer cette annonce ? Elle ne sera plus affichée dans le hall.</source>
      <translation>Take this post down? It will no longer be shown in the lobby.</translation>
    </message>
    <message>
      <source>L'annonce n'a pas pu être retirée. Réessayez ou demandez au gardien.</source>
      <translation>The post could not be taken down. Try again or ask the caretaker.</translation>
    </message>
    <message>
      <source>Oui, retirer</source>
      <translation>Yes, take it down</translation>
    </message>
    <message>
      <source>Non, la garder</source>
      <translation>No, keep it</translation>
    </message>
  </context>
  <context>
    <name>LendingDetail</name>
    <message>
      <source>← Tous les objets</source>
      <translation>← All items</translation>
    </message>
    <message>
      <source>Réserver</source>
      <translation>Reserve</translation>
    </message>
    <message>
      <source>Prêt de {n} jours</source>
      <translation>Lent for {n} days</translation>
    </message>
    <message>
      <source>Prêt d'un jour</source>
      <translation>Lent for one day</translation>
    </message>
    <message>
      <source>caution {amount}</source>
      <translation>deposit {amount}</translation>
    </message>
    <message>
      <source>décharge à signer</source>
      <translation>waiver to sign</translation>
    </message>
  </context>
  <context>
    <name>TimeDeskScreen</name>
    <message>
      <source>Suivant : la durée</source>
      <translation>Next: the duration</translation>
    </message>
    <message>
      <source>Modifier les personnes</source>
      <translation>Change the people</translation>
    </message>
    <message>
      <source>{name} a rendu le service à {count} personne(s).</source>
      <translation>{name} gave the service to {count} person(s).</translation>
    </message>
    <message>
      <source>Banque de temps</source>
      <translation>Time bank</translation>
    </message>
    <message>
      <source>Enregistrer un échange</source>
      <translation>Record an exchange</translation>
    </message>
    <message>
      <source>Derniers échanges</source>
      <translation>Latest exchanges</translation>
    </message>
    <message>
      <source>Nom ou prénom</source>
      <translation>Last or first name</translation>
    </message>
    <message>
      <source>Chercher un membre</source>
      <translation>Find a member</translation>
    </message>
    <message>
      <source>Chercher</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>Ou un atelier : l'animateur et les inscrits</source>
      <translation>Or a workshop: its host and sign-ups</translation>
    </message>
    <message>
      <source>Changer</source>
      <translation>Change</translation>
    </message>
    <message>
      <source>Un quart d'heure de moins</source>
      <translation>A quarter of an hour less</translation>
    </message>
    <message>
      <source>Un quart d'heure de plus</source>
      <translation>A quarter of an hour more</translation>
    </message>
    <message>
      <source>Note courte (facultatif) : quel service ?</source>
      <translation>Short note (optional): what service?</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Enregistrer</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>Tout effacer</source>
      <translation>Clear all</translation>
    </message>
    <message>
      <source>Raison de l'annulation</source>
      <translation>Reason for cancelling</translation>
    </message>
    <message>
      <source>Annuler (contre-passation)</source>
      <translation>Cancel (reversal)</translation>
    </message>
    <message>
      <source>Aucun échange de temps enregistré sur cette borne pour l'instant.</source>
      <translation>No time exchange recorded on this kiosk yet.</translation>
    </message>
    <message>
      <source>Aucun membre trouvé.</source>
      <translation>No member found.</translation>
    </message>
    <message>
      <source>{when} · {count} inscrit(s)
{title}</source>
      <translation>{when} · {count} signed up
{title}</translation>
    </message>
    <message>
      <source>Choisissez d'abord la personne qui a rendu le service.</source>
      <translation>First choose the person who gave the service.</translation>
    </message>
    <message>
      <source>C'est noté : {name} reçoit {total} ({count} × {each}). Enregistré par {staff}.</source>
      <translation>Done: {name} receives {total} ({count} × {each}). Recorded by {staff}.</translation>
    </message>
    <message>
      <source>{name} : solde {balance}, {flag}</source>
      <translation>{name}: balance {balance}, {flag}</translation>
    </message>
    <message>
      <source>saisi par le gardien</source>
      <translation>recorded by the caretaker</translation>
    </message>
    <message>
      <source>confirmé par les cartes</source>
      <translation>confirmed by the cards</translation>
    </message>
    <message>
      <source>saisi au bureau</source>
      <translation>recorded at the office</translation>
    </message>
    <message>
      <source>{when} · {provider} reçoit {minutes} de {receivers} · {how}</source>
      <translation>{when} · {provider} receives {minutes} from {receivers} · {how}</translation>
    </message>
    <message>
      <source>ANNULÉ</source>
      <translation>CANCELLED</translation>
    </message>
    <message>
      <source>Touchez d'abord l'échange à annuler dans la liste.</source>
      <translation>First tap the exchange to cancel in the list.</translation>
    </message>
    <message>
      <source>Annulé : {provider} perd {minutes}, chacun récupère sa part.</source>
      <translation>Cancelled: {provider} loses {minutes}, everyone gets their share back.</translation>
    </message>
    <message>
      <source>1. Qui a rendu le service ? Scannez sa carte ou cherchez son nom.</source>
      <translation>1. Who gave the service? Scan their card or search their name.</translation>
    </message>
    <message>
      <source>2. Qui l'a reçu ? Ajoutez chaque personne, par sa carte ou son nom.</source>
      <translation>2. Who received it? Add each person, by card or name.</translation>
    </message>
    <message>
      <source>A donné le temps : {name}</source>
      <translation>Gave the time: {name}</translation>
    </message>
    <message>
      <source>A donné le temps : personne encore</source>
      <translation>Gave the time: nobody yet</translation>
    </message>
    <message>
      <source>Ont reçu le service ({count}) — touchez un nom pour l'enlever</source>
      <translation>Received the service ({count}) — tap a name to remove it</translation>
    </message>
    <message>
      <source>Ont reçu le service : personne encore</source>
      <translation>Received the service: nobody yet</translation>
    </message>
    <message>
      <source>{each} par personne · {total} en tout pour {name}</source>
      <translation>{each} per person · {total} in all for {name}</translation>
    </message>
    <message>
      <source>Par quart d'heure avec − et +, ou une durée toute prête.</source>
      <translation>By quarter hours with − and +, or a ready-made duration.</translation>
    </message>
  </context>
  <context>
    <name>TimeDeskMessages</name>
    <message>
      <source>Ajoutez au moins une personne qui a reçu le service.</source>
      <translation>Add at least one person who received the service.</translation>
    </message>
    <message>
      <source>Pas plus de 40 personnes dans un même échange.</source>
      <translation>No more than 40 people in one exchange.</translation>
    </message>
    <message>
      <source>La même personne ne peut pas donner et recevoir le temps.</source>
      <translation>The same person cannot both give and receive the time.</translation>
    </message>
    <message>
      <source>Cette personne est déjà dans la liste.</source>
      <translation>This person is already in the list.</translation>
    </message>
    <message>
      <source>Choisissez une durée entre 15 minutes et 10 heures par personne.</source>
      <translation>Choose a duration between 15 minutes and 10 hours per person.</translation>
    </message>
    <message>
      <source>Cet échange a déjà été annulé : on ne l'annule pas deux fois.</source>
      <translation>This exchange has already been cancelled: it cannot be cancelled twice.</translation>
    </message>
    <message>
      <source>Une annulation ne s'annule pas.</source>
      <translation>A cancellation cannot be cancelled.</translation>
    </message>
    <message>
      <source>Échange introuvable sur cette borne.</source>
      <translation>Exchange not found on this kiosk.</translation>
    </message>
    <message>
      <source>Membre inconnu sur cette borne.</source>
      <translation>Member unknown on this kiosk.</translation>
    </message>
    <message>
      <source>Écrivez la raison de l'annulation.</source>
      <translation>Write the reason for cancelling.</translation>
    </message>
    <message>
      <source>Carte non reconnue : cherchez le membre par son nom.</source>
      <translation>Card not recognised: search the member by name.</translation>
    </message>
    <message>
      <source>Cela n'a pas pu être fait ({code}) : appelez le bureau.</source>
      <translation>That could not be done ({code}): call the office.</translation>
    </message>
    <message>
      <source>plus de 10 heures dues : signalé au bureau</source>
      <translation>more than 10 hours owed: flagged to the office</translation>
    </message>
    <message>
      <source>plus de 20 heures d'avance : signalé au bureau</source>
      <translation>more than 20 hours ahead: flagged to the office</translation>
    </message>
  </context>
  <context>
    <name>StaffHomeScreen</name>
    <message>
      <source>Banque de temps</source>
      <translation>Time bank</translation>
    </message>
  </context>
  <context>
    <name>EasyRead</name>
    <message>
      <source>Le gardien note le temps donné entre voisins.</source>
      <translation>The caretaker records time given between neighbours.</translation>
    </message>
    <message>
      <source>Scannez la carte, ou cherchez le nom.</source>
      <translation>Scan the card, or search the name.</translation>
    </message>
  </context>
</TS>
