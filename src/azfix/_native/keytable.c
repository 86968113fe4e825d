/* Lookups in azfix's key tables, compiled: the Table type and the module.
 *
 * The twin of KeyTable.get and KeyTable.collect (src/azfix/data/keytable.py),
 * which define what is computed. A table is the same five arrays the Python
 * class reads (the keys' UTF-8 bytes bucket by bucket, the bucket starts, the
 * key ends, the word-id ends, the word ids), used where they lie (often a
 * memory-mapped file), and the list of words the ids point into. A key is
 * hashed with CRC-32 (zlib's) to its bucket, as in Python. The searches over
 * two tables are in keytable_search.c.
 *
 *     Table(keys, buckets, key_ends, id_ends, ids, words).get(key) -> tuple of words
 *     Table.collect(keys, into)        adds the words of every key to the set ``into``
 *     near_keys(key, by_skeleton, by_delete) -> (same, near)
 *     letter_swaps(word, key, by_delete, forms, min_count, letters) -> forms one letter swap away
 *     frequent_near(key, part, by_skeleton, by_delete, counts, min_count, limit) -> the commonest near forms
 */
#include "keytable.h"

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
Py_ssize_t
keytable_find(const Table *self, const unsigned char *key, Py_ssize_t length)
{
    uint32_t bucket = crc32(key, length) & self->mask;
    for (uint32_t slot = self->buckets[bucket]; slot < self->buckets[bucket + 1]; slot++) {
        uint32_t start = slot ? self->key_ends[slot - 1] : 0;
        if (self->key_ends[slot] - start == (uint32_t)length && memcmp(self->keys + start, key, length) == 0)
            return slot;
    }
    return -1;
}

PyObject *
keytable_word(const Table *self, uint32_t id)
{
    if ((Py_ssize_t)id >= PySequence_Fast_GET_SIZE(self->words)) {
        PyErr_SetString(PyExc_IndexError, "word id out of range");
        return NULL;
    }
    return PySequence_Fast_GET_ITEM(self->words, id);
}

/* Add the words of a key to ``into``: -1 on error. */
int
keytable_add_words(const Table *self, const unsigned char *key, Py_ssize_t length, PyObject *into)
{
    Py_ssize_t slot = keytable_find(self, key, length);
    if (slot < 0)
        return 0;
    for (uint32_t i = slot ? self->id_ends[slot - 1] : 0; i < self->id_ends[slot]; i++) {
        PyObject *w = keytable_word(self, self->ids[i]);
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
    Py_ssize_t slot = keytable_find(self, (const unsigned char *)utf8, length);
    if (slot < 0)
        return PyTuple_New(0);
    uint32_t first = slot ? self->id_ends[slot - 1] : 0, end = self->id_ends[slot];
    PyObject *out = PyTuple_New(end - first);
    if (out == NULL)
        return NULL;
    for (uint32_t i = first; i < end; i++) {
        PyObject *w = keytable_word(self, self->ids[i]);
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
        int failed = utf8 == NULL || keytable_add_words(self, (const unsigned char *)utf8, length, into) < 0;
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

PyTypeObject KeyTableType = {
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

static PyMethodDef module_methods[] = {
    {"frequent_near", keytable_frequent_near, METH_VARARGS,
     "frequent_near(key, part, by_skeleton, by_delete, counts, min_count, limit): see SplitSource._frequent_near."},
    {"letter_swaps", keytable_letter_swaps, METH_VARARGS,
     "letter_swaps(word, key, by_delete, forms, min_count, letters) -> forms: see CandidateIndex.letter_swaps."},
    {"near_keys", keytable_near_keys, METH_VARARGS,
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
    if (PyType_Ready(&KeyTableType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&KeyTableType);
    if (PyModule_AddObject(m, "Table", (PyObject *)&KeyTableType) < 0) {
        Py_DECREF(&KeyTableType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
