/*
 * reader_test.c -- the reader's API: formats, order, JSON Lines fields and
 * meta, errors that name the spot and let the run go on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "isnad.h"

static char dir[64];

static void put(const char *name, const char *content, size_t n) {
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fwrite(content, 1, n, f);
    fclose(f);
}

static int setup(void **st) {
    (void)st;
    snprintf(dir, sizeof dir, "/tmp/isnad-reader-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0755);
    return 0;
}

static int teardown(void **st) {
    (void)st;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_directory_order_and_formats(void **st) {
    (void)st;
    put("b.txt", "نص ب", strlen("نص ب"));
    put("a.txt", "نص أ", strlen("نص أ"));
    put("sub/c.txt", "", 0);
    put(".hidden", "x", 1);
    put("page.html", "<p>x</p>", 8);
    isn_reader *r;
    isn_error err;
    isn_input in;
    assert_int_equal(isn_reader_new(&r, ISN_FORMAT_AUTO), ISN_OK);
    assert_int_equal(isn_reader_add(r, dir, &err), ISN_OK);
    const char *want[] = {"a.txt", "b.txt", "page.html", "sub/c.txt"};
    for (int i = 0; i < 4; i++) {
        int rc = isn_reader_next(r, &in, &err);
        if (i == 2) { /* HTML is refused, naming the file, and the walk goes on */
            assert_int_equal(rc, ISN_EFORMAT);
            assert_non_null(strstr(err.file, want[i]));
            assert_non_null(strstr(err.msg, "HTML input is not supported yet"));
            continue;
        }
        assert_int_equal(rc, 1);
        assert_non_null(strstr(in.id, want[i]));
        assert_int_equal(in.line, 0);
    }
    assert_int_equal(in.len, 0); /* the empty file is a document */
    assert_int_equal(isn_reader_next(r, &in, &err), 0);
    isn_reader_free(r);
}

static void test_jsonl_fields_and_meta(void **st) {
    (void)st;
    const char *lines =
        "{\"id\":\"x1\",\"url\":\"https://example.org/1\",\"title\":\"عنوان\",\"date\":\"2019-04-06\","
        "\"text\":\"نص\\nثان\",\"section\":\"الساحل\",\"tags\":[1,2]}\n"
        "\n"
        "{\"id\":42,\"text\":\"نص\"}\n"
        "{\"text\":\"بلا معرف\"}\n"
        "{\"id\":\"bad\",\"text\":5}\n"
        "[1,2]\n"
        "{\"id\":\"last\",\"text\":\"أخير\"}";
    put("feed.jsonl", lines, strlen(lines));
    char path[128];
    snprintf(path, sizeof path, "%s/feed.jsonl", dir);
    isn_reader *r;
    isn_error err;
    isn_input in;
    assert_int_equal(isn_reader_new(&r, ISN_FORMAT_AUTO), ISN_OK);
    assert_int_equal(isn_reader_add(r, path, &err), ISN_OK);

    assert_int_equal(isn_reader_next(r, &in, &err), 1);
    assert_string_equal(in.id, "x1");
    assert_string_equal(in.url, "https://example.org/1");
    assert_string_equal(in.title, "عنوان");
    assert_string_equal(in.date, "2019-04-06");
    assert_int_equal(in.len, strlen("نص\nثان"));
    assert_memory_equal(in.text, "نص\nثان", in.len);
    assert_string_equal(in.meta_json, "{\"section\":\"الساحل\",\"tags\":[1,2]}");
    assert_int_equal(in.line, 1);

    assert_int_equal(isn_reader_next(r, &in, &err), 1); /* the blank line 2 is skipped */
    assert_string_equal(in.id, "42");
    assert_int_equal(in.line, 3);
    assert_null(in.meta_json);

    assert_int_equal(isn_reader_next(r, &in, &err), 1);
    assert_string_equal(in.id, "line-4");

    assert_int_equal(isn_reader_next(r, &in, &err), ISN_EJSON);
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.msg, "\"text\""));
    size_t line5 = strstr(lines, "{\"id\":\"bad\"") - lines;
    assert_int_equal(err.offset, line5);

    assert_int_equal(isn_reader_next(r, &in, &err), ISN_EJSON);
    assert_int_equal(err.line, 6);
    assert_non_null(strstr(err.msg, "object"));

    assert_int_equal(isn_reader_next(r, &in, &err), 1); /* no final newline */
    assert_string_equal(in.id, "last");
    assert_int_equal(isn_reader_next(r, &in, &err), 0);
    isn_reader_free(r);
}

static void test_forced_format_and_bad_bytes(void **st) {
    (void)st;
    put("notes.jsonl", "plain text, not JSON", 20);
    put("bad.txt", "abc\xd8", 4);
    char p1[128], p2[128];
    snprintf(p1, sizeof p1, "%s/notes.jsonl", dir);
    snprintf(p2, sizeof p2, "%s/bad.txt", dir);
    isn_reader *r;
    isn_error err;
    isn_input in;
    assert_int_equal(isn_reader_new(&r, ISN_FORMAT_TEXT), ISN_OK);
    assert_int_equal(isn_reader_add(r, p1, &err), ISN_OK);
    assert_int_equal(isn_reader_add(r, p2, &err), ISN_OK);
    assert_int_equal(isn_reader_add(r, "/nonexistent/file.txt", &err), ISN_OK);
    assert_int_equal(isn_reader_next(r, &in, &err), 1); /* read as text */
    assert_int_equal(in.len, 20);
    assert_int_equal(isn_reader_next(r, &in, &err), ISN_EUTF8);
    assert_string_equal(err.file, p2);
    assert_int_equal(err.offset, 3);
    assert_int_equal(isn_reader_next(r, &in, &err), ISN_EIO);
    assert_string_equal(err.file, "/nonexistent/file.txt");
    assert_int_equal(isn_reader_next(r, &in, &err), 0);
    isn_reader_free(r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_directory_order_and_formats),
        cmocka_unit_test(test_jsonl_fields_and_meta),
        cmocka_unit_test(test_forced_format_and_bad_bytes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
