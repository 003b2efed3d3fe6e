import Foundation
import Hummingbird
import ZIPFoundation

/// A finished run's whole folder as one zip for the organizer (`GET /runs/<id>/folder.zip`): everything `saima
/// report`, `round verify` and `export` read offline — the database (with its write-ahead log when one is left),
/// the manifest, boards, report, appendix, sheets. Lock files are left out. A run still queued or running is refused
/// (409): its database is being written.
enum RunArchive {
    /// File names never archived: the run's lock and SQLite's shared-memory index (rebuilt on open).
    static func skipped(_ name: String) -> Bool { name.hasSuffix(".lock") || name.hasSuffix("-shm") }

    static func add(to router: Router<PortalContext>, portal: Portal) {
        router.get("/runs/:id/folder.zip") { _, context in
            let run = try RunPage.visibleRun(context, portal: portal)
            _ = try context.require(.organizer)
            guard ![.queued, .running].contains(run.status) else {
                throw PortalError.taken("运行尚未结束，稍后再下载。The run is still going; download it once it has ended.")
            }
            let data = try zip(folder: run.folder)
            try portal.store.audit(
                actor: context.session?.account.username ?? "", action: "run folder downloaded 下载运行目录",
                detail: "\(run.id) (\(data.count) bytes)")
            return Response(
                status: .ok,
                headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"\(run.id).zip\""],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// The folder's files (recursively, paths relative to it), deflated, in memory.
    static func zip(folder: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        guard let walker = FileManager.default.enumerator(atPath: folder) else {
            throw PortalError.notFound("没有此运行目录。The run folder is gone.")
        }
        var names: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = (folder as NSString).appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !skipped((relative as NSString).lastPathComponent)
            else { continue }
            names.append(relative)
        }
        for relative in names.sorted() {
            try archive.addEntry(with: relative, relativeTo: base, compressionMethod: .deflate)
        }
        guard let data = archive.data else { throw PortalError.configuration("压缩失败。The archive could not be made.") }
        return data
    }
}
