/* The grammar walks of azfix's morphology, compiled.
 *
 * The twin of Analyzer.reference_is_well_formed and Analyzer.iter_analyses
 * (src/azfix/morphology/analyzer.py) and of grammar.completes, which define
 * what is computed:
 * every prefix of a word, longest first, read as a stem (as written, or
 * softened, voiced or with its vowel dropped), then the rest of the word
 * walked through the suffix grammar. The grammar comes as a table
 * (grammar.automaton): every context (state, harmony 0-4, after a vowel or
 * not) is numbered state * 10 + harmony * 2 + after_vowel and lists its
 * written transitions (tag, form, next context, constraint on the next
 * letter) in the grammar's order, so that analyses come out in the order the
 * Python walk yields them.
 *
 *     Walker(stems, alternated, contexts, accepting, start_states, n_state, num_state, min_stem_length)
 *     .well_formed(word) -> 1, 0, or -1 (the walk grew too long: ask the Python code)
 *     .analyses(word, limit) -> list of (stem, pos, chain), or None (too long)
 *     .completes(rest, context) -> 1, 0, or -1 (too long)
 */
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

/* -- which prefixes may be stems --------------------------------------------- *
 * A prefix is looked up in the stem table only when its hash is among the
 * hashes of the stems and their alternated surfaces: most prefixes of a
 * word are not stems, and their hashes come in one pass over the word. */
#define HASH_START 0xcbf29ce484222325ull /* FNV-1a, over code points */
#define HASH_STEP(h, c) (((h) ^ (uint64_t)(c)) * 0x100000001b3ull)

static uint64_t
nonzero(uint64_t h)
{
    return h ? h : 1;
}

static void
add_surface(Walker *self, uint64_t h)
{
    uint64_t s = h & self->surface_mask;
    while (self->surfaces[s] != 0 && self->surfaces[s] != h)
        s = (s + 1) & self->surface_mask;
    self->surfaces[s] = h;
}

static int
has_surface(const Walker *self, uint64_t h)
{
    uint64_t s = h & self->surface_mask;
    while (self->surfaces[s] != 0) {
        if (self->surfaces[s] == h)
            return 1;
        s = (s + 1) & self->surface_mask;
    }
    return 0;
}

static int
add_surfaces(Walker *self, PyObject *words)
{
    PyObject *iterator = PyObject_GetIter(words), *word;
    if (iterator == NULL)
        return -1;
    while ((word = PyIter_Next(iterator)) != NULL) {
        if (PyUnicode_Check(word)) {
            int kind = PyUnicode_KIND(word);
            const void *data = PyUnicode_DATA(word);
            uint64_t h = HASH_START;
            for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(word); i++)
                h = HASH_STEP(h, PyUnicode_READ(kind, data, i));
            add_surface(self, nonzero(h));
        }
        Py_DECREF(word);
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

static int
make_surfaces(Walker *self)
{
    uint64_t room = 1024, count = (uint64_t)(PyDict_GET_SIZE(self->stems) + PySet_GET_SIZE(self->alternated));
    while (room < count * 3 / 2)
        room *= 2;
    self->surfaces = PyMem_Calloc(room, sizeof(uint64_t));
    if (self->surfaces == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->surface_mask = room - 1;
    return add_surfaces(self, self->stems) < 0 || add_surfaces(self, self->alternated) < 0 ? -1 : 0;
}

/* -- letters ---------------------------------------------------------------- */
static int
is_vowel(Py_UCS4 c)
{
    switch (c) {
    case 0x61: case 0x131: case 0x6F: case 0x75: case 0x65: case 0x259: case 0x69: case 0xF6: case 0xFC:
        return 1;
    }
    return 0;
}

static int
harmony_of(Py_UCS4 c)
{
    switch (c) {
    case 0x61: case 0x131: return 1;            /* a ı */
    case 0x65: case 0x259: case 0x69: return 2; /* e ə i */
    case 0x6F: case 0x75: return 3;             /* o u */
    case 0xF6: case 0xFC: return 4;             /* ö ü */
    }
    return 0;
}

/* harmony_class(stem) or 0: the class of its last vowel. */
static int
harmony_of_stem(PyObject *stem)
{
    int kind = PyUnicode_KIND(stem);
    const void *data = PyUnicode_DATA(stem);
    for (Py_ssize_t i = PyUnicode_GET_LENGTH(stem) - 1; i >= 0; i--) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (is_vowel(c))
            return harmony_of(c);
    }
    return 0;
}

static Py_UCS4 *
read_word(PyObject *word, Py_UCS4 *stack, Py_ssize_t extra)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    Py_UCS4 *out = stack;
    if (length + extra > STACK_LETTERS && (out = PyMem_Malloc(sizeof(Py_UCS4) * (length + extra))) == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    for (Py_ssize_t i = 0; i < length; i++)
        out[i] = PyUnicode_READ(kind, data, i);
    return out;
}

/* -- stem entries ------------------------------------------------------------ */
static void
clear_entry(Entry *e)
{
    Py_CLEAR(e->entry);
    Py_CLEAR(e->pos);
    PyMem_Free(e->start);
    PyMem_Free(e->verb);
    e->start = NULL;
    e->verb = NULL;
}

static int
read_entry(Walker *self, PyObject *object, Entry *e)
{
    PyObject *harmony = NULL, *flags = NULL;
    e->entry = object;
    Py_INCREF(object);
    e->pos = PyObject_GetAttrString(object, "pos");
    harmony = PyObject_GetAttrString(object, "harmony");
    flags = PyObject_GetAttrString(object, "flags");
    int ok = e->pos != NULL && harmony != NULL && flags != NULL && PyTuple_Check(e->pos) && PyUnicode_Check(flags);
    if (ok) {
        e->npos = PyTuple_GET_SIZE(e->pos);
        e->harmony = (int)PyLong_AsLong(harmony);
        e->flags = 0;
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(flags); i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(flags, i);
            e->flags |= c == 's' ? FLAG_S : c == 'o' ? FLAG_O : c == 'd' ? FLAG_D : c == 'v' ? FLAG_V : 0;
        }
        e->start = PyMem_Malloc(sizeof(int) * (e->npos + 1));
        e->verb = PyMem_Malloc(e->npos + 1);
        ok = e->start != NULL && e->verb != NULL && !PyErr_Occurred();
        for (Py_ssize_t i = 0; ok && i < e->npos; i++) {
            PyObject *pos = PyTuple_GET_ITEM(e->pos, i);
            PyObject *state = PyUnicode_Check(pos) ? PyDict_GetItemWithError(self->start_states, pos) : NULL;
            if (!PyUnicode_Check(pos) || PyErr_Occurred()) {
                ok = 0;
                break;
            }
            e->start[i] = state != NULL ? (int)PyLong_AsLong(state) : self->n_state;
            e->verb[i] = PyUnicode_CompareWithASCIIString(pos, "verb") == 0;
        }
    }
    Py_XDECREF(harmony);
    Py_XDECREF(flags);
    if (!ok) {
        clear_entry(e);
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "not a stem entry");
        return -1;
    }
    return 0;
}

static Py_ssize_t
slot_of(const Walker *self, const PyObject *object)
{
    return (Py_ssize_t)(((size_t)object >> 4) & (size_t)(self->capacity - 1));
}

/* Twice the room in the table of records (each record stays where it is). */
static int
grow(Walker *self)
{
    Py_ssize_t old = self->capacity;
    Entry **previous = self->entries;
    Entry **entries = PyMem_Calloc(old ? old * 2 : 256, sizeof(Entry *));
    if (entries == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->entries = entries;
    self->capacity = old ? old * 2 : 256;
    for (Py_ssize_t i = 0; i < old; i++) {
        if (previous[i] == NULL)
            continue;
        Py_ssize_t s = slot_of(self, previous[i]->entry);
        while (entries[s] != NULL)
            s = (s + 1) & (self->capacity - 1);
        entries[s] = previous[i];
    }
    PyMem_Free(previous);
    return 0;
}

/* The record of a stem entry, read on first sight. */
static Entry *
entry_of(Walker *self, PyObject *object)
{
    if (self->nentries * 2 >= self->capacity && grow(self) < 0)
        return NULL;
    Py_ssize_t s = slot_of(self, object);
    while (self->entries[s] != NULL) {
        if (self->entries[s]->entry == object)
            return self->entries[s];
        s = (s + 1) & (self->capacity - 1);
    }
    Entry *e = PyMem_Calloc(1, sizeof(Entry));
    if (e == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (read_entry(self, object, e) < 0) {
        PyMem_Free(e);
        return NULL;
    }
    self->entries[s] = e;
    self->nentries++;
    return e;
}

/* The entry of a stem written as word[0:length] (with ``last`` in place of its
 * last letter when last != 0, or ``inserted`` before it when inserted != 0):
 * 1 and *out set, 0 when there is none, -1 on error. */
static int
lookup(Walker *self, const Py_UCS4 *word, Py_ssize_t length, Py_UCS4 last, Py_UCS4 inserted, Entry **out,
       PyObject **stem)
{
    Py_UCS4 buffer[STACK_LETTERS + 1], *letters = buffer;
    if (length + 1 > STACK_LETTERS && (letters = PyMem_Malloc(sizeof(Py_UCS4) * (length + 1))) == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(letters, word, sizeof(Py_UCS4) * length);
    Py_ssize_t size = length;
    if (last)
        letters[length - 1] = last;
    if (inserted) {
        letters[length] = letters[length - 1];
        letters[length - 1] = inserted;
        size++;
    }
    PyObject *key = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, letters, size);
    if (letters != buffer)
        PyMem_Free(letters);
    if (key == NULL)
        return -1;
    PyObject *found = PyDict_GetItemWithError(self->stems, key);
    if (found == NULL) {
        Py_DECREF(key);
        return PyErr_Occurred() ? -1 : 0;
    }
    *out = entry_of(self, found);
    if (*out == NULL) {
        Py_DECREF(key);
        return -1;
    }
    if (stem != NULL)
        *stem = key;
    else
        Py_DECREF(key);
    return 1;
}

/* -- the suffix walk ------------------------------------------------------------ */
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

static int
matches(const Walk *w, Py_ssize_t at, const Step *step)
{
    return step->length <= w->length - at && memcmp(w->word + at, step->form, sizeof(Py_UCS4) * step->length) == 0;
}

/* grammar.completes: 1, 0, or -1 when the walk grew too long. */
static int
completes(const Walker *self, Walk *w, Py_ssize_t at, int context, int must)
{
    if (at == w->length)
        return self->accepting[context / 10] && must != MUST_VOWEL;
    if (must && is_vowel(w->word[at]) != (must == MUST_VOWEL))
        return 0;
    const Context *c = &self->contexts[context];
    for (Py_ssize_t i = 0; i < c->count; i++) {
        const Step *step = &c->steps[i];
        if (++w->steps > MAX_STEPS)
            return -1;
        if (!matches(w, at, step))
            continue;
        int done = completes(self, w, at + step->length, step->next, step->must);
        if (done != 0)
            return done;
    }
    return 0;
}

static int
emit(Walk *w, int depth, Context *contexts)
{
    PyObject *chain = PyTuple_New(depth);
    if (chain == NULL)
        return -1;
    for (int i = 0; i < depth; i++) {
        PyObject *pair = contexts[w->path_context[i]].steps[w->path[i]].pair;
        Py_INCREF(pair);
        PyTuple_SET_ITEM(chain, i, pair);
    }
    PyObject *analysis = PyTuple_Pack(3, w->stem, w->pos, chain);
    Py_DECREF(chain);
    if (analysis == NULL || PyList_Append(w->out, analysis) < 0) {
        Py_XDECREF(analysis);
        return -1;
    }
    Py_DECREF(analysis);
    return 0;
}

/* suffix_chains, each chain emitted in the grammar's order: 0 to go on, 1 at the
 * limit, -1 on error, -2 when the walk grew too long. */
static int
chains(Walker *self, Walk *w, Py_ssize_t at, int context, int must, int depth)
{
    if (at == w->length) {
        if (!self->accepting[context / 10] || must == MUST_VOWEL)
            return 0;
        if (emit(w, depth, self->contexts) < 0)
            return -1;
        return PyList_GET_SIZE(w->out) >= w->limit;
    }
    if (must && is_vowel(w->word[at]) != (must == MUST_VOWEL))
        return 0;
    Context *c = &self->contexts[context];
    for (Py_ssize_t i = 0; i < c->count; i++) {
        Step *step = &c->steps[i];
        if (++w->steps > MAX_STEPS)
            return -2;
        if (!matches(w, at, step))
            continue;
        w->path[depth] = (int)i;
        w->path_context[depth] = context;
        int done = chains(self, w, at + step->length, step->next, step->must, depth + 1);
        if (done != 0)
            return done;
    }
    return 0;
}

/* -- stem readings ------------------------------------------------------------ */
typedef struct {
    Entry *entry;
    PyObject *stem;    /* a new reference */
    Py_ssize_t pos;    /* index into entry->pos, or -1: every part of speech but verbs */
    int must;
} Reading;

#define MAX_READINGS 7

static int
alternates(const Py_UCS4 *stem, Py_ssize_t length, int flags, int verb)
{
    if (!flags)
        return 0;
    Py_UCS4 last = stem[length - 1];
    if (verb)
        return (flags & FLAG_D) && last == 't';
    return ((flags & FLAG_S) && (last == 'k' || last == 'q'))
        || ((flags & FLAG_V) && length >= 3 && (stem[length - 2] == 0x131 || stem[length - 2] == 'i'
            || stem[length - 2] == 'u' || stem[length - 2] == 0xFC) && !is_vowel(last) && !is_vowel(stem[length - 3]));
}

/* Keep a reading whose entry has one of ``flags``; drop its stem otherwise. */
static void
keep(Reading *out, int *n, Entry *e, PyObject *stem, Py_ssize_t pos, int flags)
{
    if (e->flags & flags)
        out[(*n)++] = (Reading){e, stem, pos, MUST_VOWEL};
    else
        Py_DECREF(stem);
}

/* The entries the prefix word[0:cut] can be read as (Analyzer.stem_readings,
 * grouped by entry), added at out[*n]: 0, or -1 on error. */
static int
readings_of(Walker *self, const Py_UCS4 *word, Py_ssize_t cut, Reading *out, int *n)
{
    static const Py_UCS4 high_vowels[4] = {0x131, 'i', 'u', 0xFC}; /* ı i u ü */
    Py_UCS4 last = word[cut - 1];
    Entry *e;
    PyObject *stem;
    int found = lookup(self, word, cut, 0, 0, &e, &stem);
    if (found > 0)
        out[(*n)++] = (Reading){e, stem, -2, 0}; /* -2: every part of speech, as written */
    if (found >= 0 && (last == 'y' || last == 0x11F)) { /* y ğ: a softened k q */
        found = lookup(self, word, cut, last == 'y' ? 'k' : 'q', 0, &e, &stem);
        if (found > 0)
            keep(out, n, e, stem, -1, FLAG_S | FLAG_O);
    }
    if (found >= 0 && last == 'd') { /* a verb's voiced t */
        found = lookup(self, word, cut, 't', 0, &e, &stem);
        Py_ssize_t verb = -1;
        for (Py_ssize_t i = 0; found > 0 && i < e->npos && verb < 0; i++)
            if (e->verb[i])
                verb = i;
        if (found > 0)
            keep(out, n, e, stem, verb, verb >= 0 ? FLAG_D : 0);
    }
    if (found >= 0 && cut >= 2 && !is_vowel(last) && !is_vowel(word[cut - 2])) { /* a dropped high vowel */
        for (int v = 0; v < 4 && found >= 0; v++) {
            found = lookup(self, word, cut, 0, high_vowels[v], &e, &stem);
            if (found > 0)
                keep(out, n, e, stem, -1, FLAG_V);
        }
    }
    return found < 0 ? -1 : 0;
}

/* The readings of a prefix: how many, or -1 on error. */
static int
readings(Walker *self, const Py_UCS4 *word, Py_ssize_t cut, Reading *out)
{
    int n = 0;
    if (readings_of(self, word, cut, out, &n) < 0) {
        for (int r = 0; r < n; r++)
            Py_DECREF(out[r].stem);
        return -1;
    }
    return n;
}

/* Every (part of speech index, constraint) of a reading, in stem_readings' order. */
static int
reading_parts(const Reading *r, const Py_UCS4 *word, Py_ssize_t cut, Py_ssize_t *parts, int *musts)
{
    int n = 0;
    for (Py_ssize_t i = 0; i < r->entry->npos; i++) {
        if (r->pos == -2) {
            parts[n] = i;
            musts[n++] = alternates(word, cut, r->entry->flags, r->entry->verb[i]) ? MUST_CONSONANT : 0;
        } else if ((r->pos == -1 && !r->entry->verb[i]) || r->pos == i) {
            parts[n] = i;
            musts[n++] = r->must;
        }
    }
    return n;
}

static int
is_stem_surface(Walker *self, const Py_UCS4 *word, Py_ssize_t cut, uint64_t hash)
{
    if (!has_surface(self, nonzero(hash)))
        return 0; /* no stem nor alternated surface is written so */
    PyObject *prefix = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, word, cut);
    if (prefix == NULL)
        return -1;
    int found = PyDict_Contains(self->stems, prefix);
    if (found == 0)
        found = PySet_Contains(self->alternated, prefix);
    Py_DECREF(prefix);
    return found;
}

/* The walk of every reading of every prefix: -1 on error, 0 done, 1 stopped (found,
 * or at the limit), -2 too long. With w->out NULL it only asks whether one exists. */
static int
walk_word(Walker *self, Walk *w)
{
    Reading found[MAX_READINGS];
    Py_ssize_t *parts = NULL;
    int *musts = NULL, result = 0;
    uint64_t stack_hashes[STACK_LETTERS + 1], *hashes = stack_hashes;
    if (w->length + 1 > STACK_LETTERS + 1 && (hashes = PyMem_Malloc(sizeof(uint64_t) * (w->length + 1))) == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    hashes[0] = HASH_START;
    for (Py_ssize_t i = 0; i < w->length; i++)
        hashes[i + 1] = HASH_STEP(hashes[i], w->word[i]);
    for (Py_ssize_t cut = w->length; cut >= self->min_stem_length && result == 0; cut--) {
        int surface = is_stem_surface(self, w->word, cut, hashes[cut]);
        if (surface <= 0) {
            result = surface;
            continue;
        }
        int n = readings(self, w->word, cut, found);
        if (n < 0)
            return -1;
        int after_vowel = is_vowel(w->word[cut - 1]);
        for (int r = 0; r < n; r++) {
            Entry *e = found[r].entry;
            PyMem_Free(parts);
            PyMem_Free(musts);
            parts = PyMem_Malloc(sizeof(Py_ssize_t) * (e->npos + 1));
            musts = PyMem_Malloc(sizeof(int) * (e->npos + 1));
            if (parts == NULL || musts == NULL) {
                PyErr_NoMemory();
                result = -1;
            }
            int count = result == 0 ? reading_parts(&found[r], w->word, cut, parts, musts) : 0;
            int harmony = e->harmony ? e->harmony : harmony_of_stem(found[r].stem);
            if (harmony < 0 || harmony > 4)
                result = result ? result : -2;
            for (int p = 0; p < count && result == 0; p++) {
                int must = musts[p];
                if (cut == w->length) {
                    if (must == MUST_VOWEL)
                        continue;
                    if (w->out == NULL) {
                        result = 1;
                    } else {
                        w->stem = found[r].stem;
                        w->pos = PyTuple_GET_ITEM(e->pos, parts[p]);
                        result = emit(w, 0, self->contexts) < 0 ? -1 : PyList_GET_SIZE(w->out) >= w->limit;
                    }
                    continue;
                }
                int state = e->start[parts[p]];
                for (int pass = 0; pass < 2 && result == 0; pass++) {
                    int context = state * 10 + harmony * 2 + after_vowel;
                    if (w->out == NULL) {
                        result = completes(self, w, cut, context, must);
                        result = result < 0 ? -2 : result;
                    } else {
                        w->stem = found[r].stem;
                        w->pos = PyTuple_GET_ITEM(e->pos, parts[p]);
                        result = chains(self, w, cut, context, must, 0);
                    }
                    if (state != self->num_state)
                        break;
                    state = self->n_state; /* a number also takes the nominal suffixes */
                }
            }
        }
        for (int r = 0; r < n; r++)
            Py_DECREF(found[r].stem);
    }
    PyMem_Free(parts);
    PyMem_Free(musts);
    if (hashes != stack_hashes)
        PyMem_Free(hashes);
    return result;
}

/* -- the type ---------------------------------------------------------------------- */
static void
clear_tables(Walker *self)
{
    for (Py_ssize_t i = 0; i < self->ncontexts; i++) {
        for (Py_ssize_t j = 0; j < self->contexts[i].count; j++) {
            Py_XDECREF(self->contexts[i].steps[j].pair);
            PyMem_Free(self->contexts[i].steps[j].form);
        }
        PyMem_Free(self->contexts[i].steps);
    }
    PyMem_Free(self->contexts);
    self->contexts = NULL;
    self->ncontexts = 0;
    PyMem_Free(self->accepting);
    self->accepting = NULL;
    for (Py_ssize_t i = 0; i < self->capacity; i++)
        if (self->entries[i] != NULL) {
            clear_entry(self->entries[i]);
            PyMem_Free(self->entries[i]);
        }
    PyMem_Free(self->entries);
    self->entries = NULL;
    self->capacity = self->nentries = 0;
    PyMem_Free(self->surfaces);
    self->surfaces = NULL;
    Py_CLEAR(self->stems);
    Py_CLEAR(self->alternated);
    Py_CLEAR(self->start_states);
}

static int
read_step(PyObject *item, Step *step, Py_ssize_t ncontexts)
{
    PyObject *tag, *form;
    if (!PyArg_ParseTuple(item, "UUii", &tag, &form, &step->next, &step->must))
        return -1;
    if (step->next < 0 || step->next >= ncontexts || step->must < 0 || step->must > 2) {
        PyErr_SetString(PyExc_ValueError, "a transition leads out of the table");
        return -1;
    }
    step->length = PyUnicode_GET_LENGTH(form);
    if (step->length == 0) {
        PyErr_SetString(PyExc_ValueError, "a written suffix is empty"); /* the walks assume none is */
        return -1;
    }
    step->pair = PyTuple_Pack(2, tag, form);
    step->form = PyUnicode_AsUCS4Copy(form);
    return step->pair == NULL || step->form == NULL ? -1 : 0;
}

static int
Walker_init(Walker *self, PyObject *args, PyObject *kwds)
{
    PyObject *stems, *alternated, *contexts, *accepting, *start_states;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!iin", &PyDict_Type, &stems, &PyFrozenSet_Type, &alternated, &PyList_Type,
                          &contexts, &PyList_Type, &accepting, &PyDict_Type, &start_states, &self->n_state,
                          &self->num_state, &self->min_stem_length))
        return -1;
    clear_tables(self);
    self->stems = Py_NewRef(stems);
    self->alternated = Py_NewRef(alternated);
    self->start_states = Py_NewRef(start_states);
    self->nstates = PyList_GET_SIZE(accepting);
    Py_ssize_t ncontexts = PyList_GET_SIZE(contexts);
    if (ncontexts != self->nstates * 10 || self->min_stem_length < 1 || self->n_state < 0
        || self->n_state >= self->nstates || self->num_state < 0 || self->num_state >= self->nstates) {
        PyErr_SetString(PyExc_ValueError, "the grammar table does not fit its states");
        return -1;
    }
    self->accepting = PyMem_Malloc(self->nstates);
    self->contexts = PyMem_Calloc(ncontexts, sizeof(Context));
    if (self->accepting == NULL || self->contexts == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (make_surfaces(self) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < self->nstates; i++)
        self->accepting[i] = PyObject_IsTrue(PyList_GET_ITEM(accepting, i));
    for (Py_ssize_t i = 0; i < ncontexts; i++, self->ncontexts++) {
        PyObject *steps = PyList_GET_ITEM(contexts, i);
        if (!PyTuple_Check(steps)) {
            PyErr_SetString(PyExc_TypeError, "each context is a tuple of transitions");
            return -1;
        }
        Context *c = &self->contexts[i];
        c->steps = PyMem_Calloc(PyTuple_GET_SIZE(steps) + 1, sizeof(Step));
        if (c->steps == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        for (; c->count < PyTuple_GET_SIZE(steps); c->count++)
            if (read_step(PyTuple_GET_ITEM(steps, c->count), &c->steps[c->count], ncontexts) < 0) {
                c->count++;
                return -1;
            }
    }
    return 0;
}

static void
Walker_dealloc(Walker *self)
{
    clear_tables(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* A walk over ``word`` (lowercase) with room for its chains. */
static int
start_walk(PyObject *word, Walk *w, Py_UCS4 *letters, int *path, int *path_context)
{
    w->length = PyUnicode_GET_LENGTH(word);
    w->steps = 0;
    w->out = NULL;
    w->path = path;
    w->path_context = path_context;
    if (w->length + 1 > STACK_LETTERS) {
        w->path = PyMem_Malloc(sizeof(int) * (w->length + 1));
        w->path_context = PyMem_Malloc(sizeof(int) * (w->length + 1));
        if (w->path == NULL || w->path_context == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    w->word = read_word(word, letters, 0);
    return w->word == NULL ? -1 : 0;
}

static void
end_walk(Walk *w, Py_UCS4 *letters, int *path, int *path_context)
{
    if (w->word != letters)
        PyMem_Free((void *)w->word);
    if (w->path != path)
        PyMem_Free(w->path);
    if (w->path_context != path_context)
        PyMem_Free(w->path_context);
}

static PyObject *
Walker_well_formed(Walker *self, PyObject *word)
{
    Py_UCS4 letters[STACK_LETTERS];
    int path[STACK_LETTERS], path_context[STACK_LETTERS];
    Walk w = {0};
    if (!PyUnicode_Check(word)) {
        PyErr_SetString(PyExc_TypeError, "well_formed(word: str)");
        return NULL;
    }
    int result = start_walk(word, &w, letters, path, path_context);
    if (result == 0)
        result = walk_word(self, &w);
    end_walk(&w, letters, path, path_context);
    if (result == -1)
        return NULL;
    return PyLong_FromLong(result == -2 ? -1 : result);
}

static PyObject *
Walker_analyses(Walker *self, PyObject *args)
{
    PyObject *word;
    Py_ssize_t limit;
    Py_UCS4 letters[STACK_LETTERS];
    int path[STACK_LETTERS], path_context[STACK_LETTERS];
    Walk w = {0};
    if (!PyArg_ParseTuple(args, "Un", &word, &limit))
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    int result = limit <= 0 ? 0 : start_walk(word, &w, letters, path, path_context);
    if (result == 0 && limit > 0) {
        w.out = out;
        w.limit = limit;
        result = walk_word(self, &w);
    }
    if (limit > 0)
        end_walk(&w, letters, path, path_context);
    if (result < 0) {
        Py_DECREF(out);
        if (result == -1)
            return NULL;
        Py_RETURN_NONE;
    }
    return out;
}

static PyObject *
Walker_completes(Walker *self, PyObject *args)
{
    PyObject *rest;
    int context;
    Py_UCS4 letters[STACK_LETTERS];
    int path[STACK_LETTERS], path_context[STACK_LETTERS];
    Walk w = {0};
    if (!PyArg_ParseTuple(args, "Ui", &rest, &context))
        return NULL;
    if (context < 0 || context >= self->ncontexts) {
        PyErr_SetString(PyExc_ValueError, "no such context");
        return NULL;
    }
    int result = start_walk(rest, &w, letters, path, path_context);
    if (result == 0)
        result = completes(self, &w, 0, context, 0);
    end_walk(&w, letters, path, path_context);
    return PyErr_Occurred() ? NULL : PyLong_FromLong(result);
}

static PyMethodDef Walker_methods[] = {
    {"completes", (PyCFunction)Walker_completes, METH_VARARGS,
     "completes(rest, context) -> 1 or 0 (-1: the walk grew too long), as grammar.completes from that context."},
    {"well_formed", (PyCFunction)Walker_well_formed, METH_O,
     "well_formed(word) -> 1 or 0 (-1: the walk grew too long, ask the pure-Python code)."},
    {"analyses", (PyCFunction)Walker_analyses, METH_VARARGS,
     "analyses(word, limit) -> the first ``limit`` (stem, pos, chain) readings in the Python walk's order, or None."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject WalkerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "azfix._native.morphology.Walker",
    .tp_basicsize = sizeof(Walker),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Walker(stems, alternated, contexts, accepting, start_states, n_state, num_state, min_stem_length)",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Walker_init,
    .tp_dealloc = (destructor)Walker_dealloc,
    .tp_methods = Walker_methods,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "azfix._native.morphology", "The grammar walks of azfix's morphology, compiled.", -1,
    NULL,
};

PyMODINIT_FUNC
PyInit_morphology(void)
{
    if (PyType_Ready(&WalkerType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&WalkerType);
    if (PyModule_AddObject(m, "Walker", (PyObject *)&WalkerType) < 0) {
        Py_DECREF(&WalkerType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
