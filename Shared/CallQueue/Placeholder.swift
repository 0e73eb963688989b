enum PlaceholderCallQueue {}
