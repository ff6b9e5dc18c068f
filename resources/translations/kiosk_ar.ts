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
    <message>
      <source>Demande au bailleur</source>
      <translation>طلب إلى المؤجر</translation>
    </message>
    <message>
      <source>Emprunter un outil</source>
      <translation>استعارة أداة</translation>
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
      <source>{m} min</source>
      <translation>{m} دقيقة</translation>
    </message>
    <message>
      <source>{h} h</source>
      <translation>{h} ساعة</translation>
    </message>
    <message>
      <source>{h} h {mm}</source>
      <translation>{h} ساعة و{m} دقيقة</translation>
    </message>
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
    <message>
      <source>Escalier {entrance}</source>
      <translation>الدرج {entrance}</translation>
    </message>
    <message>
      <source>rez-de-chaussée</source>
      <translation>الطابق الأرضي</translation>
    </message>
    <message>
      <source>1er étage</source>
      <translation>الطابق 1</translation>
    </message>
    <message>
      <source>{floor}e étage</source>
      <translation>الطابق {floor}</translation>
    </message>
    <message>
      <source>porte {door}</source>
      <translation>الباب {door}</translation>
    </message>
    <message>
      <source>, </source>
      <translation>، </translation>
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
    <message>
      <source>Tapez le numéro écrit sur votre carte, sous votre prénom</source>
      <translation>اكتب الرقم المكتوب على بطاقتك، تحت اسمك</translation>
    </message>
    <message>
      <source>Approchez la carte à une main de la caméra, le code bien à plat. Toujours rien ? Tapez le numéro de la carte, ou demandez au gardien.</source>
      <translation>قرّب البطاقة من الكاميرا بمسافة كفّ، والرمز مستوٍ. لا شيء بعد؟ اكتب رقم البطاقة، أو اسأل الحارس.</translation>
    </message>
    <message>
      <source>Taper le numéro de ma carte</source>
      <translation>اكتب رقم بطاقتي</translation>
    </message>
    <message>
      <source>Utiliser la caméra</source>
      <translation>استخدم الكاميرا</translation>
    </message>
    <message>
      <source>Démarrage de la caméra…</source>
      <translation>جارٍ تشغيل الكاميرا…</translation>
    </message>
  </context>
  <context>
    <name>ScanScreen</name>
    <message>
      <source>Personnel du club : se connecter</source>
      <translation>موظفو النادي: تسجيل الدخول</translation>
    </message>
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
  <context>
    <name>CardPrint</name>
    <message>
      <source>N° {number}</source>
      <translation>رقم {number}</translation>
    </message>
    <message>
      <source>Valable jusqu'au</source>
      <translation>صالحة حتى</translation>
    </message>
  </context>
  <context>
    <name>CardScreen</name>
    <message>
      <source>Ma carte de membre</source>
      <translation>بطاقة عضويتي</translation>
    </message>
    <message>
      <source>Bienvenue au club, {name} !</source>
      <translation>مرحبًا بك في النادي، {name}!</translation>
    </message>
    <message>
      <source>Montrez ce code chez les commerçants partenaires et aux rencontres. Vous pouvez aussi le prendre en photo.</source>
      <translation>اعرض هذا الرمز لدى التجار الشركاء وفي اللقاءات. يمكنك أيضًا تصويره.</translation>
    </message>
    <message>
      <source>Imprimer ma carte</source>
      <translation>اطبع بطاقتي</translation>
    </message>
    <message>
      <source>Terminé</source>
      <translation>تم</translation>
    </message>
    <message>
      <source>Votre carte s'imprime.</source>
      <translation>تتم طباعة بطاقتك.</translation>
    </message>
    <message>
      <source>Pas d'imprimante ici : prenez le code en photo, ou demandez votre carte au gardien.</source>
      <translation>لا توجد طابعة هنا: صوّر الرمز أو اطلب بطاقتك من الحارس.</translation>
    </message>
    <message>
      <source>Une carte pour {name} aussi</source>
      <translation>بطاقة لـ {name} أيضًا</translation>
    </message>
  </context>
  <context>
    <name>DuplicatesScreen</name>
    <message>
      <source>Déjà membre ?</source>
      <translation>عضو من قبل؟</translation>
    </message>
    <message>
      <source>Cette personne ressemble à un membre déjà inscrit. Est-ce la même personne ?</source>
      <translation>هذا الشخص يشبه عضوًا مسجلًا من قبل. هل هو نفس الشخص؟</translation>
    </message>
    <message>
      <source>Même personne : confirmer son adresse</source>
      <translation>نفس الشخص: تأكيد عنوانه</translation>
    </message>
    <message>
      <source>Même personne : nouvelle carte (perdue)</source>
      <translation>نفس الشخص: بطاقة جديدة (مفقودة)</translation>
    </message>
    <message>
      <source>Personne différente : inscrire quand même</source>
      <translation>شخص مختلف: سجّله على أي حال</translation>
    </message>
    <message>
      <source>Adresse confirmée. Aucune nouvelle inscription.</source>
      <translation>تم تأكيد العنوان. لا تسجيل جديد.</translation>
    </message>
    <message>
      <source>Action impossible : la session a peut-être expiré.</source>
      <translation>غير ممكن: ربما انتهت الجلسة.</translation>
    </message>
  </context>
  <context>
    <name>JoinScreen</name>
    <message>
      <source>Inscrire un foyer</source>
      <translation>تسجيل أسرة</translation>
    </message>
    <message>
      <source>Devenir membre</source>
      <translation>انضم إلى النادي</translation>
    </message>
    <message>
      <source>Comment vous appelez-vous ?</source>
      <translation>ما اسمك؟</translation>
    </message>
    <message>
      <source>Prénom</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Nom</source>
      <translation>اللقب</translation>
    </message>
    <message>
      <source>Où habitez-vous ?</source>
      <translation>أين تسكن؟</translation>
    </message>
    <message>
      <source>Bâtiment</source>
      <translation>العمارة</translation>
    </message>
    <message>
      <source>Escalier</source>
      <translation>المدخل</translation>
    </message>
    <message>
      <source>Logement</source>
      <translation>المسكن</translation>
    </message>
    <message>
      <source>Comment vous joindre ?</source>
      <translation>كيف نتواصل معك؟</translation>
    </message>
    <message>
      <source>Téléphone portable</source>
      <translation>الهاتف المحمول</translation>
    </message>
    <message>
      <source>E-mail (facultatif)</source>
      <translation>البريد الإلكتروني (اختياري)</translation>
    </message>
    <message>
      <source>Les autres personnes du foyer (prénom, facultatif)</source>
      <translation>أفراد الأسرة الآخرون (الاسم، اختياري)</translation>
    </message>
    <message>
      <source>Ajouter</source>
      <translation>إضافة</translation>
    </message>
    <message>
      <source>Votre langue</source>
      <translation>لغتك</translation>
    </message>
    <message>
      <source>Lire le texte complet</source>
      <translation>اقرأ النص الكامل</translation>
    </message>
    <message>
      <source>Le texte complet est aussi sur votre téléphone : visez ce code.</source>
      <translation>النص الكامل متاح أيضًا على هاتفك: وجّهه نحو هذا الرمز.</translation>
    </message>
    <message>
      <source>J'ai lu et j'accepte</source>
      <translation>قرأت وأوافق</translation>
    </message>
    <message>
      <source>Facultatif, vous pouvez changer d'avis à tout moment :</source>
      <translation>اختياري، يمكنك تغيير رأيك في أي وقت:</translation>
    </message>
    <message>
      <source>Recevoir les nouvelles du club par SMS</source>
      <translation>تلقي أخبار النادي عبر الرسائل القصيرة</translation>
    </message>
    <message>
      <source>Recevoir la lettre d'information</source>
      <translation>تلقي النشرة الإخبارية</translation>
    </message>
    <message>
      <source>Précédent</source>
      <translation>السابق</translation>
    </message>
    <message>
      <source>Étape {step} sur {total}</source>
      <translation>الخطوة {step} من {total}</translation>
    </message>
    <message>
      <source>Valider mon inscription</source>
      <translation>تأكيد تسجيلي</translation>
    </message>
    <message>
      <source>Suivant</source>
      <translation>التالي</translation>
    </message>
    <message>
      <source>Vous êtes peut-être déjà membre. Pour ne pas vous inscrire deux fois, merci de voir votre gardien.</source>
      <translation>ربما أنت عضو من قبل. حتى لا تُسجَّل مرتين، يرجى مراجعة الحارس.</translation>
    </message>
    <message>
      <source>L'inscription n'a pas pu être enregistrée. Voyez votre gardien.</source>
      <translation>تعذر حفظ التسجيل. يرجى مراجعة الحارس.</translation>
    </message>
    <message>
      <source>Retirer</source>
      <translation>إزالة</translation>
    </message>
    <message>
      <source>Retirer {name}</source>
      <translation>إزالة {name}</translation>
    </message>
  </context>
  <context>
    <name>MemberSpaceScreen</name>
    <message>
      <source>Cotisation payée jusqu'au {date}</source>
      <translation>الاشتراك مدفوع حتى {date}</translation>
    </message>
    <message>
      <source>Cotisation à régler : voyez votre gardien</source>
      <translation>الاشتراك مستحق: يرجى مراجعة الحارس</translation>
    </message>
    <message>
      <source>Vous avez animé 1 atelier, {hours}</source>
      <translation>لقد نشّطتم ورشة واحدة، {hours}</translation>
    </message>
    <message>
      <source>Vous avez animé {n} ateliers, {hours}</source>
      <translation>لقد نشّطتم {n} ورشات، {hours}</translation>
    </message>
    <message>
      <source>Mes inscriptions, idées et demandes : détails et réponses</source>
      <translation>تسجيلاتي وأفكاري وطلباتي: التفاصيل والردود</translation>
    </message>
    <message>
      <source>Un instant…</source>
      <translation>لحظة…</translation>
    </message>
    <message>
      <source>Mon espace</source>
      <translation>مساحتي</translation>
    </message>
    <message>
      <source>Pas de carte ? Retrouvez votre espace avec votre prénom, votre logement et la fin de votre numéro.</source>
      <translation>لا بطاقة معك؟ ادخل إلى مساحتك باسمك ومسكنك وآخر أرقام هاتفك.</translation>
    </message>
    <message>
      <source>Prénom</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Bâtiment</source>
      <translation>العمارة</translation>
    </message>
    <message>
      <source>Escalier</source>
      <translation>المدخل</translation>
    </message>
    <message>
      <source>Logement</source>
      <translation>المسكن</translation>
    </message>
    <message>
      <source>Les 4 derniers chiffres de votre téléphone</source>
      <translation>آخر 4 أرقام من هاتفك</translation>
    </message>
    <message>
      <source>Ouvrir mon espace</source>
      <translation>افتح مساحتي</translation>
    </message>
    <message>
      <source>Mes événements</source>
      <translation>فعالياتي</translation>
    </message>
    <message>
      <source>Mes idées</source>
      <translation>أفكاري</translation>
    </message>
    <message>
      <source>Mes demandes</source>
      <translation>طلباتي</translation>
    </message>
    <message>
      <source>Mes coordonnées</source>
      <translation>بيانات التواصل</translation>
    </message>
    <message>
      <source>Nouveau numéro</source>
      <translation>رقم جديد</translation>
    </message>
    <message>
      <source>Changer mon numéro</source>
      <translation>تغيير رقمي</translation>
    </message>
    <message>
      <source>Nouvelles du club par SMS</source>
      <translation>أخبار النادي عبر الرسائل القصيرة</translation>
    </message>
    <message>
      <source>Lettre d'information</source>
      <translation>النشرة الإخبارية</translation>
    </message>
    <message>
      <source>Quitter le club et effacer mes données</source>
      <translation>مغادرة النادي ومحو بياناتي</translation>
    </message>
    <message>
      <source>Vraiment ? Votre carte ne marchera plus et vos données seront effacées tout de suite.</source>
      <translation>هل أنت متأكد؟ لن تعمل بطاقتك بعد الآن وستُمحى بياناتك فورًا.</translation>
    </message>
    <message>
      <source>Oui, effacer</source>
      <translation>نعم، امحُ</translation>
    </message>
    <message>
      <source>Non, rester</source>
      <translation>لا، أبقى</translation>
    </message>
    <message>
      <source>Bonjour {name}</source>
      <translation>مرحبًا {name}</translation>
    </message>
    <message>
      <source>n° {number}</source>
      <translation>رقم {number}</translation>
    </message>
    <message>
      <source>Rien pour l'instant.</source>
      <translation>لا شيء حاليًا.</translation>
    </message>
    <message>
      <source>Téléphone : {phone}</source>
      <translation>الهاتف: {phone}</translation>
    </message>
    <message>
      <source>Nous ne trouvons pas votre espace. Vérifiez, ou voyez votre gardien.</source>
      <translation>لم نجد مساحتك. تحقّق، أو راجع الحارس.</translation>
    </message>
    <message>
      <source>Une erreur est survenue. Voyez votre gardien.</source>
      <translation>حدث خطأ. يرجى مراجعة الحارس.</translation>
    </message>
    <message>
      <source>C'est enregistré.</source>
      <translation>تم الحفظ.</translation>
    </message>
    <message>
      <source>Vos données sont effacées. Merci d'avoir été membre du club.</source>
      <translation>تم محو بياناتك. شكرًا لأنك كنت عضوًا في النادي.</translation>
    </message>
    <message>
      <source>Que faire ? Montrez la carte de plus près, bien à plat, ou tapez le numéro écrit dessus. Sinon, le gardien peut vous aider.</source>
      <translation>ماذا تفعل؟ قرّب البطاقة وأبقها مستوية، أو اكتب الرقم المكتوب عليها. وإلا يمكن للحارس مساعدتك.</translation>
    </message>
    <message>
      <source>Réessayer avec la caméra</source>
      <translation>أعد المحاولة بالكاميرا</translation>
    </message>
    <message>
      <source>Taper le numéro de ma carte</source>
      <translation>اكتب رقم بطاقتي</translation>
    </message>
    <message>
      <source>Besoin d'aide ?</source>
      <translation>هل تحتاج إلى مساعدة؟</translation>
    </message>
    <message>
      <source>Carte non reconnue</source>
      <translation>بطاقة غير معروفة</translation>
    </message>
  </context>
  <context>
    <name>MembershipMessages</name>
    <message>
      <source>Ce champ est obligatoire.</source>
      <translation>هذه الخانة إلزامية.</translation>
    </message>
    <message>
      <source>Trop long : {max} caractères au plus.</source>
      <translation>طويل جدًا: {max} حرفًا على الأكثر.</translation>
    </message>
    <message>
      <source>Lettres, espaces, tirets et apostrophes seulement.</source>
      <translation>حروف ومسافات وشرطات وفواصل علوية فقط.</translation>
    </message>
    <message>
      <source>Numéro de téléphone français à 10 chiffres, par exemple 06 12 34 56 78.</source>
      <translation>رقم هاتف فرنسي من 10 أرقام، مثلًا 06 12 34 56 78.</translation>
    </message>
    <message>
      <source>Adresse e-mail incomplète, par exemple nom@exemple.fr.</source>
      <translation>عنوان بريد إلكتروني غير مكتمل، مثلًا name@example.fr.</translation>
    </message>
    <message>
      <source>Choisissez une langue.</source>
      <translation>اختر لغة.</translation>
    </message>
    <message>
      <source>Pour devenir membre, lisez et acceptez l'information ci-dessus.</source>
      <translation>لتصبح عضوًا، اقرأ المعلومات أعلاه ووافق عليها.</translation>
    </message>
    <message>
      <source>Tapez les 4 derniers chiffres de votre téléphone.</source>
      <translation>اكتب آخر 4 أرقام من هاتفك.</translation>
    </message>
    <message>
      <source>Le code a au moins {min} chiffres.</source>
      <translation>يتكون الرمز من {min} أرقام على الأقل.</translation>
    </message>
    <message>
      <source>Vérifiez ce champ.</source>
      <translation>تحقّق من هذه الخانة.</translation>
    </message>
    <message>
      <source>Cette carte a expiré. Votre gardien vous en donnera une nouvelle.</source>
      <translation>انتهت صلاحية هذه البطاقة. سيعطيك الحارس بطاقة جديدة.</translation>
    </message>
    <message>
      <source>Cette carte n'est plus valable. Voyez votre gardien.</source>
      <translation>هذه البطاقة لم تعد صالحة. يرجى مراجعة الحارس.</translation>
    </message>
    <message>
      <source>Ce code n'est pas une carte du club.</source>
      <translation>هذا الرمز ليس بطاقة النادي.</translation>
    </message>
    <message>
      <source>Cette carte n'est pas reconnue ici. Voyez votre gardien.</source>
      <translation>هذه البطاقة غير معروفة هنا. يرجى مراجعة الحارس.</translation>
    </message>
    <message>
      <source>Inscription en attente : votre gardien confirmera votre adresse.</source>
      <translation>التسجيل قيد الانتظار: سيؤكد الحارس عنوانك.</translation>
    </message>
    <message>
      <source>Membre actif</source>
      <translation>عضو نشط</translation>
    </message>
    <message>
      <source>Ancien membre</source>
      <translation>عضو سابق</translation>
    </message>
    <message>
      <source>Parties communes</source>
      <translation>الأجزاء المشتركة</translation>
    </message>
    <message>
      <source>Adaptation du logement</source>
      <translation>تكييف المسكن</translation>
    </message>
    <message>
      <source>Bruit</source>
      <translation>الضجيج</translation>
    </message>
    <message>
      <source>Propreté</source>
      <translation>النظافة</translation>
    </message>
    <message>
      <source>Demande</source>
      <translation>طلب</translation>
    </message>
    <message>
      <source>en attente</source>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>inscrit</source>
      <translation>مسجَّل</translation>
    </message>
    <message>
      <source>liste d'attente</source>
      <translation>قائمة الانتظار</translation>
    </message>
    <message>
      <source>annulé</source>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>envoyée</source>
      <translation>مُرسلة</translation>
    </message>
    <message>
      <source>publiée</source>
      <translation>منشورة</translation>
    </message>
    <message>
      <source>non retenue</source>
      <translation>غير مقبولة</translation>
    </message>
    <message>
      <source>reçue</source>
      <translation>مستلمة</translation>
    </message>
    <message>
      <source>en cours</source>
      <translation>قيد المعالجة</translation>
    </message>
    <message>
      <source>traitée</source>
      <translation>تمت معالجتها</translation>
    </message>
  </context>
  <context>
    <name>StaffHomeScreen</name>
    <message>
      <source>Cotisations</source>
      <translation>الاشتراكات</translation>
    </message>
    <message>
      <source>Prêt d'outils</source>
      <translation>إعارة الأدوات</translation>
    </message>
    <message>
      <source>{count} prêt(s) en retard</source>
      <translation>{count} إعارة (إعارات) متأخرة</translation>
    </message>
    <message>
      <source>en ligne</source>
      <translation>متصل</translation>
    </message>
    <message>
      <source>hors ligne</source>
      <translation>غير متصل</translation>
    </message>
    <message>
      <source>Synchronisation : {state} · {pending} modification(s) en attente</source>
      <translation>المزامنة: {state} · {pending} تعديل(ات) في الانتظار</translation>
    </message>
    <message>
      <source>dernière réussite à {time}</source>
      <translation>آخر نجاح في {time}</translation>
    </message>
    <message>
      <source>erreur : {code}</source>
      <translation>خطأ: {code}</translation>
    </message>
    <message>
      <source>le serveur ne répond pas (réseau ?)</source>
      <translation>الخادم لا يستجيب (الشبكة؟)</translation>
    </message>
    <message>
      <source>cette borne doit être mise à jour : appelez le service informatique</source>
      <translation>يجب تحديث هذه الشاشة: اتصلوا بقسم المعلوماتية</translation>
    </message>
    <message>
      <source>le serveur ne reconnaît plus cette borne : appelez le service informatique</source>
      <translation>الخادم لم يعد يتعرف على هذه الشاشة: اتصلوا بقسم المعلوماتية</translation>
    </message>
    <message>
      <source>borne pas encore reliée au serveur</source>
      <translation>الشاشة غير مرتبطة بالخادم بعد</translation>
    </message>
    <message>
      <source>cette borne a été retirée par le bureau</source>
      <translation>سحب المكتب هذه الشاشة</translation>
    </message>
    <message>
      <source>problème technique ({code}) : il sera réessayé</source>
      <translation>مشكلة تقنية ({code}): ستتم إعادة المحاولة</translation>
    </message>
    <message>
      <source>{count} modification(s) refusée(s) par le serveur : à signaler au bureau</source>
      <translation>{count} تعديل(ات) رفضها الخادم: أبلغوا المكتب</translation>
    </message>
    <message>
      <source>Pointer les présents à un événement</source>
      <translation>تسجيل الحضور في فعالية</translation>
    </message>
    <message>
      <source>Pointer les présents : {title}</source>
      <translation>تسجيل الحضور: {title}</translation>
    </message>
    <message>
      <source>Espace gardien</source>
      <translation>مساحة الحارس</translation>
    </message>
    <message>
      <source>Bonjour {name}</source>
      <translation>مرحبًا {name}</translation>
    </message>
    <message>
      <source>Inscrire un foyer</source>
      <translation>تسجيل أسرة</translation>
    </message>
    <message>
      <source>Se déconnecter</source>
      <translation>تسجيل الخروج</translation>
    </message>
    <message>
      <source>Adresses à confirmer</source>
      <translation>عناوين للتأكيد</translation>
    </message>
    <message>
      <source>Nom ou prénom</source>
      <translation>اللقب أو الاسم</translation>
    </message>
    <message>
      <source>Chercher un membre</source>
      <translation>البحث عن عضو</translation>
    </message>
    <message>
      <source>Chercher</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>Confirmer l'adresse</source>
      <translation>تأكيد العنوان</translation>
    </message>
    <message>
      <source>Voir la carte</source>
      <translation>عرض البطاقة</translation>
    </message>
    <message>
      <source>Carte perdue</source>
      <translation>بطاقة مفقودة</translation>
    </message>
    <message>
      <source>Exporter ses données</source>
      <translation>تصدير بياناته</translation>
    </message>
    <message>
      <source>Effacer</source>
      <translation>محو</translation>
    </message>
    <message>
      <source>Adresse confirmée.</source>
      <translation>تم تأكيد العنوان.</translation>
    </message>
    <message>
      <source>Export écrit : {path}</source>
      <translation>تم حفظ التصدير: {path}</translation>
    </message>
    <message>
      <source>Touchez encore « Effacer » pour effacer ce membre.</source>
      <translation>المس «محو» مرة أخرى لمحو هذا العضو.</translation>
    </message>
    <message>
      <source>Membre effacé.</source>
      <translation>تم محو العضو.</translation>
    </message>
    <message>
      <source>Action impossible.</source>
      <translation>غير ممكن.</translation>
    </message>
    <message>
      <source>Trouver un membre</source>
      <translation>البحث عن عضو</translation>
    </message>
    <message>
      <source>Aucune adresse à confirmer pour l'instant.</source>
      <translation>لا عنوان للتأكيد حاليًا.</translation>
    </message>
    <message>
      <source>Tapez un nom, puis « Chercher » : les membres trouvés s'affichent ici.</source>
      <translation>اكتب اسمًا ثم «بحث»: يظهر الأعضاء هنا.</translation>
    </message>
  </context>
  <context>
    <name>StaffLoginScreen</name>
    <message>
      <source>Espace gardien</source>
      <translation>مساحة الحارس</translation>
    </message>
    <message>
      <source>Badge lu. Tapez votre code.</source>
      <translation>تمت قراءة الشارة. اكتب رمزك.</translation>
    </message>
    <message>
      <source>Scannez votre badge sur l'écran « Scanner ma carte », ou tapez votre identifiant.</source>
      <translation>امسح شارتك في شاشة «مسح بطاقتي»، أو اكتب معرّفك.</translation>
    </message>
    <message>
      <source>Identifiant</source>
      <translation>المعرّف</translation>
    </message>
    <message>
      <source>Code (6 chiffres ou plus)</source>
      <translation>الرمز (6 أرقام أو أكثر)</translation>
    </message>
    <message>
      <source>Se connecter</source>
      <translation>تسجيل الدخول</translation>
    </message>
    <message>
      <source>Trop d'essais. Compte bloqué jusqu'à {time}.</source>
      <translation>محاولات كثيرة. الحساب مقفل حتى {time}.</translation>
    </message>
    <message>
      <source>Identifiant ou code incorrect. Encore {n} essai(s) avant le blocage.</source>
      <translation>المعرّف أو الرمز غير صحيح. بقيت {n} محاولة قبل القفل.</translation>
    </message>
    <message>
      <source>Ce badge n'est pas valable.</source>
      <translation>هذه الشارة غير صالحة.</translation>
    </message>
    <message>
      <source>Identifiant ou code incorrect.</source>
      <translation>المعرّف أو الرمز غير صحيح.</translation>
    </message>
  </context>
  <context>
    <name>CheckInScreen</name>
    <message>
      <source>Pointage à l'entrée</source>
      <translation>تسجيل الحضور عند المدخل</translation>
    </message>
    <message>
      <source>Personnel : scannez votre badge, puis tapez votre code.</source>
      <translation>للموظفين: امسح شارتك ثم اكتب رمزك.</translation>
    </message>
    <message>
      <source>Code personnel</source>
      <translation>الرمز الشخصي</translation>
    </message>
    <message>
      <source>Commencer le pointage</source>
      <translation>بدء تسجيل الحضور</translation>
    </message>
    <message>
      <source>{count} personne(s) présente(s)</source>
      <translation>عدد الحاضرين: {count}</translation>
    </message>
    <message>
      <source>Badge ou code refusé.</source>
      <translation>الشارة أو الرمز مرفوض.</translation>
    </message>
    <message>
      <source>Carte refusée</source>
      <translation>البطاقة مرفوضة</translation>
    </message>
    <message>
      <source>{name} : déjà pointé(e)</source>
      <translation>تم تسجيل حضور {name} من قبل</translation>
    </message>
    <message>
      <source>Bienvenue {name} !</source>
      <translation>أهلًا {name}!</translation>
    </message>
    <message>
      <source>Inscrit(e) à l'événement</source>
      <translation>مسجّل في النشاط</translation>
    </message>
    <message>
      <source>Pas inscrit(e) : présence notée quand même</source>
      <translation>غير مسجّل: تم تسجيل الحضور مع ذلك</translation>
    </message>
  </context>
  <context>
    <name>CommunitySlip</name>
    <message>
      <source>Rappel d'inscription</source>
      <translation>تذكير بالتسجيل</translation>
    </message>
    <message>
      <source>Pour : {name}</source>
      <translation>لـ: {name}</translation>
    </message>
    <message>
      <source>Empêché(e) ? Annulez à la borne : votre place ira à quelqu'un d'autre.</source>
      <translation>لا تستطيع الحضور؟ ألغِ من الشاشة: سيأخذ مكانك شخص آخر.</translation>
    </message>
  </context>
  <context>
    <name>EventDetailScreen</name>
    <message>
      <source>Événement</source>
      <translation>نشاط</translation>
    </message>
    <message>
      <source>M'inscrire ou voir mon inscription</source>
      <translation>التسجيل أو رؤية تسجيلي</translation>
    </message>
    <message>
      <source>Personnel : pointer les présents</source>
      <translation>للموظفين: تسجيل الحاضرين</translation>
    </message>
    <message>
      <source>Imprimer un rappel</source>
      <translation>طباعة تذكير</translation>
    </message>
    <message>
      <source>Annuler mon inscription</source>
      <translation>إلغاء تسجيلي</translation>
    </message>
    <message>
      <source>Terminé</source>
      <translation>انتهى</translation>
    </message>
    <message>
      <source>Lieu : {place}</source>
      <translation>المكان: {place}</translation>
    </message>
    <message>
      <source>Animé par {names}</source>
      <translation>ينشطه {names}</translation>
    </message>
    <message>
      <source>La borne enverra votre inscription ; le nombre de places est décidé par le bureau.</source>
      <translation>سترسل الشاشة تسجيلك؛ المكتب هو من يقرر عدد الأماكن.</translation>
    </message>
    <message>
      <source>C'est noté, {name} !</source>
      <translation>تم التسجيل يا {name}!</translation>
    </message>
    <message>
      <source>{name}, vous êtes déjà inscrit(e).</source>
      <translation>أنت مسجّل بالفعل يا {name}.</translation>
    </message>
    <message>
      <source>Votre inscription est annulée. Merci d'avoir libéré la place.</source>
      <translation>تم إلغاء تسجيلك. شكرًا لأنك تركت المكان لغيرك.</translation>
    </message>
    <message>
      <source>Rappel imprimé.</source>
      <translation>تمت طباعة التذكير.</translation>
    </message>
    <message>
      <source>L'imprimante ne répond pas.</source>
      <translation>الطابعة لا تستجيب.</translation>
    </message>
  </context>
  <context>
    <name>EventsScreen</name>
    <message>
      <source>Événements</source>
      <translation>النشاطات</translation>
    </message>
    <message>
      <source>Pas d'événement prévu pour le moment. Revenez bientôt !</source>
      <translation>لا توجد أنشطة مبرمجة حاليًا. عد قريبًا!</translation>
    </message>
  </context>
  <context>
    <name>IdeaCard</name>
    <message>
      <source>Réponse du bureau : {answer}</source>
      <translation>رد المكتب: {answer}</translation>
    </message>
    <message>
      <source>{count} soutien(s)</source>
      <translation>عدد الداعمين: {count}</translation>
    </message>
    <message>
      <source>Déjà soutenue ✓</source>
      <translation>تم الدعم ✓</translation>
    </message>
    <message>
      <source>Je soutiens</source>
      <translation>أدعم هذه الفكرة</translation>
    </message>
  </context>
  <context>
    <name>IdeaFormScreen</name>
    <message>
      <source>Proposer une idée</source>
      <translation>اقتراح فكرة</translation>
    </message>
    <message>
      <source>Votre idée concerne…</source>
      <translation>فكرتك تتعلق بـ…</translation>
    </message>
    <message>
      <source>Votre idée, en quelques mots</source>
      <translation>فكرتك، ببضع كلمات</translation>
    </message>
    <message>
      <source>N'écrivez ni nom, ni numéro, ni rien sur votre santé : les idées peuvent être affichées sur la borne.</source>
      <translation>لا تكتب أسماء ولا أرقامًا ولا أي شيء عن صحتك: قد تُعرض الأفكار على الشاشة.</translation>
    </message>
    <message>
      <source>Envoyer sans mon nom</source>
      <translation>إرسال بدون اسمي</translation>
    </message>
    <message>
      <source>Envoyer mon idée</source>
      <translation>إرسال فكرتي</translation>
    </message>
    <message>
      <source>Merci ! Le bureau lira votre idée avant de l'afficher ici.</source>
      <translation>شكرًا! سيقرأ المكتب فكرتك قبل عرضها هنا.</translation>
    </message>
  </context>
  <context>
    <name>IdeasScreen</name>
    <message>
      <source>Boîte à idées</source>
      <translation>صندوق الأفكار</translation>
    </message>
    <message>
      <source>Proposer une idée</source>
      <translation>اقتراح فكرة</translation>
    </message>
    <message>
      <source>Faire une demande au bailleur</source>
      <translation>تقديم طلب إلى المؤجّر</translation>
    </message>
    <message>
      <source>Les idées sont relues par le bureau avant d'être affichées ici.</source>
      <translation>يقرأ المكتب الأفكار قبل عرضها هنا.</translation>
    </message>
    <message>
      <source>Pas encore d'idée publiée. Proposez la première !</source>
      <translation>لا توجد أفكار منشورة بعد. اقترح أول فكرة!</translation>
    </message>
  </context>
  <context>
    <name>IdentifyPanel</name>
    <message>
      <source>Montrez votre carte d'adhérent à la caméra</source>
      <translation>اعرض بطاقة العضوية أمام الكاميرا</translation>
    </message>
    <message>
      <source>Prénom</source>
      <translation>الاسم الشخصي</translation>
    </message>
    <message>
      <source>Bâtiment</source>
      <translation>العمارة</translation>
    </message>
    <message>
      <source>Escalier</source>
      <translation>الدرج</translation>
    </message>
    <message>
      <source>Logement</source>
      <translation>المسكن</translation>
    </message>
    <message>
      <source>Les 4 derniers chiffres de votre téléphone</source>
      <translation>آخر 4 أرقام من هاتفك</translation>
    </message>
    <message>
      <source>C'est moi</source>
      <translation>هذا أنا</translation>
    </message>
    <message>
      <source>J'ai ma carte</source>
      <translation>معي بطاقتي</translation>
    </message>
    <message>
      <source>Pas de carte ?</source>
      <translation>ليست معك بطاقة؟</translation>
    </message>
    <message>
      <source>Retrouvez-vous avec votre prénom et votre logement</source>
      <translation>ابحث عن نفسك باسمك ومسكنك</translation>
    </message>
  </context>
  <context>
    <name>MyCommunityScreen</name>
    <message>
      <source>Mes activités au club</source>
      <translation>نشاطاتي في النادي</translation>
    </message>
    <message>
      <source>Mes événements</source>
      <translation>نشاطاتي</translation>
    </message>
    <message>
      <source>Mes idées</source>
      <translation>أفكاري</translation>
    </message>
    <message>
      <source>Mes demandes au bailleur</source>
      <translation>طلباتي إلى المؤجّر</translation>
    </message>
    <message>
      <source>Rien pour l'instant.</source>
      <translation>لا شيء حاليًا.</translation>
    </message>
    <message>
      <source>Annuler</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Réponse du bureau : {answer}</source>
      <translation>رد المكتب: {answer}</translation>
    </message>
  </context>
  <context>
    <name>RequestFormScreen</name>
    <message>
      <source>Demande au bailleur</source>
      <translation>طلب إلى المؤجّر</translation>
    </message>
    <message>
      <source>{name}, votre demande concerne…</source>
      <translation>طلبك يا {name} يتعلق بـ…</translation>
    </message>
    <message>
      <source>Précisez en quelques mots (facultatif)</source>
      <translation>وضّح ببضع كلمات (اختياري)</translation>
    </message>
    <message>
      <source>Inutile de parler de votre santé : le bureau vous rappellera.</source>
      <translation>لا داعي للحديث عن صحتك: سيتصل بك المكتب.</translation>
    </message>
    <message>
      <source>Envoyer ma demande</source>
      <translation>إرسال طلبي</translation>
    </message>
    <message>
      <source>Demande envoyée. Suivez-la et lisez la réponse du bureau dans « Mon espace ».</source>
      <translation>تم إرسال الطلب. تابعه واقرأ رد المكتب في «مساحتي».</translation>
    </message>
  </context>
  <context>
    <name>CommunityMessages</name>
    <message>
      <source>Inscription annulée</source>
      <translation>التسجيل ملغى</translation>
    </message>
    <message>
      <source>Vérifiez ce champ.</source>
      <translation>تحقّق من هذه الخانة.</translation>
    </message>
    <message>
      <source>Un problème est survenu. Réessayez ou voyez votre gardien.</source>
      <translation>حدثت مشكلة. أعد المحاولة أو راجع حارس العمارة.</translation>
    </message>
    <message>
      <source>En attente de confirmation</source>
      <translation>في انتظار التأكيد</translation>
    </message>
    <message>
      <source>Inscription confirmée</source>
      <translation>التسجيل مؤكَّد</translation>
    </message>
    <message>
      <source>Liste d'attente</source>
      <translation>قائمة الانتظار</translation>
    </message>
    <message>
      <source>Autre</source>
      <translation>أخرى</translation>
    </message>
    <message>
      <source>Autre demande</source>
      <translation>طلب آخر</translation>
    </message>
    <message>
      <source>Reçue</source>
      <translation>مستلَم</translation>
    </message>
    <message>
      <source>Envoyée, en attente de relecture</source>
      <translation>أُرسلت، في انتظار القراءة</translation>
    </message>
    <message>
      <source>Complet : inscription sur liste d'attente</source>
      <translation>مكتمل: التسجيل في قائمة الانتظار</translation>
    </message>
    <message>
      <source>Pas de numéro de téléphone ni d'adresse e-mail ici : ce texte peut être affiché.</source>
      <translation>لا رقم هاتف ولا بريد إلكتروني هنا: قد يُعرض هذا النص.</translation>
    </message>
    <message>
      <source>Choisissez un thème.</source>
      <translation>اختر موضوعًا.</translation>
    </message>
    <message>
      <source>Vous êtes déjà inscrit(e) à cet événement.</source>
      <translation>أنت مسجّل بالفعل في هذا النشاط.</translation>
    </message>
    <message>
      <source>Cet événement est terminé.</source>
      <translation>انتهى هذا النشاط.</translation>
    </message>
    <message>
      <source>Cette carte n'est pas reconnue ici. Voyez votre gardien.</source>
      <translation>هذه البطاقة غير معروفة هنا. راجع حارس العمارة.</translation>
    </message>
    <message>
      <source>Nous ne vous avons pas trouvé. Vérifiez et réessayez, ou voyez votre gardien.</source>
      <translation>لم نعثر عليك. تحقّق وأعد المحاولة، أو راجع حارس العمارة.</translation>
    </message>
    <message>
      <source>La session du personnel est terminée : reconnectez-vous.</source>
      <translation>انتهت جلسة الموظف: سجّل الدخول من جديد.</translation>
    </message>
    <message>
      <source>Ce n'est pas possible pour le moment. Voyez votre gardien.</source>
      <translation>هذا غير ممكن الآن. راجع حارس العمارة.</translation>
    </message>
    <message>
      <source>{day}, {start} – {end}</source>
      <translation>{day}، {start} – {end}</translation>
    </message>
    <message>
      <source>{left} places libres sur {capacity}</source>
      <translation>{left} أماكن شاغرة من {capacity}</translation>
    </message>
    <message>
      <source>Cadre de vie</source>
      <translation>إطار العيش</translation>
    </message>
    <message>
      <source>Entraide</source>
      <translation>التعاون</translation>
    </message>
    <message>
      <source>Activités</source>
      <translation>أنشطة</translation>
    </message>
    <message>
      <source>Environnement</source>
      <translation>البيئة</translation>
    </message>
    <message>
      <source>Économies</source>
      <translation>التوفير</translation>
    </message>
    <message>
      <source>Réparation des parties communes</source>
      <translation>إصلاح في الأجزاء المشتركة</translation>
    </message>
    <message>
      <source>Adapter mon logement (mobilité réduite)</source>
      <translation>تكييف مسكني (صعوبة في الحركة)</translation>
    </message>
    <message>
      <source>Bruit</source>
      <translation>الضجيج</translation>
    </message>
    <message>
      <source>Propreté</source>
      <translation>النظافة</translation>
    </message>
    <message>
      <source>En cours</source>
      <translation>قيد المعالجة</translation>
    </message>
    <message>
      <source>Traitée</source>
      <translation>تمت المعالجة</translation>
    </message>
    <message>
      <source>Publiée</source>
      <translation>منشورة</translation>
    </message>
    <message>
      <source>Non retenue</source>
      <translation>لم تُقبل</translation>
    </message>
    <message>
      <source>Écrivez au moins {min} lettres.</source>
      <translation>اكتب {min} أحرف على الأقل.</translation>
    </message>
    <message>
      <source>Trop long : {max} caractères au plus.</source>
      <translation>طويل جدًا: {max} حرفًا على الأكثر.</translation>
    </message>
    <message>
      <source>Liste d'attente : place n° {position}</source>
      <translation>قائمة الانتظار: رقم {position}</translation>
    </message>
  </context>
  <context>
    <name>AccessBar</name>
    <message>
      <source>Écouter</source>
      <translation>استمع</translation>
    </message>
    <message>
      <source>Écouter : la borne lit l'écran à voix haute</source>
      <translation>استمع: تقرأ الشاشة بصوت عالٍ</translation>
    </message>
    <message>
      <source>Aide</source>
      <translation>مساعدة</translation>
    </message>
    <message>
      <source>Besoin d'aide ?</source>
      <translation>هل تحتاج إلى مساعدة؟</translation>
    </message>
    <message>
      <source>Affichage</source>
      <translation>العرض</translation>
    </message>
    <message>
      <source>Affichage : grand texte, contraste, facile à lire</source>
      <translation>العرض: خط كبير، تباين، سهل القراءة</translation>
    </message>
  </context>
  <context>
    <name>CallbackScreen</name>
    <message>
      <source>Être rappelé</source>
      <translation>اطلب اتصالًا</translation>
    </message>
    <message>
      <source>Laissez votre numéro : le bureau vous rappellera.</source>
      <translation>اترك رقمك: سيتصل بك المكتب.</translation>
    </message>
    <message>
      <source>Votre numéro de téléphone</source>
      <translation>رقم هاتفك</translation>
    </message>
    <message>
      <source>Envoyer</source>
      <translation>إرسال</translation>
    </message>
    <message>
      <source>Un problème est survenu. Appelez le gardien, ou passez à l'agence.</source>
      <translation>حدثت مشكلة. اتصل بالحارس، أو زر الوكالة.</translation>
    </message>
    <message>
      <source>Mon adhésion, ma carte</source>
      <translation>عضويتي، بطاقتي</translation>
    </message>
    <message>
      <source>Mon logement, une réparation</source>
      <translation>مسكني، إصلاح</translation>
    </message>
    <message>
      <source>Les rencontres et activités</source>
      <translation>اللقاءات والأنشطة</translation>
    </message>
    <message>
      <source>Autre chose</source>
      <translation>شيء آخر</translation>
    </message>
    <message>
      <source>{name}, le bureau vous rappellera au {phone}.</source>
      <translation>{name}، سيتصل بك المكتب على الرقم {phone}.</translation>
    </message>
    <message>
      <source>{name}, le bureau vous rappellera.</source>
      <translation>{name}، سيتصل بك المكتب.</translation>
    </message>
    <message>
      <source>Un autre numéro ? (facultatif)</source>
      <translation>رقم آخر؟ (اختياري)</translation>
    </message>
    <message>
      <source>Vous avez déjà demandé un rappel le {date} : le bureau va vous appeler.</source>
      <translation>لقد طلبت اتصالًا يوم {date}: سيتصل بك المكتب.</translation>
    </message>
    <message>
      <source>C'est à propos de :</source>
      <translation>الموضوع:</translation>
    </message>
    <message>
      <source>Votre demande est enregistrée.</source>
      <translation>تم تسجيل طلبك.</translation>
    </message>
    <message>
      <source>Le bureau vous rappellera dès que possible, aux heures d'ouverture.</source>
      <translation>سيتصل بك المكتب في أقرب وقت، خلال ساعات العمل.</translation>
    </message>
    <message>
      <source>Touchez ce dont il s'agit.</source>
      <translation>المس موضوع طلبك.</translation>
    </message>
  </context>
  <context>
    <name>DisplayPanel</name>
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
      <source>Facile à lire</source>
      <translation>سهل القراءة</translation>
    </message>
    <message>
      <source>Facile à lire : phrases courtes et images</source>
      <translation>سهل القراءة: جمل قصيرة وصور</translation>
    </message>
  </context>
  <context>
    <name>EasyRead</name>
    <message>
      <source>Empruntez un outil du club.</source>
      <translation>استعر أداة من النادي.</translation>
    </message>
    <message>
      <source>Montrez votre carte pour réserver.</source>
      <translation>أظهر بطاقتك للحجز.</translation>
    </message>
    <message>
      <source>Rendez l'outil à la date du ticket.</source>
      <translation>أعد الأداة في التاريخ المكتوب على الوصل.</translation>
    </message>
    <message>
      <source>Scannez la carte, puis l'étiquette de l'outil.</source>
      <translation>امسح البطاقة، ثم ملصق الأداة.</translation>
    </message>
    <message>
      <source>Pour un retour, scannez seulement l'étiquette.</source>
      <translation>للإرجاع، امسح الملصق فقط.</translation>
    </message>
    <message>
      <source>Des voisins s'aident entre eux.</source>
      <translation>الجيران يساعدون بعضهم بعضًا.</translation>
    </message>
    <message>
      <source>Votre numéro de téléphone n'est jamais affiché.</source>
      <translation>رقم هاتفك لا يظهر أبدًا.</translation>
    </message>
    <message>
      <source>Scannez la carte du membre.</source>
      <translation>امسح بطاقة العضو.</translation>
    </message>
    <message>
      <source>Encaissez en espèces : le reçu s'imprime.</source>
      <translation>استلم المبلغ نقدًا: يُطبع الوصل.</translation>
    </message>
    <message>
      <source>Une heure donnée vaut une heure reçue.</source>
      <translation>ساعة تعطيها تساوي ساعة تأخذها.</translation>
    </message>
    <message>
      <source>Les deux voisins montrent leur carte.</source>
      <translation>يُظهر الجاران بطاقتيهما.</translation>
    </message>
    <message>
      <source>Pas de carte ? Imprimez un bon pour un magasin.</source>
      <translation>ليست معك بطاقة؟ اطبع قسيمة لمتجر.</translation>
    </message>
    <message>
      <source>Le bon marche une seule fois.</source>
      <translation>القسيمة تصلح مرة واحدة.</translation>
    </message>
    <message>
      <source>Vous avez une carte ? Touchez « Scanner ma carte ».</source>
      <translation>لديك بطاقة؟ المس «مسح بطاقتي».</translation>
    </message>
    <message>
      <source>Pas encore membre ? Touchez « Devenir membre ».</source>
      <translation>لست عضوًا بعد؟ المس «انضم إلى النادي».</translation>
    </message>
    <message>
      <source>Une question ? Touchez « Aide », en bas.</source>
      <translation>سؤال؟ المس «مساعدة» في الأسفل.</translation>
    </message>
    <message>
      <source>Montrez votre carte à la caméra, tout près.</source>
      <translation>أظهر بطاقتك للكاميرا، عن قرب.</translation>
    </message>
    <message>
      <source>Ou tapez le numéro écrit sur la carte.</source>
      <translation>أو اكتب الرقم المكتوب على البطاقة.</translation>
    </message>
    <message>
      <source>Ici, les magasins qui font des réductions.</source>
      <translation>هنا المحلات التي تقدم تخفيضات.</translation>
    </message>
    <message>
      <source>Touchez une image pour choisir.</source>
      <translation>المس صورة للاختيار.</translation>
    </message>
    <message>
      <source>Voici les magasins, les plus proches d'abord.</source>
      <translation>هذه المحلات، الأقرب أولًا.</translation>
    </message>
    <message>
      <source>Touchez un magasin pour voir la réduction.</source>
      <translation>المس محلًا لترى التخفيض.</translation>
    </message>
    <message>
      <source>Montrez votre carte au magasin pour avoir la réduction.</source>
      <translation>أظهر بطاقتك في المحل لتحصل على التخفيض.</translation>
    </message>
    <message>
      <source>Les heures d'ouverture sont plus bas.</source>
      <translation>ساعات العمل في الأسفل.</translation>
    </message>
    <message>
      <source>Devenir membre, c'est gratuit.</source>
      <translation>الانضمام مجاني.</translation>
    </message>
    <message>
      <source>Répondez aux questions, une par une.</source>
      <translation>أجب عن الأسئلة، واحدًا تلو الآخر.</translation>
    </message>
    <message>
      <source>Votre gardien peut aussi vous inscrire.</source>
      <translation>يمكن لحارس المبنى أيضًا تسجيلك.</translation>
    </message>
    <message>
      <source>Ici, c'est votre espace.</source>
      <translation>هذه مساحتك.</translation>
    </message>
    <message>
      <source>Vous voyez vos inscriptions, vos idées, vos demandes.</source>
      <translation>ترى تسجيلاتك وأفكارك وطلباتك.</translation>
    </message>
    <message>
      <source>Voici votre carte de membre.</source>
      <translation>هذه بطاقة عضويتك.</translation>
    </message>
    <message>
      <source>Montrez-la dans les magasins du club.</source>
      <translation>أظهرها في محلات النادي.</translation>
    </message>
    <message>
      <source>Cette personne est peut-être déjà membre.</source>
      <translation>ربما هذا الشخص عضو بالفعل.</translation>
    </message>
    <message>
      <source>Choisissez : même personne, ou personne différente.</source>
      <translation>اختر: الشخص نفسه، أو شخص آخر.</translation>
    </message>
    <message>
      <source>Cet espace est pour le gardien.</source>
      <translation>هذه المساحة لحارس المبنى.</translation>
    </message>
    <message>
      <source>Tapez votre code secret.</source>
      <translation>اكتب رمزك السري.</translation>
    </message>
    <message>
      <source>Espace du gardien.</source>
      <translation>مساحة الحارس.</translation>
    </message>
    <message>
      <source>Inscrivez un foyer, ou cherchez un membre.</source>
      <translation>سجّل أسرة، أو ابحث عن عضو.</translation>
    </message>
    <message>
      <source>Voici les prochaines rencontres.</source>
      <translation>هذه اللقاءات القادمة.</translation>
    </message>
    <message>
      <source>Touchez une rencontre pour vous inscrire.</source>
      <translation>المس لقاءً للتسجيل.</translation>
    </message>
    <message>
      <source>Voici la rencontre : le jour, l'heure, le lieu.</source>
      <translation>هذا هو اللقاء: اليوم والساعة والمكان.</translation>
    </message>
    <message>
      <source>Touchez le bouton vert pour vous inscrire.</source>
      <translation>المس الزر الأخضر للتسجيل.</translation>
    </message>
    <message>
      <source>Le gardien scanne les cartes à l'entrée.</source>
      <translation>يمسح الحارس البطاقات عند الدخول.</translation>
    </message>
    <message>
      <source>Voici les idées des voisins.</source>
      <translation>هذه أفكار الجيران.</translation>
    </message>
    <message>
      <source>Vous êtes d'accord ? Touchez « Je soutiens ».</source>
      <translation>توافق؟ المس «أؤيد».</translation>
    </message>
    <message>
      <source>Donnez votre idée pour l'immeuble.</source>
      <translation>قدّم فكرتك للمبنى.</translation>
    </message>
    <message>
      <source>N'écrivez pas votre nom ni votre téléphone.</source>
      <translation>لا تكتب اسمك ولا رقم هاتفك.</translation>
    </message>
    <message>
      <source>Demandez une réparation ou une aide au bailleur.</source>
      <translation>اطلب من المؤجر إصلاحًا أو مساعدة.</translation>
    </message>
    <message>
      <source>Le bureau vous répondra.</source>
      <translation>سيرد عليك المكتب.</translation>
    </message>
    <message>
      <source>Vos inscriptions, vos idées et vos demandes.</source>
      <translation>تسجيلاتك وأفكارك وطلباتك.</translation>
    </message>
    <message>
      <source>Voici qui peut vous aider.</source>
      <translation>هؤلاء يمكنهم مساعدتك.</translation>
    </message>
    <message>
      <source>Appelez le gardien, ou demandez qu'on vous rappelle.</source>
      <translation>اتصل بالحارس، أو اطلب أن نتصل بك.</translation>
    </message>
    <message>
      <source>Le bureau peut vous rappeler.</source>
      <translation>يمكن للمكتب أن يتصل بك.</translation>
    </message>
    <message>
      <source>Écrivez votre numéro de téléphone.</source>
      <translation>اكتب رقم هاتفك.</translation>
    </message>
    <message>
      <source>Besoin d'aide ? Touchez « Aide », en bas.</source>
      <translation>تحتاج مساعدة؟ المس «مساعدة» في الأسفل.</translation>
    </message>
    <message>
      <source>Choisissez, puis écrivez votre annonce.</source>
      <translation>اختاروا، ثم اكتبوا إعلانكم.</translation>
    </message>
    <message>
      <source>Le bureau la lit avant de l'afficher.</source>
      <translation>يقرؤه المكتب قبل عرضه.</translation>
    </message>
  </context>
  <context>
    <name>HelpScreen</name>
    <message>
      <source>Besoin d'aide ?</source>
      <translation>تحتاج مساعدة؟</translation>
    </message>
    <message>
      <source>Ces personnes peuvent vous aider :</source>
      <translation>هؤلاء الأشخاص يمكنهم مساعدتك:</translation>
    </message>
    <message>
      <source>Le bureau n'a pas encore donné les coordonnées du gardien. Demandez à l'agence de votre bailleur.</source>
      <translation>لم يرسل المكتب بعد بيانات الحارس. اسأل وكالة المؤجر.</translation>
    </message>
    <message>
      <source>Je voudrais qu'on me rappelle</source>
      <translation>أريد أن يتصلوا بي</translation>
    </message>
    <message>
      <source>Prochaine rencontre « En direct » avec le bailleur</source>
      <translation>اللقاء القادم «مباشر» مع المؤجر</translation>
    </message>
    <message>
      <source>Vous ne lisez pas bien ? Touchez « Écouter », en bas : la borne lit l'écran.</source>
      <translation>القراءة صعبة؟ المس «استمع» في الأسفل: تقرأ الشاشة لك.</translation>
    </message>
  </context>
  <context>
    <name>Speech</name>
    <message>
      <source>activé</source>
      <translation>مفعّل</translation>
    </message>
    <message>
      <source>désactivé</source>
      <translation>غير مفعّل</translation>
    </message>
    <message>
      <source>{name}, {state}</source>
      <translation>{name}، {state}</translation>
    </message>
    <message>
      <source>Vous pouvez toucher : {choices}.</source>
      <translation>يمكنك أن تلمس: {choices}.</translation>
    </message>
  </context>
  <context>
    <name>SpeechPanel</name>
    <message>
      <source>Répéter</source>
      <translation>أعد</translation>
    </message>
    <message>
      <source>Arrêter</source>
      <translation>توقف</translation>
    </message>
    <message>
      <source>Moins fort</source>
      <translation>أخفض</translation>
    </message>
    <message>
      <source>Plus fort</source>
      <translation>أعلى</translation>
    </message>
    <message>
      <source>Volume {level} sur {steps}</source>
      <translation>مستوى الصوت {level} من {steps}</translation>
    </message>
  </context>
  <context>
    <name>SavingsPanel</name>
    <message>
      <source>{partner} : {amount} (1 passage)</source>
      <translation>{partner}: {amount} (زيارة واحدة)</translation>
    </message>
    <message>
      <source>Mes économies</source>
      <translation>مدخراتي</translation>
    </message>
    <message>
      <source>Pas de carte sur vous ? Imprimer un bon</source>
      <translation>ليست معك بطاقتك؟ اطبع قسيمة</translation>
    </message>
    <message>
      <source>Rien pour l'instant cette année.</source>
      <translation>لا شيء حتى الآن هذا العام.</translation>
    </message>
    <message>
      <source>Montrez votre carte chez les partenaires du club : vos économies s'afficheront ici.</source>
      <translation>أظهر بطاقتك لدى شركاء النادي: ستظهر مدخراتك هنا.</translation>
    </message>
    <message>
      <source>Vous avez économisé {amount} cette année</source>
      <translation>لقد وفّرت {amount} هذا العام</translation>
    </message>
    <message>
      <source>{partner} : {amount} (déclaré par le partenaire)</source>
      <translation>{partner}: {amount} (صرّح به الشريك)</translation>
    </message>
    <message>
      <source>{partner} : {amount} ({uses} passages)</source>
      <translation>{partner}: {amount} ({uses} زيارات)</translation>
    </message>
    <message>
      <source>Mesuré chez les partenaires : {measured} · déclaré : {declared}</source>
      <translation>مقاس لدى الشركاء: {measured} · مصرّح به: {declared}</translation>
    </message>
  </context>
  <context>
    <name>VoucherScreen</name>
    <message>
      <source>Imprimer ce bon</source>
      <translation>اطبع هذه القسيمة</translation>
    </message>
    <message>
      <source>Un bon sans carte</source>
      <translation>قسيمة بدون بطاقة</translation>
    </message>
    <message>
      <source>Choisissez le bon plan : la borne imprime un bon à montrer au commerçant.</source>
      <translation>اختر العرض: تطبع الشاشة قسيمة تُظهرها للتاجر.</translation>
    </message>
    <message>
      <source>Le bon marche une seule fois, chez ce commerçant, pendant 30 jours.</source>
      <translation>تصلح القسيمة مرة واحدة، لدى هذا التاجر، لمدة 30 يومًا.</translation>
    </message>
    <message>
      <source>Ouvrir mon espace d'abord</source>
      <translation>افتح مساحتي أولاً</translation>
    </message>
    <message>
      <source>Pour imprimer un bon, ouvrez d'abord votre espace : avec votre carte, ou avec votre prénom et votre logement.</source>
      <translation>لطباعة قسيمة، افتح مساحتك أولاً: ببطاقتك، أو باسمك الأول ومسكنك.</translation>
    </message>
    <message>
      <source>Imprimer encore</source>
      <translation>اطبع مرة أخرى</translation>
    </message>
    <message>
      <source>Terminé</source>
      <translation>تم</translation>
    </message>
    <message>
      <source>Bon déjà imprimé, valable jusqu'au {date}</source>
      <translation>القسيمة مطبوعة مسبقًا، صالحة حتى {date}</translation>
    </message>
    <message>
      <source>Aucun bon plan en cours pour l'instant.</source>
      <translation>لا توجد عروض حاليًا.</translation>
    </message>
    <message>
      <source>Votre bon s'imprime ✓ Montrez-le au commerçant.</source>
      <translation>قسيمتك قيد الطباعة ✓ أظهرها للتاجر.</translation>
    </message>
    <message>
      <source>Pas d'imprimante ici : montrez ce bon au commerçant sur votre téléphone (prenez-le en photo).</source>
      <translation>لا توجد طابعة هنا: أظهر هذه القسيمة للتاجر على هاتفك (التقط لها صورة).</translation>
    </message>
    <message>
      <source>Code : {code}</source>
      <translation>الرمز: {code}</translation>
    </message>
    <message>
      <source>Vous avez déjà un bon pour cette offre, imprimé à une autre borne, valable jusqu'au {date}. Son code : {code}</source>
      <translation>لديك قسيمة لهذا العرض طُبعت في شاشة أخرى، صالحة حتى {date}. رمزها: {code}</translation>
    </message>
    <message>
      <source>Ce bon ne peut pas être imprimé. Voyez votre gardien.</source>
      <translation>لا يمكن طباعة هذه القسيمة. راجع الحارس.</translation>
    </message>
  </context>
  <context>
    <name>VoucherPrint</name>
    <message>
      <source>BON PLAN · sans carte</source>
      <translation>عرض · بدون بطاقة</translation>
    </message>
    <message>
      <source>Code à taper si le QR ne passe pas :</source>
      <translation>رمز يُكتب إذا لم يُقرأ رمز QR:</translation>
    </message>
    <message>
      <source>Valable une seule fois, jusqu'au {date}.</source>
      <translation>صالحة مرة واحدة، حتى {date}.</translation>
    </message>
  </context>
  <context>
    <name>LendingCatalogueScreen</name>
    <message>
      <source>Prêt d'outils</source>
      <translation>إعارة الأدوات</translation>
    </message>
    <message>
      <source>Scannez votre carte pour réserver un objet ou voir vos prêts.</source>
      <translation>امسح بطاقتك لحجز غرض أو رؤية إعاراتك.</translation>
    </message>
    <message>
      <source>Aucun objet à prêter pour l'instant.</source>
      <translation>لا توجد أغراض للإعارة حاليًا.</translation>
    </message>
    <message>
      <source>Mes prêts</source>
      <translation>إعاراتي</translation>
    </message>
    <message>
      <source>J'ai lu et j'accepte</source>
      <translation>قرأت وأوافق</translation>
    </message>
    <message>
      <source>Signer la décharge</source>
      <translation>وقّع إقرار المسؤولية</translation>
    </message>
    <message>
      <source>Signer la décharge (perceuse, échelle…)</source>
      <translation>وقّع إقرار المسؤولية (مثقاب، سلّم…)</translation>
    </message>
    <message>
      <source>disponible</source>
      <translation>متاح</translation>
    </message>
    <message>
      <source>en réparation</source>
      <translation>قيد الإصلاح</translation>
    </message>
    <message>
      <source>de retour le {date}</source>
      <translation>يعود في {date}</translation>
    </message>
    <message>
      <source>réservé pour vous</source>
      <translation>محجوز لك</translation>
    </message>
    <message>
      <source>chez vous</source>
      <translation>عندك</translation>
    </message>
    <message>
      <source>touchez pour réserver</source>
      <translation>المس للحجز</translation>
    </message>
    <message>
      <source>{item} : réservé</source>
      <translation>{item}: محجوز</translation>
    </message>
    <message>
      <source>place {n} sur la liste</source>
      <translation>الرقم {n} في القائمة</translation>
    </message>
    <message>
      <source>⚠ {item} : en retard, à rendre depuis le {date}</source>
      <translation>⚠ {item}: متأخر، كان يجب إرجاعه منذ {date}</translation>
    </message>
    <message>
      <source>{item} : à rendre le {date}</source>
      <translation>{item}: يُرجع في {date}</translation>
    </message>
    <message>
      <source>c'est demain</source>
      <translation>هذا غدًا</translation>
    </message>
    <message>
      <source>{item} : rendu</source>
      <translation>{item}: أُرجع</translation>
    </message>
    <message>
      <source>Aucun prêt en cours.</source>
      <translation>لا توجد إعارات حالية.</translation>
    </message>
    <message>
      <source>Bonjour {name}</source>
      <translation>مرحبًا {name}</translation>
    </message>
    <message>
      <source>Scannez d'abord votre carte pour réserver.</source>
      <translation>امسح بطاقتك أولًا للحجز.</translation>
    </message>
    <message>
      <source>Réservé : la loge vous le prêtera à son retour.</source>
      <translation>تم الحجز: سيعيرك إياه مكتب الحارس عند عودته.</translation>
    </message>
    <message>
      <source>Cochez « J'ai lu et j'accepte ».</source>
      <translation>ضع علامة على «قرأت وأوافق».</translation>
    </message>
    <message>
      <source>Décharge signée. Merci.</source>
      <translation>تم توقيع الإقرار. شكرًا.</translation>
    </message>
  </context>
  <context>
    <name>LendingDeskScreen</name>
    <message>
      <source>Prêt d'outils</source>
      <translation>إعارة الأدوات</translation>
    </message>
    <message>
      <source>À réparer</source>
      <translation>يحتاج إلى إصلاح</translation>
    </message>
    <message>
      <source>Ce qui ne va pas (facultatif)</source>
      <translation>ما المشكلة (اختياري)</translation>
    </message>
    <message>
      <source>Mettre en réparation</source>
      <translation>إرسال للإصلاح</translation>
    </message>
    <message>
      <source>Réimprimer le ticket</source>
      <translation>إعادة طباعة الوصل</translation>
    </message>
    <message>
      <source>Autre membre</source>
      <translation>عضو آخر</translation>
    </message>
    <message>
      <source>Prêts en retard</source>
      <translation>إعارات متأخرة</translation>
    </message>
    <message>
      <source>Prêts refusés par le serveur (touchez quand c'est réglé)</source>
      <translation>إعارات رفضها الخادم (المس عند حلّها)</translation>
    </message>
    <message>
      <source>Scannez la carte du membre, puis l'étiquette de l'objet. Pour un retour, scannez seulement l'étiquette.</source>
      <translation>امسح بطاقة العضو، ثم ملصق الغرض. للإرجاع، امسح الملصق فقط.</translation>
    </message>
    <message>
      <source>Pour {name} : scannez l'étiquette de l'objet.</source>
      <translation>لـ {name}: امسح ملصق الغرض.</translation>
    </message>
    <message>
      <source>Bonjour {name}</source>
      <translation>مرحبًا {name}</translation>
    </message>
    <message>
      <source>Scannez maintenant l'étiquette de l'objet.</source>
      <translation>امسح الآن ملصق الغرض.</translation>
    </message>
    <message>
      <source>✓ Prêté : {item}</source>
      <translation>✓ تمت الإعارة: {item}</translation>
    </message>
    <message>
      <source>À rendre le {date}</source>
      <translation>يُرجع في {date}</translation>
    </message>
    <message>
      <source>✓ Rendu : {item}</source>
      <translation>✓ أُرجع: {item}</translation>
    </message>
    <message>
      <source>Merci {name}. En bon état ? Sinon touchez « À réparer ».</source>
      <translation>شكرًا {name}. هل هو بحالة جيدة؟ وإلا فالمس «يحتاج إلى إصلاح».</translation>
    </message>
    <message>
      <source>En bon état ? Sinon touchez « À réparer ».</source>
      <translation>هل هو بحالة جيدة؟ وإلا فالمس «يحتاج إلى إصلاح».</translation>
    </message>
    <message>
      <source>En réparation : {item}</source>
      <translation>قيد الإصلاح: {item}</translation>
    </message>
    <message>
      <source>Il ne sera plus prêté avant sa réparation.</source>
      <translation>لن يُعار قبل إصلاحه.</translation>
    </message>
    <message>
      <source>à rendre le {date}</source>
      <translation>يُرجع في {date}</translation>
    </message>
  </context>
  <context>
    <name>LendingSlip</name>
    <message>
      <source>Dépôt de garantie : {amount}</source>
      <translation>مبلغ الضمان: {amount}</translation>
    </message>
    <message>
      <source>Pour : {name}</source>
      <translation>لـ: {name}</translation>
    </message>
    <message>
      <source>Prêt d'outils</source>
      <translation>إعارة الأدوات</translation>
    </message>
    <message>
      <source>Rapportez-le à la loge, propre. En cas de panne, prévenez le gardien.</source>
      <translation>أعده إلى مكتب الحارس نظيفًا. في حال العطل، أخبر الحارس.</translation>
    </message>
    <message>
      <source>Scannez à la loge</source>
      <translation>امسح عند مكتب الحارس</translation>
    </message>
    <message>
      <source>À rendre le {date}</source>
      <translation>يُرجع في {date}</translation>
    </message>
  </context>
  <context>
    <name>Lending</name>
    <message>
      <source>Action impossible</source>
      <translation>الإجراء غير ممكن</translation>
    </message>
    <message>
      <source>Carte refusée</source>
      <translation>البطاقة مرفوضة</translation>
    </message>
    <message>
      <source>Cet objet demande une décharge signée : le membre la signe à la borne, dans « Mon espace ».</source>
      <translation>يتطلب هذا الغرض إقرارًا موقّعًا: يوقّعه العضو على الشاشة، في «مساحتي».</translation>
    </message>
    <message>
      <source>Cet objet n'appartient pas à un point de prêt de cette borne.</source>
      <translation>هذا الغرض لا ينتمي إلى نقطة إعارة تابعة لهذه الشاشة.</translation>
    </message>
    <message>
      <source>Cet objet n'est pas sorti : scannez la carte de l'emprunteur, puis l'étiquette.</source>
      <translation>هذا الغرض غير مُعار: امسح بطاقة المستعير، ثم الملصق.</translation>
    </message>
    <message>
      <source>Cotisation à régler</source>
      <translation>الاشتراك مستحق الدفع</translation>
    </message>
    <message>
      <source>Décharge à signer</source>
      <translation>إقرار يجب توقيعه</translation>
    </message>
    <message>
      <source>Déjà réservé</source>
      <translation>محجوز مسبقًا</translation>
    </message>
    <message>
      <source>En entretien jusqu'au {date}.</source>
      <translation>قيد الصيانة حتى {date}.</translation>
    </message>
    <message>
      <source>En réparation ou retiré du prêt.</source>
      <translation>قيد الإصلاح أو مسحوب من الإعارة.</translation>
    </message>
    <message>
      <source>Il doit revenir le {date}. Le membre peut le réserver.</source>
      <translation>من المقرر أن يعود في {date}. يمكن للعضو حجزه.</translation>
    </message>
    <message>
      <source>Il est chez un autre membre.</source>
      <translation>إنه عند عضو آخر.</translation>
    </message>
    <message>
      <source>Il faut d'abord rapporter l'objet en retard.</source>
      <translation>يجب أولًا إرجاع الغرض المتأخر.</translation>
    </message>
    <message>
      <source>La cotisation n'est pas à jour : les prêts reprennent dès qu'elle est réglée.</source>
      <translation>الاشتراك غير مسدّد: تُستأنف الإعارات فور تسديده.</translation>
    </message>
    <message>
      <source>Le bureau a suspendu les prêts de ce membre. Voir avec le bureau.</source>
      <translation>أوقف المكتب إعارات هذا العضو. راجع المكتب.</translation>
    </message>
    <message>
      <source>Objet déjà prêté</source>
      <translation>الغرض مُعار مسبقًا</translation>
    </message>
    <message>
      <source>Objet indisponible</source>
      <translation>الغرض غير متاح</translation>
    </message>
    <message>
      <source>Prêts suspendus pour ce membre</source>
      <translation>الإعارات موقوفة لهذا العضو</translation>
    </message>
    <message>
      <source>Scannez d'abord la carte du membre</source>
      <translation>امسح بطاقة العضو أولًا</translation>
    </message>
    <message>
      <source>Un prêt est en retard</source>
      <translation>هناك إعارة متأخرة</translation>
    </message>
    <message>
      <source>déjà prêté par une autre borne : à récupérer</source>
      <translation>أعارته شاشة أخرى مسبقًا: يجب استرجاعه</translation>
    </message>
    <message>
      <source>membre suspendu par le bureau</source>
      <translation>عضو موقوف من المكتب</translation>
    </message>
    <message>
      <source>refusé : {code}</source>
      <translation>مرفوض: {code}</translation>
    </message>
    <message>
      <source>Étiquette inconnue ici</source>
      <translation>ملصق غير معروف هنا</translation>
    </message>
  </context>
  <context>
    <name>ExchangesScreen</name>
    <message>
      <source>Échanges entre voisins</source>
      <translation>تبادل الخدمات بين الجيران</translation>
    </message>
    <message>
      <source>Des voisins proposent ou cherchent un coup de main. Les annonces sont relues par le bureau avant d'être affichées. Aucun numéro de téléphone n'est affiché : la personne reçoit votre demande dans son espace.</source>
      <translation>جيران يعرضون المساعدة أو يبحثون عنها. يقرأ المكتب الإعلانات قبل عرضها. لا يُعرض أي رقم هاتف: يتلقى الشخص طلبك في مساحته.</translation>
    </message>
    <message>
      <source>Pas encore d'annonce dans cette rubrique.</source>
      <translation>لا يوجد إعلان في هذا القسم بعد.</translation>
    </message>
    <message>
      <source>{n} annonce(s)</source>
      <translation>{n} إعلان</translation>
    </message>
    <message>
      <source>aucune</source>
      <translation>لا شيء</translation>
    </message>
    <message>
      <source>C'est transmis : la personne verra votre demande dans son espace à la borne, ou le gardien la préviendra.</source>
      <translation>تم الإرسال: سيرى الشخص طلبك في مساحته على الجهاز، أو سيبلغه الحارس.</translation>
    </message>
  </context>
  <context>
    <name>PostCard</name>
    <message>
      <source>Être mis en relation</source>
      <translation>التواصل معه</translation>
    </message>
  </context>
  <context>
    <name>ConciergerieMessages</name>
    <message>
      <source>Petit bricolage</source>
      <translation>أعمال صيانة صغيرة</translation>
    </message>
    <message>
      <source>Garde d'enfants</source>
      <translation>رعاية الأطفال</translation>
    </message>
    <message>
      <source>Ménage</source>
      <translation>تنظيف</translation>
    </message>
    <message>
      <source>Couture</source>
      <translation>خياطة</translation>
    </message>
    <message>
      <source>Informatique</source>
      <translation>إعلاميات</translation>
    </message>
    <message>
      <source>Aide administrative</source>
      <translation>مساعدة إدارية</translation>
    </message>
    <message>
      <source>Cuisine</source>
      <translation>طبخ</translation>
    </message>
    <message>
      <source>Soutien scolaire</source>
      <translation>دعم مدرسي</translation>
    </message>
    <message>
      <source>Jardinage</source>
      <translation>بستنة</translation>
    </message>
    <message>
      <source>Autre</source>
      <translation>أخرى</translation>
    </message>
    <message>
      <source>Je propose</source>
      <translation>أعرض</translation>
    </message>
    <message>
      <source>Je cherche</source>
      <translation>أبحث عن</translation>
    </message>
    <message>
      <source>En attente de relecture par le bureau</source>
      <translation>في انتظار مراجعة المكتب</translation>
    </message>
    <message>
      <source>Affichée</source>
      <translation>معروض</translation>
    </message>
    <message>
      <source>Non retenue</source>
      <translation>غير مقبول</translation>
    </message>
    <message>
      <source>Retirée</source>
      <translation>مسحوب</translation>
    </message>
    <message>
      <source>Cette annonce n'est plus affichée.</source>
      <translation>هذا الإعلان لم يعد معروضًا.</translation>
    </message>
    <message>
      <source>C'est votre propre annonce.</source>
      <translation>هذا إعلانك أنت.</translation>
    </message>
    <message>
      <source>Vous avez déjà demandé à être mis en relation pour cette annonce.</source>
      <translation>لقد طلبت التواصل بشأن هذا الإعلان من قبل.</translation>
    </message>
    <message>
      <source>Pas de numéro de téléphone ni d'adresse e-mail dans le texte : il est affiché dans le hall.</source>
      <translation>لا رقم هاتف ولا بريد إلكتروني في النص: فهو يُعرض في البهو.</translation>
    </message>
    <message>
      <source>Le texte est trop court.</source>
      <translation>النص قصير جدًا.</translation>
    </message>
    <message>
      <source>Les deux cartes sont celles de la même personne.</source>
      <translation>البطاقتان لنفس الشخص.</translation>
    </message>
    <message>
      <source>Choisissez une durée entre 15 minutes et 10 heures.</source>
      <translation>اختر مدة بين 15 دقيقة و10 ساعات.</translation>
    </message>
    <message>
      <source>Cet échange a déjà été annulé.</source>
      <translation>تم إلغاء هذا التبادل من قبل.</translation>
    </message>
    <message>
      <source>Cela n'a pas pu être fait. Demandez au gardien.</source>
      <translation>تعذّر ذلك. اسأل الحارس.</translation>
    </message>
  </context>
  <context>
    <name>TimeTransferScreen</name>
    <message>
      <source>Banque de temps</source>
      <translation>بنك الوقت</translation>
    </message>
    <message>
      <source>1. La personne qui a rendu le service présente sa carte.</source>
      <translation>1. يقدّم الشخص الذي قدّم الخدمة بطاقته.</translation>
    </message>
    <message>
      <source>2. La personne qui a reçu le service présente sa carte.</source>
      <translation>2. يقدّم الشخص الذي تلقّى الخدمة بطاقته.</translation>
    </message>
    <message>
      <source>3. Combien de temps ?</source>
      <translation>3. كم من الوقت؟</translation>
    </message>
    <message>
      <source>Valider</source>
      <translation>تأكيد</translation>
    </message>
    <message>
      <source>Un autre échange</source>
      <translation>تبادل آخر</translation>
    </message>
    <message>
      <source>C'est noté : {duration} ajoutées à la banque de temps.</source>
      <translation>تم التسجيل: أُضيفت {duration} إلى بنك الوقت.</translation>
    </message>
  </context>
<context>
    <name>FeeReceiptPrint</name>
    <message>
      <source>{n} mois</source>
      <translation>عدد الأشهر: {n}</translation>
    </message>
    <message>
      <source>Membre</source>
      <translation>العضو</translation>
    </message>
    <message>
      <source>Période</source>
      <translation>المدة</translation>
    </message>
    <message>
      <source>Montant payé en espèces</source>
      <translation>المبلغ المدفوع نقدًا</translation>
    </message>
    <message>
      <source>Payé le</source>
      <translation>تاريخ الدفع</translation>
    </message>
    <message>
      <source>Cotisation payée jusqu'au</source>
      <translation>الاشتراك مدفوع حتى</translation>
    </message>
    <message>
      <source>Reçu par</source>
      <translation>استلمه</translation>
    </message>
    <message>
      <source>Reçu de cotisation</source>
      <translation>إيصال الاشتراك</translation>
    </message>
    <message>
      <source>N° {number}</source>
      <translation>رقم {number}</translation>
    </message>
</context>
  <context>
    <name>FeeDeskScreen</name>
    <message>
      <source>Cotisations</source>
      <translation>الاشتراكات</translation>
    </message>
    <message>
      <source>Scannez la carte du membre, ou cherchez-le par son nom. Paiement en espèces uniquement.</source>
      <translation>امسح بطاقة العضو أو ابحث عنه باسمه. الدفع نقدًا فقط.</translation>
    </message>
    <message>
      <source>Nom ou prénom</source>
      <translation>الاسم أو اللقب</translation>
    </message>
    <message>
      <source>Chercher un membre</source>
      <translation>البحث عن عضو</translation>
    </message>
    <message>
      <source>Chercher</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>Réimprimer le reçu</source>
      <translation>إعادة طباعة الوصل</translation>
    </message>
    <message>
      <source>Autre membre</source>
      <translation>عضو آخر</translation>
    </message>
    <message>
      <source>Paiements refusés par le serveur</source>
      <translation>دفعات رفضها الخادم</translation>
    </message>
    <message>
      <source>Aucun membre trouvé.</source>
      <translation>لم يُعثر على أي عضو.</translation>
    </message>
    <message>
      <source>Club des locataires</source>
      <translation>نادي السكان</translation>
    </message>
    <message>
      <source>Reçu {number} ({amount}) : {reason}</source>
      <translation>الوصل {number} ({amount}): {reason}</translation>
    </message>
    <message>
      <source>{n} mois · {amount}</source>
      <translation>عدد الأشهر: {n} · {amount}</translation>
    </message>
    <message>
      <source>Encaisser {amount} en espèces</source>
      <translation>استلام {amount} نقدًا</translation>
    </message>
    <message>
      <source>Choisissez le nombre de mois</source>
      <translation>اختر عدد الأشهر</translation>
    </message>
    <message>
      <source>reçu imprimé</source>
      <translation>طُبع الوصل</translation>
    </message>
    <message>
      <source>l'imprimante ne répond pas : notez le numéro sur un papier</source>
      <translation>الطابعة لا تستجيب: اكتب الرقم على ورقة</translation>
    </message>
    <message>
      <source>Payé : {amount}. Reçu n° {number}, {printed}.</source>
      <translation>تم الدفع: {amount}. الوصل رقم {number}، {printed}.</translation>
    </message>
    <message>
      <source>Pas de cotisation dans ce club : rien à payer.</source>
      <translation>لا اشتراك في هذا النادي: لا شيء للدفع.</translation>
    </message>
    <message>
      <source>Cotisation payée jusqu'au {date} · {amount} par mois</source>
      <translation>الاشتراك مدفوع حتى {date} · {amount} في الشهر</translation>
    </message>
    <message>
      <source>Cotisation à régler depuis le {date} · {amount} par mois</source>
      <translation>الاشتراك مستحق منذ {date} · {amount} في الشهر</translation>
    </message>
    <message>
      <source>Cotisation à régler (jamais payée) · {amount} par mois</source>
      <translation>الاشتراك مستحق (لم يُدفع قط) · {amount} في الشهر</translation>
    </message>
  </context>
  <context>
    <name>FeeMessages</name>
    <message>
      <source>montant plus élevé que la cotisation du club</source>
      <translation>مبلغ أعلى من اشتراك النادي</translation>
    </message>
    <message>
      <source>montant impossible (zéro ou négatif)</source>
      <translation>مبلغ غير ممكن (صفر أو سالب)</translation>
    </message>
    <message>
      <source>ce club ne demande pas de cotisation</source>
      <translation>هذا النادي لا يطلب اشتراكًا</translation>
    </message>
    <message>
      <source>de 1 à 12 mois seulement</source>
      <translation>من شهر إلى 12 شهرًا فقط</translation>
    </message>
    <message>
      <source>numéro de reçu déjà donné par une autre borne : appelez le bureau</source>
      <translation>رقم الوصل أعطته شاشة أخرى: اتصل بالمكتب</translation>
    </message>
    <message>
      <source>paiement déjà enregistré</source>
      <translation>الدفعة مسجلة من قبل</translation>
    </message>
    <message>
      <source>ce membre a quitté le club</source>
      <translation>غادر هذا العضو النادي</translation>
    </message>
    <message>
      <source>membre inconnu du serveur</source>
      <translation>عضو غير معروف لدى الخادم</translation>
    </message>
    <message>
      <source>membre introuvable sur cette borne</source>
      <translation>العضو غير موجود على هذه الشاشة</translation>
    </message>
    <message>
      <source>carte non reconnue : cherchez le membre par son nom</source>
      <translation>البطاقة غير معروفة: ابحث عن العضو باسمه</translation>
    </message>
    <message>
      <source>refusé ({code}) : appelez le bureau</source>
      <translation>مرفوض ({code}): اتصل بالمكتب</translation>
    </message>
  </context>
  <context>
    <name>ConciergeriePanel</name>
    <message>
      <source>Mes annonces</source>
      <translation>إعلاناتي</translation>
    </message>
    <message>
      <source>Demandes de contact reçues</source>
      <translation>طلبات التواصل الواردة</translation>
    </message>
    <message>
      <source>Mes demandes de contact</source>
      <translation>طلبات التواصل التي أرسلتها</translation>
    </message>
    <message>
      <source>Mon temps donné et reçu</source>
      <translation>الوقت الذي قدّمته وتلقّيته</translation>
    </message>
    <message>
      <source>Impossible d'afficher vos annonces et votre temps pour l'instant. Réessayez plus tard.</source>
      <translation>لا يمكن عرض إعلاناتك ووقتك الآن. أعد المحاولة لاحقًا.</translation>
    </message>
    <message>
      <source>Rien pour l'instant.</source>
      <translation>لا شيء حاليًا.</translation>
    </message>
    <message>
      <source>Un voisin voudrait vous joindre pour « {text} » : il attend votre appel ou le gardien vous préviendra.</source>
      <translation>يرغب أحد الجيران في التواصل معك بخصوص «{text}»: ينتظر اتصالك، أو سيُعلمك الحارس.</translation>
    </message>
    <message>
      <source>Vous avez demandé le contact pour « {text} »</source>
      <translation>طلبت التواصل بخصوص «{text}»</translation>
    </message>
    <message>
      <source>Solde : {time}</source>
      <translation>الرصيد: {time}</translation>
    </message>
    <message>
      <source>Aucun échange de temps pour l'instant.</source>
      <translation>لا يوجد تبادل للوقت حاليًا.</translation>
    </message>
  </context>
  <context>
    <name>ExchangePostScreen</name>
    <message>
      <source>Publier une annonce</source>
      <translation>نشر إعلان</translation>
    </message>
    <message>
      <source>Écrivez en quelques mots ce que vous proposez ou cherchez.</source>
      <translation>اكتبوا في بضع كلمات ما تعرضونه أو تبحثون عنه.</translation>
    </message>
    <message>
      <source>Choisissez « Je propose » ou « Je cherche ».</source>
      <translation>اختاروا «أعرض» أو «أبحث عن».</translation>
    </message>
    <message>
      <source>Choisissez une rubrique.</source>
      <translation>اختاروا فئة.</translation>
    </message>
    <message>
      <source>Le texte est trop court : {min} caractères au moins.</source>
      <translation>النص قصير جدًا: {min} أحرف على الأقل.</translation>
    </message>
    <message>
      <source>Le texte est trop long : {max} caractères au plus (il en a {n}).</source>
      <translation>النص طويل جدًا: {max} حرفًا على الأكثر (عدد أحرفه {n}).</translation>
    </message>
    <message>
      <source>Pas de numéro de téléphone ni d'adresse e-mail dans le texte : il est affiché dans le hall.</source>
      <translation>لا رقم هاتف ولا بريد إلكتروني في النص: فهو يُعرض في المدخل.</translation>
    </message>
    <message>
      <source>Ce texte ne peut pas être publié. Reformulez-le, ou demandez au gardien.</source>
      <translation>لا يمكن نشر هذا النص. أعيدوا صياغته أو اسألوا الحارس.</translation>
    </message>
    <message>
      <source>Vous…</source>
      <translation>أنتم…</translation>
    </message>
    <message>
      <source>Rubrique</source>
      <translation>الفئة</translation>
    </message>
    <message>
      <source>Votre annonce, en quelques mots ({max} caractères au plus)</source>
      <translation>إعلانكم في بضع كلمات ({max} حرفًا على الأكثر)</translation>
    </message>
    <message>
      <source>Pas de numéro de téléphone ni d'adresse e-mail : l'annonce est affichée dans le hall. Les voisins intéressés vous contactent par votre espace.</source>
      <translation>لا رقم هاتف ولا بريد إلكتروني: يُعرض الإعلان في المدخل. يتواصل معكم الجيران المهتمون عبر فضائكم.</translation>
    </message>
    <message>
      <source>Publier</source>
      <translation>نشر</translation>
    </message>
    <message>
      <source>C'est envoyé. Votre annonce attend la relecture du bureau avant d'être affichée. En attendant, vous la voyez dans « Mon espace », rubrique « Mes annonces ».</source>
      <translation>تم الإرسال. إعلانكم في انتظار مراجعة المكتب قبل عرضه. وإلى ذلك الحين ترونه في «فضائي»، ضمن «إعلاناتي».</translation>
    </message>
    <message>
      <source>Retour aux annonces</source>
      <translation>العودة إلى الإعلانات</translation>
    </message>
  </context>
  <context>
    <name>OpenPostRow</name>
    <message>
      <source>Retirer mon annonce</source>
      <translation>سحب إعلاني</translation>
    </message>
    <message>
      <source>Retirer cette annonce ? Elle ne sera plus affichée dans le hall.</source>
      <translation>هل تسحبون هذا الإعلان؟ لن يُعرض بعد الآن في المدخل.</translation>
    </message>
    <message>
      <source>L'annonce n'a pas pu être retirée. Réessayez ou demandez au gardien.</source>
      <translation>تعذّر سحب الإعلان. أعيدوا المحاولة أو اسألوا الحارس.</translation>
    </message>
    <message>
      <source>Oui, retirer</source>
      <translation>نعم، اسحبوه</translation>
    </message>
    <message>
      <source>Non, la garder</source>
      <translation>لا، أبقوه</translation>
    </message>
  </context>
  <context>
    <name>LendingDetail</name>
    <message>
      <source>← Tous les objets</source>
      <translation>→ كل الأدوات</translation>
    </message>
    <message>
      <source>Réserver</source>
      <translation>حجز</translation>
    </message>
    <message>
      <source>Prêt de {n} jours</source>
      <translation>إعارة لمدة {n} أيام</translation>
    </message>
    <message>
      <source>Prêt d'un jour</source>
      <translation>إعارة ليوم واحد</translation>
    </message>
    <message>
      <source>caution {amount}</source>
      <translation>تأمين {amount}</translation>
    </message>
    <message>
      <source>décharge à signer</source>
      <translation>إقرار يجب توقيعه</translation>
    </message>
  </context>
  <context>
    <name>TimeDeskScreen</name>
    <message>
      <source>Suivant : la durée</source>
      <translation>التالي: المدة</translation>
    </message>
    <message>
      <source>Modifier les personnes</source>
      <translation>تعديل الأشخاص</translation>
    </message>
    <message>
      <source>{name} a rendu le service à {count} personne(s).</source>
      <translation>قدّم {name} الخدمة إلى {count} شخص/أشخاص.</translation>
    </message>
    <message>
      <source>Banque de temps</source>
      <translation>بنك الوقت</translation>
    </message>
    <message>
      <source>Enregistrer un échange</source>
      <translation>تسجيل تبادل</translation>
    </message>
    <message>
      <source>Derniers échanges</source>
      <translation>آخر التبادلات</translation>
    </message>
    <message>
      <source>Nom ou prénom</source>
      <translation>الاسم أو اللقب</translation>
    </message>
    <message>
      <source>Chercher un membre</source>
      <translation>البحث عن عضو</translation>
    </message>
    <message>
      <source>Chercher</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>Ou un atelier : l'animateur et les inscrits</source>
      <translation>أو ورشة: المنشّط والمسجّلون</translation>
    </message>
    <message>
      <source>Changer</source>
      <translation>تغيير</translation>
    </message>
    <message>
      <source>Un quart d'heure de moins</source>
      <translation>ربع ساعة أقل</translation>
    </message>
    <message>
      <source>Un quart d'heure de plus</source>
      <translation>ربع ساعة أكثر</translation>
    </message>
    <message>
      <source>Note courte (facultatif) : quel service ?</source>
      <translation>ملاحظة قصيرة (اختيارية): ما الخدمة؟</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
    <message>
      <source>Enregistrer</source>
      <translation>تسجيل</translation>
    </message>
    <message>
      <source>Tout effacer</source>
      <translation>مسح الكل</translation>
    </message>
    <message>
      <source>Raison de l'annulation</source>
      <translation>سبب الإلغاء</translation>
    </message>
    <message>
      <source>Annuler (contre-passation)</source>
      <translation>إلغاء (قيد عكسي)</translation>
    </message>
    <message>
      <source>Aucun échange de temps enregistré sur cette borne pour l'instant.</source>
      <translation>لم يُسجَّل أي تبادل للوقت على هذه الشاشة حتى الآن.</translation>
    </message>
    <message>
      <source>Aucun membre trouvé.</source>
      <translation>لم يُعثر على أي عضو.</translation>
    </message>
    <message>
      <source>{when} · {count} inscrit(s)
{title}</source>
      <translation>{when} · {count} مسجَّل
{title}</translation>
    </message>
    <message>
      <source>Choisissez d'abord la personne qui a rendu le service.</source>
      <translation>اختر أولًا الشخص الذي قدّم الخدمة.</translation>
    </message>
    <message>
      <source>C'est noté : {name} reçoit {total} ({count} × {each}). Enregistré par {staff}.</source>
      <translation>تم التسجيل: يحصل {name} على {total} ({count} × {each}). سجّله {staff}.</translation>
    </message>
    <message>
      <source>{name} : solde {balance}, {flag}</source>
      <translation>{name}: الرصيد {balance}، {flag}</translation>
    </message>
    <message>
      <source>saisi par le gardien</source>
      <translation>سجّله الحارس</translation>
    </message>
    <message>
      <source>confirmé par les cartes</source>
      <translation>أُكِّد بالبطاقات</translation>
    </message>
    <message>
      <source>saisi au bureau</source>
      <translation>سُجِّل في المكتب</translation>
    </message>
    <message>
      <source>{when} · {provider} reçoit {minutes} de {receivers} · {how}</source>
      <translation>{when} · يحصل {provider} على {minutes} من {receivers} · {how}</translation>
    </message>
    <message>
      <source>ANNULÉ</source>
      <translation>مُلغى</translation>
    </message>
    <message>
      <source>Touchez d'abord l'échange à annuler dans la liste.</source>
      <translation>المس أولًا التبادل المراد إلغاؤه في القائمة.</translation>
    </message>
    <message>
      <source>Annulé : {provider} perd {minutes}, chacun récupère sa part.</source>
      <translation>أُلغي: يخسر {provider} {minutes}، ويستعيد كلٌّ حصته.</translation>
    </message>
    <message>
      <source>1. Qui a rendu le service ? Scannez sa carte ou cherchez son nom.</source>
      <translation>1. من قدّم الخدمة؟ امسح بطاقته أو ابحث عن اسمه.</translation>
    </message>
    <message>
      <source>2. Qui l'a reçu ? Ajoutez chaque personne, par sa carte ou son nom.</source>
      <translation>2. من حصل عليها؟ أضف كل شخص ببطاقته أو باسمه.</translation>
    </message>
    <message>
      <source>A donné le temps : {name}</source>
      <translation>قدّم الوقت: {name}</translation>
    </message>
    <message>
      <source>A donné le temps : personne encore</source>
      <translation>قدّم الوقت: لا أحد بعد</translation>
    </message>
    <message>
      <source>Ont reçu le service ({count}) — touchez un nom pour l'enlever</source>
      <translation>حصلوا على الخدمة ({count}) — المس اسمًا لإزالته</translation>
    </message>
    <message>
      <source>Ont reçu le service : personne encore</source>
      <translation>حصلوا على الخدمة: لا أحد بعد</translation>
    </message>
    <message>
      <source>{each} par personne · {total} en tout pour {name}</source>
      <translation>{each} لكل شخص · {total} في المجموع لـ {name}</translation>
    </message>
    <message>
      <source>Par quart d'heure avec − et +, ou une durée toute prête.</source>
      <translation>بربع ساعة مع − و+، أو مدة جاهزة.</translation>
    </message>
  </context>
  <context>
    <name>TimeDeskMessages</name>
    <message>
      <source>Ajoutez au moins une personne qui a reçu le service.</source>
      <translation>أضف شخصًا واحدًا على الأقل حصل على الخدمة.</translation>
    </message>
    <message>
      <source>Pas plus de 40 personnes dans un même échange.</source>
      <translation>لا أكثر من 40 شخصًا في تبادل واحد.</translation>
    </message>
    <message>
      <source>La même personne ne peut pas donner et recevoir le temps.</source>
      <translation>لا يمكن للشخص نفسه أن يقدّم الوقت ويحصل عليه.</translation>
    </message>
    <message>
      <source>Cette personne est déjà dans la liste.</source>
      <translation>هذا الشخص موجود في القائمة بالفعل.</translation>
    </message>
    <message>
      <source>Choisissez une durée entre 15 minutes et 10 heures par personne.</source>
      <translation>اختر مدة بين 15 دقيقة و10 ساعات لكل شخص.</translation>
    </message>
    <message>
      <source>Cet échange a déjà été annulé : on ne l'annule pas deux fois.</source>
      <translation>أُلغي هذا التبادل من قبل: لا يُلغى مرتين.</translation>
    </message>
    <message>
      <source>Une annulation ne s'annule pas.</source>
      <translation>لا يمكن إلغاء الإلغاء.</translation>
    </message>
    <message>
      <source>Échange introuvable sur cette borne.</source>
      <translation>التبادل غير موجود على هذه الشاشة.</translation>
    </message>
    <message>
      <source>Membre inconnu sur cette borne.</source>
      <translation>عضو غير معروف على هذه الشاشة.</translation>
    </message>
    <message>
      <source>Écrivez la raison de l'annulation.</source>
      <translation>اكتب سبب الإلغاء.</translation>
    </message>
    <message>
      <source>Carte non reconnue : cherchez le membre par son nom.</source>
      <translation>البطاقة غير معروفة: ابحث عن العضو باسمه.</translation>
    </message>
    <message>
      <source>Cela n'a pas pu être fait ({code}) : appelez le bureau.</source>
      <translation>تعذّر ذلك ({code}): اتصل بالمكتب.</translation>
    </message>
    <message>
      <source>plus de 10 heures dues : signalé au bureau</source>
      <translation>أكثر من 10 ساعات مستحقة: أُبلغ المكتب</translation>
    </message>
    <message>
      <source>plus de 20 heures d'avance : signalé au bureau</source>
      <translation>أكثر من 20 ساعة رصيدًا: أُبلغ المكتب</translation>
    </message>
  </context>
  <context>
    <name>StaffHomeScreen</name>
    <message>
      <source>Banque de temps</source>
      <translation>بنك الوقت</translation>
    </message>
  </context>
  <context>
    <name>EasyRead</name>
    <message>
      <source>Le gardien note le temps donné entre voisins.</source>
      <translation>يسجّل الحارس الوقت المتبادل بين الجيران.</translation>
    </message>
    <message>
      <source>Scannez la carte, ou cherchez le nom.</source>
      <translation>امسح البطاقة أو ابحث عن الاسم.</translation>
    </message>
  </context>
</TS>
