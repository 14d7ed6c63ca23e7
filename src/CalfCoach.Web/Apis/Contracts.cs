using System.Text.Json.Serialization;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Import;
using CalfCoach.Import.History;

namespace CalfCoach.Web.Apis;

// Request and response bodies of the API that have no CLI counterpart. Wire records, never storage rows.

/// <summary>One week (Monday to Sunday) of running.</summary>
/// <param name="WorkloadRatio">The acute:chronic ratio of distance (exponentially weighted) at the end of the week; null before there are four weeks of data.</param>
/// <param name="Spike">True when a distance-spike finding falls in this week.</param>
public sealed record WeekDocument(
    string Monday,
    double DistanceKm,
    int Runs,
    double MovingMinutes,
    double LongestRunKm,
    double? ChangePercent,
    int SpeedworkSessions,
    double? WorkloadRatio,
    bool Spike);

public sealed record WeeksDocument(string AsOf, IReadOnlyList<WeekDocument> Weeks);

/// <summary>A new pair of shoes. <c>since</c> (YYYY-MM-DD) defaults to today.</summary>
public sealed record ShoeRequest(string Name, string? Since = null, double? StartKm = null);

/// <summary>Retire a pair of shoes; <c>on</c> (YYYY-MM-DD) defaults to today.</summary>
public sealed record RetireShoeRequest(string Name, string? On = null);

/// <summary>The values to change (the options of <c>calfcoach profile</c>); a key left out keeps its value.</summary>
public sealed record ProfileUpdateRequest(
    string? Units = null,
    string? TimeZone = null,
    double? HeightCm = null,
    double? LegCm = null,
    double? MassKg = null,
    string? Born = null,
    double? MaxHr = null,
    double? RestingHr = null,
    double? ShoeReviewKm = null,
    double? ShoeReplaceKm = null,
    string? Country = null);

/// <summary>A pain check-in (0–10). Without <c>atRest</c> or <c>morning</c>: pain during walking or activity. <c>date</c> (YYYY-MM-DD) defaults to today.</summary>
/// <param name="ClientId">Optional: an id the client made (letters, digits, '-', '_'; at most 64), so a check-in sent again (an offline queue) is stored once.</param>
public sealed record PainCheckInRequest(int Score, bool? AtRest = null, bool? Morning = null, string? Note = null, string? Date = null, string? ClientId = null);

/// <summary>An exercise session: <c>name</c> as the plan's task id (e.g. heel-drops-straight-knee, single-leg-heel-raise, walk-run).</summary>
/// <param name="ClientId">Optional: an id the client made (letters, digits, '-', '_'; at most 64), so a check-in sent again (an offline queue) is stored once.</param>
public sealed record ExerciseCheckInRequest(string Name, int Sets, int Reps, double? LoadKg = null, int? Pain = null, string? Date = null, string? ClientId = null);

/// <summary>A stored pain check-in, with the client's id when it sent one.</summary>
public sealed record PainCheckInDocument(long Id, string Date, int Score, bool AtRest, bool Morning, string? Note, string? ClientId);

/// <summary>A stored exercise check-in, with the client's id when it sent one.</summary>
public sealed record ExerciseCheckInDocument(long Id, string Date, string Name, int Sets, int Reps, double? LoadKg, int? Pain, string? ClientId);

/// <summary>The check-ins stored from <c>from</c> to <c>to</c> (inclusive), in the order logged.</summary>
public sealed record CheckInsDocument(string From, string To, IReadOnlyList<PainCheckInDocument> Pain, IReadOnlyList<ExerciseCheckInDocument> Exercises);

/// <summary>One of the day's tasks ticked as done: <c>task</c> is its id in the plan's <c>today</c> list. <c>date</c> (YYYY-MM-DD) defaults to today.</summary>
public sealed record TaskCheckOffRequest(string Task, string? Date = null);

/// <summary>A visit to a clinician; <c>clearedForRehab</c> is their all-clear for graded rehabilitation, the only thing that lowers the advice.</summary>
public sealed record ClinicianReviewRequest(bool ClearedForRehab, string? Note = null, string? Date = null);

/// <summary>Sign in with an account's e-mail address and password.</summary>
public sealed record SessionRequest(string Email, string Password);

/// <summary>The signed-in account; <c>runnerId</c> is null for clinicians and admins.</summary>
public sealed record AccountDocument(long Id, string Email, string Role, long? RunnerId);

/// <summary>A new API token's name (to tell tokens apart later).</summary>
public sealed record TokenRequest(string Name);

/// <summary>A new API token: <c>token</c> is shown in this answer only (only its hash is stored).</summary>
public sealed record NewTokenDocument(long Id, string Name, string Token);

/// <summary>An API token as listed: its id, name and when it was made (UTC), never the token.</summary>
public sealed record TokenDocument(long Id, string Name, string Created);

/// <summary><c>POST /api/shares</c>: share with a clinician's account, reading only or also recording visits.</summary>
public sealed record ShareRequest(string Email, string Access);

/// <summary>A share as the runner sees it.</summary>
public sealed record ShareDocument(long Id, string Email, string Access, string Created);

/// <summary>An alert on the clinician's list: what happened and on which day.</summary>
public sealed record AlertDocument(string Kind, string Date, string Detail);

/// <summary>
/// One runner on a clinician's list. <c>status</c> is <c>"sharing"</c>, or <c>"deleted"</c> for a runner who deleted
/// their account (nothing else of them is kept: no name, no data; <c>deletedAt</c> says when).
/// </summary>
public sealed record AthleteDocument(
    long? Id,
    string? Name,
    string? Disposition,
    string? Phase,
    string? LastCheckIn,
    IReadOnlyList<AlertDocument> Alerts,
    string? Access,
    string Status,
    string? DeletedAt = null);

/// <summary>Who read or changed a runner's data.</summary>
public sealed record AuditActorDocument(string Email, string Role);

/// <summary>One audited read or change of the runner's data by someone else.</summary>
public sealed record AuditEventDocument(string At, AuditActorDocument Actor, string Action, string Resource);

/// <summary><c>DELETE /api/me</c>: the password, so a session left open cannot erase an account.</summary>
public sealed record DeleteAccountRequest(string Password);

/// <summary>A recorded answer set (an assessment or a re-check of the warning signs) with its result.</summary>
public sealed record RecordedAssessmentDocument(long Id, string Kind, string AsOf, string Onset, AssessmentDocument Result);

// Constructor parameters without a default are required, and non-nullable ones refuse null: a check-in without
// its score must be an error naming "score", never a pain of 0 (the same rule as a missing answer).
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(WeeksDocument))]
[JsonSerializable(typeof(ShoeRequest))]
[JsonSerializable(typeof(RetireShoeRequest))]
[JsonSerializable(typeof(ProfileUpdateRequest))]
[JsonSerializable(typeof(ShoeRow[]))]
[JsonSerializable(typeof(PainCheckInRequest))]
[JsonSerializable(typeof(ExerciseCheckInRequest))]
[JsonSerializable(typeof(ClinicianReviewRequest))]
[JsonSerializable(typeof(TaskCheckOffRequest))]
[JsonSerializable(typeof(CheckInsDocument))]
[JsonSerializable(typeof(SessionRequest))]
[JsonSerializable(typeof(AccountDocument))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(NewTokenDocument))]
[JsonSerializable(typeof(TokenDocument[]))]
[JsonSerializable(typeof(ShareRequest))]
[JsonSerializable(typeof(ShareDocument))]
[JsonSerializable(typeof(ShareDocument[]))]
[JsonSerializable(typeof(AthleteDocument[]))]
[JsonSerializable(typeof(AuditEventDocument[]))]
[JsonSerializable(typeof(DeleteAccountRequest))]
[JsonSerializable(typeof(RecordedAssessmentDocument[]))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
public sealed partial class WebJsonContext : JsonSerializerContext;

/// <summary>One line of a streamed import (<c>Accept: application/x-ndjson</c>): progress while it runs, the summary last.</summary>
/// <param name="Error">Why a streamed import stopped without a summary (the import memory was in use: send it again later).</param>
public sealed record ImportProgressLine(ImportProgress? Progress, ImportSummary? Summary, string? Error = null);

/// <summary>The summary page fragment of an import the page's script streamed from the API.</summary>
public sealed record ImportSummaryFragmentRequest(ImportSummary? Summary, string? Error);

// One JSON object per line: never indented, nulls left out.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImportProgressLine))]
[JsonSerializable(typeof(ImportSummaryFragmentRequest))]
public sealed partial class ImportStreamJsonContext : JsonSerializerContext;
