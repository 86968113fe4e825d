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
 *
 * This file holds the Walker type and the module; morphology_stems.c reads
 * the prefixes as stems, morphology_walk.c walks the suffix grammar.
 */
#include "morphology.h"

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
            morphology_clear_entry(self->entries[i]);
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
    if (morphology_make_surfaces(self) < 0)
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
        result = morphology_walk_word(self, &w);
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
        result = morphology_walk_word(self, &w);
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
        result = morphology_completes(self, &w, 0, context, 0);
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
