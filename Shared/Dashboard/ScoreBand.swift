/// The colour band of a 0–100 score: `low` below 50, `mid` below 75, `high` from 75.
enum ScoreBand {
    static func of(_ score: Int) -> String {
        score < 50 ? "low" : (score < 75 ? "mid" : "high")
    }
}
