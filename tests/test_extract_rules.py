"""Extraction rules on hostile sentences written for these tests (Arabic and English)."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extract import extract_events
from builder.merge import merge_events
from builder.models import Article

PUBLISHED = date(2021, 3, 6)  # a Saturday


def _article(text: str, lang: str = "ar", path: str = "t/a.md", title: str = "") -> Article:
    paragraphs = tuple(p for p in text.split("\n") if p.strip())
    return Article(path=path, title=title, published=PUBLISHED, text=text, lang=lang, paragraphs=paragraphs)


def _types(text: str, lang: str = "ar") -> list[str]:
    return [e.type for e in extract_events(_article(text, lang))]


@pytest.mark.parametrize(
    "text",
    [
        "لم تتعرض القافلة لأي هجوم مسلح أسفر عن قتلى.",  # negated through a light verb
        "وهددت الجماعة بشن هجمات على القواعد إذا لم تنسحب القوات.",  # a threat, not an attack
        "ودعت الأمم المتحدة إلى وقف إطلاق النار في المدينة.",  # a ceasefire call
        "وقال المحلل إن الهجمات قد تؤدي إلى مقتل المدنيين إذا استمرت.",  # hypothetical
        "وكانت الجماعة تخطط لتنفيذ هجوم انتحاري على السوق.",  # a plan
    ],
)
def test_no_assault_for_negation_threats_plans_and_conditions(text):
    assert "assault" not in _types(text)


def test_a_threat_to_attack_is_threaten():
    assert _types("وهددت الجماعة بشن هجمات على القواعد الأجنبية.")[0] == "threaten"


def test_reported_attack_with_casualties_is_an_assault():
    events = extract_events(
        _article("وقال مصدر في الشرطة إن مسلحين هاجموا دورية أمس ما أسفر عن مقتل جنديين.")
    )
    assault = next(e for e in events if e.type == "assault")
    assert assault.date == "2021-03-05"
    assert not assault.title.startswith(("و", "قال"))


def test_planned_visit_is_a_future_consult():
    events = extract_events(_article("ومن المقرر أن يزور وزير الخارجية العاصمة بغداد الأسبوع المقبل."))
    visit = next(e for e in events if e.type == "consult")
    assert visit.future and visit.mode == "visit"


def test_english_attack_and_negation():
    text = "Government warplanes killed 12 civilians in Aleppo on Friday, the monitor said."
    events = extract_events(_article(text, lang="en"))
    assault = next(e for e in events if e.type == "assault")
    assert assault.date == "2021-03-05" and assault.mode == "aerial"
    assert any(p.name_en == "Aleppo" for p in assault.places)
    assert "assault" not in _types("The army did not attack the town, officials said.", "en")
    assert _types("Rebels threatened to attack the airport.", "en")[0] == "threaten"


def test_teasers_after_read_also_are_not_the_story():
    text = (
        "وقتل ثلاثة جنود في هجوم بعبوة ناسفة استهدف دورية في الموصل أمس.\n"
        "اقرأ أيضاً\nمقتل خمسة في تفجير انتحاري ببغداد"
    )
    events = extract_events(_article(text))
    assert len([e for e in events if e.type == "assault"]) == 1


def test_one_event_from_two_articles_keeps_both_sources():
    a = extract_events(_article("قُتل جنديان في هجوم بعبوة ناسفة استهدف دورية في الموصل أمس.", path="a.md"))
    b = extract_events(
        _article("أسفر هجوم بعبوة ناسفة على دورية في الموصل أمس عن مقتل ثلاثة جنود.", path="b.md")
    )
    merged = [e for e in merge_events(a + b) if e.type == "assault"]
    assert len(merged) == 1
    quotes = [s.quote for s in merged[0].sources]
    assert len(quotes) == 2 and any("جنديان" in q for q in quotes) and any("ثلاثة" in q for q in quotes)


def _reported(text: str, event_type: str) -> list:
    """Events of the type that the sentence reports (not tagged as a background mention)."""
    return [e for e in extract_events(_article(text)) if e.type == event_type and "background" not in e.tags]


@pytest.mark.parametrize(
    "text",
    [
        "وشارك في الجنازة شقيق الصحافي الذي قتل في تفجير استهدف سيارته قبل عامين.",  # relative clause
        "وتحدث الوزير عن محاولات اغتيال تعرض لها عدد من النواب.",  # attempts
        "وتراجعت وتيرة التفجيرات في المدينة خلال العام الماضي.",  # an aggregate
        "وشهدت البلاد عشرات الهجمات خلال الشهور الأخيرة.",  # a coarse past window
        "ويرجح خبراء أن يكون الهجوم انتقاما لعملية سابقة.",  # analysis
    ],
)
def test_no_reported_assault_in_mentions_aggregates_and_attempts(text):
    assert not _reported(text, "assault"), [e.title for e in _reported(text, "assault")]


@pytest.mark.parametrize(
    "text",
    [
        "وقتل أربعة جنود أمس في هجوم بعبوة ناسفة استهدف دوريتهم جنوب الموصل.",
        "وقال مصدر أمني إن انتحاريا فجر نفسه وسط سوق شعبي في كركوك ما أسفر عن مقتل ستة أشخاص.",
    ],
)
def test_specific_assaults_are_reported(text):
    assert _reported(text, "assault")


def test_a_backer_or_a_partner_is_not_where_it_happened():
    text = "ودانت الحكومة الغارات الأخيرة التي استهدفت مسلحين مدعومين من طهران في مدينة البوكمال."
    events = extract_events(_article(text))
    strike = next(e for e in events if e.type == "assault")
    names = {p.name_en for p in strike.places}
    assert "Al-Bukamal" in names and "Tehran" not in names
    assert "background" in strike.tags
    condemnation = next(e for e in events if e.type == "disapprove")
    assert condemnation.sources[0].date_text != "الأخيرة"


def test_land_of_a_country_names_the_country():
    events = extract_events(_article("وقصفت طائرات حربية أمس مواقع للمسلحين داخل الأراضي العراقية."))
    assert any(p.name_en == "Iraq" for e in events for p in e.places)


def test_titles_drop_a_glued_conjunction():
    [event] = [
        e
        for e in extract_events(_article("وتعرضت دورية للشرطة أمس لهجوم بعبوة ناسفة في الموصل."))
        if e.type == "assault"
    ]
    assert event.title.startswith("تعرضت")


@pytest.mark.parametrize(
    "text",
    [
        "وندد البيان بكل أشكال القتل والخطف والاغتيال في البلاد.",  # kinds of violence listed
        "ومثل أمام المحكمة ثلاثة رجال متهمين باغتيال ضابط في الشرطة.",  # an accusation
        "وفككت قوات الأمن أمس سيارة مفخخة قرب مبنى البلدية.",  # a foiled attack
        "ودعت الأحزاب أنصارها إلى التظاهر أمام البرلمان يوم الجمعة.",  # a call to protest
    ],
)
def test_no_reported_event_for_kinds_accusations_foiled_and_calls(text):
    assert not _reported(text, "assault") and not _reported(text, "protest")


def test_a_protest_told_before_a_verbal_noun_is_the_news():
    text = "وانطلقت مظاهرات حاشدة في مدينة الموصل أمس، ورفض المتظاهرون القرار الجديد."
    assert _reported(text, "protest")


@pytest.mark.parametrize(
    "text",
    [
        "وخرج النائب من الكتلة النيابية أمس بعد خلاف مع رئيسها.",  # an everyday verb, no crowd
        "وماذا لو خرج آلاف المتظاهرين إلى الشوارع غدا؟",  # a question
        "ومنعت الشرطة أمس تظاهرة أمام مبنى البرلمان.",  # a protest prevented
    ],
)
def test_no_reported_protest_for_everyday_verbs_questions_and_prevented(text):
    assert not _reported(text, "protest")


def test_a_crowd_gathering_is_a_protest():
    assert _reported("وتجمع مئات من العمال أمس أمام مقر الوزارة مطالبين بأجورهم.", "protest")


def test_a_verb_form_after_the_verb_of_its_clause_is_its_object():
    text = "ودان رئيس الحزب أمس خطف الصحافيين الأجنبيين في العاصمة."
    assert not _reported(text, "assault")
    assert _reported("وقال مصدر في الشرطة إن مسلحين خطفوا أمس مهندسين اثنين في الموصل.", "assault")


def test_a_deed_told_deep_in_its_clause_is_a_mention():
    text = (
        "وقال الوزير في كلمة ألقاها أمام أعضاء البرلمان في جلسة طويلة خصصت لمناقشة الموازنة "
        "إن الحكومة ستعوض عائلات الجنود الذين سقطوا في هجوم بعبوة ناسفة."
    )
    assert not _reported(text, "assault")
    opening = "وتعرضت دورية للجيش تنقل جنودا وعتادا عسكريا، صباح أمس، إلى هجوم بعبوة ناسفة قرب الموصل."
    assert _reported(opening, "assault")


def test_a_condemnation_during_a_meeting_is_where_the_meeting_was():
    text = (
        "والتقى وزير الخارجية العراقي نظيره الإيراني في طهران أمس.\n"
        "من جهته، دان الوزير الإيراني خلال اللقاء الغارات الأخيرة التي استهدفت مسلحين في مدينة البوكمال."
    )
    events = extract_events(_article(text))
    [condemnation] = [e for e in events if e.type == "disapprove"]
    assert condemnation.date == "2021-03-05"
    assert [p.name_en for p in condemnation.places] == ["Tehran"]
    assert len([e for e in events if e.type == "consult"]) == 1


def test_a_deed_judged_in_an_opinion_is_not_reported():
    text = "واعتبر النائب أن الاعتداء على منزل رئيس البلدية أمس اعتداء على المدينة كلها."
    assert not _reported(text, "assault")


def test_an_announced_protest_is_planned_but_an_announced_killing_is_reported():
    assert not _reported("وأعلنت النقابة عن تظاهرة حاشدة أمام مقر الحكومة.", "protest")
    assert _reported("وأعلنت الشرطة عن مقتل ثلاثة جنود أمس في هجوم مسلح على دورية.", "assault")


def test_a_protest_as_backdrop_is_not_reported():
    text = "وقال الوزير أمس أثناء تظاهرة حاشدة في ساحة المدينة إن الحكومة ستدرس المطالب."
    assert not _reported(text, "protest")


def test_a_tally_is_not_one_reported_attack():
    assert not _reported("وقد هاجم القراصنة حتى الآن سفنا من دول عدة قبالة السواحل.", "assault")


def test_a_weapon_is_an_attack_only_when_fired():
    assert _reported("وأطلقت طائرة مسيرة فجر أمس صاروخا على سيارة قرب الحدود.", "assault")
    assert not _reported("وتملك البحرية زوارق مزودة بصواريخ بعيدة المدى.", "assault")


def test_a_window_of_the_current_month_or_week_dates_news():
    # published Saturday 6 March 2021: the first days of this month and this week are news
    assert _reported("وقتل خمسة جنود وجرح سبعة آخرون مطلع الشهر الجاري في هجوم على ثكنة قرب الحدود.", "assault")
    assert _reported("وشنت طائرات حربية هذا الأسبوع غارة على مخزن للذخيرة أسفرت عن مقتل اثنين.", "assault")
    # ... while a vague window or one closed before this month is a recollection
    assert not _reported("وقتل خمسة جنود في هجوم على ثكنة قرب الحدود في يناير الماضي.", "assault")


def test_a_killing_with_its_cause_is_an_attack():
    # no weapon, attacker or casualty word of its own: the cause told right after anchors it
    assert _reported("وقال مسؤول محلي إن «أربعة مزارعين قتلوا جراء غارة جوية على حقولهم».", "assault")
    assert _reported("وأعلن مسؤول محلي مقتل رجل إثر انفجار عبوة ناسفة قرب منزله.", "assault")
    # ... but a light verb and its noun are one phrase, and an accident is no attack
    assert not _reported("وقال الوزير إن البلاد لن تكون منطلقا لشن هجوم على جيرانها.", "assault")
    assert not _reported("وأعلن الدفاع المدني مقتل رجل إثر انفجار اسطوانة غاز في مطعم.", "assault")


def test_a_bomb_ready_to_explode_is_no_explosion():
    assert not _reported("وقال الضابط إن الدورية عثرت على سيارة مفخخة جاهزة للتفجير قرب السوق.", "assault")


def test_object_pronouns_after_a_verb_or_noun_cue():
    # "قتلهم", "اشتباكهم": the ending hm is an object or possessor, the cue is still there
    assert _reported("وأكد الجيش أن مسلحين نصبوا كمينا للعمال وقتلهم جميعا أمس.", "assault")


def test_a_weapon_that_hit_or_was_detonated_is_an_attack():
    assert _reported("وأصاب صاروخ سيارة كانت تقل ثلاثة رجال على طريق القرية.", "assault")
    assert _reported("وفجر المهاجمون قنابلهم داخل محطة الحافلات المزدحمة.", "assault")
    # dawn (فجر) before a weapon named, not fired, is no attack
    assert not _reported("وعرض الجيش فجر اليوم صواريخ جديدة في استعراض عسكري.", "assault")


def test_a_verb_form_after_during_is_a_noun_and_the_backdrop():
    # "أثناء تجمع": the gathering is the backdrop, not a protest reported
    text = "وظهر المغني علنا أثناء تجمع في الحديقة العامة، وقال للحاضرين إنه سيعود قريبا."
    assert not _reported(text, "protest")


@pytest.mark.parametrize(
    "text",
    [
        "وقال المحامي إن المعتقلين أصيبوا بالإحباط بعد تأجيل المحاكمة مرة أخرى.",  # a feeling, not a wound
        "وأعلن المستشفى أن الوزير أصيب بجلطة أمس ونقل إلى العناية المركزة.",  # an illness
        "وقال الخبير إن البلاد قامت العام الماضي بتفجير قنبلة نووية في موقع تجارب صحراوي.",  # a test
        "وقال الضابط إن الجنود سيكونون عرضة لقتل المدنيين إذا خففت القواعد.",  # exposed to, not done
    ],
)
def test_no_assault_for_illness_feelings_tests_and_exposure(text):
    assert not _reported(text, "assault")


def test_more_light_verbs_make_a_deed_noun_the_action():
    # "وجهت ... ضربات جوية", "عمدوا إلى إلقاء القنابل": the noun is the sentence's action
    assert _reported("ووجهت الطائرات الحربية أمس ضربات جوية على مواقع المسلحين قرب الحدود.", "assault")


def test_security_forces_massing_are_no_protest():
    text = "وقال الناشط إن أعدادا كبيرة من قوات الأمن احتشدت في الساحة ومنعت المتظاهرين من دخولها."
    assert not _reported(text, "protest")
    assert _reported("واحتشد آلاف المتظاهرين أمس في الساحة الرئيسية للمطالبة بالإصلاح.", "protest")


def test_blocking_a_road_is_a_protest_but_not_the_idiom():
    text = "وبدأ الاحتجاج بقيام مئات الشبان بإقفال طريق المطار ورددوا هتافات ضد الحكومة أمس."
    assert _reported(text, "protest")
    # "قطع الطريق على": to forestall, an idiom
    assert not _reported("ورددت الأحزاب أن الاتفاق جاء أمس لقطع الطريق على محاولات التقسيم.", "protest")


@pytest.mark.parametrize(
    "text",
    [
        "وخطف المهاجم الفوز لفريقه في الدقيقة الأخيرة من مباراة أمس.",
        "وخطفت الممثلة الأضواء في حفل الافتتاح أمس بحضور مئات الضيوف.",
        "وحذر الخبراء من انفجار سكاني يهدد المدن الكبرى خلال العقد المقبل.",
    ],
)
def test_idioms_with_violent_words_are_no_assault(text):
    assert not _reported(text, "assault")


def test_qama_with_its_subject_then_bi_and_the_deed():
    # "قام" + subject + بـ + the deed noun: the noun is the action even several words on
    assert _reported("وقام مسلحون ملثمون من العصابة في القرية باختطاف مهندسين اثنين يعملان في الشركة.", "assault")
    assert not _reported("وقام الوزير بجولة في القرية التي شهدت اختطاف مهندسين العام الماضي.", "assault")


def test_a_deed_recounted_in_an_indictment_is_not_reported():
    text = "وجاء في القرار الاتهامي أن المتهمين خطفوا التاجر من منزله وقتلوه بالرصاص ثم ألقوا جثته قرب النهر."
    assert not _reported(text, "assault")


def test_a_judgement_about_a_deed_is_not_its_report():
    assert not _reported("وقال المتحدث أمس إن اغتياله لن يمر دون عقاب.", "assault")
    assert not _reported("ورأت الصحيفة أمس أن قتلها يشكل ضربة لجهود المصالحة.", "assault")
    # a verb with its object pronoun is still the deed
    assert _reported("وقالت الشرطة إن مسلحين اعترضوا سيارة الطبيب أمس وخطفوه قرب منزله.", "assault")


def test_deeds_listed_after_kinds_of_are_kinds():
    text = "وعدد التقرير أشكال العنف ضد الأطفال ومنها الضرب والإهمال والاعتداء والخطف والتشغيل القسري."
    assert not _reported(text, "assault")


def test_self_detonation_with_the_bomber_between_verb_and_self():
    # Arabic verb-subject-object: "فجر انتحاري نفسه" as well as "فجر نفسه"
    assert _reported("وفجر انتحاري نفسه صباح أمس عند مدخل مركز للشرطة في المدينة.", "assault")


def test_a_date_before_another_noun_dates_that_noun():
    """English: "a June 3 poll" is the poll's day, not the shelling's; "the March 15 attack" that
    killed is the attack's own day; "ahead of" names a day still to come."""
    published = date(2014, 5, 23)

    def dated(text: str) -> list[tuple[str, str, bool]]:
        article = Article(path="t/a.txt", title="", published=published, text=text, lang="en", paragraphs=(text,))
        return [(e.type, e.date, e.approximate) for e in extract_events(article)]

    poll = dated("Rebels shelled a campaign rally ahead of a disputed June 3 poll, killing 21 people, a monitor said.")
    assert ("assault", "2014-05-23", True) in poll and all(d != "2013-06-03" for _t, d, _a in poll)
    assert dated("The March 15 attack killed nine people in the town.") == [("assault", "2014-03-15", False)]
    talks = dated("Jets killed nine people in the town on Sunday, a day before the June 1 talks.")
    assert talks == [("assault", "2014-05-18", False)]


def test_english_reported_deed_is_titled_from_what_was_reported():
    article = _article("A monitoring group said gunmen killed three soldiers near Hama on Monday.", "en")
    (event,) = extract_events(article)
    assert (event.type, event.title) == ("assault", "Gunmen killed three soldiers near Hama on Monday")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("US-led air strikes killed 20 civilians in Raqqa on Monday, the Britain-based monitor said.", ["Raqqa"]),
        ("Iran-backed militias shelled the town of Bukamal on Monday.", ["Al-Bukamal"]),
        ("Militias backed by Iran and Russia shelled a market in Homs on Monday.", ["Homs"]),
    ],
)
def test_english_backers_leaders_and_bases_are_not_where_it_happened(text, where):
    (event,) = extract_events(_article(text, "en"))
    assert [p.name_en for p in event.places] == where
