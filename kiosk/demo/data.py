"""The demo club's fixed content: places, partners, events, announcements, people.

Modelled on the Club des locataires of Plaine Commune Habitat (Saint-Denis and
Aubervilliers). Every business and person here is fictional; street names are real
streets of the two towns. Phone numbers are in the range ARCEP reserves for fiction
(01 99 00 xx xx; libphonenumber rejects the mobile fiction range 06 39 98). Data only; ``seed.py`` writes it.
"""

from __future__ import annotations

# Kiosk location: lobby of Résidence Paul-Éluard, Saint-Denis.
KIOSK_LAT, KIOSK_LON = 48.9362, 2.3574

ESTATES = [
    ("PCH-ELU", "Résidence Paul-Éluard", "Saint-Denis"),
    ("PCH-DOU", "Cité Gaston-Dourdin", "Saint-Denis"),
    ("PCH-LAN", "Résidence du Landy", "Aubervilliers"),
]

# id, estate, name, address, lat, lon
BUILDINGS = [
    ("PCH-ELU-A", "PCH-ELU", "Bâtiment A", "14 rue Gabriel-Péri, 93200 Saint-Denis", 48.9361, 2.3573),
    ("PCH-ELU-B", "PCH-ELU", "Bâtiment B", "16 rue Gabriel-Péri, 93200 Saint-Denis", 48.9364, 2.3578),
    ("PCH-DOU-1", "PCH-DOU", "Bâtiment 1", "8 rue Gaston-Dourdin, 93200 Saint-Denis", 48.9331, 2.3617),
    ("PCH-LAN-41", "PCH-LAN", "Bâtiment 41", "41 rue du Landy, 93300 Aubervilliers", 48.9105, 2.3790),
    ("PCH-LAN-43", "PCH-LAN", "Bâtiment 43", "43 rue du Landy, 93300 Aubervilliers", 48.9107, 2.3795),
]
DEMO_KIOSK_BUILDINGS = ["PCH-ELU-A", "PCH-ELU-B"]

_WEEKDAYS = {0: [("09:00", "19:30")], 1: [("09:00", "19:30")], 2: [("09:00", "19:30")],
             3: [("09:00", "19:30")], 4: [("09:00", "19:30")], 5: [("09:00", "19:00")]}
_SHOP = {**_WEEKDAYS}
_BAKERY = {d: [("06:30", "20:00")] for d in (0, 1, 2, 4, 5, 6)}            # closed Wednesday
_LATE = {d: [("08:00", "01:00")] for d in range(7)}                         # past midnight
_SALON = {1: [("09:30", "19:00")], 2: [("09:30", "19:00")], 3: [("09:30", "19:00")],
          4: [("09:30", "20:00")], 5: [("09:00", "18:00")]}                 # closed Sun-Mon
_OFFICE = {d: [("09:00", "12:30"), ("14:00", "18:00")] for d in range(5)}
_CULTURE = {2: [("13:30", "23:30")], 3: [("13:30", "23:30")], 4: [("13:30", "23:59")],
            5: [("10:30", "00:30")], 6: [("10:30", "22:00")]}
_ARTISAN = {d: [("08:00", "18:00")] for d in range(6)}
_EMERGENCY = {d: [("00:00", "24:00")] for d in range(7)}

# id, name, category, street address, dlat, dlon (offset from the kiosk, degrees),
# phone, website, description, hours, offer text, conditions
PARTNERS = [
    ("boulangerie-basilique", "Boulangerie Les Délices de la Basilique", "food", "3 rue de la Légion-d'Honneur, Saint-Denis",
     0.0012, 0.0009, "01 99 00 10 01", "", "Pain, viennoiseries, pâtisseries maison", _BAKERY,
     "-10 % sur les viennoiseries", "Sur présentation de la carte, hors promotions"),
    ("epicerie-landy", "Épicerie solidaire du Landy", "food", "60 rue du Landy, Aubervilliers",
     -0.0240, 0.0210, "01 99 00 10 02", "https://epicerie-landy.example.org", "Épicerie, fruits et légumes, produits du monde", _SHOP,
     "-15 % sur tout le magasin", "Le mardi et le jeudi"),
    ("primeur-karim", "Primeur Chez Karim", "food", "Marché de Saint-Denis, allée B",
     0.0005, -0.0030, "01 99 00 11 03", "", "Fruits et légumes de saison", {1: [("07:30", "13:30")], 4: [("07:30", "13:30")], 6: [("07:30", "13:30")]},
     "-5 % dès 15 € d'achat", "Mardi, vendredi et dimanche (jours de marché)"),
    ("boucherie-ennour", "Boucherie Ennour", "food", "27 rue Gabriel-Péri, Saint-Denis",
     -0.0008, 0.0011, "01 99 00 10 04", "", "Boucherie, volailles", _SHOP,
     "-8 % sur présentation de la carte", ""),
    ("fromagerie-place", "Fromagerie de la Place", "food", "1 place Jean-Jaurès, Saint-Denis",
     0.0015, -0.0010, "01 99 00 10 05", "https://fromagerie-place.example.org", "Fromages et crèmerie", _SHOP,
     "-10 % le samedi", "Hors plateaux sur commande"),
    ("superette-nuit", "Supérette de nuit Gabriel-Péri", "food", "31 rue Gabriel-Péri, Saint-Denis",
     -0.0011, 0.0016, "01 99 00 11 06", "", "Alimentation générale, ouverte tard", _LATE,
     "-5 % sur les produits de première nécessité", "Liste affichée en magasin"),
    ("traiteur-teranga", "Traiteur Teranga", "food", "12 rue du Corbillon, Saint-Denis",
     0.0020, 0.0031, "01 99 00 11 07", "", "Cuisine sénégalaise à emporter", _SALON,
     "Une boisson offerte pour un plat acheté", ""),
    ("fleurs-saint-denis", "Fleurs de Saint-Denis", "florist", "5 rue de la République, Saint-Denis",
     0.0002, 0.0021, "01 99 00 10 08", "https://fleurs-saint-denis.example.org", "Bouquets, plantes, deuil", _SALON,
     "-10 % sur les bouquets", "Hors fêtes des mères et Saint-Valentin"),
    ("atelier-floral", "L'Atelier floral", "florist", "18 avenue Victor-Hugo, Aubervilliers",
     -0.0198, 0.0150, "01 99 00 10 09", "", "Compositions florales", _SALON,
     "-15 % sur les plantes vertes", ""),
    ("jardin-lea", "Au jardin de Léa", "florist", "44 boulevard Jules-Guesde, Saint-Denis",
     0.0031, -0.0042, "01 99 00 10 10", "", "Fleurs coupées et jardinerie", _SHOP,
     "-10 % sur présentation de la carte", ""),
    ("coiff-afro", "Salon Coiff'Afro Élégance", "beauty", "9 rue Catulienne, Saint-Denis",
     0.0016, 0.0025, "01 99 00 11 11", "", "Coiffure afro, tresses, soins", _SALON,
     "-20 % sur la première visite", "Sur rendez-vous"),
    ("barbier-marche", "Barbier du Marché", "beauty", "2 rue Pierre-Dupont, Saint-Denis",
     0.0009, -0.0021, "01 99 00 11 12", "", "Coupe homme, barbe", _SALON,
     "-10 % sur la coupe et la barbe", ""),
    ("institut-zen", "Institut Beauté Zen", "beauty", "21 rue de Paris, Saint-Denis",
     -0.0035, -0.0018, "01 99 00 10 13", "https://institut-zen.example.org", "Soins du visage, épilation, manucure", _SALON,
     "-15 % sur les soins du visage", "Sur rendez-vous"),
    ("coiffure-sandrine", "Coiffure Sandrine", "beauty", "7 rue du Landy, Aubervilliers",
     -0.0230, 0.0170, "01 99 00 10 14", "", "Coiffure mixte et enfants", _SALON,
     "-10 % pour les enfants de moins de 12 ans", ""),
    ("cinema-ecran", "Cinéma L'Écran", "culture", "14 passage de l'Aqueduc, Saint-Denis",
     0.0006, 0.0014, "01 99 00 10 15", "https://cinema-ecran.example.org", "Cinéma art et essai, 3 salles", _CULTURE,
     "Place à 5 € au lieu de 7,50 €", "Toutes les séances sauf avant-premières"),
    ("theatre-belle-etoile", "Théâtre de la Belle Étoile", "culture", "14 rue Saint-Just, Saint-Denis",
     -0.0130, 0.0080, "01 99 00 10 16", "https://belle-etoile.example.org", "Théâtre, danse, spectacles jeune public", _CULTURE,
     "Tarif réduit à 8 €", "Dans la limite des places disponibles"),
    ("musee-art-histoire", "Musée d'art et d'histoire", "culture", "22 bis rue Gabriel-Péri, Saint-Denis",
     -0.0004, 0.0006, "01 99 00 10 17", "https://musee.example.org", "Collections d'histoire locale, ateliers en famille",
     {0: [("10:00", "17:30")], 2: [("10:00", "17:30")], 3: [("10:00", "20:00")], 4: [("10:00", "17:30")], 5: [("14:00", "18:30")], 6: [("14:00", "18:30")]},
     "Entrée gratuite pour l'adhérent et un accompagnant", ""),
    ("bowling-stade", "Bowling du Stade", "culture", "Avenue Jules-Rimet, Saint-Denis",
     -0.0105, -0.0060, "01 99 00 10 18", "", "Bowling, billard, salle de jeux", {d: [("14:00", "02:00")] for d in range(7)},
     "Une partie offerte pour deux achetées", "Avant 20 h"),
    ("mutuelle-habitat", "Mutuelle Habitat Solidaire", "insurance", "2 place du Caquet, Saint-Denis",
     0.0024, 0.0004, "01 99 00 10 19", "https://mutuelle-habitat.example.org", "Assurance multirisque habitation à tarif négocié", _OFFICE,
     "Assurance habitation à tarif négocié : jusqu'à 150 € d'économie par an", "Contrat négocié par le Club, pour les locataires adhérents"),
    ("assur-quartier", "Assur'Quartier", "insurance", "30 rue de la Courneuve, Aubervilliers",
     -0.0188, 0.0220, "01 99 00 10 20", "", "Agence d'assurances", _OFFICE,
     "Frais de dossier offerts", ""),
    ("plomberie-dionysienne", "Plomberie dionysienne", "artisan", "5 rue Édouard-Vaillant, Saint-Denis",
     0.0040, 0.0050, "01 99 00 11 21", "", "Plombier agréé par le Club : fuites, chauffe-eau, débouchage", _EMERGENCY,
     "Déplacement offert, -10 % sur la main-d'œuvre", "Devis gratuit ; urgences 24 h/24"),
    ("electricite-martins", "Électricité Martins & Fils", "artisan", "11 rue Brise-Échalas, Saint-Denis",
     0.0019, -0.0035, "01 99 00 11 22", "https://martins-elec.example.org", "Électricien agréé : pannes, mises aux normes", _ARTISAN,
     "-10 % sur la main-d'œuvre", "Devis gratuit"),
    ("serrurerie-93", "Serrurerie Express 93", "artisan", "80 avenue du Président-Wilson, Saint-Denis",
     -0.0150, -0.0020, "01 99 00 11 23", "", "Serrurier : ouverture de porte, changement de serrure", _EMERGENCY,
     "Ouverture de porte à prix fixe : 89 €", "Prix affiché TTC, de jour comme de nuit"),
    ("peinture-ndiaye", "Peinture & Déco Ndiaye", "artisan", "6 rue Jean-Jaurès, Aubervilliers",
     -0.0215, 0.0185, "01 99 00 11 24", "", "Peintre : peinture, papier peint, petits travaux", _ARTISAN,
     "-15 % sur la peinture d'une pièce", "Devis gratuit"),
    ("menuiserie-canal", "Menuiserie du Canal", "artisan", "3 quai de Saint-Denis, Saint-Denis",
     -0.0062, 0.0101, "01 99 00 10 25", "", "Menuisier : portes, placards, étagères", _ARTISAN,
     "-10 % sur la pose", ""),
    ("cordonnerie-cle", "Cordonnerie Clé Minute", "services", "Centre commercial Basilique, Saint-Denis",
     0.0008, 0.0002, "01 99 00 10 26", "", "Cordonnerie, clés, tampons", _SHOP,
     "-10 % sur la reproduction de clés", ""),
    ("laverie-landy", "Laverie du Landy", "services", "52 rue du Landy, Aubervilliers",
     -0.0236, 0.0200, "01 99 00 10 27", "", "Laverie automatique", {d: [("07:00", "22:00")] for d in range(7)},
     "Un séchage offert pour un lavage", ""),
    ("smart93", "Réparation Téléphones Smart93", "services", "17 rue de la République, Saint-Denis",
     -0.0003, 0.0028, "01 99 00 11 28", "", "Réparation d'écrans et de batteries", _SALON,
     "-15 % sur le changement d'écran", ""),
    ("auto-ecole", "Auto-école Basilique", "services", "36 rue Gabriel-Péri, Saint-Denis",
     -0.0016, 0.0019, "01 99 00 10 29", "https://autoecole-basilique.example.org", "Permis B, code de la route", _OFFICE,
     "Frais d'inscription offerts", ""),
]

# Offers that are over (must not show) and not yet started.
EXPIRED_OFFER = ("fromagerie-place", "Galette des rois -20 %", "2025-01-01", "2025-01-31")

FIRST_NAMES = ["Fatoumata", "Mohamed", "Sandrine", "Karim", "Aïcha", "Jean-Pierre", "Nadia", "Mamadou", "Hélène",
               "Youssef", "Marie-José", "Rachid", "Thi Lan", "Ousmane", "Céline", "Samir", "Josiane", "Abdel",
               "Françoise", "Ibrahim", "Mériem", "Loïc", "Aminata", "Hakim", "Geneviève"]
LAST_NAMES = ["Diallo", "Benali", "Martin", "Haddad", "Traoré", "Lefèvre", "Bensaïd", "Koné", "Da Silva",
              "Nguyen", "Bouzid", "Camara", "Pereira", "Mercier", "Cissé", "Rahmani", "Ferreira", "Sow",
              "Dubois", "Chérif", "Gomes", "Fofana", "Lambert", "Belkacem", "Moreau"]

EVENTS = [
    ("rencontre-en-direct", "Rencontre « En direct » avec l'équipe de proximité",
     "Venez échanger avec votre gardienne, le chargé de clientèle et l'équipe de Plaine Commune Habitat. "
     "Posez vos questions, signalez ce qui ne va pas.", "Salle commune, Bâtiment A (rez-de-chaussée)",
     4, "17:00", "19:00", 40, "all", ["PCH-ELU-A", "PCH-ELU-B"], "meeting"),
    ("atelier-velo", "Atelier réparation de vélos", "Apprenez à réparer votre vélo avec un bénévole. Outils prêtés.",
     "Local vélos, Bâtiment B", 6, "10:00", "12:00", 12, "members", [], "tools"),
    ("cafe-tricot", "Café tricot", "Un moment convivial autour d'un café. Débutants bienvenus, laine fournie.",
     "Salle commune, Bâtiment A", 2, "14:30", "16:30", 15, "members", ["PCH-ELU-A", "PCH-ELU-B"], "coffee"),
    ("permanence-assurance", "Permanence assurance habitation",
     "La Mutuelle Habitat Solidaire compare votre contrat et vous explique l'offre négociée par le Club.",
     "Salle commune, Bâtiment A", 9, "09:30", "12:00", 20, "members", [], "insurance"),
    ("sortie-musee", "Sortie au Musée d'art et d'histoire", "Visite guidée gratuite pour les adhérents et leurs enfants.",
     "Rendez-vous devant le Bâtiment A", 13, "14:00", "17:00", 25, "members", [], "culture"),
]

ANNOUNCEMENTS = [
    ("ascenseur-b", "Ascenseur du Bâtiment B", "L'ascenseur sera en maintenance mardi de 9 h à 12 h. Merci de votre patience.",
     -2, 5, ["PCH-ELU-B"]),
    ("bienvenue-club", "Bienvenue au Club des locataires", "Adhésion gratuite : des réductions chez plus de 25 commerçants "
     "et artisans du quartier. Touchez « Devenir membre ».", -30, 365, []),
    ("rencontre-annonce", "Rencontre « En direct » jeudi 17 h – 19 h", "Venez rencontrer l'équipe de proximité en salle commune.",
     -1, 4, ["PCH-ELU-A", "PCH-ELU-B"]),
]

IDEAS = [
    ("idee-bancs", "cadre_de_vie", "Installer deux bancs près de l'aire de jeux pour les grands-parents.", "published",
     "Bonne idée : les bancs seront posés au printemps.", 14),
    ("idee-troc", "entraide", "Organiser un troc de vêtements d'enfants une fois par trimestre.", "published",
     "Le Club prête la salle commune : proposez une date à votre gardienne.", 9),
    ("idee-potager", "cadre_de_vie", "Créer un petit potager partagé sur la pelouse derrière le Bâtiment B.", "published", "", 21),
]

DEMO_STAFF_ID = "gardienne-demo"
DEMO_STAFF_NAME = "Mme Diallo (gardienne)"
# "Besoin d'aide ?" (issue 13): who helps in each building, as the office writes it.
HELP_CONTACTS = [
    ("PCH-ELU-A", "Mme Diallo, gardienne", "caretaker", "lundi au vendredi, 8 h 30 – 12 h et 14 h – 17 h",
     "01 48 13 55 10", 0),
    ("PCH-ELU-B", "M. Benali, gardien", "caretaker", "lundi au vendredi, 8 h – 12 h", "01 48 13 55 11", 1),
    ("PCH-ELU-A", "Agence Plaine Commune Habitat", "office", "du lundi au vendredi, 9 h – 17 h",
     "01 48 13 60 00", 2),
]
DEMO_STAFF_PIN = "246810"
