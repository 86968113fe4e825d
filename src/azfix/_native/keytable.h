/* The compiled key tables: what keytable.c (the Table type, its lookups, the module) and
 * keytable_search.c (the one-edit searches over two tables) share.
 */
#ifndef AZFIX_KEYTABLE_H
#define AZFIX_KEYTABLE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define STACK_KEY 256 /* keys up to this many UTF-8 bytes need no heap memory */

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

extern PyTypeObject KeyTableType;

/* keytable.c */
Py_ssize_t keytable_find(const Table *self, const unsigned char *key, Py_ssize_t length);
PyObject *keytable_word(const Table *self, uint32_t id);
int keytable_add_words(const Table *self, const unsigned char *key, Py_ssize_t length, PyObject *into);

/* keytable_search.c: the key with the letter at ``at`` (a UTF-8 offset) deleted, into
 * ``shorter``; its size, and in *next the offset of the letter after. */
Py_ssize_t keytable_delete_letter(const unsigned char *key, Py_ssize_t length, Py_ssize_t at, Py_ssize_t *next,
                                  unsigned char *shorter);
PyObject *keytable_near_keys(PyObject *module, PyObject *args);
PyObject *keytable_frequent_near(PyObject *module, PyObject *args);
PyObject *keytable_letter_swaps(PyObject *module, PyObject *args);

#endif
