// The vocabulary every caller of the pipeline names comes with it: items, tracks, submissions, outcomes, JSON and
// diagnostics (SaimaBase, SaimaModel), and the loaded registry of tracks and submissions they are read into
// (SaimaRegistry). The command line imports SaimaPipeline alone; what it does with a runner, a store, a scorer, a
// judge, a board, a report, a sheet or a local server goes through the pipeline's own functions
// (ArchitectureGraphTests checks that it imports no other target of the project but the portal it serves).
@_exported public import SaimaBase
@_exported public import SaimaModel
@_exported public import SaimaRegistry
