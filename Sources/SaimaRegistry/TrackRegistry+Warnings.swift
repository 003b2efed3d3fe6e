public import SaimaBase
import SaimaModel
extension TrackRegistry {
    /// Things that load but contradict themselves, as `path:line: warning:` diagnostics: a multi-choice item
    /// with fewer correct letters than its set's `min_correct` promises (the instruction would tell the
    /// model "two or more" while the answer has one).
    public var warnings: [Diagnostic] {
        var out: [Diagnostic] = []
        for track in tracks {
            for set in track.questionSets where set.minimumCorrect > 1 {
                let items: [Item]
                do { items = try set.items.items(at: set.items.positions(with: .multiChoice)) } catch {
                    out.append(Diagnostic(path: set.path, line: 0, message: "\(error)", severity: .warning))
                    continue
                }
                for item in items {
                    guard case .letters(let letters) = item.answer, letters.count < set.minimumCorrect else { continue }
                    out.append(Diagnostic(
                        path: set.path, line: item.line,
                        message: "item `\(item.id)`: answer `\(letters)` has fewer than the \(set.minimumCorrect) correct options that set `\(set.id)` promises (min_correct); the prompt would mislead / 答案选项数少于题集声明的 min_correct",
                        severity: .warning))
                }
            }
        }
        return out
    }
}
