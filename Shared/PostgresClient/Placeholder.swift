enum PlaceholderPostgresClient {}
