using System.Text.Json;
using System.Threading.Channels;
using CalfCoach.Import;
using CalfCoach.Web.Apis;

namespace CalfCoach.Web.Services;

/// <summary>
/// The import's progress as newline-delimited JSON (<c>application/x-ndjson</c>): one <c>{"progress": …}</c> line as
/// files are stored, then one <c>{"summary": …}</c> line (the <c>import --json</c> object). The response starts with
/// the first progress line, so a request refused before the import begins still gets its ordinary problem response.
/// </summary>
/// <remarks>
/// The importer reports from its writer thread; reports are coalesced (only the newest waits), so a slow reader never
/// holds the import back and memory stays bounded.
/// </remarks>
internal sealed class ImportProgressStream : IProgress<ImportProgress>
{
    public const string MediaType = "application/x-ndjson";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly HttpResponse _response;
    private readonly Channel<ImportProgress> _reports = Channel.CreateBounded<ImportProgress>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Task _pump;

    public ImportProgressStream(HttpResponse response, CancellationToken cancellationToken)
    {
        _response = response;
        _pump = PumpAsync(cancellationToken);
    }

    /// <summary>True once the first line is written: from then on the outcome must be written as a line too.</summary>
    public bool Started { get; private set; }

    public static bool IsWanted(HttpRequest request) =>
        request.Headers.Accept.Any(accept => accept?.Contains(MediaType, StringComparison.OrdinalIgnoreCase) == true);

    public void Report(ImportProgress value) => _reports.Writer.TryWrite(value);

    /// <summary>Stops taking reports and waits until every pending line is written.</summary>
    public async Task CompleteAsync()
    {
        _reports.Writer.TryComplete();
        await _pump;
    }

    public async Task WriteLastAsync(ImportProgressLine line, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        await WriteLineAsync(line, cancellationToken);
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        await foreach (var progress in _reports.Reader.ReadAllAsync(cancellationToken))
        {
            await StartAsync(cancellationToken);
            await WriteLineAsync(new ImportProgressLine(progress, null), cancellationToken);
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Started)
        {
            return;
        }

        Started = true;
        _response.StatusCode = StatusCodes.Status200OK;
        _response.ContentType = MediaType + "; charset=utf-8";
        await _response.StartAsync(cancellationToken);
    }

    private async Task WriteLineAsync(ImportProgressLine line, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(line, ImportStreamJsonContext.Default.ImportProgressLine);
        await _response.Body.WriteAsync(json, cancellationToken);
        await _response.Body.WriteAsync(NewLine, cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }
}
