"""Words the site shows, in Arabic and in English, and how dates are written in each."""

from __future__ import annotations

from datetime import date

MONTHS = {
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
           "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    "en": ["January", "February", "March", "April", "May", "June",
           "July", "August", "September", "October", "November", "December"],
}
WEEKDAYS = {  # Monday first, as date.weekday()
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}

TYPES = {
    "ar": {
        "assault": "هجمات", "coerce": "إكراه واعتقالات", "crime": "جرائم", "threaten": "تهديدات",
        "mobilize": "تعبئة وحشود", "sanction": "عقوبات", "protest": "احتجاجات", "reject": "رفض",
        "demand": "مطالبات", "disapprove": "انتقاد وإدانة", "retreat": "انسحاب", "investigate": "تحقيقات",
        "concede": "تنازلات", "statement": "تصريحات", "consult": "لقاءات وزيارات", "agree": "اتفاقات",
        "cooperate": "تعاون", "support": "دعم", "aid": "مساعدات",
    },
    "en": {
        "assault": "Attacks", "coerce": "Coercion and arrests", "crime": "Crime", "threaten": "Threats",
        "mobilize": "Mobilization", "sanction": "Sanctions", "protest": "Protests", "reject": "Rejections",
        "demand": "Demands", "disapprove": "Criticism", "retreat": "Withdrawals",
        "investigate": "Investigations",
        "concede": "Concessions", "statement": "Statements", "consult": "Meetings and visits",
        "agree": "Agreements", "cooperate": "Cooperation", "support": "Support", "aid": "Aid",
    },
}
# PLOVER modes (builder/validate.py BUILTIN_MODES and the lexicon's cues_<lang>.yaml `modes:`); a mode
# missing here is shown with its hyphens turned into spaces
MODES = {
    "ar": {
        "suicide-attack": "هجوم انتحاري", "explosives": "متفجرات", "heavy-weapons": "أسلحة ثقيلة",
        "aerial": "قصف جوي", "drone": "طائرة مسيّرة", "firearms": "أسلحة نارية", "abduct": "اختطاف",
        "targeted": "استهداف مباشر", "visit": "زيارة", "meeting": "اجتماع", "phone-call": "اتصال هاتفي",
        "arrest": "اعتقال", "sit-in": "اعتصام", "strike": "إضراب",
    },
    "en": {
        "suicide-attack": "suicide attack", "explosives": "explosives", "heavy-weapons": "heavy weapons",
        "aerial": "air strike", "drone": "drone", "firearms": "firearms", "abduct": "abduction",
        "targeted": "targeted attack", "visit": "visit", "meeting": "meeting", "phone-call": "phone call",
        "arrest": "arrest", "sit-in": "sit-in", "strike": "strike",
    },
}


def mode_label(mode: str, lang: str) -> str:
    return MODES[lang].get(mode) or mode.replace("-", " ")


# most severe first: the order of type groups on a briefing and the tie-break for key events
SEVERITY = list(TYPES["en"])

COLORS = {
    "assault": "#c62828", "coerce": "#ad1457", "crime": "#6a1b9a", "threaten": "#ef6c00",
    "mobilize": "#8d6e63", "sanction": "#4527a0", "protest": "#f9a825", "reject": "#5d4037",
    "demand": "#00838f", "disapprove": "#d84315", "retreat": "#78909c", "investigate": "#283593",
    "concede": "#9e9d24", "statement": "#546e7a", "consult": "#1565c0", "agree": "#2e7d32",
    "cooperate": "#00695c", "support": "#558b2f", "aid": "#0277bd",
}

UI = {
    "ar": {
        "site": "الخط الزمني", "home": "الرئيسية", "timeline": "الخط الزمني", "map": "الخريطة",
        "briefings": "الإيجازات", "places": "الأماكن", "actors": "الجهات الفاعلة", "sources": "المصادر",
        "downloads": "تنزيل البيانات", "day": "إيجاز يوم", "week": "إيجاز الأسبوع",
        "prev": "السابق", "next": "التالي", "events": "الأحداث", "event_count": "عدد الأحداث",
        "no_events": "لا توجد أحداث منشورة بعد.", "date": "التاريخ", "place": "المكان", "actor": "الجهة",
        "type": "النوع", "count": "العدد", "quote": "الاقتباس", "source": "المصدر", "source_count": "المصادر",
        "approx": "تقريبي", "between": "بين {a} و{b}", "date_words": "كلمات التاريخ",
        "key_events": "أبرز الأحداث", "counts_by_type": "الأحداث حسب النوع", "places_involved": "الأماكن",
        "latest_week": "آخر أسبوع", "at_a_glance": "الخط الزمني في لمحة", "all_events": "كل الأحداث",
        "lanes": "المسارات حسب", "lanes_type": "النوع", "lanes_place": "المكان", "lanes_actor": "الجهة",
        "all": "الكل", "range": "المدة", "range_week": "أسبوع", "range_month": "شهر", "range_year": "سنة",
        "range_all": "الكل", "exact": "حدث بتاريخ محدد", "ranged": "حدث ممتد أو تاريخه تقريبي",
        "article": "المقال", "outlet": "الوسيلة", "published": "النشر", "taken": "الأحداث المأخوذة منه",
        "no_place": "بلا مكان", "no_actor": "بلا جهة", "other": "أخرى", "week_of": "أسبوع {a} – {b}",
        "open_timeline": "افتح الخط الزمني الكامل", "more_days": "إيجازات الأيام",
        "download_intro": "البيانات كلها مأخوذة من ملفات YAML في المستودع، وتُولَّد مع كل بناء للموقع.",
        "file": "الملف", "format": "الصيغة", "what": "المحتوى", "weeks": "الأسابيع", "days": "الأيام",
        "sources_n": "{n} مصدر", "timeline_help": "مرّر المؤشر فوق حدث لرؤية تفاصيله، وانقر عليه لفتح إيجازه.",
        "edit": "إضافة حدث أو تصحيحه", "updated": "آخر تحديث", "unknown_article": "مقال",
        "filter": "تصفية", "search_hint": "استعمل البحث في أعلى الصفحة للعثور على أي كلمة.",
    },
    "en": {
        "site": "Timeline", "home": "Home", "timeline": "Timeline", "map": "Map",
        "briefings": "Briefings", "places": "Places", "actors": "Actors", "sources": "Sources",
        "downloads": "Downloads", "day": "Daily briefing", "week": "Weekly briefing",
        "prev": "Previous", "next": "Next", "events": "Events", "event_count": "Events",
        "no_events": "No published events yet.", "date": "Date", "place": "Place", "actor": "Actor",
        "type": "Type", "count": "Count", "quote": "Quote", "source": "Source", "source_count": "Sources",
        "approx": "approximate", "between": "between {a} and {b}", "date_words": "Date words",
        "key_events": "Key events", "counts_by_type": "Events by type", "places_involved": "Places",
        "latest_week": "Latest week", "at_a_glance": "The timeline at a glance", "all_events": "All events",
        "lanes": "Lanes by", "lanes_type": "type", "lanes_place": "place", "lanes_actor": "actor",
        "all": "All", "range": "Range", "range_week": "Week", "range_month": "Month", "range_year": "Year",
        "range_all": "All", "exact": "Event on a known day", "ranged": "Ranged or approximate event",
        "article": "Article", "outlet": "Outlet", "published": "Published", "taken": "Events taken from it",
        "no_place": "No place", "no_actor": "No actor", "other": "Other", "week_of": "Week of {a} – {b}",
        "open_timeline": "Open the full timeline", "more_days": "Daily briefings",
        "download_intro": "All data comes from the YAML files in the repository and is regenerated on "
                          "every build.",
        "file": "File", "format": "Format", "what": "Contents", "weeks": "Weeks", "days": "Days",
        "sources_n": "{n} sources",
        "timeline_help": "Hover an event to see it; click it to open its briefing.",
        "edit": "Add or correct an event", "updated": "Last updated", "unknown_article": "Article",
        "filter": "Filter", "search_hint": "Use the search box at the top to find any word.",
    },
}


def day_words(day: date, lang: str, weekday: bool = True) -> str:
    """'السبت 27 فبراير 2021' / 'Saturday 27 February 2021'."""
    text = f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
    return f"{WEEKDAYS[lang][day.weekday()]} {text}" if weekday else text


def span_words(first: date, last: date, approximate: bool, lang: str) -> str:
    """How an event's date reads: a day, a range, or an approximate window."""
    ui = UI[lang]
    if first == last:
        text = day_words(first, lang)
    elif first.year == last.year and first.month == last.month:
        text = ui["between"].format(a=first.day, b=day_words(last, lang, weekday=False))
    else:
        text = ui["between"].format(a=day_words(first, lang, weekday=False),
                                    b=day_words(last, lang, weekday=False))
    return f"{text} ({ui['approx']})" if approximate else text
