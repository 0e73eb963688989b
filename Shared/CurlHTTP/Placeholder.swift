enum PlaceholderCurlHTTP {}
