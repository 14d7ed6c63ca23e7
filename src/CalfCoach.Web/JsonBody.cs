using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web;

/// <summary>
/// Reads a JSON request body strictly: the right content type, within the size limit, well-formed, and (for typed bodies)
/// no key the contract does not name. Each failure is the problem response that names what is wrong.
/// </summary>
internal static class JsonBody
{
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.WrongMediaType(request.ContentType, "application/json"));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.Large("$", maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, Problems.Large("$", maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            return (null, Problems.Malformed($"the body is not valid JSON{where}; send one JSON object."));
        }

        // A key given twice is refused, never read last-wins: {"startKm": 1, "startKm": 1e308} must not pass a check on
        // one copy and store the other, and the two answers to one question cannot both be meant.
        if (DuplicateKey(document.RootElement, "$") is { } duplicate)
        {
            document.Dispose();
            return (null, Problems.Invalid(duplicate, $"the key \"{duplicate}\" appears more than once; send each key once."));
        }

        return (document, null);
    }

    /// <summary>The path of the first key that appears twice in one object (at any depth), or null.</summary>
    private static string? DuplicateKey(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var at = path == "$" ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        return at;
                    }

                    if (DuplicateKey(property.Value, at) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (DuplicateKey(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The body as <typeparamref name="T"/>; an unknown key, a wrong type or a missing required key names itself.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, long maxBytes, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var (document, problem) = await ReadAsync(request, maxBytes, cancellationToken);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problems.Invalid("$", "send one JSON object."));
            }

            var known = typeInfo.Properties.Select(p => p.Name).ToArray();
            var unknown = document.RootElement.EnumerateObject().Select(p => p.Name).Where(n => !known.Contains(n, StringComparer.Ordinal)).ToArray();
            if (unknown.Length > 0)
            {
                return (null, Problems.Invalid(Problems.InvalidRequest, "The body has keys this request does not take.",
                    unknown.Select(key => (key, $"unknown key \"{key}\"; the keys are {string.Join(", ", known)}."))));
            }

            var missing = typeInfo.Properties.Where(p => p.IsRequired && !document.RootElement.TryGetProperty(p.Name, out _)).Select(p => p.Name).ToArray();
            if (missing.Length > 0)
            {
                return (null, Problems.Invalid(Problems.InvalidRequest, "The body is missing required keys.",
                    missing.Select(key => (key, $"missing required key \"{key}\"; a missing value is never taken as 0 or \"no\"."))));
            }

            try
            {
                return (document.Deserialize(typeInfo) ?? throw new JsonException("null body"), null);
            }
            catch (JsonException ex)
            {
                var key = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
                return (null, Problems.Invalid(key, key == "$"
                    ? "the body is missing a required key or has a value of the wrong type."
                    : $"\"{key}\" has a value of the wrong type, or null where a value is needed."));
            }
        }
    }

    /// <summary>
    /// The body as runner answers, read by the answers contract's own strict reader (the same as
    /// <c>calfcoach assess --answers</c>): a missing, unknown or wrong-typed key is a problem naming it.
    /// </summary>
    public static async Task<(RunnerAnswers? Answers, ProblemHttpResult? Problem)> ReadAnswersAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadAsync(request, maxBytes, cancellationToken);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            var read = AnswersJsonReader.Read(document.RootElement);
            return read.Answers is { } answers ? (answers, null) : (null, AnswersProblem(read.Errors));
        }
    }

    /// <summary>The answers contract's own strict reader (the same as <c>calfcoach assess --answers</c>) behind the shared body checks.</summary>
    public static ProblemHttpResult AnswersProblem(IReadOnlyList<AnswerError> errors) =>
        Problems.Invalid(Problems.InvalidAnswers, "The answers are not valid; each error names its key.", errors.Select(e => (e.Key, e.Message)));
}
