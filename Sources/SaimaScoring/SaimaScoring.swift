// SaimaScoring: metrics and answer extraction, pure functions over (item, response text).
// See Text/ (normalization), Extraction/ (choice answers, numbers, JSON objects), Metrics/ (one metric a file,
// MetricRegistry), References/ (rouge-score and sacrebleu reproduced exactly), ScoreFile/, Scorer.swift.
