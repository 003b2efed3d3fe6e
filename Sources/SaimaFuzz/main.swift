import Foundation
import SaimaBase
// saima-fuzz [--seconds N] [--seed S] [--target NAME]: feeds the reply parsers and every input loader seeded
// hostile values until the time budget is spent; prints what ran. A trap ends the process non-zero (CI fails);
// the seed and iteration printed before each target let the failing input be reproduced.
var seconds = 30.0
var seed: UInt64 = UInt64(Date().timeIntervalSince1970)
var only: String?
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--seconds": seconds = Double(args.next() ?? "") ?? seconds
    case "--seed": seed = UInt64(args.next() ?? "") ?? seed
    case "--target": only = args.next()
    default:
        FileHandle.standardError.write(Data("usage: saima-fuzz [--seconds N] [--seed S] [--target NAME]\n".utf8))
        exit(2)
    }
}
let targets = only.map { [$0] } ?? FuzzTargets.names
let scratch = NSTemporaryDirectory() + "saima-fuzz-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: scratch) }
var mutator = Mutator(rng: SeededGenerator(seed: seed))
var counts: [String: Int] = [:]
let deadline = Date().addingTimeInterval(seconds)
// Written unbuffered: if a target traps, the seed to reproduce it is already in the log.
FileHandle.standardOutput.write(Data("saima-fuzz: seed \(seed), \(Int(seconds)) s, targets \(targets.joined(separator: ", "))\n".utf8))
var iteration = 0
while Date() < deadline {
    let target = targets[iteration % targets.count]
    do {
        try FuzzTargets.run(target, &mutator, scratch: scratch + "/\(iteration % 4)")
    } catch {
        // A thrown error is a handled rejection, not a failure.
    }
    counts[target, default: 0] += 1
    iteration += 1
}
print("saima-fuzz: \(iteration) inputs, no trap — " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
