/*
 * normalize.c -- character classes and the normalised form used for matching.
 *
 * Normalisation exists only so that lexicon lookups succeed whatever the
 * spelling habit of the writer: "أحمد", "احمد" and "أَحْمَد" must meet. It is
 * never applied to what isnad reports: every record quotes the original
 * bytes through its span. The rules (docs/text.md):
 *
 *   - combining marks (tashkeel, Mn/Me) and tatweel are dropped;
 *   - format characters (Cf: ZWNJ, ZWJ, LRM, RLM, BOM, bidi controls, soft
 *     hyphen) are dropped;
 *   - alef with hamza above/below, madda, wasla -> ا; alef maqsura ى -> ي;
 *     teh marbuta ة -> ه; Persian yeh/kaf -> Arabic yeh/kaf;
 *   - Arabic-Indic and Persian digits -> ASCII digits;
 *   - Arabic comma, semicolon, question mark, percent, decimal and thousands
 *     separators and full stop -> their ASCII counterparts; all typographic
 *     double quotes and guillemets -> "; single quotes -> '; dashes -> -;
 *     the ellipsis -> "...";
 *   - presentation forms (ligatures such as ﻻ) and full-width forms are
 *     replaced by their compatibility decomposition;
 *   - letters of other scripts are lower-cased; spaces become " ".
 *
 * Classes and categories come from utf8proc; only the Arabic folds above are
 * written here by hand, because Unicode does not define them.
 */
#include "chars.h"
#include "../core/utf8.h"
#include "isnad.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

isn_char isn_chars_bmp[0x10000];
static pthread_once_t chars_once = PTHREAD_ONCE_INIT;

static int is_arabic_script(uint32_t cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x0870 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

static void set_out(isn_char *ci, uint8_t cls, const char *s) {
    size_t n = strlen(s);
    ci->cls = cls;
    ci->len = (uint8_t)n;
    memcpy(ci->out, s, n);
}

static void set_cp(isn_char *ci, uint8_t cls, uint32_t cp) {
    ci->cls = cls;
    ci->len = (uint8_t)isn_utf8_put(cp, ci->out);
}

/* The Arabic-specific folds; returns 1 when cp was handled. */
static int arabic_fold(uint32_t cp, isn_char *ci) {
    switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
        set_cp(ci, ISN_CC_ARABIC, 0x0627); return 1;   /* آ أ إ ٱ -> ا */
    case 0x0649: case 0x06CC: case 0x06D2:
        set_cp(ci, ISN_CC_ARABIC, 0x064A); return 1;   /* ى ی ے -> ي */
    case 0x0629: set_cp(ci, ISN_CC_ARABIC, 0x0647); return 1; /* ة -> ه */
    case 0x06A9: set_cp(ci, ISN_CC_ARABIC, 0x0643); return 1; /* ک -> ك */
    case 0x0640: ci->cls = ISN_CC_MARK; ci->len = 0; return 1; /* tatweel */
    case 0x060C: set_out(ci, ISN_CC_PUNCT, ","); return 1;
    case 0x061B: set_out(ci, ISN_CC_PUNCT, ";"); return 1;
    case 0x061F: set_out(ci, ISN_CC_PUNCT, "?"); return 1;
    case 0x066A: set_out(ci, ISN_CC_PUNCT, "%"); return 1;
    case 0x066B: set_out(ci, ISN_CC_PUNCT, "."); return 1; /* decimal separator */
    case 0x066C: set_out(ci, ISN_CC_PUNCT, ","); return 1; /* thousands separator */
    case 0x06D4: set_out(ci, ISN_CC_PUNCT, "."); return 1;
    case 0x066D: set_out(ci, ISN_CC_PUNCT, "*"); return 1;
    case 0xFD3E: set_out(ci, ISN_CC_PUNCT, "("); return 1;
    case 0xFD3F: set_out(ci, ISN_CC_PUNCT, ")"); return 1;
    }
    if (cp >= 0x0660 && cp <= 0x0669) { ci->cls = ISN_CC_DIGIT; ci->len = 1; ci->out[0] = (char)('0' + cp - 0x0660); return 1; }
    if (cp >= 0x06F0 && cp <= 0x06F9) { ci->cls = ISN_CC_DIGIT; ci->len = 1; ci->out[0] = (char)('0' + cp - 0x06F0); return 1; }
    return 0;
}

static int punct_fold(uint32_t cp, isn_char *ci) {
    switch (cp) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A: case 0x301D: case 0x301E: case 0xFF02:
        set_out(ci, ISN_CC_PUNCT, "\""); return 1;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
        set_out(ci, ISN_CC_PUNCT, "'"); return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        set_out(ci, ISN_CC_PUNCT, "-"); return 1;
    case 0x2026: set_out(ci, ISN_CC_PUNCT, "..."); return 1;
    }
    return 0;
}

/* Presentation and full-width forms: replace by the compatibility
 * decomposition, each part folded again. Returns 1 when handled. */
static int compat_fold(uint32_t cp, isn_char *ci) {
    if (!((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC) ||
          (cp >= 0xFF01 && cp <= 0xFF5E)))
        return 0;
    utf8proc_int32_t parts[8];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, parts, 8,
                                                 UTF8PROC_COMPAT | UTF8PROC_COMPOSE, &last);
    if (n <= 0 || n > 8 || (n == 1 && (uint32_t)parts[0] == cp)) return 0;
    isn_char out = {0}, part;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        isn_char_compute((uint32_t)parts[i], &part);
        if (out.len + part.len > sizeof out.out) return 0; /* too long: keep as is */
        memcpy(out.out + out.len, part.out, part.len);
        out.len = (uint8_t)(out.len + part.len);
        if (i == 0 || out.cls == ISN_CC_MARK) out.cls = part.cls;
    }
    *ci = out;
    return 1;
}

void isn_char_compute(uint32_t cp, isn_char *ci) {
    memset(ci, 0, sizeof *ci);
    if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) { set_out(ci, ISN_CC_NEWLINE, " "); return; }
    if (cp < 0x80) {
        char c = (char)cp;
        if (cp <= 0x20 || cp == 0x7F) { set_out(ci, ISN_CC_SPACE, " "); return; }
        if (c >= '0' && c <= '9') { set_cp(ci, ISN_CC_DIGIT, cp); return; }
        if (c >= 'A' && c <= 'Z') { set_cp(ci, ISN_CC_LETTER, cp + 32); return; }
        if (c >= 'a' && c <= 'z') { set_cp(ci, ISN_CC_LETTER, cp); return; }
        if (c == '`') { set_out(ci, ISN_CC_PUNCT, "'"); return; }
        set_cp(ci, ISN_CC_PUNCT, cp);
        return;
    }
    if (arabic_fold(cp, ci) || punct_fold(cp, ci) || compat_fold(cp, ci)) return;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_ME:
        ci->cls = ISN_CC_MARK; ci->len = 0; return;
    case UTF8PROC_CATEGORY_CF:
        ci->cls = ISN_CC_INVISIBLE; ci->len = 0; return;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC:
        set_out(ci, ISN_CC_SPACE, " "); return;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        set_out(ci, ISN_CC_NEWLINE, " "); return;
    case UTF8PROC_CATEGORY_ND:
        set_cp(ci, ISN_CC_DIGIT, cp); return;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MC:
        set_cp(ci, is_arabic_script(cp) ? ISN_CC_ARABIC : ISN_CC_LETTER,
               (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp));
        return;
    default:
        set_cp(ci, ISN_CC_PUNCT, cp);
        return;
    }
}

static void build_table(void) {
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) { isn_chars_bmp[cp].cls = ISN_CC_PUNCT; continue; }
        isn_char_compute(cp, &isn_chars_bmp[cp]);
    }
}

void isn_chars_init(void) { pthread_once(&chars_once, build_table); }

size_t isn_normalize(const char *text, size_t len, char *out, uint32_t *offsets) {
    isn_chars_init();
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, o = 0;
    isn_char tmp;
    while (i < len) {
        int k;
        uint32_t cp = isn_utf8_next(s + i, &k);
        const isn_char *ci = isn_char_of(cp, &tmp);
        for (int j = 0; j < ci->len; j++) {
            if (offsets) offsets[o] = (uint32_t)i;
            out[o++] = ci->out[j];
        }
        i += (size_t)k;
    }
    out[o] = 0;
    return o;
}
