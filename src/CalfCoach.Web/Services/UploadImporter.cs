using CalfCoach.Import;
using CalfCoach.Import.Export;
using CalfCoach.Storage;

namespace CalfCoach.Web.Services;

/// <summary>
/// Imports uploaded files with the CLI's importer: each upload is written to a private temporary folder (keeping the
/// relative paths a folder upload gives, so a Strava export's activities.csv still finds its activities), imported as
/// <c>calfcoach import FOLDER</c> would, and deleted. Uploads import side by side: duplicate decisions are atomic in the
/// store (even across processes), and memory is bounded by the process's <see cref="ImportMemoryBudget"/> in bytes,
/// not by how many uploads arrive: when other uploads hold it, <see cref="ImportMemoryBusyException"/> is thrown (a 503).
/// Every uploaded file is kept byte for byte (<see cref="OriginalStore"/>) for the runner's export, imported or not; an
/// uploaded CalfCoach export is restored instead (<see cref="ExportRestore"/>), its originals kept in its place, so
/// exporting again gives the same files.
/// </summary>
public sealed class UploadImporter(RunnerData data, CalfCoachWebOptions options)
{
    /// <summary>Upload folders are named <c>calfcoach-upload-PID-GUID</c>: the owner is known from the moment the folder exists.</summary>
    public const string FolderPrefix = "calfcoach-upload-";

    /// <summary>A folder this old whose owner has exited was left by a crash: no import of one request takes this long to start.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    public Upload Begin()
    {
        var folder = Path.Combine(options.TemporaryFolder, $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new Upload(this, folder);
    }

    /// <summary>
    /// Deletes upload folders in <paramref name="temporaryFolder"/> left by a server that crashed mid-upload: only those
    /// older than <see cref="StaleAfter"/> whose owning process is gone (or whose id now belongs to a process started
    /// after the folder was made). Another server's live upload is never touched.
    /// </summary>
    /// <returns>The folders deleted.</returns>
    public static IReadOnlyList<string> SweepStale(string temporaryFolder, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(temporaryFolder);
        ArgumentNullException.ThrowIfNull(clock);
        var swept = new List<string>();
        if (!Directory.Exists(temporaryFolder))
        {
            return swept;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var folder in Directory.EnumerateDirectories(temporaryFolder, FolderPrefix + "*"))
        {
            var name = Path.GetFileName(folder);
            var dash = name.IndexOf('-', FolderPrefix.Length);
            if (dash < 0 || !int.TryParse(name.AsSpan(FolderPrefix.Length, dash - FolderPrefix.Length), out var pid))
            {
                continue; // Not named by this version: its owner is unknown, so it is left alone.
            }

            var made = Directory.GetLastWriteTimeUtc(folder);
            if (now - made < StaleAfter || OwnerAlive(pid, made))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                swept.Add(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another sweeper got there first, or it is not ours to delete: either way nothing to do.
            }
        }

        return swept;
    }

    /// <summary>True while process <paramref name="pid"/> runs and was started before the folder was last written.</summary>
    private static bool OwnerAlive(int pid, DateTime folderWrittenUtc)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited is false && process.StartTime.ToUniversalTime() <= folderWrittenUtc;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    /// <exception cref="ImportMemoryBusyException">Other uploads hold the import memory budget; what was read before is stored.</exception>
    /// <exception cref="ExportFormatException">An uploaded CalfCoach export is damaged; nothing of it was written.</exception>
    private async Task<ImportSummary> ImportAsync(string folder, IReadOnlyList<(string File, string Name)> saved, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var importer = new ActivityImporter(
            new ActivityStore(data.Database), data.Profiles, memory: options.ImportMemory, whenMemoryIsFull: ImportMemoryBudget.BudgetWait.RefuseWhenOthersHoldIt);

        // Exports first: each is checked whole before anything is written, and then taken out of the folder, so the folder's
        // import below does not read its originals a second time as an ordinary archive.
        var parts = new List<ImportSummary>();
        var originals = new OriginalStore(data.Database);
        foreach (var (file, name) in saved)
        {
            if (ExportArchive.IsExport(file))
            {
                parts.Add(await ExportRestore.RestoreAsync(data.Database, importer, file, name, folder, progress, cancellationToken));
                File.Delete(file);
            }
            else
            {
                // Kept before the import, and whether or not it imports: the runner's export gives back what they sent.
                using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                originals.Keep(name, content);
            }
        }

        parts.Add(await importer.ImportAsync([folder], progress, cancellationToken));
        var summary = ImportSummary.Merge(parts);

        // Failures name the file as the runner uploaded it, not the server's temporary folder (in the error text too:
        // the reader names the entry, e.g. "…/bomb.zip!run.gpx decompresses to …").
        var prefix = folder + Path.DirectorySeparatorChar;
        var failed = summary.Failed
            .Select(f => new ImportFailure(f.File.StartsWith(folder, StringComparison.Ordinal) ? Path.GetRelativePath(folder, f.File) : f.File, f.Error.Replace(prefix, string.Empty, StringComparison.Ordinal)))
            .ToArray();
        return summary with { Failed = failed };
    }

    /// <summary>The files of one request, held until they are imported.</summary>
    public sealed class Upload : IDisposable
    {
        private readonly UploadImporter _owner;
        private readonly List<(string File, string Name)> _saved = [];

        internal Upload(UploadImporter owner, string folder)
        {
            _owner = owner;
            Folder = folder;
        }

        public string Folder { get; }

        public int Count { get; private set; }

        public long Bytes { get; private set; }

        /// <summary>
        /// Stores one uploaded file under a safe version of its name (no absolute paths, no "..", no segment too long for
        /// the file system). A name that collides with an earlier file or folder of the upload goes in a folder of its own.
        /// </summary>
        public async Task SaveAsync(string? fileName, Stream content, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(content);
            Count++;
            var relative = SafeRelativePath(fileName, Count);
            var path = Path.Combine(Folder, relative);
            if (!IsFree(Folder, path))
            {
                // "~N" is never a segment SafeRelativePath makes, and N is this file's own number: always free.
                path = Path.Combine(Folder, $"~{Count}", relative);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
            Bytes += file.Length;

            // The name it was uploaded under (made safe), "/"-separated whatever the server's system: what the export gives back.
            _saved.Add((path, relative.Replace(Path.DirectorySeparatorChar, '/')));
        }

        public Task<ImportSummary> ImportAsync(IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
            _owner.ImportAsync(Folder, _saved, progress, cancellationToken);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is removed with the rest of the temporary folder by the system.
            }
        }

        /// <summary>The most folders a name may nest (a Strava export nests two); deeper ones keep their innermost folders.</summary>
        internal const int MaxDepth = 8;

        /// <summary>
        /// The most characters of one name segment: 60 UTF-16 units are at most 180 UTF-8 bytes, under every file system's
        /// 255-byte limit, so a 300-character name cannot fail the write.
        /// </summary>
        internal const int MaxSegment = 60;

        internal static string SafeRelativePath(string? fileName, int index)
        {
            var invalid = Path.GetInvalidFileNameChars();
            var parts = (fileName ?? string.Empty).Replace('\\', '/')
                .Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(p => p is not "." and not "..")
                .Select(p => new string([.. p.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]))
                .Select(p => p.StartsWith('~') ? "_" + p[1..] : p)
                .Where(p => p.Length > 0)
                .Select(Shorten)
                .ToArray();
            return parts.Length == 0 ? $"upload-{index}" : Path.Combine(parts[Math.Max(0, parts.Length - MaxDepth)..]);
        }

        /// <summary>A long segment keeps its start and its end (the extensions, e.g. ".fit.gz", that say how to read it).</summary>
        private static string Shorten(string segment)
        {
            if (segment.Length <= MaxSegment)
            {
                return segment;
            }

            var head = segment.Length > 0 && char.IsHighSurrogate(segment[39]) ? 39 : 40;
            var tailStart = segment.Length - 19;
            if (char.IsLowSurrogate(segment[tailStart]))
            {
                tailStart++;
            }

            return string.Concat(segment.AsSpan(0, head), "~", segment.AsSpan(tailStart));
        }

        /// <summary>True when nothing is at <paramref name="path"/> and no folder on the way to it is a file.</summary>
        private static bool IsFree(string root, string path)
        {
            if (File.Exists(path) || Directory.Exists(path))
            {
                return false;
            }

            for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
            {
                if (File.Exists(folder))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
