/* The weighted Damerau-Levenshtein cost of azfix's error model, compiled.
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

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "azfix._native.distance",
    "The weighted Damerau-Levenshtein cost of azfix's error model, compiled.", -1, NULL,
};

PyMODINIT_FUNC
PyInit_distance(void)
{
    if (PyType_Ready(&DistanceType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&DistanceType);
    if (PyModule_AddObject(m, "Distance", (PyObject *)&DistanceType) < 0) {
        Py_DECREF(&DistanceType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
