/* The shortlist of candidates worth pricing with the error model, compiled.
 *
 * The twin of azfix.correct.candidates.lists.shortlist, which defines what is
 * computed: every candidate but the word itself whose text, spaces dropped and
 * folded to its diacritic skeleton, is within ``reach`` plain edits of the
 * word's skeleton, best first by (edits, -count, text), the first ``limit``.
 * The fold table is the skeleton's (candidates.base.SKELETON_TABLE: each
 * letter to one letter).
 *
 *     Shortlist(fold_table).pick(word, word_skeleton, texts, forms, reach, limit, diacritic_only)
 *         -> [(index into texts, text without spaces, its skeleton)]
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>

static int
compare_letters(const void *a, const void *b)
{
    Py_UCS4 x = *(const Py_UCS4 *)a, y = *(const Py_UCS4 *)b;
    return x < y ? -1 : x > y;
}

typedef struct {
    PyObject_HEAD
    Py_UCS4 *from, *to; /* the fold (skeleton) table, sorted by ``from`` */
    Py_ssize_t size;
} Shortlist;

static int
compare_pairs(const void *a, const void *b)
{
    return compare_letters(a, b); /* (a pair sorts by its first letter) */
}

static int
Shortlist_init(Shortlist *self, PyObject *args, PyObject *kwds)
{
    PyObject *table, *key, *value;
    Py_ssize_t pos = 0, n = 0;
    if (!PyArg_ParseTuple(args, "O!", &PyDict_Type, &table))
        return -1;
    PyMem_Free(self->from);
    PyMem_Free(self->to);
    Py_UCS4 *pairs = PyMem_Malloc(sizeof(Py_UCS4) * 2 * (PyDict_GET_SIZE(table) + 1));
    self->from = PyMem_Malloc(sizeof(Py_UCS4) * (PyDict_GET_SIZE(table) + 1));
    self->to = PyMem_Malloc(sizeof(Py_UCS4) * (PyDict_GET_SIZE(table) + 1));
    if (pairs == NULL || self->from == NULL || self->to == NULL) {
        PyMem_Free(pairs);
        PyErr_NoMemory();
        return -1;
    }
    while (PyDict_Next(table, &pos, &key, &value)) {
        long code = PyLong_Check(key) ? PyLong_AsLong(key) : -1;
        if (code < 0 || code > 0x10FFFF || !PyUnicode_Check(value) || PyUnicode_GET_LENGTH(value) != 1) {
            PyMem_Free(pairs);
            PyErr_SetString(PyExc_ValueError, "the fold table must map letters to single letters");
            return -1;
        }
        pairs[2 * n] = (Py_UCS4)code;
        pairs[2 * n++ + 1] = PyUnicode_READ_CHAR(value, 0);
    }
    qsort(pairs, n, 2 * sizeof(Py_UCS4), compare_pairs);
    for (Py_ssize_t i = 0; i < n; i++) {
        self->from[i] = pairs[2 * i];
        self->to[i] = pairs[2 * i + 1];
    }
    self->size = n;
    PyMem_Free(pairs);
    return 0;
}

static void
Shortlist_dealloc(Shortlist *self)
{
    PyMem_Free(self->from);
    PyMem_Free(self->to);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static Py_UCS4
fold(const Shortlist *self, Py_UCS4 letter)
{
    Py_ssize_t low = 0, high = self->size;
    while (low < high) {
        Py_ssize_t mid = (low + high) / 2;
        if (self->from[mid] < letter)
            low = mid + 1;
        else
            high = mid;
    }
    return low < self->size && self->from[low] == letter ? self->to[low] : letter;
}

/* The Levenshtein distance of a and b (unit costs), or bound + 1 when it is larger. */
static Py_ssize_t
levenshtein(const Py_UCS4 *a, Py_ssize_t n, const Py_UCS4 *b, Py_ssize_t m, Py_ssize_t bound, Py_ssize_t *row)
{
    if ((n > m ? n - m : m - n) > bound)
        return bound + 1;
    for (Py_ssize_t j = 0; j <= m; j++)
        row[j] = j;
    for (Py_ssize_t i = 1; i <= n; i++) {
        Py_ssize_t diagonal = row[0], lowest;
        row[0] = lowest = i;
        for (Py_ssize_t j = 1; j <= m; j++) {
            Py_ssize_t above = row[j];
            Py_ssize_t best = diagonal + (a[i - 1] != b[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
            if (best < lowest)
                lowest = best;
        }
        if (lowest > bound)
            return bound + 1;
    }
    return row[m] > bound ? bound + 1 : row[m];
}

typedef struct {
    Py_ssize_t distance;
    long long count;
    PyObject *text;
    Py_ssize_t index;
} Listed;

static int
better_first(const void *a, const void *b)
{
    const Listed *x = a, *y = b;
    if (x->distance != y->distance)
        return x->distance < y->distance ? -1 : 1;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return PyUnicode_Compare(x->text, y->text);
}

/* The folded letters of text (spaces dropped when ``flat``), in out: their number. */
static Py_ssize_t
folded(const Shortlist *self, PyObject *text, int flat, Py_UCS4 *out)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text); i++) {
        Py_UCS4 letter = PyUnicode_READ(kind, data, i);
        if (!(flat && letter == ' '))
            out[n++] = fold(self, letter);
    }
    return n;
}

static PyObject *
flat_text(PyObject *text)
{
    if (PyUnicode_FindChar(text, ' ', 0, PyUnicode_GET_LENGTH(text), 1) < 0)
        return Py_NewRef(text);
    PyObject *space = PyUnicode_FromOrdinal(' '), *empty = PyUnicode_New(0, 0);
    PyObject *out = space && empty ? PyUnicode_Replace(text, space, empty, -1) : NULL;
    Py_XDECREF(space);
    Py_XDECREF(empty);
    return out;
}

/* The picked (index, flat text, its skeleton) triples, best first. */
static PyObject *
picked_list(const Shortlist *self, const Listed *listed, Py_ssize_t count, Py_UCS4 *letters)
{
    PyObject *out = PyList_New(count);
    for (Py_ssize_t i = 0; out != NULL && i < count; i++) {
        PyObject *flat = flat_text(listed[i].text), *key = NULL, *item = NULL;
        if (flat != NULL) {
            Py_ssize_t n = folded(self, flat, 0, letters);
            key = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, letters, n);
        }
        if (key != NULL)
            item = Py_BuildValue("(nOO)", listed[i].index, flat, key);
        Py_XDECREF(flat);
        Py_XDECREF(key);
        if (item == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, item);
    }
    return out;
}

/* pick(word, word_skeleton, texts, forms, reach, limit, diacritic_only): see CandidateLists._shortlist. */
static PyObject *
Shortlist_pick(Shortlist *self, PyObject *args)
{
    PyObject *word, *word_skeleton, *texts, *forms, *out = NULL;
    Py_ssize_t reach, limit, kept = 0, longest = 0;
    int diacritic_only;
    if (!PyArg_ParseTuple(args, "UUO!O!nnp", &word, &word_skeleton, &PyList_Type, &texts, &PyDict_Type, &forms, &reach,
                          &limit, &diacritic_only))
        return NULL;
    Py_ssize_t count = PyList_GET_SIZE(texts), n = PyUnicode_GET_LENGTH(word_skeleton);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "candidate texts must be str");
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(text) > longest)
            longest = PyUnicode_GET_LENGTH(text);
    }
    longest = longest > n ? longest : n;
    Listed *listed = PyMem_Malloc(sizeof(Listed) * (count + 1));
    Py_UCS4 *letters = PyMem_Malloc(sizeof(Py_UCS4) * (2 * longest + 2));
    Py_ssize_t *row = PyMem_Malloc(sizeof(Py_ssize_t) * (longest + 2));
    if (listed == NULL || letters == NULL || row == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_UCS4 *key = letters + longest + 1;
    PyUnicode_AsUCS4(word_skeleton, key, longest + 1, 0);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *text = PyList_GET_ITEM(texts, i);
        if (PyUnicode_Compare(text, word) == 0)
            continue;
        if (diacritic_only) { /* skeleton(text) == word_skeleton, the space kept */
            Py_ssize_t m = folded(self, text, 0, letters);
            if (m != n || memcmp(letters, key, sizeof(Py_UCS4) * n) != 0)
                continue;
        }
        Py_ssize_t m = folded(self, text, 1, letters);
        Py_ssize_t distance = levenshtein(key, n, letters, m, reach, row);
        if (distance > reach)
            continue;
        PyObject *seen = PyDict_GetItemWithError(forms, text);
        if (seen == NULL && PyErr_Occurred())
            goto done;
        long long times = seen == NULL ? 0 : PyLong_AsLongLong(seen);
        if (times == -1 && PyErr_Occurred())
            goto done;
        listed[kept++] = (Listed){distance, times, text, i};
    }
    qsort(listed, kept, sizeof(Listed), better_first);
    limit = limit < 0 ? (kept + limit > 0 ? kept + limit : 0) : (limit > kept ? kept : limit); /* as [:limit] */
    out = picked_list(self, listed, limit, letters);
done:
    PyMem_Free(listed);
    PyMem_Free(letters);
    PyMem_Free(row);
    return out;
}

static PyMethodDef Shortlist_methods[] = {
    {"pick", (PyCFunction)Shortlist_pick, METH_VARARGS,
     "pick(word, word_skeleton, texts, forms, reach, limit, diacritic_only) -> [(index, flat, flat_skeleton)]."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ShortlistType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "azfix._native.shortlist.Shortlist",
    .tp_basicsize = sizeof(Shortlist),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Shortlist(fold_table): picks the candidates to price (see CandidateLists._shortlist).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Shortlist_init,
    .tp_dealloc = (destructor)Shortlist_dealloc,
    .tp_methods = Shortlist_methods,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "azfix._native.shortlist", "The shortlist of candidates worth pricing, compiled.", -1, NULL,
};

PyMODINIT_FUNC
PyInit_shortlist(void)
{
    if (PyType_Ready(&ShortlistType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&ShortlistType);
    if (PyModule_AddObject(m, "Shortlist", (PyObject *)&ShortlistType) < 0) {
        Py_DECREF(&ShortlistType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
