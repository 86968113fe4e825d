/* The weighted Damerau-Levenshtein cost of azfix's error model, and the shortlist of
 * candidates worth pricing with it, compiled.
 *
 * The twin of ErrorModel.reference_cost (src/azfix/correct/channel/errormodel.py),
 * which defines what is computed: the same dynamic programme over the same
 * trimmed middle of the two words, the same additions and comparisons of
 * doubles in the same order, so that every cost is the same to the last bit.
 * It only adds a letter table: each letter of the substitution table gets a
 * number, and the cost of a substitution is read from a square array instead
 * of a dict keyed by pairs of one-letter strings.
 *
 *     Distance(substitutions, insert_cost, delete_cost, doubling_cost,
 *              transpose_cost, default_cost).cost(observed, intended[, cutoff])
 *
 * The shortlist is the twin of CandidateLists._shortlist (src/azfix/correct/
 * candidates/lists.py): every candidate within ``reach`` plain edits of the
 * word's skeleton, best first by (edits, -count, text), the first ``limit``.
 *
 *     Shortlist(fold_table).pick(word, word_skeleton, texts, forms, reach, limit, diacritic_only)
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>

#define STACK_LETTERS 80 /* words up to this long need no heap memory */

typedef struct {
    PyObject_HEAD
    Py_UCS4 *letters;   /* sorted code points of the substitution table */
    Py_ssize_t nletters;
    double *table;      /* (nletters + 1)^2 costs, [intended][observed]; number 0: a letter not listed */
    double insert_cost, delete_cost, doubling_cost, transpose_cost, default_cost;
} Distance;

static int
compare_letters(const void *a, const void *b)
{
    Py_UCS4 x = *(const Py_UCS4 *)a, y = *(const Py_UCS4 *)b;
    return x < y ? -1 : x > y;
}

/* The number of a letter: 1 + its place among the table's letters, or 0. */
static Py_ssize_t
letter_number(const Distance *self, Py_UCS4 letter)
{
    Py_ssize_t low = 0, high = self->nletters;
    while (low < high) {
        Py_ssize_t mid = (low + high) / 2;
        if (self->letters[mid] < letter)
            low = mid + 1;
        else
            high = mid;
    }
    return low < self->nletters && self->letters[low] == letter ? low + 1 : 0;
}

/* The two letters of a substitution key, or 0 when the key is not a pair of
 * one-letter strings (the Python code never looks such a key up). */
static int
key_letters(PyObject *key, Py_UCS4 *intended, Py_UCS4 *observed)
{
    if (!PyTuple_Check(key) || PyTuple_GET_SIZE(key) != 2)
        return 0;
    PyObject *a = PyTuple_GET_ITEM(key, 0), *b = PyTuple_GET_ITEM(key, 1);
    if (!PyUnicode_Check(a) || !PyUnicode_Check(b) || PyUnicode_GET_LENGTH(a) != 1 || PyUnicode_GET_LENGTH(b) != 1)
        return 0;
    *intended = PyUnicode_READ_CHAR(a, 0);
    *observed = PyUnicode_READ_CHAR(b, 0);
    return 1;
}

static int
Distance_init(Distance *self, PyObject *args, PyObject *kwds)
{
    PyObject *substitutions, *key, *value;
    Py_ssize_t pos = 0, count = 0;
    Py_UCS4 a, b;
    if (!PyArg_ParseTuple(args, "O!ddddd", &PyDict_Type, &substitutions, &self->insert_cost, &self->delete_cost,
                          &self->doubling_cost, &self->transpose_cost, &self->default_cost))
        return -1;
    PyMem_Free(self->letters);
    PyMem_Free(self->table);
    self->letters = PyMem_Malloc(sizeof(Py_UCS4) * (2 * PyDict_GET_SIZE(substitutions) + 1));
    if (self->letters == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    while (PyDict_Next(substitutions, &pos, &key, &value)) {
        if (key_letters(key, &a, &b)) {
            self->letters[count++] = a;
            self->letters[count++] = b;
        }
    }
    qsort(self->letters, count, sizeof(Py_UCS4), compare_letters);
    Py_ssize_t unique = 0;
    for (Py_ssize_t i = 0; i < count; i++)
        if (unique == 0 || self->letters[unique - 1] != self->letters[i])
            self->letters[unique++] = self->letters[i];
    self->nletters = unique;
    Py_ssize_t side = unique + 1;
    self->table = PyMem_Malloc(sizeof(double) * side * side);
    if (self->table == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < side * side; i++)
        self->table[i] = self->default_cost;
    pos = 0;
    while (PyDict_Next(substitutions, &pos, &key, &value)) {
        if (!key_letters(key, &a, &b))
            continue;
        double cost = PyFloat_AsDouble(value);
        if (cost == -1.0 && PyErr_Occurred())
            return -1;
        self->table[letter_number(self, a) * side + letter_number(self, b)] = cost;
    }
    return 0;
}

static void
Distance_dealloc(Distance *self)
{
    PyMem_Free(self->letters);
    PyMem_Free(self->table);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Cost of the letter word[i] being extra (or missing): cheap beside its twin. */
static double
indel(const Py_UCS4 *word, Py_ssize_t length, Py_ssize_t i, double cost, double doubling_cost)
{
    Py_UCS4 letter = word[i];
    if ((i > 0 && word[i - 1] == letter) || (i + 1 < length && word[i + 1] == letter))
        return doubling_cost;
    return cost;
}

/* The programme over the trimmed middle (see ErrorModel.reference_cost). */
static double
programme(const Distance *self, const Py_UCS4 *o, const Py_ssize_t *on, const double *oind, Py_ssize_t n,
          const Py_UCS4 *t, const Py_ssize_t *tn, const double *tind, Py_ssize_t m, double cutoff, double *rows)
{
    double *previous2 = rows, *previous = rows + (m + 1), *current = rows + 2 * (m + 1), *spare;
    Py_ssize_t side = self->nletters + 1;
    previous[0] = 0.0;
    for (Py_ssize_t j = 1; j <= m; j++)
        previous[j] = previous[j - 1] + tind[j - 1];
    for (Py_ssize_t i = 1; i <= n; i++) {
        Py_UCS4 letter = o[i - 1];
        double extra_cost = oind[i - 1];
        const double *column = self->table + on[i - 1];
        current[0] = previous[0] + extra_cost;
        double lowest = current[0];
        for (Py_ssize_t j = 1; j <= m; j++) {
            Py_UCS4 meant = t[j - 1];
            double best = previous[j - 1] + (letter == meant ? 0.0 : column[tn[j - 1] * side]);
            double extra = previous[j] + extra_cost;
            if (extra < best)
                best = extra;
            double missing = current[j - 1] + tind[j - 1];
            if (missing < best)
                best = missing;
            if (i > 1 && j > 1 && letter != meant && letter == t[j - 2] && o[i - 2] == meant) {
                double swapped = previous2[j - 2] + self->transpose_cost;
                if (swapped < best)
                    best = swapped;
            }
            current[j] = best;
            if (best < lowest)
                lowest = best;
        }
        if (lowest > cutoff)
            return cutoff + 1.0;
        spare = previous2;
        previous2 = previous;
        previous = current;
        current = spare;
    }
    return previous[m];
}

static void
read_word(PyObject *word, Py_UCS4 *out)
{
    int kind = PyUnicode_KIND(word);
    const void *data = PyUnicode_DATA(word);
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    for (Py_ssize_t i = 0; i < length; i++)
        out[i] = PyUnicode_READ(kind, data, i);
}

static PyObject *
Distance_cost(Distance *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2 || nargs > 3 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "cost(observed: str, intended: str, cutoff: float = 99.0)");
        return NULL;
    }
    double cutoff = 99.0;
    if (nargs == 3) {
        cutoff = PyFloat_AsDouble(args[2]);
        if (cutoff == -1.0 && PyErr_Occurred())
            return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(args[0]), m = PyUnicode_GET_LENGTH(args[1]);
    Py_ssize_t longest = n > m ? n : m;
    /* letters, letter numbers, indel costs (each for both words) and three rows */
    Py_UCS4 stack_letters[2 * STACK_LETTERS];
    Py_ssize_t stack_numbers[2 * STACK_LETTERS];
    double stack_costs[2 * STACK_LETTERS + 3 * (STACK_LETTERS + 1)];
    Py_UCS4 *letters = stack_letters;
    Py_ssize_t *numbers = stack_numbers;
    double *costs = stack_costs;
    void *heap = NULL;
    if (longest > STACK_LETTERS) {
        size_t size = (sizeof(Py_UCS4) + sizeof(Py_ssize_t)) * 2 * longest + sizeof(double) * (5 * longest + 3);
        heap = PyMem_Malloc(size);
        if (heap == NULL)
            return PyErr_NoMemory();
        costs = (double *)heap;
        numbers = (Py_ssize_t *)(costs + 5 * longest + 3);
        letters = (Py_UCS4 *)(numbers + 2 * longest);
    }
    Py_UCS4 *o = letters, *t = letters + longest;
    double *oind = costs, *tind = costs + longest, *rows = costs + 2 * longest;
    read_word(args[0], o);
    read_word(args[1], t);
    for (Py_ssize_t i = 0; i < n; i++)
        oind[i] = indel(o, n, i, self->insert_cost, self->doubling_cost);
    for (Py_ssize_t j = 0; j < m; j++)
        tind[j] = indel(t, m, j, self->delete_cost, self->doubling_cost);
    /* Shared letters at both ends align at no cost; two are kept on each side. */
    Py_ssize_t start = 0, end = 0;
    while (start < n && start < m && o[start] == t[start])
        start++;
    while (end < n - start && end < m - start && o[n - 1 - end] == t[m - 1 - end])
        end++;
    start = start > 2 ? start - 2 : 0;
    end = end > 2 ? end - 2 : 0;
    n -= start + end;
    m -= start + end;
    Py_ssize_t *on = numbers, *tn = numbers + longest;
    for (Py_ssize_t i = 0; i < n; i++)
        on[i] = letter_number(self, o[start + i]);
    for (Py_ssize_t j = 0; j < m; j++)
        tn[j] = letter_number(self, t[start + j]);
    double cost = programme(self, o + start, on, oind + start, n, t + start, tn, tind + start, m, cutoff, rows);
    PyMem_Free(heap);
    return PyFloat_FromDouble(cost);
}

static PyMethodDef Distance_methods[] = {
    {"cost", (PyCFunction)(void (*)(void))Distance_cost, METH_FASTCALL,
     "cost(observed, intended, cutoff=99.0): the cost of intended being written as observed."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject DistanceType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "azfix._native.distance.Distance",
    .tp_basicsize = sizeof(Distance),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Distance(substitutions, insert_cost, delete_cost, doubling_cost, transpose_cost, default_cost)",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Distance_init,
    .tp_dealloc = (destructor)Distance_dealloc,
    .tp_methods = Distance_methods,
};

/* -- the shortlist of candidates to price ------------------------------------------ */
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
    .tp_name = "azfix._native.distance.Shortlist",
    .tp_basicsize = sizeof(Shortlist),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Shortlist(fold_table): picks the candidates to price (see CandidateLists._shortlist).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Shortlist_init,
    .tp_dealloc = (destructor)Shortlist_dealloc,
    .tp_methods = Shortlist_methods,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "azfix._native.distance",
    "The weighted Damerau-Levenshtein cost of azfix's error model, compiled.", -1, NULL,
};

PyMODINIT_FUNC
PyInit_distance(void)
{
    if (PyType_Ready(&DistanceType) < 0 || PyType_Ready(&ShortlistType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&DistanceType);
    Py_INCREF(&ShortlistType);
    if (PyModule_AddObject(m, "Distance", (PyObject *)&DistanceType) < 0
        || PyModule_AddObject(m, "Shortlist", (PyObject *)&ShortlistType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
