/*
 * output.c -- how isnad query and isnad export write what the store gives:
 * a table for the terminal, JSON Lines, CSV, GDELT 2.0 rows, and the actor
 * graph as GraphML, DOT or JSON.
 *
 * The table puts each right-to-left cell between Unicode isolates (FSI ...
 * PDI) so a bidi-aware terminal keeps the columns in place. GraphML ids are
 * XML name tokens: the lexicon id when the actor has one, else its name
 * with what a name token may not hold turned into "_"; the id as stored is
 * kept in the node's "actor" data.
 */
#include "output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* The CAMEO root's GDELT QuadClass: 1 verbal cooperation (01-05), 2
 * material cooperation (06-08), 3 verbal conflict (09-13), 4 material
 * conflict (14-20). */
static int quad_class(const char *code) {
    int root = atoi((char[3]){code[0], code[1], 0});
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

static void tsv(const char *s) {
    for (const char *p = s ? s : ""; *p; p++) putchar(*p == '\t' || *p == '\n' ? ' ' : *p);
}

/* Is a code a CAMEO role with no country before it ("UAF", "COP")? */
static int is_role(const char *code) {
    static const char *roles[] = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
                                  "CVL", "LAB", "LEG", "HLH", "REF", "MOD", "RAD", "AGR", "ELI", "UAF", "IGO", "NGO",
                                  "SET", "IMG", "INS", "SEP", "DEV", "ENV", "HRI", "JEW", "MUS", "CHR"};
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (!strncmp(code, roles[i], 3)) return 1;
    return 0;
}

/* One row of the GDELT 2.0 event table (61 tab-separated columns, no
 * header; docs/schema.md says which isnad fills). Dates are the event's own:
 * a column is empty when the text does not give that much. */
static void print_gdelt(const isn_event_row *r) {
    char day[9] = "", month[7] = "", year[5] = "", added[15] = "";
    const char *d = r->date ? r->date : "";
    if (strlen(d) >= 4 && d[0] != 'X' && !strchr(d, '/')) memcpy(year, d, 4);
    if (year[0] && strlen(d) >= 7 && d[4] == '-' && d[5] >= '0' && d[5] <= '9') memcpy(month, d, 4), memcpy(month + 4, d + 5, 2);
    if (month[0] && strlen(d) == 10) memcpy(day, month, 6), memcpy(day + 6, d + 8, 2);
    for (const char *p = r->ingested ? r->ingested : ""; *p && strlen(added) < 14; p++)
        if (*p >= '0' && *p <= '9') added[strlen(added)] = *p;
    char base[4] = {r->code[0], r->code[1], r->code[2] ? r->code[2] : 0, 0};
    const char *actors[2][2] = {{r->source_code, r->source}, {r->target_code, r->target}};
    printf("%lld\t%s\t%s\t%s\t", r->id, day, month, year);
    if (day[0]) { /* FractionDate: year + day of year / 365 */
        int y = atoi(year), m = atoi(month + 4), dd = atoi(day + 6);
        static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
        printf("%.4f", y + (before[(m - 1) % 12] + dd) / 365.0);
    }
    for (int a = 0; a < 2; a++) { /* Actor*Code, Name, CountryCode, 4 empty, Type1Code, 2 empty */
        const char *code = actors[a][0] ? actors[a][0] : "";
        int country = strlen(code) >= 3 && !is_role(code); /* "LBYMIL", "EGY"; not "UAF" */
        putchar('\t'); tsv(code);
        putchar('\t'); tsv(actors[a][1]);
        printf("\t%.*s\t\t\t\t\t%.3s\t\t", country ? 3 : 0, code, country ? (strlen(code) > 3 ? code + 3 : "") : code);
    }
    printf("\t%d\t%s\t%s\t%.2s\t%d\t\t1\t1\t1\t", r->sentence <= 2, r->code, base, r->code, quad_class(r->code));
    printf("\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"); /* AvgTone, Actor1Geo_* (8), Actor2Geo_* (8) */
    printf("%s\t", r->place ? "4" : ""); tsv(r->place); /* ActionGeo_Type (4: a place name), FullName */
    printf("\t\t\t\t\t\t\t%s\t", added); /* CountryCode, ADM1, ADM2, Lat, Long, FeatureID, DATEADDED */
    tsv(r->url ? r->url : r->doc);
    putchar('\n');
}

static void json_str(const char *s) {
    if (!s) { fputs("null", stdout); return; }
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') printf("\\%c", *p);
        else if (*p < 0x20) printf("\\u%04x", *p);
        else putchar(*p);
    }
    putchar('"');
}

static void csv_str(const char *s, int last) {
    putchar('"');
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '"') putchar('"');
        putchar(*p == '\n' ? ' ' : *p);
    }
    putchar('"');
    putchar(last ? '\n' : ',');
}

/* Arabic between isolates (U+2068 ... U+2069), so that a bidi-aware
 * terminal keeps each cell's right-to-left text in its own place. */
static void cell(const char *s) { printf("\xe2\x81\xa8%s\xe2\x81\xa9", s && *s ? s : "-"); }

int print_event(void *vctx, const isn_event_row *r) {
    query_ctx *q = vctx;
    q->rows++;
    if (q->format == FMT_GDELT) {
        print_gdelt(r);
    } else if (q->format == FMT_JSONL) {
        const char *keys[] = {"doc", "outlet", "date", "source", "source_code", "code", "label", "target",
                              "target_code", "modality", "sources", "evidence"};
        const char *vals[] = {r->doc, r->outlet, r->date, r->source, r->source_code, r->code, r->label, r->target,
                              r->target_code, r->modality, r->sources, r->evidence};
        printf("{\"id\":%lld", r->id);
        for (int i = 0; i < 12; i++) { printf(",\"%s\":", keys[i]); json_str(vals[i]); }
        puts("}");
    } else if (q->format == FMT_CSV) {
        if (q->rows == 1) puts("id,doc,outlet,date,source,source_code,code,label,target,target_code,modality,sources,evidence");
        printf("%lld,", r->id);
        const char *vals[] = {r->doc, r->outlet, r->date, r->source, r->source_code, r->code, r->label, r->target,
                              r->target_code, r->modality, r->sources, r->evidence};
        for (int i = 0; i < 12; i++) csv_str(vals[i], i == 11);
    } else {
        printf("%-10s ", r->date ? r->date : "-");
        cell(r->source);
        printf(" -> %s %s -> ", r->code, r->label);
        cell(r->target);
        printf("  %s", r->modality);
        if (r->sources) { fputs("  [", stdout); cell(r->sources); putchar(']'); }
        printf("  (%s%s%s)\n", r->doc, r->outlet ? ", " : "", r->outlet ? r->outlet : "");
    }
    return ferror(stdout) != 0;
}

int print_story(void *vctx, const isn_story *st) {
    query_ctx *q = vctx;
    q->rows++;
    if (q->format == FMT_JSONL) {
        printf("{\"from\":"); json_str(st->from);
        printf(",\"to\":"); json_str(st->to);
        printf(",\"source\":"); json_str(st->source);
        printf(",\"source_name\":"); json_str(st->source_name);
        printf(",\"target\":"); json_str(st->target);
        printf(",\"target_name\":"); json_str(st->target_name);
        printf(",\"root\":"); json_str(st->root);
        printf(",\"label\":"); json_str(st->label);
        printf(",\"reports\":%d,\"documents\":%d,\"outlets\":%d,\"contested\":", st->reports, st->documents,
               st->outlets);
        json_str(st->contested);
        puts("}");
    } else if (q->format == FMT_CSV) {
        if (q->rows == 1) puts("from,to,source,source_name,target,target_name,root,label,reports,documents,outlets,contested");
        const char *vals[] = {st->from, st->to, st->source, st->source_name, st->target, st->target_name, st->root, st->label};
        for (int i = 0; i < 8; i++) csv_str(vals[i], 0);
        printf("%d,%d,%d,", st->reports, st->documents, st->outlets);
        csv_str(st->contested, 1);
    } else {
        if (st->from) printf("%s..%s ", st->from, st->to);
        else printf("%-22s ", "-");
        cell(st->source_name);
        printf(" -> %s %s -> ", st->root, st->label);
        cell(st->target_name);
        printf("  %d report%s, %d document%s, %d outlet%s", st->reports, st->reports == 1 ? "" : "s", st->documents,
               st->documents == 1 ? "" : "s", st->outlets, st->outlets == 1 ? "" : "s");
        if (st->contested) printf("  CONTESTED (%s)", st->contested);
        putchar('\n');
    }
    return ferror(stdout) != 0;
}

/* ---- export graph ---- */


static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

int keep_edge(void *ctx, const isn_edge *e) {
    graph *g = ctx;
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 64;
        isn_edge *v = realloc(g->e, cap * sizeof *v);
        if (!v) return 1;
        g->e = v, g->cap = cap;
    }
    isn_edge *c = &g->e[g->n++];
    *c = *e;
    c->source = dup_or_null(e->source), c->source_name = dup_or_null(e->source_name);
    c->source_code = dup_or_null(e->source_code), c->target = dup_or_null(e->target);
    c->target_name = dup_or_null(e->target_name), c->target_code = dup_or_null(e->target_code);
    c->root = dup_or_null(e->root), c->outlets = dup_or_null(e->outlets);
    return 0;
}

void graph_free(graph *g) {
    for (size_t i = 0; i < g->n; i++) {
        isn_edge *e = &g->e[i];
        free((char *)e->source), free((char *)e->source_name), free((char *)e->source_code);
        free((char *)e->target), free((char *)e->target_name), free((char *)e->target_code);
        free((char *)e->root), free((char *)e->outlets);
    }
    free(g->e);
}

static void xml_str(const char *s) {
    for (const char *p = s ? s : ""; *p; p++)
        if (*p == '<') fputs("&lt;", stdout);
        else if (*p == '>') fputs("&gt;", stdout);
        else if (*p == '&') fputs("&amp;", stdout);
        else if (*p == '"') fputs("&quot;", stdout);
        else putchar(*p);
}

/* May code point c stand in an XML name (XML 1.0, fifth edition)? */
static int name_char(utf8proc_int32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                         c == '-' || c == '_' || c == ':';
    return c == 0xB7 || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x37D) ||
           (c >= 0x37F && c <= 0x1FFF) || c == 0x200C || c == 0x200D || c == 0x203F || c == 0x2040 ||
           (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
           (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

/* An id as an XML name token (GraphML's node ids and edge ends): each
 * character a name may not hold, a space or a quote, becomes "_". */
static void xml_nmtoken(const char *s) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s && *s ? s : "_");
    for (utf8proc_ssize_t n; *p; p += n > 0 ? n : 1) {
        utf8proc_int32_t c;
        n = utf8proc_iterate(p, -1, &c);
        if (n > 0 && name_char(c)) fwrite(p, 1, (size_t)n, stdout);
        else putchar('_');
    }
}

static void dot_str(const char *s) {
    putchar('"');
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '"' || *p == '\\') putchar('\\');
        putchar(*p);
    }
    putchar('"');
}

/* Each actor once: the first edge that names it gives its name and code. */
static int first_seen(const graph *g, size_t i, int target) {
    const char *id = target ? g->e[i].target : g->e[i].source;
    for (size_t j = 0; j <= i; j++) {
        if (!strcmp(g->e[j].source, id)) return j == i && !target;
        if (!strcmp(g->e[j].target, id)) return j == i && target;
    }
    return 0;
}

void print_graph(const graph *g, int format) {
    if (format == FMT_GRAPHML) {
        puts("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
             "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
             "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
             "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
             "  <key id=\"actor\" for=\"node\" attr.name=\"actor\" attr.type=\"string\"/>\n"
             "  <key id=\"code\" for=\"node\" attr.name=\"code\" attr.type=\"string\"/>\n"
             "  <key id=\"root\" for=\"edge\" attr.name=\"root\" attr.type=\"string\"/>\n"
             "  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
             "  <key id=\"outlets\" for=\"edge\" attr.name=\"outlets\" attr.type=\"string\"/>\n"
             "  <graph id=\"isnad\" edgedefault=\"directed\">");
    } else if (format == FMT_DOT) {
        puts("digraph isnad {");
    } else {
        fputs("{\"nodes\":[", stdout);
    }
    int first = 1;
    for (size_t i = 0; i < g->n; i++)
        for (int t = 0; t < 2; t++) {
            if (!first_seen(g, i, t)) continue;
            const char *id = t ? g->e[i].target : g->e[i].source, *name = t ? g->e[i].target_name : g->e[i].source_name;
            const char *code = t ? g->e[i].target_code : g->e[i].source_code;
            if (format == FMT_GRAPHML) {
                fputs("    <node id=\"", stdout); xml_nmtoken(id); fputs("\"><data key=\"label\">", stdout); xml_str(name);
                fputs("</data><data key=\"actor\">", stdout); xml_str(id);
                fputs("</data><data key=\"code\">", stdout); xml_str(code); puts("</data></node>");
            } else if (format == FMT_DOT) {
                fputs("  ", stdout); dot_str(id); fputs(" [label=", stdout);
                char label[512];
                snprintf(label, sizeof label, "%s%s%s%s", name ? name : id, code ? " (" : "", code ? code : "", code ? ")" : "");
                dot_str(label); fputs(", code=", stdout); dot_str(code); puts("];");
            } else {
                printf("%s{\"id\":", first ? "" : ","); json_str(id);
                fputs(",\"name\":", stdout); json_str(name);
                fputs(",\"code\":", stdout); json_str(code); putchar('}');
            }
            first = 0;
        }
    if (format == FMT_JSON) fputs("],\"edges\":[", stdout);
    for (size_t i = 0; i < g->n; i++) {
        const isn_edge *e = &g->e[i];
        if (format == FMT_GRAPHML) {
            printf("    <edge id=\"e%zu\" source=\"", i); xml_nmtoken(e->source);
            fputs("\" target=\"", stdout); xml_nmtoken(e->target);
            fputs("\"><data key=\"root\">", stdout); xml_str(e->root);
            printf("</data><data key=\"count\">%d</data><data key=\"outlets\">", e->count); xml_str(e->outlets);
            puts("</data></edge>");
        } else if (format == FMT_DOT) {
            fputs("  ", stdout); dot_str(e->source); fputs(" -> ", stdout); dot_str(e->target);
            char label[64];
            snprintf(label, sizeof label, "%s x%d", e->root, e->count);
            fputs(" [label=", stdout); dot_str(label); printf(", root=\"%s\", count=%d, outlets=", e->root, e->count);
            dot_str(e->outlets); puts("];");
        } else {
            printf("%s{\"source\":", i ? "," : ""); json_str(e->source);
            fputs(",\"target\":", stdout); json_str(e->target);
            printf(",\"root\":\"%s\",\"count\":%d,\"outlets\":[", e->root, e->count);
            int k = 0;
            for (const char *p = e->outlets ? e->outlets : ""; *p; k++) { /* comma-separated: a JSON array */
                const char *comma = strchr(p, ',');
                size_t n = comma ? (size_t)(comma - p) : strlen(p);
                char buf[1024];
                snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf ? n : sizeof buf - 1), p);
                if (k) putchar(',');
                json_str(buf);
                p += n + (comma != NULL);
            }
            fputs("]}", stdout);
        }
    }
    if (format == FMT_GRAPHML) puts("  </graph>\n</graphml>");
    else if (format == FMT_DOT) puts("}");
    else puts("]}");
}
