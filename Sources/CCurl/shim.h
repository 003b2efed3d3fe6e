// Typed wrappers for libcurl's variadic functions, which Swift cannot call directly.
// One line each; the Swift side (CurlEasy.swift in SaimaRunner) is the only user.
#ifndef SAIMA_CCURL_SHIM_H
#define SAIMA_CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*saima_curl_write_cb)(char *data, size_t size, size_t nmemb, void *userdata);

static inline CURLcode saima_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode saima_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode saima_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode saima_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode saima_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode saima_easy_setopt_write_cb(CURL *h, CURLoption o, saima_curl_write_cb v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode saima_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode saima_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode saima_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode saima_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLMcode saima_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

#endif
