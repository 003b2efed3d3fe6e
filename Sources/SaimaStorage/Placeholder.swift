/// Run storage (filled in by the runner issue).
enum StoragePlaceholder {}
