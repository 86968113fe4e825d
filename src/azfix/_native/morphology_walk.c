/* The suffix grammar walked over the rest of a word, from each reading of each prefix
 * (Analyzer.reference_is_well_formed, Analyzer.iter_analyses, grammar.completes):
 * a depth-first walk of the numbered contexts, transitions in the grammar's order,
 * so that chains come out in the order of grammar.suffix_chains.
 */
#include "morphology.h"

static int
matches(const Walk *w, Py_ssize_t at, const Step *step)
{
    return step->length <= w->length - at && memcmp(w->word + at, step->form, sizeof(Py_UCS4) * step->length) == 0;
}

/* grammar.completes: 1, 0, or -1 when the walk grew too long. */
int
morphology_completes(const Walker *self, Walk *w, Py_ssize_t at, int context, int must)
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
        int done = morphology_completes(self, w, at + step->length, step->next, step->must);
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

/* One part of speech of one reading of the prefix word[0:cut]: the bare stem, or the
 * suffix walk from its start state (a number's, then a nominal's). As walk_word returns. */
static int
walk_part(Walker *self, Walk *w, Py_ssize_t cut, const Reading *reading, Py_ssize_t part, int must, int harmony)
{
    Entry *e = reading->entry;
    if (w->out != NULL) {
        w->stem = reading->stem;
        w->pos = PyTuple_GET_ITEM(e->pos, part);
    }
    if (cut == w->length) { /* the bare stem: no suffix, so no accepting state asked */
        if (must == MUST_VOWEL)
            return 0;
        if (w->out == NULL)
            return 1;
        return emit(w, 0, self->contexts) < 0 ? -1 : PyList_GET_SIZE(w->out) >= w->limit;
    }
    int state = e->start[part], after_vowel = is_vowel(w->word[cut - 1]), result = 0;
    for (int pass = 0; pass < 2 && result == 0; pass++) {
        int context = state * 10 + harmony * 2 + after_vowel;
        if (w->out == NULL) {
            result = morphology_completes(self, w, cut, context, must);
            result = result < 0 ? -2 : result;
        } else {
            result = chains(self, w, cut, context, must, 0);
        }
        if (state != self->num_state)
            break;
        state = self->n_state; /* a number also takes the nominal suffixes */
    }
    return result;
}

/* Every part of speech of one reading, in stem_readings' order. */
static int
walk_reading(Walker *self, Walk *w, Py_ssize_t cut, const Reading *reading)
{
    Entry *e = reading->entry;
    Py_ssize_t stack_parts[16], *parts = stack_parts;
    int stack_musts[16], *musts = stack_musts, result = 0;
    if (e->npos > 16) {
        parts = PyMem_Malloc(sizeof(Py_ssize_t) * e->npos);
        musts = PyMem_Malloc(sizeof(int) * e->npos);
        if (parts == NULL || musts == NULL)
            result = -1;
    }
    int count = result == 0 ? morphology_reading_parts(reading, w->word, cut, parts, musts) : 0;
    int harmony = e->harmony ? e->harmony : morphology_harmony_of_stem(reading->stem);
    if (result == 0 && (harmony < 0 || harmony > 4))
        result = -2; /* (the Python walk decides: it fails as it always has) */
    for (int p = 0; p < count && result == 0; p++)
        result = walk_part(self, w, cut, reading, parts[p], musts[p], harmony);
    if (parts != stack_parts) {
        PyMem_Free(parts);
        PyMem_Free(musts);
        if (result == -1 && !PyErr_Occurred())
            PyErr_NoMemory();
    }
    return result;
}

/* The walk of every reading of every prefix, longest first: -1 on error, 0 done, 1 stopped
 * (found, or at the limit), -2 too long. With w->out NULL it only asks whether one exists. */
int
morphology_walk_word(Walker *self, Walk *w)
{
    Reading found[MAX_READINGS];
    int result = 0;
    uint64_t stack_hashes[STACK_LETTERS + 1], *hashes = stack_hashes;
    if (w->length + 1 > STACK_LETTERS + 1 && (hashes = PyMem_Malloc(sizeof(uint64_t) * (w->length + 1))) == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    hashes[0] = HASH_START;
    for (Py_ssize_t i = 0; i < w->length; i++)
        hashes[i + 1] = HASH_STEP(hashes[i], w->word[i]);
    for (Py_ssize_t cut = w->length; cut >= self->min_stem_length && result == 0; cut--) {
        int surface = morphology_is_stem_surface(self, w->word, cut, hashes[cut]);
        if (surface <= 0) {
            result = surface;
            continue;
        }
        int n = morphology_readings(self, w->word, cut, found);
        if (n < 0)
            result = -1;
        for (int r = 0; r < n && result == 0; r++)
            result = walk_reading(self, w, cut, &found[r]);
        for (int r = 0; r < n; r++)
            Py_DECREF(found[r].stem);
    }
    if (hashes != stack_hashes)
        PyMem_Free(hashes);
    return result;
}
