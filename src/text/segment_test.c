/*
 * segment_test.c -- sentences: punctuation, its false friends, and
 * transcripts without punctuation.
 */
#include "testdoc.h"

static void expect_sentences(const char *text, const char **want, size_t n) {
    isn_doc *d = run_text(text);
    for (size_t i = 0; i < n && i < isn_doc_sentence_count(d); i++)
        assert_string_equal(sentence(d, i, text), want[i]);
    assert_int_equal(isn_doc_sentence_count(d), n);
}

static void test_full_stops_and_questions(void **s) {
    (void)s;
    const char *want[] = {"وصل الوفد إلى الرباط.", "هل ينجح الحوار؟", "لا أحد يعرف!", "انتهى؛",
                          "ثم بدأ الاجتماع…", "واستمر ساعتين."};
    expect_sentences("وصل الوفد إلى الرباط. هل ينجح الحوار؟ لا أحد يعرف! انتهى؛ ثم بدأ الاجتماع… واستمر ساعتين.",
                     want, 6);
}

static void test_decimals_dates_abbreviations(void **s) {
    (void)s;
    const char *want[] = {
        "قال د. سالم إن الخسائر بلغت 3.5 مليار دولار حتى 24.04.2018 وفق تقدير الوزارة.",
        "وأضاف أن الاجتماع عقد يوم 02 / 04 / 2018 في واشنطن مع مسؤولي U.S. Army.",
    };
    expect_sentences("قال د. سالم إن الخسائر بلغت 3.5 مليار دولار حتى 24.04.2018 وفق تقدير الوزارة. "
                     "وأضاف أن الاجتماع عقد يوم 02 / 04 / 2018 في واشنطن مع مسؤولي U.S. Army.",
                     want, 2);
}

static void test_closing_quote_stays_with_its_sentence(void **s) {
    (void)s;
    const char *want[] = {"وقال: \"نحن مع الحل السياسي.\"", "ثم غادر."};
    expect_sentences("وقال: \"نحن مع الحل السياسي.\" ثم غادر.", want, 2);
}

static void test_line_breaks_end_sentences(void **s) {
    (void)s;
    const char *want[] = {"عنوان بلا نقطة", "فقرة أولى", "فقرة ثانية."};
    expect_sentences("عنوان بلا نقطة\n\nفقرة أولى\nفقرة ثانية.", want, 3);
}

static void test_bracket_note_is_its_own_unit(void **s) {
    (void)s;
    const char *want[] = {"[هذا النص مفرغ آليا]", "بدأ التقرير بمشهد من المدينة"};
    expect_sentences("[هذا النص مفرغ آليا] بدأ التقرير بمشهد من المدينة", want, 2);
}

/* A transcript: 120 words, no punctuation, clause markers inside. */
static const char *transcript =
    "بدأت القصة في مدينة صغيرة على الساحل حيث عاش الناس سنوات طويلة من الهدوء قبل أن تتغير الأحوال "
    "كما يروي سكان المدينة أن الأسواق كانت عامرة والموانئ تعمل ليلا ونهارا دون توقف يذكر في تلك الأيام "
    "غير أن الحرب التي اندلعت في ربيع ذلك العام غيرت كل شيء في حياة الأهالي وأجبرت كثيرين على الرحيل "
    "بحسب تقارير منظمات الإغاثة التي عملت في المنطقة خلال تلك الفترة الصعبة من تاريخ البلاد الحديث "
    "تقول الأمم المتحدة إن عدد النازحين تجاوز عشرات الآلاف في الأشهر الأولى من القتال العنيف "
    "عندما عاد بعضهم وجدوا بيوتهم مدمرة والطرق مقطوعة والمدارس مغلقة أمام أطفالهم الصغار "
    "حتى اليوم ما زال الأهالي ينتظرون إعادة الإعمار التي وعدت بها الحكومة مرارا دون نتيجة";

static void test_transcript_split_at_markers(void **s) {
    (void)s;
    isn_doc *d = run_text(transcript);
    size_t n = isn_doc_sentence_count(d);
    assert_true(n >= 7);
    /* every marker opens a unit */
    const char *openers[] = {"كما يروي", "غير أن الحرب", "بحسب تقارير", "تقول الأمم", "عندما عاد", "حتى اليوم"};
    for (size_t k = 0; k < 6; k++) {
        int found = 0;
        for (size_t i = 0; i < n; i++)
            found |= strncmp(sentence(d, i, transcript), openers[k], strlen(openers[k])) == 0;
        if (!found) fail_msg("no unit starts with \"%s\"", openers[k]);
    }
    /* units are contiguous and cover the text */
    isn_span first = isn_doc_sentence(d, 0), last = isn_doc_sentence(d, n - 1);
    assert_int_equal(first.start, 0);
    assert_int_equal(last.end, strlen(transcript));
}

static void test_markers_do_not_split_short_or_relative_clauses(void **s) {
    (void)s;
    /* short: no split at all; "الذي تقول" is a relative clause; "وحتى" is "and up to" */
    isn_doc *d = run_text("وصل الوفد كما كان متوقعا");
    assert_int_equal(isn_doc_sentence_count(d), 1);
    char buf[2048] = "";
    for (int i = 0; i < 4; i++) strcat(buf, "انطلق الهجوم الذي تقول المنظمة إنه أدى إلى نزوح آلاف السكان من الأحياء الجنوبية ");
    strcat(buf, "وامتد القتال من الميناء وحتى ضواحي المدينة الشرقية");
    d = run_text(buf);
    for (size_t i = 0; i < isn_doc_sentence_count(d); i++) {
        const char *sn = sentence(d, i, buf);
        assert_true(strncmp(sn, "تقول", strlen("تقول")) != 0);
        assert_true(strncmp(sn, "وحتى", strlen("وحتى")) != 0);
    }
}

static void test_hard_cap_without_any_marker(void **s) {
    (void)s;
    /* 400 words, no marker, no punctuation: cut into pieces of at most hard_cap (50) words */
    static char buf[8192];
    buf[0] = 0;
    for (int i = 0; i < 400; i++) strcat(buf, "كلمة ");
    isn_doc *d = run_text(buf);
    size_t n = isn_doc_sentence_count(d);
    assert_true(n >= 8);
    size_t first = 0;
    for (size_t i = 0; i < n; i++) {
        size_t next = i + 1 < n ? isn_doc_sentence_first_token(d, i + 1) : isn_doc_token_count(d);
        assert_true(next - first <= 50);
        assert_true(next - first >= 5);
        first = next;
    }
}

static void test_prose_is_not_cut_between_source_and_claim(void **s) {
    (void)s;
    /* a long punctuated sentence: "حيث" without a comma before it is not a cut */
    const char *text =
        "وهذا ما أكده الصحفي المعروف في مقابلة مطولة مع إذاعة محلية حيث صرح أن الوفدين التقيا مرات عدة "
        "في العاصمة خلال السنوات الماضية لبحث ملفات الأمن والحدود والهجرة والتجارة بين البلدين الجارين "
        "دون أن يعلن أي منهما عن تلك اللقاءات في حينها، وأن الاتصالات لم تنقطع حتى اليوم.";
    isn_doc *d = run_text(text);
    assert_int_equal(isn_doc_sentence_count(d), 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_stops_and_questions),
        cmocka_unit_test(test_decimals_dates_abbreviations),
        cmocka_unit_test(test_closing_quote_stays_with_its_sentence),
        cmocka_unit_test(test_line_breaks_end_sentences),
        cmocka_unit_test(test_bracket_note_is_its_own_unit),
        cmocka_unit_test(test_transcript_split_at_markers),
        cmocka_unit_test(test_markers_do_not_split_short_or_relative_clauses),
        cmocka_unit_test(test_hard_cap_without_any_marker),
        cmocka_unit_test(test_prose_is_not_cut_between_source_and_claim),
    };
    return cmocka_run_group_tests(tests, test_setup, test_teardown);
}
