using System.Text.Json.Serialization;

namespace CalfCoach.Import.Export;

/// <summary>
/// <c>manifest.json</c> at the root of a runner's export: what it is (<see cref="Format"/>, <see cref="Version"/>), when and
/// as of which day it was made, and every original file in it (its path in the archive, the name it was uploaded under,
/// its SHA-256 and length, so a re-import can tell a damaged copy from the real one).
/// </summary>
/// <param name="ExportedAt">The instant the export was made (UTC, ISO 8601).</param>
/// <param name="AsOf">The day the programme in <c>programme.json</c> is for (YYYY-MM-DD).</param>
public sealed record ExportManifest(string Format, int Version, string ExportedAt, string AsOf, IReadOnlyList<ExportedOriginal> Originals);

/// <param name="Path">The entry in the archive (<c>originals/…</c>).</param>
/// <param name="Name">The name (with any folders) the file was uploaded under.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
public sealed record ExportedOriginal(string Path, string Name, string Sha256, long Length, string UploadedAt);

/// <summary><c>shoes.json</c>: the shoes, and which shoe each activity was run in.</summary>
/// <param name="Assignments">By the activity's content hash: ids are the database's own and change on re-import, the content does not.</param>
public sealed record ShoesDocument(IReadOnlyList<ShoeDocument> Shoes, IReadOnlyList<ShoeAssignmentDocument> Assignments);

/// <param name="StartDate">YYYY-MM-DD.</param>
/// <param name="StartDistanceMeters">What the shoe had run before it was added.</param>
/// <param name="RetiredOn">YYYY-MM-DD, or null while the shoe is in use.</param>
public sealed record ShoeDocument(string Name, string StartDate, double StartDistanceMeters, string? RetiredOn);

/// <param name="ActivityContentSha256">The activity's key: the SHA-256 of its file's content (<c>hash#i</c> for the i-th activity of a multi-activity file).</param>
public sealed record ShoeAssignmentDocument(string ActivityContentSha256, string Shoe);

/// <summary><c>assessments.json</c>: every stored answer set, in the order the programme replays them.</summary>
public sealed record AssessmentsDocument(IReadOnlyList<AssessmentDocument> Assessments);

/// <param name="Kind"><c>assessment</c> or <c>red-flag-check</c>.</param>
/// <param name="Onset">The day the pain began (YYYY-MM-DD): which episode it belongs to.</param>
/// <param name="AnswersVersion">The <c>version</c> of the answers object (1 when it has none), for readers; the answers themselves say it too.</param>
/// <param name="AnswersJson">The answers object exactly as stored (text, so not one byte changes on the way).</param>
public sealed record AssessmentDocument(string Kind, string AsOf, string Onset, int AnswersVersion, string AnswersJson, string RecordedAt);

/// <summary><c>check-ins.json</c>: pain and exercise check-ins, clinician visits and task check-offs, each in the order logged.</summary>
public sealed record CheckInsDocument(
    IReadOnlyList<PainCheckInDocument> Pain,
    IReadOnlyList<ExerciseCheckInDocument> Exercises,
    IReadOnlyList<ClinicianVisitDocument> ClinicianVisits,
    IReadOnlyList<TaskCheckOffDocument> TaskCheckOffs);

/// <param name="ClientId">The id the sending client made for it (an offline queue's), or null.</param>
public sealed record PainCheckInDocument(string Day, int Score, bool AtRest, bool Morning, string? Note, string? ClientId, string RecordedAt);

/// <param name="ClientId">The id the sending client made for it (an offline queue's), or null.</param>
public sealed record ExerciseCheckInDocument(string Day, string Name, int Sets, int Reps, double? LoadKg, int? Pain, string? ClientId, string RecordedAt);

/// <param name="RecordedBy">The address of the clinician who recorded it on a server; null when the runner logged it.</param>
public sealed record ClinicianVisitDocument(string Day, bool ClearedForRehab, string? Note, string? RecordedBy, string RecordedAt);

/// <param name="Task">The task's id in that day's plan.</param>
public sealed record TaskCheckOffDocument(string Day, string Task, string RecordedAt);

/// <summary>Who the runner shares their data with on the server the export came from (not restored: accounts are that server's).</summary>
public sealed record SharesDocument(IReadOnlyList<ShareRecordDocument> Shares);

/// <param name="Access"><c>read</c>, or <c>review</c> (may also record visits).</param>
public sealed record ShareRecordDocument(string Email, string Access, string Since);

/// <summary>Every read or change of the runner's data by someone else, newest first (not restored: it is that server's record).</summary>
public sealed record AuditDocument(IReadOnlyList<AuditRecordDocument> Events);

public sealed record AuditRecordDocument(string At, string ActorEmail, string ActorRole, string Action, string Resource);

/// <summary>
/// Strict both ways: a missing property or a null where none may be is an error when an export is read, so a damaged or
/// hand-edited file is refused with the property's path instead of restoring something else.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ExportManifest))]
[JsonSerializable(typeof(ShoesDocument))]
[JsonSerializable(typeof(AssessmentsDocument))]
[JsonSerializable(typeof(CheckInsDocument))]
[JsonSerializable(typeof(SharesDocument))]
[JsonSerializable(typeof(AuditDocument))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
