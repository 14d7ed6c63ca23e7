using System.Text.Json;

namespace CalfCoach.Core.Assessment.Json;

/// <summary>
/// Reads the answers contract strictly. A missing, null, misspelled or unknown key is an error,
/// never a silent "no": under-triage is the one mistake this tool must not make.
/// </summary>
public static class AnswersJsonReader
{
    private static readonly Dictionary<string, Symptom> SymptomByKey =
        Questionnaire.SymptomQuestions.ToDictionary(q => q.Key, q => q.Symptom, StringComparer.Ordinal);

    private static readonly HashSet<string> KnownKeys = new(Questionnaire.AllKeys, StringComparer.Ordinal);

    private static readonly Dictionary<string, DvtRiskFactor> DvtByWire =
        Enum.GetValues<DvtRiskFactor>().ToDictionary(f => f.Id(), StringComparer.Ordinal);

    private static readonly Dictionary<string, RecentChange> ChangeByWire =
        Enum.GetValues<RecentChange>().ToDictionary(c => c.Id(), StringComparer.Ordinal);

    internal static readonly Dictionary<string, Side> SideByWire = new(StringComparer.Ordinal)
    {
        ["left"] = Side.Left,
        ["right"] = Side.Right,
        ["both"] = Side.Both,
    };

    internal static readonly Dictionary<string, Onset> OnsetByWire = new(StringComparer.Ordinal)
    {
        ["sudden"] = Onset.Sudden,
        ["gradual"] = Onset.Gradual,
    };

    private static readonly Dictionary<string, RestPainKind> RestPainByWire = ByWire<RestPainKind>(SignDetailText.Id);
    private static readonly Dictionary<string, NumbnessKind> NumbnessByWire = ByWire<NumbnessKind>(SignDetailText.Id);
    private static readonly Dictionary<string, SwellingExtent> SwellingExtentByWire = ByWire<SwellingExtent>(SignDetailText.Id);
    private static readonly Dictionary<string, SwellingCause> SwellingCauseByWire = ByWire<SwellingCause>(SignDetailText.Id);
    private static readonly Dictionary<string, RecurringEases> RecurringEasesByWire = ByWire<RecurringEases>(SignDetailText.Id);
    private static readonly Dictionary<string, SkinPatch> SkinPatchByWire = ByWire<SkinPatch>(SignDetailText.Id);
    private static readonly Dictionary<string, FootWeakOnset> FootWeakOnsetByWire = ByWire<FootWeakOnset>(SignDetailText.Id);
    private static readonly Dictionary<string, WoundAftermath> WoundAftermathByWire = ByWire<WoundAftermath>(SignDetailText.Id);
    private static readonly Dictionary<string, Medicine> MedicineByWire = ByWire<Medicine>(SignDetailText.Id);

    private static readonly Dictionary<string, PainLocation?> LocationByWire = new(
        Enum.GetValues<PainLocation>().Select(l => KeyValuePair.Create(l.Id(), (PainLocation?)l))
            .Append(KeyValuePair.Create(Questionnaire.NotSure, (PainLocation?)null)),
        StringComparer.Ordinal);

    /// <summary>The values <c>side</c> accepts (for schemas and help that must not drift from this reader).</summary>
    public static IReadOnlyCollection<string> SideChoices => SideByWire.Keys;

    /// <summary>The values <c>onset</c> accepts.</summary>
    public static IReadOnlyCollection<string> OnsetChoices => OnsetByWire.Keys;

    /// <summary>The items <c>dvtRiskFactors</c> accepts.</summary>
    public static IReadOnlyCollection<string> DvtRiskFactorChoices => DvtByWire.Keys;

    /// <summary>The items <c>recentChanges</c> accepts.</summary>
    public static IReadOnlyCollection<string> RecentChangeChoices => ChangeByWire.Keys;

    /// <summary>The items <c>medicines</c> accepts.</summary>
    public static IReadOnlyCollection<string> MedicineChoices => MedicineByWire.Keys;

    /// <summary>The values <c>painLocation</c> accepts.</summary>
    public static IReadOnlyCollection<string> PainLocationChoices => LocationByWire.Keys;

    public static AnswersReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}"
                : string.Empty;
            return Fail(new AnswerError("$", $"the answers are not valid JSON{where}: {FirstSentence(ex.Message)} Check that the file holds one JSON object."));
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static AnswersReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(new AnswerError("$", $"the answers must be a JSON object with one key per question, not {Describe(root)}."));
        }

        var errors = new List<AnswerError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var present = new HashSet<Symptom>();
        int? daysSinceOnset = null, daysOfHomeCare = null;
        PainScore? painScore = null;
        Side? side = null;
        Onset? onset = null;
        bool? afterInjury = null, crampDuringRun = null, diabetes = null;
        var dvt = new HashSet<DvtRiskFactor>();
        var changes = new HashSet<RecentChange>();
        var version = Questionnaire.FirstVersion;
        RestPainKind? restPain = null;
        NumbnessKind? numbness = null;
        SwellingExtent? swellingExtent = null;
        SwellingCause? swellingCause = null;
        RecurringEases? recurringEases = null;
        SkinPatch? skinPatch = null;
        FootWeakOnset? footWeakOnset = null;
        WoundAftermath? woundAftermath = null;
        PainLocation? location = null;
        var medicines = new HashSet<Medicine>();

        foreach (var property in root.EnumerateObject())
        {
            var key = property.Name;
            var value = property.Value;
            if (!seen.Add(key))
            {
                errors.Add(new AnswerError(key, $"key \"{key}\" appears more than once; give each answer once."));
                continue;
            }

            if (!KnownKeys.Contains(key))
            {
                errors.Add(new AnswerError(key, UnknownKeyMessage(key)));
                continue;
            }

            if (SymptomByKey.TryGetValue(key, out var symptom))
            {
                if (RequiredBool(key, value, errors) is true)
                {
                    present.Add(symptom);
                }

                continue;
            }

            switch (key)
            {
                case Questionnaire.DaysSinceOnsetKey:
                    daysSinceOnset = RequiredDays(key, value, errors);
                    break;
                case Questionnaire.DaysOfHomeCareKey:
                    daysOfHomeCare = RequiredDays(key, value, errors);
                    break;
                case Questionnaire.PainScoreKey:
                    painScore = OptionalPainScore(key, value, errors);
                    break;
                case Questionnaire.SideKey:
                    side = OptionalChoice(key, value, SideByWire, errors);
                    break;
                case Questionnaire.OnsetKey:
                    onset = OptionalChoice(key, value, OnsetByWire, errors);
                    break;
                case Questionnaire.AfterInjuryKey:
                    afterInjury = OptionalBool(key, value, errors);
                    break;
                case Questionnaire.CrampDuringRunKey:
                    crampDuringRun = OptionalBool(key, value, errors);
                    break;
                case Questionnaire.DiabetesOrImmunosuppressedKey:
                    diabetes = OptionalBool(key, value, errors);
                    break;
                case Questionnaire.DvtRiskFactorsKey:
                    OptionalList(key, value, DvtByWire, dvt, errors);
                    break;
                case Questionnaire.RecentChangesKey:
                    OptionalList(key, value, ChangeByWire, changes, errors);
                    break;
                case Questionnaire.VersionKey:
                    version = ReadVersion(key, value, errors) ?? version;
                    break;
                case Questionnaire.RestPainKey:
                    restPain = RequiredChoice(key, value, RestPainByWire, errors);
                    break;
                case Questionnaire.NumbnessKey:
                    numbness = RequiredChoice(key, value, NumbnessByWire, errors);
                    break;
                case Questionnaire.SwellingExtentKey:
                    swellingExtent = RequiredChoice(key, value, SwellingExtentByWire, errors);
                    break;
                case Questionnaire.SwellingCauseKey:
                    swellingCause = RequiredChoice(key, value, SwellingCauseByWire, errors);
                    break;
                case Questionnaire.RecurringEasesKey:
                    recurringEases = RequiredChoice(key, value, RecurringEasesByWire, errors);
                    break;
                case Questionnaire.SkinPatchKey:
                    skinPatch = RequiredChoice(key, value, SkinPatchByWire, errors);
                    break;
                case Questionnaire.FootWeakOnsetKey:
                    footWeakOnset = RequiredChoice(key, value, FootWeakOnsetByWire, errors);
                    break;
                case Questionnaire.WoundAftermathKey:
                    woundAftermath = RequiredChoice(key, value, WoundAftermathByWire, errors);
                    break;
                case Questionnaire.PainLocationKey:
                    location = ReadLocation(key, value, errors);
                    break;
                case Questionnaire.MedicinesKey:
                    if (value.ValueKind == JsonValueKind.Null)
                    {
                        errors.Add(new AnswerError(key, $"key \"{key}\" is null: give an array, empty if you take none of {ListChoices(MedicineByWire.Keys)}."));
                    }

                    OptionalList(key, value, MedicineByWire, medicines, errors);
                    break;
                default:
                    throw new InvalidOperationException($"Known key \"{key}\" has no reader.");
            }
        }

        foreach (var question in Questionnaire.SymptomQuestions.Where(q => q.SinceVersion <= version))
        {
            if (!seen.Contains(question.Key))
            {
                errors.Add(new AnswerError(question.Key,
                    $"missing required key \"{question.Key}\": answer true or false. A missing answer is never taken as \"no\"."));
            }
        }

        CheckVersionedKeys(version, seen, present, errors);

        foreach (var key in new[] { Questionnaire.DaysSinceOnsetKey, Questionnaire.DaysOfHomeCareKey })
        {
            if (!seen.Contains(key))
            {
                errors.Add(new AnswerError(key, $"missing required key \"{key}\": give a whole number of days, 0 or more."));
            }
        }

        if (daysSinceOnset is { } onsetDays && daysOfHomeCare is { } careDays && careDays > onsetDays)
        {
            errors.Add(new AnswerError(Questionnaire.DaysOfHomeCareKey,
                $"key \"{Questionnaire.DaysOfHomeCareKey}\" ({careDays}) cannot be more than \"{Questionnaire.DaysSinceOnsetKey}\" ({onsetDays}): home care cannot have started before the pain."));
        }

        if (errors.Count > 0)
        {
            return new AnswersReadResult(null, errors);
        }

        var answers = new RunnerAnswers(present, daysSinceOnset!.Value, daysOfHomeCare!.Value)
        {
            PainScore = painScore,
            Side = side,
            Onset = onset,
            AfterInjury = afterInjury,
            CrampDuringRun = crampDuringRun,
            DiabetesOrImmunosuppressed = diabetes,
            DvtRiskFactors = dvt,
            RecentChanges = changes,
            Version = version,
            RestPain = restPain,
            Numbness = numbness,
            SwellingExtent = swellingExtent,
            SwellingCause = swellingCause,
            RecurringEases = recurringEases,
            SkinPatch = skinPatch,
            FootWeakOnset = footWeakOnset,
            WoundAftermath = woundAftermath,
            Location = location,
            Medicines = medicines,
        };
        return new AnswersReadResult(answers, []);
    }

    private static AnswersReadResult Fail(AnswerError error) => new(null, [error]);

    private static Dictionary<string, T> ByWire<T>(Func<T, string> id)
        where T : struct, Enum => Enum.GetValues<T>().ToDictionary(id, StringComparer.Ordinal);

    /// <summary>
    /// Version 1 objects may not hold keys first asked in version 2 (a file that mixes them was written by hand and its
    /// meaning is unclear). A version-2 object answers every version-2 sign (checked with the other signs), where it
    /// hurts, the medicines, and every follow-up of a gateway answered "yes"; a follow-up of a gateway answered "no"
    /// contradicts it.
    /// </summary>
    private static void CheckVersionedKeys(int version, HashSet<string> seen, HashSet<Symptom> present, List<AnswerError> errors)
    {
        if (version < 2)
        {
            foreach (var key in seen.Where(Questionnaire.VersionTwoKeys.Contains))
            {
                errors.Add(new AnswerError(key,
                    $"key \"{key}\" belongs to version 2 of the questions: add \"version\": 2 and answer all of them, or leave it out."));
            }

            return;
        }

        foreach (var detail in Questionnaire.Details)
        {
            var gateways = string.Join(" or ", detail.Gateways.Select(g => $"\"{Questionnaire.For(g).Key}\""));
            var choices = ListChoices(detail.Choices.Select(c => c.Value));
            var asked = detail.IsAskedFor(present);
            if (asked && !seen.Contains(detail.Key))
            {
                errors.Add(new AnswerError(detail.Key,
                    $"missing required key \"{detail.Key}\": {gateways} is true, so say which of {choices} fits."));
            }
            else if (!asked && seen.Contains(detail.Key) && detail.Gateways.All(g => seen.Contains(Questionnaire.For(g).Key)))
            {
                errors.Add(new AnswerError(detail.Key,
                    $"key \"{detail.Key}\" follows up {gateways}, which is false: leave it out, or answer true there."));
            }
        }

        if (!seen.Contains(Questionnaire.PainLocationKey))
        {
            errors.Add(new AnswerError(Questionnaire.PainLocationKey,
                $"missing required key \"{Questionnaire.PainLocationKey}\": give one of {ListChoices(LocationByWire.Keys)}."));
        }

        if (!seen.Contains(Questionnaire.MedicinesKey))
        {
            errors.Add(new AnswerError(Questionnaire.MedicinesKey,
                $"missing required key \"{Questionnaire.MedicinesKey}\": give an array (empty if none) of {ListChoices(MedicineByWire.Keys)}."));
        }
    }

    private static int? ReadVersion(string key, JsonElement value, List<AnswerError> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            && number is >= Questionnaire.FirstVersion and <= Questionnaire.CurrentVersion)
        {
            return number;
        }

        errors.Add(new AnswerError(key,
            $"key \"{key}\" must be {Questionnaire.FirstVersion} or {Questionnaire.CurrentVersion}, not {Describe(value)}."));
        return null;
    }

    private static PainLocation? ReadLocation(string key, JsonElement value, List<AnswerError> errors)
    {
        if (value.ValueKind == JsonValueKind.String && LocationByWire.TryGetValue(value.GetString()!, out var location))
        {
            return location;
        }

        errors.Add(new AnswerError(key, $"key \"{key}\" must be one of {ListChoices(LocationByWire.Keys)}, not {Describe(value)}."));
        return null;
    }

    private static bool? RequiredBool(string key, JsonElement value, List<AnswerError> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                errors.Add(new AnswerError(key, $"key \"{key}\" is null: answer true or false. An empty answer is never taken as \"no\"."));
                return null;
            default:
                errors.Add(new AnswerError(key, $"key \"{key}\" must be true or false, not {Describe(value)}."));
                return null;
        }
    }

    private static bool? OptionalBool(string key, JsonElement value, List<AnswerError> errors) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        _ => RequiredBool(key, value, errors),
    };

    private static int? RequiredDays(string key, JsonElement value, List<AnswerError> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var days) && days >= 0)
        {
            return days;
        }

        var not = value.ValueKind == JsonValueKind.Null ? "null" : Describe(value);
        errors.Add(new AnswerError(key, $"key \"{key}\" must be a whole number of days, 0 or more, not {not}."));
        return null;
    }

    private static PainScore? OptionalPainScore(string key, JsonElement value, List<AnswerError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var score) && score is >= 0 and <= PainScore.Max)
        {
            return new PainScore(score);
        }

        errors.Add(new AnswerError(key, $"key \"{key}\" must be a whole number from 0 to {PainScore.Max}, not {Describe(value)}."));
        return null;
    }

    /// <summary>A follow-up, once given, must name its choice: null is not an answer.</summary>
    private static T? RequiredChoice<T>(string key, JsonElement value, Dictionary<string, T> choices, List<AnswerError> errors)
        where T : struct
    {
        if (value.ValueKind != JsonValueKind.Null)
        {
            return OptionalChoice(key, value, choices, errors);
        }

        errors.Add(new AnswerError(key, $"key \"{key}\" is null: give one of {ListChoices(choices.Keys)}."));
        return null;
    }

    private static T? OptionalChoice<T>(string key, JsonElement value, Dictionary<string, T> choices, List<AnswerError> errors)
        where T : struct
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && choices.TryGetValue(value.GetString()!, out var choice))
        {
            return choice;
        }

        errors.Add(new AnswerError(key, $"key \"{key}\" must be one of {ListChoices(choices.Keys)}, not {Describe(value)}."));
        return null;
    }

    private static void OptionalList<T>(string key, JsonElement value, Dictionary<string, T> choices, HashSet<T> into, List<AnswerError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new AnswerError(key, $"key \"{key}\" must be an array of strings from {ListChoices(choices.Keys)}, not {Describe(value)}."));
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && choices.TryGetValue(item.GetString()!, out var choice))
            {
                into.Add(choice);
            }
            else
            {
                errors.Add(new AnswerError(key, $"key \"{key}\" item {index} must be one of {ListChoices(choices.Keys)}, not {Describe(item)}."));
            }

            index++;
        }
    }

    private static string UnknownKeyMessage(string key)
    {
        var suggestion = Questionnaire.AllKeys
            .Select(known => (known, distance: Validation.Spelling.EditDistance(key.ToUpperInvariant(), known.ToUpperInvariant())))
            .Where(x => x.distance <= Math.Max(2, x.known.Length / 4))
            .OrderBy(x => x.distance)
            .Select(x => x.known)
            .FirstOrDefault();
        return suggestion is null
            ? $"unknown key \"{key}\": it is not one of the questions. The answers reference lists every key."
            : $"unknown key \"{key}\": did you mean \"{suggestion}\"?";
    }

    private static string ListChoices(IEnumerable<string> choices) =>
        string.Join(", ", choices.Select(c => $"\"{c}\""));

    /// <summary>Names a JSON value the way a person would read it in an error message.</summary>
    private static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        if (raw.Length > 40)
        {
            raw = string.Concat(raw.AsSpan(0, 37), "...");
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => $"the string {raw}",
            JsonValueKind.Number => raw,
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.True or JsonValueKind.False => raw,
            JsonValueKind.Null => "null",
            _ => raw,
        };
    }

    /// <summary>The parser's own explanation, without its internal position suffix and option hints.</summary>
    private static string FirstSentence(string message)
    {
        var text = message.ReplaceLineEndings(" ");
        foreach (var marker in new[] { " LineNumber:", " Path:", " Change the reader options." })
        {
            var cut = text.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0)
            {
                text = text[..cut];
            }
        }

        text = text.Trim();
        return text.EndsWith('.') ? text : text + ".";
    }
}
