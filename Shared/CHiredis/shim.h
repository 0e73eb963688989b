#ifndef CALLAUDIT_CHIREDIS_SHIM_H
#define CALLAUDIT_CHIREDIS_SHIM_H

#include <hiredis/hiredis.h>
#include <sys/time.h>

/// Connects with a connect timeout in milliseconds.
static inline redisContext *ca_redis_connect(const char *host, int port, long timeout_ms) {
    struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
    return redisConnectWithTimeout(host, port, tv);
}

/// Sets the socket read/write timeout in milliseconds.
static inline int ca_redis_set_timeout(redisContext *context, long timeout_ms) {
    struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
    return redisSetTimeout(context, tv);
}

#endif
