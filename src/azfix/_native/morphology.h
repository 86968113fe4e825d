/* The compiled morphology walk: what its three files share (see morphology.c).
 *
 * morphology.c         the Walker type: its tables, its methods, the module
 * morphology_stems.c   which prefixes of a word may be stems, and how each is read
 * morphology_walk.c    the suffix grammar walked over the rest of the word
 */
#ifndef AZFIX_MORPHOLOGY_H
#define AZFIX_MORPHOLOGY_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define STACK_LETTERS 128 /* words up to this long need no heap memory */
#define MAX_STEPS 200000  /* transitions tried in one walk before the Python code is asked */
#define MUST_VOWEL 1
#define MUST_CONSONANT 2
#define FLAG_S 1
#define FLAG_O 2
#define FLAG_D 4
#define FLAG_V 8

typedef struct {
    PyObject *pair;    /* (tag, form) */
    Py_UCS4 *form;
    Py_ssize_t length;
    int next;          /* context number */
    int must;
} Step;

typedef struct {
    Step *steps;
    Py_ssize_t count;
} Context;

typedef struct {       /* what the walk needs of a StemEntry, read once per entry */
    PyObject *entry;   /* a strong reference (the key of this record) */
    PyObject *pos;     /* the entry's tuple of parts of speech */
    int *start;        /* per part of speech: its start state */
    char *verb;        /* per part of speech: is it "verb" */
    Py_ssize_t npos;
    int harmony;
    int flags;
} Entry;

typedef struct {
    PyObject_HEAD
    PyObject *stems, *alternated, *start_states;
    Context *contexts;
    Py_ssize_t ncontexts;
    char *accepting;   /* per state */
    Py_ssize_t nstates;
    int n_state, num_state;
    Py_ssize_t min_stem_length;
    Entry **entries;   /* open addressing by entry address; a record never moves (walks hold them) */
    Py_ssize_t nentries, capacity;
    uint64_t *surfaces; /* hashes of every stem and alternated surface (open addressing, 0: empty) */
    uint64_t surface_mask;
} Walker;

typedef struct {
    const Py_UCS4 *word;
    Py_ssize_t length;
    long steps;
    /* for analyses */
    int *path;          /* step numbers of the chain so far */
    int *path_context;
    PyObject *out, *stem, *pos;
    Py_ssize_t limit;
} Walk;

typedef struct {
    Entry *entry;
    PyObject *stem;    /* a new reference */
    Py_ssize_t pos;    /* index into entry->pos, or -1: every part of speech but verbs */
    int must;
} Reading;

#define MAX_READINGS 7

#define HASH_START 0xcbf29ce484222325ull /* FNV-1a, over code points */
#define HASH_STEP(h, c) (((h) ^ (uint64_t)(c)) * 0x100000001b3ull)

static inline int
is_vowel(Py_UCS4 c)
{
    switch (c) {
    case 0x61: case 0x131: case 0x6F: case 0x75: case 0x65: case 0x259: case 0x69: case 0xF6: case 0xFC:
        return 1;
    }
    return 0;
}

/* morphology_stems.c */
int morphology_make_surfaces(Walker *self);
void morphology_clear_entry(Entry *e);
int morphology_is_stem_surface(Walker *self, const Py_UCS4 *word, Py_ssize_t cut, uint64_t hash);
int morphology_readings(Walker *self, const Py_UCS4 *word, Py_ssize_t cut, Reading *out);
int morphology_reading_parts(const Reading *r, const Py_UCS4 *word, Py_ssize_t cut, Py_ssize_t *parts, int *musts);
int morphology_harmony_of_stem(PyObject *stem);

/* morphology_walk.c */
int morphology_completes(const Walker *self, Walk *w, Py_ssize_t at, int context, int must);
int morphology_walk_word(Walker *self, Walk *w);

#endif
