/// Scoring.
enum ScoringPlaceholder {}
