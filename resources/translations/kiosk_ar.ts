<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="fr">
  <context>
    <name>AttractScreen</name>
    <message>
      <source>Bonjour ! Touchez un bouton.</source>
      <translation>مرحبًا! المس زرًا.</translation>
    </message>
    <message>
      <source>Scanner ma carte</source>
      <translation>مسح بطاقتي</translation>
    </message>
    <message>
      <source>Devenir membre</source>
      <translation>انضم إلى النادي</translation>
    </message>
    <message>
      <source>Bons plans près d'ici</source>
      <translation>عروض قريبة</translation>
    </message>
    <message>
      <source>Événements</source>
      <translation>الفعاليات</translation>
    </message>
    <message>
      <source>Boîte à idées</source>
      <translation>صندوق الأفكار</translation>
    </message>
    <message>
      <source>Grand texte</source>
      <translation>خط كبير</translation>
    </message>
    <message>
      <source>Contraste</source>
      <translation>تباين</translation>
    </message>
    <message>
      <source>Contraste élevé</source>
      <translation>تباين عالٍ</translation>
    </message>
    <message>
      <source>Annonces : touchez pour la suivante</source>
      <translation>الإعلانات: المس للانتقال إلى التالي</translation>
    </message>
    <message>
      <source>Bienvenue au club</source>
      <translation>مرحبًا بكم في النادي</translation>
    </message>
    <message>
      <source>Des réductions chez les commerçants du quartier, des rencontres et des ateliers près de chez vous.</source>
      <translation>تخفيضات لدى تجار الحي، ولقاءات وورشات قرب منزلك.</translation>
    </message>
  </context>
  <context>
    <name>Categories</name>
    <message>
      <source>Alimentation</source>
      <translation>مواد غذائية</translation>
    </message>
    <message>
      <source>Fleuristes</source>
      <translation>بائعو الزهور</translation>
    </message>
    <message>
      <source>Coiffure et beauté</source>
      <translation>حلاقة وتجميل</translation>
    </message>
    <message>
      <source>Culture et loisirs</source>
      <translation>ثقافة وترفيه</translation>
    </message>
    <message>
      <source>Assurance habitation</source>
      <translation>تأمين السكن</translation>
    </message>
    <message>
      <source>Artisans</source>
      <translation>حرفيون</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>خدمات</translation>
    </message>
    <message>
      <source>Tous les bons plans</source>
      <translation>كل العروض</translation>
    </message>
  </context>
  <context>
    <name>DirectoryScreen</name>
    <message>
      <source>Bons plans près d'ici</source>
      <translation>عروض قريبة</translation>
    </message>
    <message>
      <source>Chercher un commerce…</source>
      <translation>ابحث عن متجر…</translation>
    </message>
    <message>
      <source>Chercher un commerce</source>
      <translation>ابحث عن متجر</translation>
    </message>
    <message>
      <source>Chercher</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>Ouvert maintenant</source>
      <translation>مفتوح الآن</translation>
    </message>
    <message>
      <source>Seulement les commerces ouverts maintenant</source>
      <translation>المتاجر المفتوحة الآن فقط</translation>
    </message>
    <message>
      <source>1 adresse</source>
      <translation>عنوان واحد</translation>
    </message>
    <message>
      <source>{count} adresses</source>
      <translation>{count} عناوين</translation>
    </message>
  </context>
  <context>
    <name>Formatting</name>
    <message>
      <source>{metres} m</source>
      <translation>{metres} م</translation>
    </message>
    <message>
      <source>{km} km</source>
      <translation>{km} كم</translation>
    </message>
    <message>
      <source>{minutes} min à pied</source>
      <translation>{minutes} دقيقة مشيًا</translation>
    </message>
  </context>
  <context>
    <name>IdleOverlay</name>
    <message>
      <source>Retour à l'accueil dans {seconds} s</source>
      <translation>العودة إلى البداية بعد {seconds} ثانية</translation>
    </message>
    <message>
      <source>Besoin de plus de temps ?</source>
      <translation>هل تحتاج إلى وقت أطول؟</translation>
    </message>
    <message>
      <source>Oui, je continue</source>
      <translation>نعم، أكمل</translation>
    </message>
  </context>
  <context>
    <name>OnScreenKeyboard</name>
    <message>
      <source>Fermer</source>
      <translation>إغلاق</translation>
    </message>
    <message>
      <source>Espace</source>
      <translation>مسافة</translation>
    </message>
    <message>
      <source>Valider</source>
      <translation>تأكيد</translation>
    </message>
    <message>
      <source>Fermer le clavier</source>
      <translation>إغلاق لوحة المفاتيح</translation>
    </message>
    <message>
      <source>Effacer</source>
      <translation>حذف</translation>
    </message>
    <message>
      <source>Majuscule</source>
      <translation>حرف كبير</translation>
    </message>
    <message>
      <source>Clavier arabe</source>
      <translation>لوحة مفاتيح عربية</translation>
    </message>
    <message>
      <source>Clavier latin</source>
      <translation>لوحة مفاتيح لاتينية</translation>
    </message>
  </context>
  <context>
    <name>PartnerDetailScreen</name>
    <message>
      <source>Bons plans près d'ici</source>
      <translation>عروض قريبة</translation>
    </message>
    <message>
      <source>Ce commerce n'est plus dans la liste.</source>
      <translation>هذا المتجر لم يعد في القائمة.</translation>
    </message>
    <message>
      <source>Horaires</source>
      <translation>أوقات العمل</translation>
    </message>
    <message>
      <source>Site internet : visez ce code avec votre téléphone</source>
      <translation>الموقع الإلكتروني: وجّه هاتفك نحو هذا الرمز</translation>
    </message>
    <message>
      <source>Code QR du site internet</source>
      <translation>رمز QR للموقع الإلكتروني</translation>
    </message>
    <message>
      <source>Vous êtes ici</source>
      <translation>أنت هنا</translation>
    </message>
    <message>
      <source>Aujourd'hui</source>
      <translation>اليوم</translation>
    </message>
    <message>
      <source>{start} – {end}</source>
      <translation>{start} – {end}</translation>
    </message>
    <message>
      <source>Fermé</source>
      <translation>مغلق</translation>
    </message>
  </context>
  <context>
    <name>PartnerListScreen</name>
    <message>
      <source>Bons plans près d'ici</source>
      <translation>عروض قريبة</translation>
    </message>
    <message>
      <source>1 adresse</source>
      <translation>عنوان واحد</translation>
    </message>
    <message>
      <source>{count} adresses, les plus proches d'abord</source>
      <translation>{count} عناوين، الأقرب أولًا</translation>
    </message>
    <message>
      <source>Chercher un commerce…</source>
      <translation>ابحث عن متجر…</translation>
    </message>
    <message>
      <source>Chercher un commerce</source>
      <translation>ابحث عن متجر</translation>
    </message>
    <message>
      <source>Ouvert maintenant</source>
      <translation>مفتوح الآن</translation>
    </message>
    <message>
      <source>Seulement les commerces ouverts maintenant</source>
      <translation>المتاجر المفتوحة الآن فقط</translation>
    </message>
    <message>
      <source>Aucun commerce trouvé. Essayez un autre mot.</source>
      <translation>لم يُعثر على أي متجر. جرّب كلمة أخرى.</translation>
    </message>
  </context>
  <context>
    <name>PartnerRow</name>
    <message>
      <source>Ouvert</source>
      <translation>مفتوح</translation>
    </message>
    <message>
      <source>Fermé</source>
      <translation>مغلق</translation>
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
      <translation>انضم إلى النادي</translation>
    </message>
    <message>
      <source>Événements</source>
      <translation>الفعاليات</translation>
    </message>
    <message>
      <source>Boîte à idées</source>
      <translation>صندوق الأفكار</translation>
    </message>
    <message>
      <source>Mon espace</source>
      <translation>فضائي</translation>
    </message>
    <message>
      <source>Scanner ma carte</source>
      <translation>مسح بطاقتي</translation>
    </message>
    <message>
      <source>Bientôt disponible</source>
      <translation>قريبًا</translation>
    </message>
    <message>
      <source>En attendant, demandez à votre gardien.</source>
      <translation>في الأثناء، اسأل حارس العمارة.</translation>
    </message>
  </context>
  <context>
    <name>ScanPanel</name>
    <message>
      <source>Montrez le QR code de votre carte à la caméra</source>
      <translation>اعرض رمز QR الموجود على بطاقتك أمام الكاميرا</translation>
    </message>
    <message>
      <source>Caméra indisponible — tapez votre numéro de carte</source>
      <translation>الكاميرا غير متاحة — اكتب رقم بطاقتك</translation>
    </message>
    <message>
      <source>Numéro de carte</source>
      <translation>رقم البطاقة</translation>
    </message>
    <message>
      <source>Valider</source>
      <translation>تأكيد</translation>
    </message>
    <message>
      <source>Valider le numéro de carte</source>
      <translation>تأكيد رقم البطاقة</translation>
    </message>
    <message>
      <source>Image de la caméra</source>
      <translation>صورة الكاميرا</translation>
    </message>
    <message>
      <source>Placez le QR code dans le cadre</source>
      <translation>ضع رمز QR داخل الإطار</translation>
    </message>
    <message>
      <source>Carte lue</source>
      <translation>تمت قراءة البطاقة</translation>
    </message>
    <message>
      <source>Caméra indisponible</source>
      <translation>الكاميرا غير متاحة</translation>
    </message>
  </context>
  <context>
    <name>ScanScreen</name>
    <message>
      <source>Scanner ma carte</source>
      <translation>مسح بطاقتي</translation>
    </message>
  </context>
  <context>
    <name>StatusIndicator</name>
    <message>
      <source>En ligne</source>
      <translation>متصل</translation>
    </message>
    <message>
      <source>Hors ligne</source>
      <translation>غير متصل</translation>
    </message>
    <message>
      <source>{state} · mis à jour à {time}</source>
      <translation>{state} · آخر تحديث {time}</translation>
    </message>
  </context>
  <context>
    <name>_Header</name>
    <message>
      <source>Retour</source>
      <translation>رجوع</translation>
    </message>
    <message>
      <source>Retour à l'écran précédent</source>
      <translation>الرجوع إلى الشاشة السابقة</translation>
    </message>
    <message>
      <source>Accueil</source>
      <translation>الرئيسية</translation>
    </message>
    <message>
      <source>Retour à l'accueil</source>
      <translation>العودة إلى البداية</translation>
    </message>
  </context>
</TS>