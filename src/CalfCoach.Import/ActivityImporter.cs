using System.Threading.Channels;
using CalfCoach.Core;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Formats.Xml;
using CalfCoach.Import.Sources;
using CalfCoach.Storage;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace CalfCoach.Import;

/// <summary>
/// Imports activity files into the store: each activity atomically, each file idempotently (by
/// content hash), the same run from two files stored once (the richer copy wins).
/// </summary>
/// <remarks>
/// Three stages, so a history of thousands of files uses both cores with bounded memory: the caller's
/// thread walks the sources and reads each file (archives can only be read in order); decoders turn
/// bytes into prepared activities on every core; one writer makes the duplicate decisions and the
/// short write transactions, so those decisions never race. Channels between the stages are bounded.
/// </remarks>
/// <param name="memory">
/// The process's byte budget for files read and not yet stored, shared with every other import in the process; a
/// private default-sized one when null (tests, one-off tools).
/// </param>
/// <param name="whenMemoryIsFull">Wait for the budget (the CLI), or throw <see cref="ImportMemoryBusyException"/> when other imports hold it (the web).</param>
public sealed class ActivityImporter(
    ActivityStore store,
    ProfileStore? features = null,
    ImportLimits? limits = null,
    ImportMemoryBudget? memory = null,
    ImportMemoryBudget.BudgetWait whenMemoryIsFull = ImportMemoryBudget.BudgetWait.Wait)
{
    /// <summary>Failures kept with their text in a summary; the rest are only counted (<see cref="ImportSummary.FailedCount"/>).</summary>
    public const int MaxFailuresListed = 100;

    private const int QueueDepth = 16;

    private readonly ActivityStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly ProfileStore? _features = features;
    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    /// <summary>The limits this importer reads within (a restored export's originals are unpacked within them too).</summary>
    public ImportLimits Limits => _limits;

    private readonly ImportMemoryBudget _memory = memory ?? new ImportMemoryBudget();

    private sealed record ReadFile(string Path, string Format, ActivityHints? Hints, ItemContent Content);

    /// <summary>An activity ready to store, with its run features (see <see cref="RunFeatureExtractor"/>) as JSON.</summary>
    private sealed record ReadyActivity(PreparedActivity Prepared, string FeaturesJson);

    /// <param name="Budget">The file's share of the import memory budget, held until its activities are stored.</param>
    private sealed record DecodedFile(string Path, string Sha256, IReadOnlyList<ReadyActivity> Activities, string? Error, IDisposable? Budget);

    public async Task<ImportSummary> ImportAsync(IEnumerable<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var clock = Stopwatch.StartNew();
        var scan = ImportSourceScanner.Scan(paths, _limits);
        var tally = new Tally(scan.TotalBytes);

        var toDecode = Channel.CreateBounded<ReadFile>(new BoundedChannelOptions(QueueDepth) { SingleWriter = true });
        var toWrite = Channel.CreateBounded<DecodedFile>(new BoundedChannelOptions(QueueDepth) { SingleReader = true });

        // If a stage fails (the database is gone, the disk is full), the others stop too instead of
        // waiting for ever on a full channel; the failure itself is what ImportAsync then throws.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var decoders = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount))
            .Select(_ => Task.Run(() => DecodeAsync(toDecode.Reader, toWrite.Writer, token), token))
            .ToArray();
        var writer = Task.Run(() => WriteAsync(toWrite.Reader, tally, scan, progress, token), token);
        var closeWriter = Task.WhenAll(decoders).ContinueWith(t => toWrite.Writer.TryComplete(t.Exception), TaskScheduler.Default);
        _ = writer.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        ImportMemoryBusyException? busy = null;
        var memory = _memory.StartSession(whenMemoryIsFull);
        try
        {
            try
            {
                await ReadAsync(scan, toDecode.Writer, tally, memory, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (writer.IsFaulted)
            {
                // The writer's own exception is rethrown below.
            }
            catch (ImportMemoryBusyException ex)
            {
                // Files already read are still decoded and stored (a retry skips them); then the caller hears why it stopped.
                busy = ex;
            }
            finally
            {
                toDecode.Writer.TryComplete();
            }

            await closeWriter.ConfigureAwait(false);
            await writer.ConfigureAwait(false);
            await Task.WhenAll(decoders).ConfigureAwait(false);
        }
        catch
        {
            // A cancelled or failed import stops its other stages and waits for them, so nothing of it still runs, or
            // still holds import memory, once ImportAsync has thrown (a stage caught between two steps of a release
            // once left a lease's bytes held for a moment after the call returned).
            stop.Cancel();
            await Task.WhenAll([.. decoders, writer, closeWriter]).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }
        finally
        {
            // Whatever a failed or cancelled import left in its queues goes back to the process's budget (a server
            // lives on after it); a lease released later by a stage still winding down changes nothing.
            memory.Close();
        }

        if (busy is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(busy);
        }

        return tally.Summary(scan.TotalBytes, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Stage 1 (caller's thread): walk the sources, read and hash each file, skip files already imported.</summary>
    private async Task ReadAsync(ImportScan scan, ChannelWriter<ReadFile> output, Tally tally, ImportMemoryBudget.Session memory, CancellationToken cancellationToken)
    {
        foreach (var scanEvent in scan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (scanEvent)
            {
                case ImportProblem { Kind: ImportProblemKind.NotActivityFile } skipped:
                    tally.Skip(skipped.DisplayPath, skipped.Message);
                    break;
                case ImportProblem problem:
                    tally.Fail(problem.DisplayPath, problem.Message);
                    break;
                case ImportItem item:
                    tally.FileSeen();
                    ItemContent content;
                    try
                    {
                        content = ContentHasher.ReadAll(item, _limits, memory, cancellationToken);
                    }
                    catch (ImportSourceException ex)
                    {
                        tally.Fail(item.DisplayPath, ex.Message);
                        continue;
                    }
                    catch (ImportMemoryExceededException ex)
                    {
                        tally.Fail(item.DisplayPath, $"'{item.DisplayPath}': {ex.Message}.");
                        continue;
                    }

                    if (_store.GetFileOutcome(content.Sha256) is { } known && known.Outcome.IsFinal())
                    {
                        // Idempotency: this exact content was imported (or judged a duplicate) before.
                        tally.AlreadyStored();
                        content.Dispose();
                        continue;
                    }

                    await output.WriteAsync(new ReadFile(item.DisplayPath, item.Format, item.Hints, content), cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Stage 2 (every core): decode, apply export hints, prepare rows and stream blobs.</summary>
    private async Task DecodeAsync(ChannelReader<ReadFile> input, ChannelWriter<DecodedFile> output, CancellationToken cancellationToken)
    {
        await foreach (var file in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            DecodedFile decoded;
            var budget = file.Content.DetachBudget();
            using (file.Content)
            {
                var sha = file.Content.Sha256;
                try
                {
                    var activities = ActivityFileDecoder.Decode(file.Format, file.Content, new ActivitySource(file.Format, file.Path, sha));
                    var prepared = new ReadyActivity[activities.Count];
                    for (var i = 0; i < activities.Count; i++)
                    {
                        // Checked after the hints, which may name the sport the limits depend on.
                        var activity = ActivityPlausibility.Mark(WithHints(activities[i], file.Hints));

                        // One file, several activities (a multisport FIT, a GPX with several tracks): each
                        // gets its own key, and the file's own hash is recorded once all are stored.
                        if (activities.Count > 1)
                        {
                            activity = activity with { Source = activity.Source with { ContentSha256 = $"{sha}#{i}" } };
                        }

                        prepared[i] = new ReadyActivity(_store.Prepare(activity), RunFeaturesJson.Serialize(RunFeatureExtractor.Extract(activity)));
                    }

                    decoded = new DecodedFile(file.Path, sha, prepared, null, budget);
                }
                catch (FormatException ex)
                {
                    decoded = new DecodedFile(file.Path, sha, [], ProblemText.Bound(ex.Message), budget);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // A reader bug must cost one file, not the import: report it and go on.
                    decoded = new DecodedFile(file.Path, sha, [], ProblemText.Bound($"could not be read ({ex.GetType().Name}: {ex.Message}); please report this file"), budget);
                }
            }

            await output.WriteAsync(decoded, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stage 3 (one thread): duplicate decisions and one short transaction per activity.</summary>
    private async Task WriteAsync(ChannelReader<DecodedFile> input, Tally tally, ImportScan scan, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await foreach (var file in input.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            using var budget = file.Budget;
            if (file.Error is not null)
            {
                _store.RecordFileOutcome(file.Sha256, file.Path, ImportOutcome.Failed, file.Error);
                tally.Fail(file.Path, file.Error);
            }
            else
            {
                foreach (var ready in file.Activities)
                {
                    Store(ready, tally);
                }

                if (file.Activities.Count > 1)
                {
                    _store.RecordFileOutcome(file.Sha256, file.Path, ImportOutcome.Imported, $"{file.Activities.Count} activities");
                }
            }

            tally.FileDone();
            progress?.Report(tally.Progress(scan.BytesScanned));
        }
    }

    /// <summary>
    /// One decision and write in one transaction (<see cref="ActivityStore.Store"/>), so another process
    /// importing the same runs at the same time cannot make this one store a run twice.
    /// </summary>
    private void Store(ReadyActivity ready, Tally tally)
    {
        var decision = _store.Store(ready.Prepared);
        switch (decision.Outcome)
        {
            case StoreOutcome.Inserted:
                SaveFeatures(decision.ActivityId, ready);
                tally.Stored(ready.Prepared.Activity);
                break;
            case StoreOutcome.ReplacedPoorerCopy:
                SaveFeatures(decision.ActivityId, ready);
                tally.Duplicate();
                break;
            default:
                tally.Duplicate();
                break;
        }
    }

    /// <summary>
    /// Features are written after the activity's own transaction: if the process dies in between,
    /// <see cref="History.TrainingHistory.Backfill"/> recomputes them from the stored activity.
    /// </summary>
    private void SaveFeatures(long id, ReadyActivity ready) =>
        _features?.SaveFeatures(id, RunFeaturesJson.Version, ready.FeaturesJson);

    /// <summary>Strava's activities.csv names the run, its shoe and its type, which the file itself may not.</summary>
    internal static Activity WithHints(Activity activity, ActivityHints? hints)
    {
        if (hints is null)
        {
            return activity;
        }

        var (sport, subSport) = ActivityTypeNames.Parse(hints.Type);
        return activity with
        {
            Name = string.IsNullOrWhiteSpace(hints.Name) ? activity.Name : hints.Name,
            Gear = string.IsNullOrWhiteSpace(hints.Gear) ? activity.Gear : hints.Gear,

            // The file's own sport wins; the export only fills in what the file left open.
            Sport = activity.Sport == Sport.Other ? sport : activity.Sport,

            // The cadence numbers were read for the file's sport: a sport named only by the export must not relabel
            // an unknown sport's raw counts as steps (they would reach the step-rate analysis undoubled).
            CadenceUnit = activity.CadenceUnit,
            SubSport = activity.SubSport == SubSport.Generic ? subSport : activity.SubSport,
        };
    }

    /// <summary>
    /// Counters shared by the stages; the writer and the reader update them from different threads. Failures are
    /// counted all, kept with their (bounded) text only for the first <see cref="MaxFailuresListed"/>: an archive of
    /// 200 000 broken entries must not grow the summary without end.
    /// </summary>
    private sealed class Tally(long totalBytes)
    {
        private readonly Lock _lock = new();
        private readonly List<ImportFailure> _failed = [];
        private readonly List<ImportNotCounted> _notCounted = [];
        private readonly List<ImportSkipped> _skipped = [];
        private int _imported, _duplicates, _notRunning, _partial, _files, _filesDone, _failedCount, _skippedCount;

        public void FileSeen() => Interlocked.Increment(ref _files);

        public void FileDone() => Interlocked.Increment(ref _filesDone);

        public void AlreadyStored()
        {
            Interlocked.Increment(ref _duplicates);
            Interlocked.Increment(ref _filesDone);
        }

        public void Duplicate() => Interlocked.Increment(ref _duplicates);

        public void Stored(Activity activity)
        {
            if (activity.NotCountedBecause is { } reason)
            {
                lock (_lock)
                {
                    _notCounted.Add(new ImportNotCounted(activity.Source.Path, activity.Sport.WireName(), reason));
                }
            }
            else
            {
                Interlocked.Increment(ref activity.CountsAsRunningLoad ? ref _imported : ref _notRunning);
            }

            if (activity.IsPartial)
            {
                Interlocked.Increment(ref _partial);
            }
        }

        public void Fail(string file, string error)
        {
            lock (_lock)
            {
                _failedCount++;
                if (_failed.Count < MaxFailuresListed)
                {
                    _failed.Add(new ImportFailure(file, ProblemText.Bound(error)));
                }
            }
        }

        public void Skip(string file, string reason)
        {
            lock (_lock)
            {
                _skippedCount++;
                if (_skipped.Count < MaxFailuresListed)
                {
                    _skipped.Add(new ImportSkipped(file, ProblemText.Bound(reason)));
                }
            }
        }

        public ImportProgress Progress(long bytesScanned)
        {
            lock (_lock)
            {
                return new ImportProgress(_filesDone, bytesScanned, totalBytes, _imported + _notRunning + _notCounted.Count, _duplicates, _failedCount);
            }
        }

        public ImportSummary Summary(long bytes, double seconds)
        {
            lock (_lock)
            {
                return new ImportSummary(_imported, _duplicates, _notRunning, _partial, _failed.ToArray(), _failedCount, _files, bytes, seconds)
                {
                    NotCounted = _notCounted.ToArray(),
                    Skipped = _skipped.ToArray(),
                    SkippedCount = _skippedCount,
                };
            }
        }
    }
}
