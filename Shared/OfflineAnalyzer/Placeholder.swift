enum PlaceholderOfflineAnalyzer {}
