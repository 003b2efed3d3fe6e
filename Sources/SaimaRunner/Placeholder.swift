/// Runner.
enum RunnerPlaceholder {}
