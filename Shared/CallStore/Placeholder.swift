enum PlaceholderCallStore {}
