/* Which prefixes of a word may be stems, and how each is read (Analyzer.stem_readings).
 *
 * A prefix is looked up in the stem table only when its hash is among the
 * hashes of the stems and their alternated surfaces (most prefixes of a word
 * are not stems, and their hashes come in one pass over the word); then it
 * is read as written, or as a stem softened (y, ğ), voiced (d) or with its
 * high vowel dropped, in the order of Analyzer.stem_readings. What the walk
 * needs of a StemEntry is read once per entry object.
 */
#include "morphology.h"

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

int
morphology_make_surfaces(Walker *self)
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
int
morphology_harmony_of_stem(PyObject *stem)
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

/* -- stem entries ------------------------------------------------------------ */
void
morphology_clear_entry(Entry *e)
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
        morphology_clear_entry(e);
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
int
morphology_readings(Walker *self, const Py_UCS4 *word, Py_ssize_t cut, Reading *out)
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
int
morphology_reading_parts(const Reading *r, const Py_UCS4 *word, Py_ssize_t cut, Py_ssize_t *parts, int *musts)
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

int
morphology_is_stem_surface(Walker *self, const Py_UCS4 *word, Py_ssize_t cut, uint64_t hash)
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
