// SaimaScoring: metrics and answer extraction, pure functions over (item, response text).
// See Text/ (normalization), Extraction/ (choice answers), Metrics/ (one metric a file), ScoreFile/.
