#ifndef CALLAUDIT_CCURL_SHIM_H
#define CALLAUDIT_CCURL_SHIM_H

#include <curl/curl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* Typed wrappers: curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call. */
static inline CURLcode ca_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ca_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ca_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ca_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ca_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* A growable byte buffer with a cap, filled by curl's write and header callbacks. */
typedef struct {
    unsigned char *data;
    size_t length;
    size_t capacity;
    size_t limit;
    int exceeded;
} ca_buffer;

static inline size_t ca_buffer_append(char *bytes, size_t size, size_t count, void *context) {
    ca_buffer *buffer = (ca_buffer *)context;
    size_t total = size * count;
    if (buffer->length + total > buffer->limit) {
        buffer->exceeded = 1;
        return 0; /* aborts the transfer */
    }
    if (buffer->length + total > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity * 2 : 16384;
        while (capacity < buffer->length + total) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(buffer->data, capacity);
        if (!grown) return 0;
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, bytes, total);
    buffer->length += total;
    return total;
}

static inline CURLcode ca_curl_collect_body(CURL *handle, ca_buffer *buffer) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, ca_buffer_append);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_WRITEDATA, buffer);
}

static inline CURLcode ca_curl_collect_headers(CURL *handle, ca_buffer *buffer) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, ca_buffer_append);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_HEADERDATA, buffer);
}

/* Hands each piece of a response body to the caller's function as it arrives (a streamed answer); 0 aborts. */
typedef size_t (*ca_write_function)(char *bytes, size_t size, size_t count, void *context);

static inline CURLcode ca_curl_stream_body(CURL *handle, ca_write_function function, void *context) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, function);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_WRITEDATA, context);
}

/* Lets another thread stop a running transfer: curl calls the progress callback about once a second even when no
   byte moves, and a non-zero answer aborts with CURLE_ABORTED_BY_CALLBACK. */
typedef struct {
    int aborted;
} ca_abort;

static inline void ca_abort_request(ca_abort *abort) {
    __atomic_store_n(&abort->aborted, 1, __ATOMIC_RELAXED);
}

static inline int ca_abort_requested(ca_abort *abort) {
    return __atomic_load_n(&abort->aborted, __ATOMIC_RELAXED);
}

static inline int ca_abort_progress(void *context, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow) {
    (void)dltotal; (void)dlnow; (void)ultotal; (void)ulnow;
    return ca_abort_requested((ca_abort *)context);
}

static inline CURLcode ca_curl_install_abort(CURL *handle, ca_abort *abort) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, ca_abort_progress);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_XFERINFODATA, abort);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
}

/* The one table of addresses that are not on the public internet: used at connect time below, and by the check of a
   URL's literal address when a call is submitted. */
static inline int ca_ipv4_is_internal(uint32_t a) {
    return (a >> 24) == 0 || (a >> 24) == 10 || (a >> 24) == 127 || (a >> 22) == (0x64400000u >> 22)
        || (a >> 16) == 0xA9FE || (a >> 20) == (0xAC100000u >> 20) || (a >> 8) == 0xC00000
        || (a >> 16) == 0xC0A8 || (a >> 17) == (0xC6120000u >> 17) || (a >> 28) >= 0xE;
}

static inline int ca_address_is_internal(const struct sockaddr *address) {
    if (address->sa_family == AF_INET) {
        return ca_ipv4_is_internal(ntohl(((const struct sockaddr_in *)address)->sin_addr.s_addr));
    }
    if (address->sa_family == AF_INET6) {
        const unsigned char *b = ((const struct sockaddr_in6 *)address)->sin6_addr.s6_addr;
        static const unsigned char zeros[12] = {0};
        int mapped = memcmp(b, zeros, 10) == 0 && b[10] == 0xFF && b[11] == 0xFF;
        if (mapped || memcmp(b, zeros, 12) == 0) {
            return ca_ipv4_is_internal(((uint32_t)b[12] << 24) | ((uint32_t)b[13] << 16) | ((uint32_t)b[14] << 8) | b[15]);
        }
        return (b[0] & 0xFE) == 0xFC || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) || b[0] == 0xFF;
    }
    return 1;
}

/* Refuses, at connect time, every address that is not on the public internet (after DNS and after redirects). */
typedef struct {
    int allow_private;
    int blocked;
} ca_socket_guard;

static inline curl_socket_t ca_open_socket(void *context, curlsocktype purpose, struct curl_sockaddr *address) {
    ca_socket_guard *guard = (ca_socket_guard *)context;
    (void)purpose;
    if (!guard->allow_private && ca_address_is_internal(&address->addr)) {
        guard->blocked = 1;
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

static inline CURLcode ca_curl_install_socket_guard(CURL *handle, ca_socket_guard *guard) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, ca_open_socket);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, guard);
}

#endif
