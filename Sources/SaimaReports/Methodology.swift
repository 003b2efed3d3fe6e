/// The aggregation rules, stated once for every report format.
package enum Methodology {
    package static let englishSummary = """
        item score in [0,1] (failed or unextractable = 0; several samples: their mean; no answer: 0); \
        question-set score = mean item score x 100; track score = set-weighted mean of set scores; \
        overall = track-weighted mean of track scores over the round's tracks (not entered = 0, flagged); \
        95% CI = percentile bootstrap over items, stratified by question set, seeded; \
        rank = 1 + number of teams significantly better (paired bootstrap on common items, 95%); \
        rank_group numbers the bands of equal rank.
        """

    /// Bilingual lines for reports: (中文, English).
    package static let lines: [(String, String)] = [
        ("题目得分 ∈ [0,1]；请求失败或无法抽取答案计 0 分；多次采样取平均；未作答计 0 分。",
         "Item score in [0,1]; a failed request or an unextractable answer scores 0; several samples are averaged; an item never answered scores 0."),
        ("题集得分 = 题目平均分 × 100。", "Question-set score = mean item score × 100."),
        ("赛道得分 = 各题集得分按 track.yaml 中的题集权重加权平均。", "Track score = weighted mean of its question-set scores (set weights from track.yaml)."),
        ("总分 = 各赛道得分按赛道权重加权平均；未报名的赛道计 0 分并标注。",
         "Overall score = weighted mean of track scores (track weights); a track not entered counts 0 and is flagged."),
        ("95% 置信区间：按题集分层、对题目有放回重抽样的百分位自助法（固定随机种子，可复现）。",
         "95% confidence intervals: percentile bootstrap resampling items with replacement within each question set (seeded, reproducible)."),
        ("等级 = 1 + 显著优于该队的队伍数（在共同题目上的配对自助法，95%）；无法区分的队伍等级相同。",
         "Rank = 1 + the number of teams significantly better (paired bootstrap on common items, 95%); teams the data cannot separate share a rank."),
    ]
}
