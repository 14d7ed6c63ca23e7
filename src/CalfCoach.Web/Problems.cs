using System.Globalization;
using CalfCoach.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CalfCoach.Web;

/// <summary>
/// The API's error responses: RFC 9457 problem details (<c>application/problem+json</c>) with a stable <c>type</c>
/// and an <c>errors</c> object whose keys name the offending field, answer key, form part or header.
/// The README lists every type.
/// </summary>
public static class Problems
{
    public const string MalformedJson = "urn:calfcoach:problem:malformed-json";
    public const string InvalidAnswers = "urn:calfcoach:problem:invalid-answers";
    public const string InvalidRequest = "urn:calfcoach:problem:invalid-request";
    public const string UnsupportedMediaType = "urn:calfcoach:problem:unsupported-media-type";
    public const string TooLarge = "urn:calfcoach:problem:too-large";
    public const string NotFound = "urn:calfcoach:problem:not-found";
    public const string CrossSite = "urn:calfcoach:problem:cross-site";
    public const string HostNotAllowed = "urn:calfcoach:problem:host-not-allowed";
    public const string MethodNotAllowedType = "urn:calfcoach:problem:method-not-allowed";
    public const string UnreadableRequest = "urn:calfcoach:problem:unreadable-request";
    public const string ImportBusy = "urn:calfcoach:problem:import-busy";
    public const string SignInNeededType = "urn:calfcoach:problem:sign-in-needed";
    public const string SignInRefused = "urn:calfcoach:problem:sign-in-refused";
    public const string TooManySignIns = "urn:calfcoach:problem:too-many-sign-ins";
    public const string ForbiddenType = "urn:calfcoach:problem:forbidden";

    /// <summary>Seconds a client is asked to wait when the import memory is in use (an upload of a few hundred MB takes about that).</summary>
    public const int ImportBusyRetryAfterSeconds = 30;

    /// <summary>
    /// 503: other uploads hold the process's import memory budget. The caller sets <c>Retry-After</c>
    /// (<see cref="ImportBusyRetryAfterSeconds"/>); a retry skips what this request already stored.
    /// </summary>
    public static ProblemHttpResult Busy(string message) =>
        Create(StatusCodes.Status503ServiceUnavailable, ImportBusy, "The server is importing other uploads; try again shortly.", "files", message);

    /// <summary>401: no session cookie or token, or one that has ended (signed out, expired, password changed, revoked).</summary>
    public static ProblemHttpResult SignInNeeded() =>
        Create(StatusCodes.Status401Unauthorized, SignInNeededType, "Sign in first.", "Authorization",
            "send the session cookie from POST /api/session or \"Authorization: Bearer TOKEN\" with a token from POST /api/tokens; a session ends after 30 idle minutes.");

    /// <summary>401 from <c>POST /api/session</c>: the same answer for an unknown address and a wrong password.</summary>
    public static ProblemHttpResult BadCredentials() =>
        Create(StatusCodes.Status401Unauthorized, SignInRefused, "The e-mail address or the password is not right.", "password",
            "check both and try again.");

    /// <summary>429: too many failed sign-ins; the caller sets <c>Retry-After</c>.</summary>
    public static ProblemHttpResult Throttled(TimeSpan retryAfter) =>
        Create(StatusCodes.Status429TooManyRequests, TooManySignIns, "Too many failed sign-ins.", "email",
            string.Create(CultureInfo.InvariantCulture, $"wait {Math.Ceiling(retryAfter.TotalMinutes):0} minutes and try again; a browser you signed in with before is not held up by others' attempts."));

    /// <summary>403: signed in, but the account may not do this (a setting only an admin may change).</summary>
    public static ProblemHttpResult NotAllowed() =>
        Create(StatusCodes.Status403Forbidden, ForbiddenType, "Your account may not do this.", "role", "ask an admin of this server.");

    public static ProblemHttpResult Malformed(string message) =>
        Create(StatusCodes.Status400BadRequest, MalformedJson, "The request body is not valid JSON.", "$", message);

    public static ProblemHttpResult Invalid(string type, string title, IEnumerable<(string Key, string Message)> errors) =>
        Create(StatusCodes.Status400BadRequest, type, title, errors);

    public static ProblemHttpResult Invalid(InputError error) => Invalid(error.Key, error.Message);

    public static ProblemHttpResult Invalid(IReadOnlyCollection<InputError> errors) =>
        Invalid(InvalidRequest, errors.Count == 1 ? "A value in the request is not valid." : "Values in the request are not valid.", errors.Select(e => (e.Key, e.Message)));

    public static ProblemHttpResult Invalid(string key, string message) =>
        Create(StatusCodes.Status400BadRequest, InvalidRequest, "A value in the request is not valid.", key, message);

    public static ProblemHttpResult WrongMediaType(string? actual, string expected) =>
        Create(StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaType, "The request body has the wrong content type.",
            "Content-Type", $"send {expected}, not {(string.IsNullOrEmpty(actual) ? "a body without a Content-Type" : actual)}.");

    public static ProblemHttpResult Large(string key, long limitBytes) =>
        Create(StatusCodes.Status413PayloadTooLarge, TooLarge, "The request body is too large.",
            key, $"the limit is {Size(limitBytes)}; send less at once (imports can be split over several requests).");

    public static ProblemHttpResult CrossSiteRequest(string header, string message) =>
        Create(StatusCodes.Status403Forbidden, CrossSite, "Changes can only come from CalfCoach's own pages.", header, message);

    public static ProblemHttpResult UnknownHost(string host, IReadOnlyCollection<string> names) =>
        Create(StatusCodes.Status400BadRequest, HostNotAllowed, "This server answers only to its own address.", "Host",
            $"\"{Cut(host)}\" is not a name this server answers to; open CalfCoach at {string.Join(" or ", names.Select(n => n == "localhost" ? "http://127.0.0.1 or http://localhost" : n))}.");

    /// <param name="answers">What is taken instead: the whole server's methods, or one page's ("GET and HEAD").</param>
    public static ProblemHttpResult MethodNotAllowed(string method, string answers = "CalfCoach answers GET, HEAD, POST and PATCH") =>
        Create(StatusCodes.Status405MethodNotAllowed, MethodNotAllowedType, "This server does not take that kind of request.", "method",
            $"\"{Cut(method)}\" is not used here; {answers}.");

    /// <summary>The form or body could not be read: cut short, or more fields than any page sends.</summary>
    public static ProblemHttpResult Unreadable(int status, string key, string message) =>
        Create(status, status == StatusCodes.Status413PayloadTooLarge ? TooLarge : UnreadableRequest,
            status == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.", key, message);

    /// <summary>
    /// A problem as a page says it: the messages alone, each a sentence, without the keys the API puts before them (a
    /// runner reads "The password is not right", not "password: the password is not right").
    /// </summary>
    public static string ForPage(ProblemHttpResult problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 } details)
        {
            return problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? string.Empty;
        }

        return string.Join(" ", details.Errors.Values.SelectMany(m => m).Select(Sentence));

        static string Sentence(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];
    }

    public static ProblemHttpResult Missing(string key, string message) =>
        Create(StatusCodes.Status404NotFound, NotFound, "Not found.", key, message);

    private static ProblemHttpResult Create(int status, string type, string title, string key, string message) =>
        Create(status, type, title, [(key, message)]);

    private static ProblemHttpResult Create(int status, string type, string title, IEnumerable<(string Key, string Message)> errors)
    {
        var grouped = errors.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.Problem(new HttpValidationProblemDetails(grouped)
        {
            Status = status,
            Type = type,
            Title = title,
            Detail = string.Join(" ", grouped.Select(g => $"{g.Key}: {string.Join(" ", g.Value)}")),
        });
    }

    /// <summary>Echoed request text, kept short: a refusal must never be larger than what was refused.</summary>
    private static string Cut(string text) => text.Length <= 100 ? text : string.Concat(text.AsSpan(0, 100), "…");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");
}
