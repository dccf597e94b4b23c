/*
 * datadir.h -- a throw-away data folder for tests that write data files of
 * their own: the real data/ folders linked in, the test's files written
 * beside them, all removed at the end. Header-only, for unit tests
 * (ISNAD_SOURCE_DIR is defined by the build).
 */
#ifndef ISN_TEST_DATADIR_H
#define ISN_TEST_DATADIR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char datadir[64];

/* Makes the folder and links the real data/<part> for each of `parts`
 * (space-separated: "text clean time"). Returns 0 or -1. */
static inline int datadir_make(const char *parts) {
    char cmd[1024];
    snprintf(datadir, sizeof datadir, "/tmp/isnad-test-XXXXXX");
    if (!mkdtemp(datadir)) return -1;
    snprintf(cmd, sizeof cmd, "for d in %s; do ln -s '%s/data/'$d '%s/'$d || exit 1; done", parts, ISNAD_SOURCE_DIR,
             datadir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Copies the real data/<rel> to the same place in the folder. */
static inline int datadir_copy(const char *rel) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "mkdir -p \"$(dirname '%s/%s')\" && cp '%s/data/%s' '%s/%s'", datadir, rel,
             ISNAD_SOURCE_DIR, rel, datadir, rel);
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes (mode "w") or appends (mode "a") text to <folder>/<rel>, making
 * its parent folder. */
static inline int datadir_write(const char *rel, const char *text, const char *mode) {
    char path[512], cmd[600];
    snprintf(cmd, sizeof cmd, "mkdir -p \"$(dirname '%s/%s')\"", datadir, rel);
    if (system(cmd) != 0) return -1;
    snprintf(path, sizeof path, "%s/%s", datadir, rel);
    FILE *f = fopen(path, mode);
    if (!f) return -1;
    int rc = fputs(text, f) < 0;
    return fclose(f) || rc ? -1 : 0;
}

static inline int datadir_remove(void) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", datadir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
