#ifndef DEFERLAB_CLIBEDIT_SHIM_H
#define DEFERLAB_CLIBEDIT_SHIM_H

// libedit's el_set/el_get/history are variadic, and Swift does not import variadic C
// functions. These static inline wrappers give each use we need a fixed signature.
#include <stdio.h>
#include <wchar.h>
#include <locale.h>
#include <histedit.h>

// wcwidth is declared only under _XOPEN_SOURCE in glibc's wchar.h; the shell needs it to
// measure display width (CJK characters take two columns).
extern int wcwidth(wchar_t c);

typedef char *(*deferlab_prompt_fn)(EditLine *);
typedef unsigned char (*deferlab_command_fn)(EditLine *, int);

static inline int deferlab_el_set_prompt(EditLine *el, deferlab_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int deferlab_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int deferlab_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int deferlab_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int deferlab_el_add_function(EditLine *el, const char *name, const char *help,
                                           deferlab_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int deferlab_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}
static inline int deferlab_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *deferlab_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int deferlab_history_setsize(History *h, HistEvent *ev, int size) {
    return history(h, ev, H_SETSIZE, size);
}
static inline int deferlab_history_setunique(History *h, HistEvent *ev, int unique) {
    return history(h, ev, H_SETUNIQUE, unique);
}
static inline int deferlab_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}
static inline int deferlab_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}
static inline int deferlab_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}
static inline int deferlab_history_get_count(History *h, HistEvent *ev) {
    int r = history(h, ev, H_GETSIZE);
    return r < 0 ? r : ev->num;
}

#endif
