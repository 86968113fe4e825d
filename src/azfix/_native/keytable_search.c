/* The one-edit searches over the key tables, compiled: the twins of
 * CandidateIndex.near_keys and CandidateIndex.letter_swaps (src/azfix/correct/
 * candidates/index.py) and of SplitSource._frequent_near (splits.py). A key's
 * one-letter deletes are made from its UTF-8 bytes, a whole letter at a time.
 */
#include "keytable.h"

Py_ssize_t
keytable_delete_letter(const unsigned char *key, Py_ssize_t length, Py_ssize_t at, Py_ssize_t *next,
                       unsigned char *shorter)
{
    Py_ssize_t end = at + 1;
    while (end < length && (key[end] & 0xC0) == 0x80)
        end++; /* (the continuation bytes of the letter) */
    memcpy(shorter, key, at);
    memcpy(shorter + at, key + end, length - end);
    *next = end;
    return length - (end - at);
}

/* near_keys(key, by_skeleton, by_delete): (words of by_skeleton under key,
 * words of by_delete under key or of either table under key with one letter
 * deleted, less the first set). */
PyObject *
keytable_near_keys(PyObject *module, PyObject *args)
{
    PyObject *key, *same = NULL, *near = NULL, *result = NULL;
    Table *by_skeleton, *by_delete;
    if (!PyArg_ParseTuple(args, "UO!O!", &key, &KeyTableType, &by_skeleton, &KeyTableType, &by_delete))
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
    if (same == NULL || near == NULL || keytable_add_words(by_skeleton, utf8, length, same) < 0
        || keytable_add_words(by_delete, utf8, length, near) < 0)
        goto done;
    for (Py_ssize_t at = 0, next; at < length; at = next) {
        Py_ssize_t size = keytable_delete_letter(utf8, length, at, &next, shorter);
        if (keytable_add_words(by_skeleton, shorter, size, near) < 0
            || keytable_add_words(by_delete, shorter, size, near) < 0)
            goto done;
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
    Py_ssize_t slot = keytable_find(self, key, length);
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
    for (Py_ssize_t at = 0, next; at < length && result == 0; at = next) {
        Py_ssize_t size = keytable_delete_letter(utf8, length, at, &next, shorter);
        if (gather(by_skeleton, shorter, size, into) < 0 || gather(by_delete, shorter, size, into) < 0)
            result = -1;
    }
    if (shorter != stack)
        PyMem_Free(shorter);
    return result;
}

/* The first ``limit`` words (as [:limit]) of ``found``, commonest first, each once: a tuple. */
static PyObject *
ranked(Counted *found, Py_ssize_t kept, Py_ssize_t limit)
{
    qsort(found, kept, sizeof(Counted), more_frequent_first);
    Py_ssize_t unique = 0; /* a word found twice is next to itself now */
    for (Py_ssize_t i = 0; i < kept; i++)
        if (unique == 0 || found[unique - 1].word != found[i].word)
            found[unique++] = found[i];
    limit = limit < 0 ? (unique + limit > 0 ? unique + limit : 0) : (limit > unique ? unique : limit);
    PyObject *out = PyTuple_New(limit);
    for (Py_ssize_t i = 0; out != NULL && i < limit; i++) {
        Py_INCREF(found[i].word);
        PyTuple_SET_ITEM(out, i, found[i].word);
    }
    return out;
}

/* frequent_near(key, part, by_skeleton, by_delete, counts, min_count, limit): the ``limit``
 * most frequent words (ties: in code point order) of at least ``min_count`` among those of
 * near_keys(key, ...), ``part`` left out (see SplitSource._frequent_near). The two tables
 * share one word list; ``counts`` holds each word's count (64-bit integers, in its order). */
PyObject *
keytable_frequent_near(PyObject *module, PyObject *args)
{
    PyObject *key, *part, *counts, *out = NULL;
    Table *by_skeleton, *by_delete;
    Py_ssize_t limit, length, kept = 0;
    double min_count;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "UUO!O!Odn", &key, &part, &KeyTableType, &by_skeleton, &KeyTableType, &by_delete, &counts,
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
        PyObject *word = keytable_word(by_skeleton, id);
        if (word == NULL)
            goto done;
        if (PyUnicode_Compare(word, part) != 0)
            found[kept++] = (Counted){count_of[id], word};
    }
    out = ranked(found, kept, limit);
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

/* Add (letter place, letter number, form) to ``found`` for each form under a delete of
 * the word's key that is the word but for that letter, and frequent enough: -1 on error. */
static int
add_swaps(Table *by_delete, PyObject *word, Py_ssize_t letter, Py_ssize_t slot, PyObject *forms, PyObject *min_count,
          PyObject *letters, PyObject *found)
{
    for (uint32_t i = slot ? by_delete->id_ends[slot - 1] : 0; i < by_delete->id_ends[slot]; i++) {
        PyObject *form = keytable_word(by_delete, by_delete->ids[i]);
        if (form == NULL)
            return -1;
        Py_ssize_t number = swapped_letter(form, word, letter, letters);
        if (number < 0)
            continue;
        PyObject *count = PyDict_GetItemWithError(forms, form);
        if (count == NULL && PyErr_Occurred())
            return -1;
        PyObject *zero = count == NULL ? PyLong_FromLong(0) : NULL;
        int enough = PyObject_RichCompareBool(count != NULL ? count : zero, min_count, Py_GE);
        Py_XDECREF(zero);
        PyObject *item = enough > 0 ? Py_BuildValue("(nnO)", letter, number, form) : NULL;
        int failed = enough < 0 || (enough > 0 && (item == NULL || PyList_Append(found, item) < 0));
        Py_XDECREF(item);
        if (failed)
            return -1;
    }
    return 0;
}

/* letter_swaps(word, key, by_delete, forms, min_count, letters): see
 * CandidateIndex.letter_swaps (``key`` is the word's skeleton, as long as it). */
PyObject *
keytable_letter_swaps(PyObject *module, PyObject *args)
{
    PyObject *word, *key, *forms, *min_count, *letters, *found = NULL, *out = NULL;
    Table *by_delete;
    if (!PyArg_ParseTuple(args, "UUO!O!OU", &word, &key, &KeyTableType, &by_delete, &PyDict_Type, &forms, &min_count,
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
    for (Py_ssize_t at = 0, next; at < length; at = next, letter++) {
        Py_ssize_t slot = keytable_find(by_delete, shorter, keytable_delete_letter(utf8, length, at, &next, shorter));
        if (slot >= 0 && add_swaps(by_delete, word, letter, slot, forms, min_count, letters, found) < 0)
            goto done;
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
