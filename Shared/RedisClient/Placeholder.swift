enum PlaceholderRedisClient {}
