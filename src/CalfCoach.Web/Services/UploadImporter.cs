using CalfCoach.Import;
using CalfCoach.Storage;

namespace CalfCoach.Web.Services;

/// <summary>
/// Imports uploaded files with the CLI's importer: each upload is written to a private temporary folder (keeping the
/// relative paths a folder upload gives, so a Strava export's activities.csv still finds its activities), imported as
/// <c>calfcoach import FOLDER</c> would, and deleted. One import at a time, so duplicate decisions never race.
/// </summary>
public sealed class UploadImporter(RunnerData data, CalfCoachWebOptions options) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public Upload Begin()
    {
        var folder = Path.Combine(options.TemporaryFolder, "calfcoach-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new Upload(this, folder);
    }

    public void Dispose() => _oneAtATime.Dispose();

    private async Task<ImportSummary> ImportAsync(string folder, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var importer = new ActivityImporter(new ActivityStore(data.Database), data.Profiles);
            var summary = await importer.ImportAsync([folder], progress, cancellationToken);

            // Failures name the file as the runner uploaded it, not the server's temporary folder (in the error text too:
            // the reader names the entry, e.g. "…/bomb.zip!run.gpx decompresses to …").
            var prefix = folder + Path.DirectorySeparatorChar;
            var failed = summary.Failed
                .Select(f => new ImportFailure(f.File.StartsWith(folder, StringComparison.Ordinal) ? Path.GetRelativePath(folder, f.File) : f.File, f.Error.Replace(prefix, string.Empty, StringComparison.Ordinal)))
                .ToArray();
            return summary with { Failed = failed };
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The files of one request, held until they are imported.</summary>
    public sealed class Upload : IDisposable
    {
        private readonly UploadImporter _owner;

        internal Upload(UploadImporter owner, string folder)
        {
            _owner = owner;
            Folder = folder;
        }

        public string Folder { get; }

        public int Count { get; private set; }

        public long Bytes { get; private set; }

        /// <summary>Stores one uploaded file under a safe version of its name (no absolute paths, no "..").</summary>
        public async Task SaveAsync(string? fileName, Stream content, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(content);
            Count++;
            var relative = SafeRelativePath(fileName, Count);
            var path = Path.Combine(Folder, relative);
            if (File.Exists(path))
            {
                path = Path.Combine(Folder, $"{Count}", relative);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
            Bytes += file.Length;
        }

        public Task<ImportSummary> ImportAsync(IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
            _owner.ImportAsync(Folder, progress, cancellationToken);

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

        internal static string SafeRelativePath(string? fileName, int index)
        {
            var invalid = Path.GetInvalidFileNameChars();
            var parts = (fileName ?? string.Empty).Replace('\\', '/')
                .Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(p => p is not "." and not "..")
                .Select(p => new string([.. p.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]))
                .Where(p => p.Length > 0)
                .ToArray();
            return parts.Length == 0 ? $"upload-{index}" : Path.Combine(parts);
        }
    }
}
