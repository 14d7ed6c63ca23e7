using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CalfCoach.Import;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.ImportText;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach import PATH... --server URL</c>: the files uploaded to <c>POST /api/imports</c> of a CalfCoach server in
/// batches (bounded in bytes and files; a larger single file goes alone), the batch summaries merged into one.
/// </summary>
internal static class ServerImport
{
    public const string TokenVariable = "CALFCOACH_TOKEN";
    public const long DefaultBatchBytes = 64L * 1024 * 1024;
    public const int DefaultBatchFiles = 500;
    private const int MaxBusyTries = 4;
    private static readonly TimeSpan MaxBusyWait = TimeSpan.FromSeconds(30);

    /// <summary>The server's address, checked: absolute http(s), plain http only to loopback.</summary>
    /// <exception cref="UserInputException">The address is not one to send a token to.</exception>
    public static Uri CheckServer(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new UserInputException(Words.ServerNotAnAddress(text));
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new UserInputException(Words.ServerPlainHttp(uri.Host));
        }

        return uri;
    }

    /// <summary>Every file named or found under a named folder, in a stable order.</summary>
    /// <exception cref="UserInputException">A path does not exist.</exception>
    public static List<FileInfo> Collect(IEnumerable<string> paths)
    {
        var files = new List<FileInfo>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(new FileInfo(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => new FileInfo(f)));
            }
            else
            {
                throw new UserInputException(Words.NoSuchPath(path));
            }
        }

        return files;
    }

    /// <summary>Files cut into batches of at most <paramref name="maxBytes"/> and <paramref name="maxFiles"/>; a larger file goes alone.</summary>
    public static List<List<FileInfo>> Batches(IReadOnlyList<FileInfo> files, long maxBytes, int maxFiles)
    {
        var batches = new List<List<FileInfo>>();
        var current = new List<FileInfo>();
        long bytes = 0;
        foreach (var file in files)
        {
            if (current.Count > 0 && (current.Count >= maxFiles || bytes + file.Length > maxBytes))
            {
                batches.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(file);
            bytes += file.Length;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    /// <summary>Uploads every batch; null with the error written when the server refused or could not be reached.</summary>
    public static async Task<(ImportSummary? Summary, int ExitCode)> RunAsync(
        CliContext context, Uri server, string token, IReadOnlyList<string> paths, long maxBytes, int maxFiles, bool showProgress, CancellationToken cancellationToken)
    {
        var files = Collect(paths);
        var batches = Batches(files, maxBytes, maxFiles);
        var total = files.Sum(f => f.Length);
        using var http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var endpoint = new Uri(server, "api/imports");
        var parts = new List<ImportSummary>();
        long sent = 0;

        async Task<int> UploadAll(Action<long>? onBytes)
        {
            for (var i = 0; i < batches.Count; i++)
            {
                var batch = batches[i];
                var label = batches.Count == 1 ? Words.TheUpload : Words.Batch(i + 1, batches.Count, batch.Count, batch[0].Name);
                for (var attempt = 1; ; attempt++)
                {
                    var before = sent;
                    using var content = new MultipartFormDataContent();
                    var streams = new List<Stream>();
                    try
                    {
                        foreach (var file in batch)
                        {
                            var stream = new CountingStream(File.OpenRead(file.FullName), n =>
                            {
                                sent += n;
                                onBytes?.Invoke(sent);
                            });
                            streams.Add(stream);
                            var part = new StreamContent(stream, 81920);
                            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                            content.Add(part, "files", file.Name);
                        }

                        using var response = await Send(http, endpoint, content, server, cancellationToken);
                        if (response is null)
                        {
                            return ExitCodes.Failure;
                        }

                        if (response.IsSuccessStatusCode)
                        {
                            var body = await response.Content.ReadAsStringAsync(cancellationToken);
                            var summary = JsonSerializer.Deserialize(body, ImportJsonContext.Default.ImportSummary);
                            if (summary is null)
                            {
                                CliApp.WriteError(context, Words.NotASummary(server.Host, label, server.ToString()));
                                return ExitCodes.Failure;
                            }

                            parts.Add(summary);
                            break;
                        }

                        // The server's words, but never the token, should a server echo it.
                        var detail = (await ProblemDetail(response, cancellationToken))?.Replace(token, "[token]", StringComparison.Ordinal);
                        switch (response.StatusCode)
                        {
                            case HttpStatusCode.Unauthorized:
                                throw new UserInputException(Words.TokenRefused(server.Host, new Uri(server, "account").ToString(), TokenVariable));
                            case HttpStatusCode.RequestEntityTooLarge:
                                CliApp.WriteError(context, batch.Count == 1
                                    ? Words.OverLimitFile(label, server.Host, batch[0].FullName, batch[0].Length / 1e6, detail ?? Words.AskAdministrator)
                                    : Words.OverLimit(label, server.Host, detail ?? Words.AskAdministrator));
                                return ExitCodes.Failure;
                            case HttpStatusCode.ServiceUnavailable when attempt < MaxBusyTries:
                                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
                                wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxBusyWait ? MaxBusyWait : wait;
                                context.Error.WriteLine(Words.Busy(server.Host, label, wait.TotalSeconds, attempt + 1, MaxBusyTries));
                                sent = before;
                                onBytes?.Invoke(sent);
                                await Task.Delay(wait, cancellationToken);
                                continue;
                            case HttpStatusCode.ServiceUnavailable:
                                CliApp.WriteError(context, Words.StayedBusy(server.Host, MaxBusyTries, label));
                                return ExitCodes.Failure;
                            default:
                                CliApp.WriteError(context, Words.Refused(server.Host, label, (int)response.StatusCode, detail ?? response.ReasonPhrase ?? string.Empty));
                                return ExitCodes.Failure;
                        }
                    }
                    finally
                    {
                        foreach (var stream in streams)
                        {
                            await stream.DisposeAsync();
                        }
                    }
                }
            }

            return ExitCodes.Ok;
        }

        int code;
        if (showProgress)
        {
            code = ExitCodes.Ok;
            await context.Out.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(Words.Uploading(server.Host)), maxValue: Math.Max(1, total));
                    code = await UploadAll(b => task.Value = Math.Min(b, task.MaxValue));
                    task.Value = task.MaxValue;
                });
        }
        else
        {
            code = await UploadAll(null);
        }

        return code == ExitCodes.Ok ? (ImportSummary.Merge(parts), code) : (null, code);

        async Task<HttpResponseMessage?> Send(HttpClient client, Uri uri, HttpContent body, Uri target, CancellationToken ct)
        {
            try
            {
                return await client.PostAsync(uri, body, ct);
            }
            catch (HttpRequestException ex) when (!ct.IsCancellationRequested)
            {
                var what = ex.HttpRequestError switch
                {
                    HttpRequestError.NameResolutionError => Words.NameNotFound(target.Host),
                    HttpRequestError.ConnectionError => Words.NothingAnswered(target.Host, target.Port),
                    HttpRequestError.SecureConnectionError => Words.SecureConnectionFailed(target.Host),
                    _ => Words.ConnectionFailed(target.Host, ex.Message),
                };
                CliApp.WriteError(context, Words.CouldNotReach(target.ToString(), what));
                return null;
            }
        }
    }

    private static async Task<string?> ProblemDetail(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A read-only file stream that reports the bytes read from it, for the progress bar.</summary>
    private sealed class CountingStream(Stream inner, Action<long> onRead) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Report(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Report(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Report(int read)
        {
            if (read > 0)
            {
                onRead(read);
            }

            return read;
        }
    }
}
