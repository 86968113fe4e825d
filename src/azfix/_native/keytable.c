/* Lookups in azfix's key tables, compiled.
 *
 * The twin of KeyTable.get and KeyTable.collect (src/azfix/data/keytable.py)
 * of CandidateIndex.near_keys and CandidateIndex.letter_swaps
 * (src/azfix/correct/candidates/index.py) and of SplitSource._frequent_near
 * (src/azfix/correct/candidates/splits.py),
 * which define what is computed. A table is the same five arrays the Python
 * class reads (the keys' UTF-8 bytes bucket by bucket, the bucket starts, the
 * key ends, the word-id ends, the word ids), used where they lie (often a
 * memory-mapped file), and the list of words the ids point into. A key is
 * hashed with CRC-32 (zlib's) to its bucket, as in Python.
 *
 *     Table(keys, buckets, key_ends, id_ends, ids, words).get(key) -> tuple of words
 *     Table.collect(keys, into)        adds the words of every key to the set ``into``
 *     near_keys(key, by_skeleton, by_delete) -> (same, near)
 *     letter_swaps(word, key, by_delete, forms, min_count, letters) -> forms one letter swap away
 *     frequent_near(key, part, by_skeleton, by_delete, counts, min_count, limit) -> the commonest near forms
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define STACK_KEY 256 /* keys up to this many UTF-8 bytes need no heap memory */

static uint32_t crc_table[256];

static void
make_crc_table(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t
crc32(const unsigned char *data, Py_ssize_t length)
{
    uint32_t c = 0xFFFFFFFFu;
    for (Py_ssize_t i = 0; i < length; i++)
        c = crc_table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

typedef struct {
    PyObject_HEAD
    Py_buffer views[5];  /* keys, buckets, key_ends, id_ends, ids */
    int held;            /* how many of the views are held */
    PyObject *words;     /* a list or tuple */
    const unsigned char *keys;
    const uint32_t *buckets, *key_ends, *id_ends, *ids;
    Py_ssize_t nbuckets, nslots, nids;
    uint32_t mask;
} Table;

static void
release(Table *self)
{
    for (int i = 0; i < self->held; i++)
        PyBuffer_Release(&self->views[i]);
    self->held = 0;
    Py_CLEAR(self->words);
}

/* A view of an array of unsigned 32-bit integers. */
static int
hold_words32(Table *self, PyObject *array, const uint32_t **out, Py_ssize_t *count)
{
    Py_buffer *view = &self->views[self->held];
    if (PyObject_GetBuffer(array, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    self->held++;
    const char *format = view->format ? view->format : "B";
    if (format[0] == '<' || format[0] == '=' || format[0] == '@')
        format++;
    if (view->itemsize != 4 || (strcmp(format, "I") != 0 && strcmp(format, "L") != 0)) {
        PyErr_SetString(PyExc_TypeError, "Table arrays must hold unsigned 32-bit integers");
        return -1;
    }
    *out = (const uint32_t *)view->buf;
    *count = view->len / 4;
    return 0;
}

static int
Table_init(Table *self, PyObject *args, PyObject *kwds)
{
    PyObject *keys, *buckets, *key_ends, *id_ends, *ids, *words;
    Py_ssize_t ignored;
    if (!PyArg_ParseTuple(args, "OOOOOO", &keys, &buckets, &key_ends, &id_ends, &ids, &words))
        return -1;
    release(self);
    if (PyObject_GetBuffer(keys, &self->views[0], PyBUF_SIMPLE) < 0)
        return -1;
    self->held = 1;
    self->keys = (const unsigned char *)self->views[0].buf;
    if (hold_words32(self, buckets, &self->buckets, &self->nbuckets) < 0
        || hold_words32(self, key_ends, &self->key_ends, &self->nslots) < 0
        || hold_words32(self, id_ends, &self->id_ends, &ignored) < 0
        || hold_words32(self, ids, &self->ids, &self->nids) < 0)
        return -1;
    if (self->nbuckets < 2 || ignored != self->nslots) {
        PyErr_SetString(PyExc_ValueError, "not a key table");
        return -1;
    }
    self->mask = (uint32_t)(self->nbuckets - 2);
    self->words = PySequence_Fast(words, "Table words must be a sequence");
    return self->words == NULL ? -1 : 0;
}

static void
Table_dealloc(Table *self)
{
    release(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The slot of a key (UTF-8 bytes), or -1. */
static Py_ssize_t
find(const Table *self, const unsigned char *key, Py_ssize_t length)
{
    uint32_t bucket = crc32(key, length) & self->mask;
    for (uint32_t slot = self->buckets[bucket]; slot < self->buckets[bucket + 1]; slot++) {
        uint32_t start = slot ? self->key_ends[slot - 1] : 0;
        if (self->key_ends[slot] - start == (uint32_t)length && memcmp(self->keys + start, key, length) == 0)
            return slot;
    }
    return -1;
}

static PyObject *
word_at(const Table *self, uint32_t id)
{
    if ((Py_ssize_t)id >= PySequence_Fast_GET_SIZE(self->words)) {
        PyErr_SetString(PyExc_IndexError, "word id out of range");
        return NULL;
    }
    return PySequence_Fast_GET_ITEM(self->words, id);
}

/* Add the words of a key to ``into``: -1 on error. */
static int
add_words(const Table *self, const unsigned char *key, Py_ssize_t length, PyObject *into)
{
    Py_ssize_t slot = find(self, key, length);
    if (slot < 0)
        return 0;
    for (uint32_t i = slot ? self->id_ends[slot - 1] : 0; i < self->id_ends[slot]; i++) {
        PyObject *w = word_at(self, self->ids[i]);
        if (w == NULL || PySet_Add(into, w) < 0)
            return -1;
    }
    return 0;
}

static PyObject *
Table_get(Table *self, PyObject *key)
{
    Py_ssize_t length;
    const char *utf8 = PyUnicode_AsUTF8AndSize(key, &length);
    if (utf8 == NULL)
        return NULL;
    Py_ssize_t slot = find(self, (const unsigned char *)utf8, length);
    if (slot < 0)
        return PyTuple_New(0);
    uint32_t first = slot ? self->id_ends[slot - 1] : 0, end = self->id_ends[slot];
    PyObject *out = PyTuple_New(end - first);
    if (out == NULL)
        return NULL;
    for (uint32_t i = first; i < end; i++) {
        PyObject *w = word_at(self, self->ids[i]);
        if (w == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        Py_INCREF(w);
        PyTuple_SET_ITEM(out, i - first, w);
    }
    return out;
}

static PyObject *
Table_collect(Table *self, PyObject *args)
{
    PyObject *keys, *into, *key, *iterator;
    if (!PyArg_ParseTuple(args, "OO!", &keys, &PySet_Type, &into))
        return NULL;
    iterator = PyObject_GetIter(keys);
    if (iterator == NULL)
        return NULL;
    while ((key = PyIter_Next(iterator)) != NULL) {
        Py_ssize_t length;
        const char *utf8 = PyUnicode_AsUTF8AndSize(key, &length);
        int failed = utf8 == NULL || add_words(self, (const unsigned char *)utf8, length, into) < 0;
        Py_DECREF(key);
        if (failed) {
            Py_DECREF(iterator);
            return NULL;
        }
    }
    Py_DECREF(iterator);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static Py_ssize_t
Table_length(Table *self)
{
    return self->nslots;
}

static PyMethodDef Table_methods[] = {
    {"get", (PyCFunction)Table_get, METH_O, "get(key): the words stored under key (a tuple, empty when none)."},
    {"collect", (PyCFunction)Table_collect, METH_VARARGS, "collect(keys, into): add the words of each key to the set into."},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods Table_sequence = {.sq_length = (lenfunc)Table_length};

static PyTypeObject TableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "azfix._native.keytable.Table",
    .tp_basicsize = sizeof(Table),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Table(keys, buckets, key_ends, id_ends, ids, words): a key table over its arrays.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Table_init,
    .tp_dealloc = (destructor)Table_dealloc,
    .tp_methods = Table_methods,
    .tp_as_sequence = &Table_sequence,
};

/* near_keys(key, by_skeleton, by_delete): (words of by_skeleton under key,
 * words of by_delete under key or of either table under key with one letter
 * deleted, less the first set). */
static PyObject *
near_keys(PyObject *module, PyObject *args)
{
    PyObject *key, *same = NULL, *near = NULL, *result = NULL;
    Table *by_skeleton, *by_delete;
    if (!PyArg_ParseTuple(args, "UO!O!", &key, &TableType, &by_skeleton, &TableType, &by_delete))
        return NULL;
    Py_ssize_t length;
    const unsigned char *utf8 = (const unsigned char *)PyUnicode_AsUTF8AndSize(key, &length);
    if (utf8 == NULL)
        return NULL;
    unsigned char stack[STACK_KEY], *shorter = stack;
    if (length > STACK_KEY && (shorter = PyMem_Malloc(length)) == NULL)
        return PyErr_NoMemory();
    same = PySet_New(NULL);
    near = PySet_New(NULL);
    if (same == NULL || near == NULL || add_words(by_skeleton, utf8, length, same) < 0
        || add_words(by_delete, utf8, length, near) < 0)
        goto done;
    for (Py_ssize_t at = 0; at < length;) {
        Py_ssize_t next = at + 1;
        while (next < length && (utf8[next] & 0xC0) == 0x80)
            next++; /* the whole letter at ``at`` is deleted */
        memcpy(shorter, utf8, at);
        memcpy(shorter + at, utf8 + next, length - next);
        Py_ssize_t size = length - (next - at);
        if (add_words(by_skeleton, shorter, size, near) < 0 || add_words(by_delete, shorter, size, near) < 0)
            goto done;
        at = next;
    }
    PyObject *apart = PyNumber_Subtract(near, same);
    if (apart != NULL) {
        result = PyTuple_Pack(2, same, apart);
        Py_DECREF(apart);
    }
done:
    if (shorter != stack)
        PyMem_Free(shorter);
    Py_XDECREF(same);
    Py_XDECREF(near);
    return result;
}

typedef struct {
    long long count;
    PyObject *word;
} Counted;

static int
more_frequent_first(const void *a, const void *b)
{
    const Counted *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return PyUnicode_Compare(x->word, y->word);
}

typedef struct {        /* word ids gathered from several lookups */
    uint32_t *ids;
    Py_ssize_t count, room;
} Gathered;

static int
gather(const Table *self, const unsigned char *key, Py_ssize_t length, Gathered *into)
{
    Py_ssize_t slot = find(self, key, length);
    if (slot < 0)
        return 0;
    uint32_t first = slot ? self->id_ends[slot - 1] : 0, end = self->id_ends[slot];
    if (into->count + (end - first) > into->room) {
        Py_ssize_t room = (into->room + (end - first)) * 2;
        uint32_t *ids = PyMem_Realloc(into->ids, sizeof(uint32_t) * room);
        if (ids == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        into->ids = ids;
        into->room = room;
    }
    memcpy(into->ids + into->count, self->ids + first, sizeof(uint32_t) * (end - first));
    into->count += end - first;
    return 0;
}

/* The ids under the key and under the key with one letter deleted, in both tables. */
static int
gather_near(Table *by_skeleton, Table *by_delete, const unsigned char *utf8, Py_ssize_t length, Gathered *into)
{
    unsigned char stack[STACK_KEY], *shorter = stack;
    int result = 0;
    if (length > STACK_KEY && (shorter = PyMem_Malloc(length)) == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (gather(by_skeleton, utf8, length, into) < 0 || gather(by_delete, utf8, length, into) < 0)
        result = -1;
    for (Py_ssize_t at = 0; at < length && result == 0;) {
        Py_ssize_t next = at + 1;
        while (next < length && (utf8[next] & 0xC0) == 0x80)
            next++;
        memcpy(shorter, utf8, at);
        memcpy(shorter + at, utf8 + next, length - next);
        Py_ssize_t size = length - (next - at);
        if (gather(by_skeleton, shorter, size, into) < 0 || gather(by_delete, shorter, size, into) < 0)
            result = -1;
        at = next;
    }
    if (shorter != stack)
        PyMem_Free(shorter);
    return result;
}

/* frequent_near(key, part, by_skeleton, by_delete, counts, min_count, limit): the ``limit``
 * most frequent words (ties: in code point order) of at least ``min_count`` among those of
 * near_keys(key, ...), ``part`` left out (see SplitSource._frequent_near). The two tables
 * share one word list; ``counts`` holds each word's count (64-bit integers, in its order). */
static PyObject *
frequent_near(PyObject *module, PyObject *args)
{
    PyObject *key, *part, *counts, *out = NULL;
    Table *by_skeleton, *by_delete;
    Py_ssize_t limit, length, kept = 0;
    double min_count;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "UUO!O!Odn", &key, &part, &TableType, &by_skeleton, &TableType, &by_delete, &counts,
                          &min_count, &limit))
        return NULL;
    const unsigned char *utf8 = (const unsigned char *)PyUnicode_AsUTF8AndSize(key, &length);
    if (utf8 == NULL || PyObject_GetBuffer(counts, &view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return NULL;
    Py_ssize_t words = PySequence_Fast_GET_SIZE(by_skeleton->words);
    if (by_skeleton->words != by_delete->words || view.itemsize != 8 || view.len / 8 != words
        || view.format == NULL || strchr("qQlL", view.format[strlen(view.format) - 1]) == NULL) {
        PyErr_SetString(PyExc_ValueError, "the tables must share their words, and counts hold one 64-bit count each");
        PyBuffer_Release(&view);
        return NULL;
    }
    const long long *count_of = view.buf;
    Gathered near = {NULL, 0, 0};
    Counted *found = NULL;
    if (gather_near(by_skeleton, by_delete, utf8, length, &near) < 0)
        goto done;
    if ((found = PyMem_Malloc(sizeof(Counted) * (near.count + 1))) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < near.count; i++) { /* frequent enough (few are), repeats and all */
        uint32_t id = near.ids[i];
        if ((Py_ssize_t)id >= words) {
            PyErr_SetString(PyExc_IndexError, "word id out of range");
            goto done;
        }
        if ((double)count_of[id] < min_count)
            continue;
        PyObject *word = word_at(by_skeleton, id);
        if (word == NULL)
            goto done;
        if (PyUnicode_Compare(word, part) != 0)
            found[kept++] = (Counted){count_of[id], word};
    }
    qsort(found, kept, sizeof(Counted), more_frequent_first);
    Py_ssize_t unique = 0; /* a word found twice is next to itself now */
    for (Py_ssize_t i = 0; i < kept; i++)
        if (unique == 0 || found[unique - 1].word != found[i].word)
            found[unique++] = found[i];
    kept = unique;
    limit = limit < 0 ? (kept + limit > 0 ? kept + limit : 0) : (limit > kept ? kept : limit); /* as [:limit] */
    if ((out = PyTuple_New(limit)) == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < limit; i++) {
        Py_INCREF(found[i].word);
        PyTuple_SET_ITEM(out, i, found[i].word);
    }
done:
    PyMem_Free(found);
    PyMem_Free(near.ids);
    PyBuffer_Release(&view);
    return out;
}

/* Does form match word but at ``at``, where form has a letter of ``letters``?
 * The number of that letter, or -1. */
static Py_ssize_t
swapped_letter(PyObject *form, PyObject *word, Py_ssize_t at, PyObject *letters)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    if (!PyUnicode_Check(form) || PyUnicode_GET_LENGTH(form) != length)
        return -1;
    Py_UCS4 letter = PyUnicode_READ_CHAR(form, at);
    if (letter == PyUnicode_READ_CHAR(word, at))
        return -1;
    Py_ssize_t number = PyUnicode_FindChar(letters, letter, 0, PyUnicode_GET_LENGTH(letters), 1);
    if (number < 0)
        return -1;
    int fk = PyUnicode_KIND(form), wk = PyUnicode_KIND(word);
    const void *fd = PyUnicode_DATA(form), *wd = PyUnicode_DATA(word);
    for (Py_ssize_t i = 0; i < length; i++)
        if (i != at && PyUnicode_READ(fk, fd, i) != PyUnicode_READ(wk, wd, i))
            return -1;
    return number;
}

/* letter_swaps(word, key, by_delete, forms, min_count, letters): see
 * CandidateIndex.letter_swaps (``key`` is the word's skeleton, as long as it). */
static PyObject *
letter_swaps(PyObject *module, PyObject *args)
{
    PyObject *word, *key, *forms, *min_count, *letters, *found = NULL, *out = NULL;
    Table *by_delete;
    if (!PyArg_ParseTuple(args, "UUO!O!OU", &word, &key, &TableType, &by_delete, &PyDict_Type, &forms, &min_count,
                          &letters))
        return NULL;
    Py_ssize_t length;
    const unsigned char *utf8 = (const unsigned char *)PyUnicode_AsUTF8AndSize(key, &length);
    if (utf8 == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(key) != PyUnicode_GET_LENGTH(word)) {
        PyErr_SetString(PyExc_ValueError, "the key must be as long as the word");
        return NULL;
    }
    unsigned char stack[STACK_KEY], *shorter = stack;
    if (length > STACK_KEY && (shorter = PyMem_Malloc(length)) == NULL)
        return PyErr_NoMemory();
    if ((found = PyList_New(0)) == NULL)
        goto done;
    Py_ssize_t letter = 0;
    for (Py_ssize_t at = 0; at < length; letter++) {
        Py_ssize_t next = at + 1;
        while (next < length && (utf8[next] & 0xC0) == 0x80)
            next++;
        memcpy(shorter, utf8, at);
        memcpy(shorter + at, utf8 + next, length - next);
        Py_ssize_t slot = find(by_delete, shorter, length - (next - at));
        at = next;
        if (slot < 0)
            continue;
        for (uint32_t i = slot ? by_delete->id_ends[slot - 1] : 0; i < by_delete->id_ends[slot]; i++) {
            PyObject *form = word_at(by_delete, by_delete->ids[i]);
            if (form == NULL)
                goto done;
            Py_ssize_t number = swapped_letter(form, word, letter, letters);
            if (number < 0)
                continue;
            PyObject *count = PyDict_GetItemWithError(forms, form);
            if (count == NULL && PyErr_Occurred())
                goto done;
            PyObject *zero = count == NULL ? PyLong_FromLong(0) : NULL;
            int enough = PyObject_RichCompareBool(count != NULL ? count : zero, min_count, Py_GE);
            Py_XDECREF(zero);
            if (enough < 0)
                goto done;
            PyObject *item = enough ? Py_BuildValue("(nnO)", letter, number, form) : NULL;
            if (enough && (item == NULL || PyList_Append(found, item) < 0)) {
                Py_XDECREF(item);
                goto done;
            }
            Py_XDECREF(item);
        }
    }
    if (PyList_Sort(found) < 0 || (out = PyList_New(PyList_GET_SIZE(found))) == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(found); i++) {
        PyObject *form = PyTuple_GET_ITEM(PyList_GET_ITEM(found, i), 2);
        Py_INCREF(form);
        PyList_SET_ITEM(out, i, form);
    }
done:
    if (shorter != stack)
        PyMem_Free(shorter);
    Py_XDECREF(found);
    return out;
}

static PyMethodDef module_methods[] = {
    {"frequent_near", frequent_near, METH_VARARGS,
     "frequent_near(key, part, by_skeleton, by_delete, counts, min_count, limit): see SplitSource._frequent_near."},
    {"letter_swaps", letter_swaps, METH_VARARGS,
     "letter_swaps(word, key, by_delete, forms, min_count, letters) -> forms: see CandidateIndex.letter_swaps."},
    {"near_keys", near_keys, METH_VARARGS,
     "near_keys(key, by_skeleton, by_delete) -> (same, near): see CandidateIndex.near_keys."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "azfix._native.keytable", "Lookups in azfix's key tables, compiled.", -1,
    module_methods,
};

PyMODINIT_FUNC
PyInit_keytable(void)
{
    make_crc_table();
    if (PyType_Ready(&TableType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&TableType);
    if (PyModule_AddObject(m, "Table", (PyObject *)&TableType) < 0) {
        Py_DECREF(&TableType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
