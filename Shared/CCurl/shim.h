#ifndef CALLAUDIT_CCURL_SHIM_H
#define CALLAUDIT_CCURL_SHIM_H

#include <curl/curl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <stdio.h>
#include <unistd.h>

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

/* A request body read by curl as it sends it, from pieces of memory and of files (a recording is never loaded to
   send it). A piece is `length` bytes at `data`, or, when `data` is NULL, at `offset` in the open file `fd`. */
typedef struct {
    const unsigned char *data;
    int fd;
    curl_off_t offset;
    curl_off_t length;
} ca_body_piece;

typedef struct {
    const ca_body_piece *pieces;
    size_t count;
    size_t index;        /* the piece being sent */
    curl_off_t position; /* bytes of it already sent */
    int failed;          /* a file could not be read */
} ca_body_reader;

static inline size_t ca_body_read(char *buffer, size_t size, size_t count, void *context) {
    ca_body_reader *reader = (ca_body_reader *)context;
    size_t capacity = size * count, written = 0;
    while (written < capacity && reader->index < reader->count) {
        const ca_body_piece *piece = &reader->pieces[reader->index];
        curl_off_t left = piece->length - reader->position;
        if (left <= 0) {
            reader->index += 1;
            reader->position = 0;
            continue;
        }
        size_t wanted = capacity - written < (size_t)left ? capacity - written : (size_t)left;
        if (piece->data) {
            memcpy(buffer + written, piece->data + reader->position, wanted);
        } else {
            ssize_t got = pread(piece->fd, buffer + written, wanted, (off_t)(piece->offset + reader->position));
            if (got <= 0) {
                reader->failed = 1;
                return CURL_READFUNC_ABORT;
            }
            wanted = (size_t)got;
        }
        written += wanted;
        reader->position += (curl_off_t)wanted;
    }
    return written;
}

/* Rewinds (or moves) the body when curl must send it again, e.g. after a redirect. */
static inline int ca_body_seek(void *context, curl_off_t offset, int origin) {
    ca_body_reader *reader = (ca_body_reader *)context;
    if (origin != SEEK_SET) return CURL_SEEKFUNC_CANTSEEK;
    reader->index = 0;
    reader->position = 0;
    while (reader->index < reader->count && offset >= reader->pieces[reader->index].length) {
        offset -= reader->pieces[reader->index].length;
        reader->index += 1;
    }
    if (reader->index == reader->count && offset > 0) return CURL_SEEKFUNC_FAIL;
    reader->position = offset;
    return CURL_SEEKFUNC_OK;
}

static inline CURLcode ca_curl_send_body(CURL *handle, ca_body_reader *reader, curl_off_t length) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_POST, 1L);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_READFUNCTION, ca_body_read);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_READDATA, reader);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_SEEKFUNCTION, ca_body_seek);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_SEEKDATA, reader);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, length);
}

/* A response body written to an open file as it arrives, with a cap (a download is never held in memory). */
typedef struct {
    int fd;
    size_t length;
    size_t limit;
    int exceeded;
    int failed;
} ca_file_sink;

static inline size_t ca_file_sink_write(char *bytes, size_t size, size_t count, void *context) {
    ca_file_sink *sink = (ca_file_sink *)context;
    size_t total = size * count, done = 0;
    if (sink->length + total > sink->limit) {
        sink->exceeded = 1;
        return 0; /* aborts the transfer */
    }
    while (done < total) {
        ssize_t wrote = write(sink->fd, bytes + done, total - done);
        if (wrote <= 0) {
            sink->failed = 1;
            return 0;
        }
        done += (size_t)wrote;
    }
    sink->length += total;
    return total;
}

static inline CURLcode ca_curl_write_to_file(CURL *handle, ca_file_sink *sink) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, ca_file_sink_write);
    return code != CURLE_OK ? code : curl_easy_setopt(handle, CURLOPT_WRITEDATA, sink);
}

#endif
