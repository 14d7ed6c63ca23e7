using System.Globalization;

namespace CalfCoach.Core.Validation;

/// <summary>
/// A range for a number that comes from outside (a JSON body, a form, a CLI option): finite and within
/// [<see cref="Min"/>, <see cref="Max"/>], so no infinity, NaN or absurd value ever reaches the domain or the database.
/// </summary>
/// <param name="What">The value in plain words, as the start of a sentence ("The starting distance").</param>
/// <param name="Unit">The unit written after the numbers (" km"), or empty.</param>
public sealed record NumberRule(string What, string Unit, double Min, double Max)
{
    public bool Allows(double value) => double.IsFinite(value) && value >= Min && value <= Max;

    public Checked<double> Check(string key, double value) => Allows(value)
        ? Checked.Valid<double>(value)
        : Checked.Refused<double>(new InputError(key, string.Create(CultureInfo.InvariantCulture,
            $"{What} must be a number from {Min:0.###} to {Max:0.###}{Unit}, not {Shown(value)}.")));

    public Checked<double?> Check(string key, double? value) =>
        value is { } v ? Check(key, v) is { IsValid: false } bad ? Checked.Refused<double?>(bad.Error!) : Checked.Valid<double?>(v) : Checked.Valid<double?>(null);

    /// <summary>The typed value, cut short: echoing 900 KB of digits back would be its own amplification.</summary>
    private static string Shown(double value) => double.IsNaN(value) ? "NaN"
        : double.IsInfinity(value) ? "infinity"
        : Math.Abs(value) >= 1e9 ? value.ToString("0.###E+0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A whole number from outside (sets, repetitions, a pain score) within [<see cref="Min"/>, <see cref="Max"/>].</summary>
public sealed record WholeNumberRule(string What, int Min, int Max)
{
    public bool Allows(long value) => value >= Min && value <= Max;

    public Checked<int> Check(string key, long value) => Allows(value)
        ? Checked.Valid<int>((int)value)
        : Checked.Refused<int>(new InputError(key, string.Create(CultureInfo.InvariantCulture, $"{What} must be a whole number from {Min} to {Max}, not {value}.")));

    public Checked<int?> Check(string key, long? value) =>
        value is { } v ? Check(key, v) is { IsValid: false } bad ? Checked.Refused<int?>(bad.Error!) : Checked.Valid<int?>((int)v) : Checked.Valid<int?>(null);
}

/// <summary>
/// Text from outside: trimmed, at most <see cref="MaxLength"/> characters, no control characters (line breaks only where
/// <see cref="Multiline"/>), and not blank where <see cref="Required"/>. Blank optional text becomes null.
/// </summary>
public sealed record TextRule(string What, int MaxLength, bool Required = false, bool Multiline = false)
{
    public Checked<string?> Check(string key, string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Required
                ? Checked.Refused<string?>(new InputError(key, $"{What} is needed; it cannot be empty."))
                : Checked.Valid<string?>(null);
        }

        if (trimmed.Length > MaxLength)
        {
            return Checked.Refused<string?>(new InputError(key, string.Create(CultureInfo.InvariantCulture,
                $"{What} is {trimmed.Length} characters long; keep it to {MaxLength}.")));
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c) && !(Multiline && c is '\n' or '\r' or '\t'))
            {
                return Checked.Refused<string?>(new InputError(key, $"{What} contains a control character (such as a tab or an invisible code); type plain text."));
            }
        }

        return Checked.Valid<string?>(trimmed);
    }
}

/// <summary>
/// A calendar day from outside: within [<see cref="Min"/>, <see cref="Max"/>], so date arithmetic on it (a week back,
/// 42 days of load, a year of history) can never run off the ends of the calendar (<c>0001-01-01</c> minus a day throws).
/// </summary>
public sealed record DateRule(string What, DateOnly Min, DateOnly Max)
{
    public bool Allows(DateOnly date) => date >= Min && date <= Max;

    public Checked<DateOnly> Check(string key, DateOnly date) => Allows(date)
        ? Checked.Valid<DateOnly>(date)
        : Checked.Refused<DateOnly>(new InputError(key, $"{What} must be between {IsoDate.ToText(Min)} and {IsoDate.ToText(Max)}, not {IsoDate.ToText(date)}."));

    /// <summary>Reads YYYY-MM-DD text (null or empty gives null) and checks the range.</summary>
    public Checked<DateOnly?> Parse(string key, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Checked.Valid<DateOnly?>(null);
        }

        if (!IsoDate.TryParse(text, out var date))
        {
            var shown = text.Length > 40 ? text[..40] + "…" : text;
            return Checked.Refused<DateOnly?>(new InputError(key, $"{What} must be written YYYY-MM-DD, such as 2026-03-14, not \"{shown}\"."));
        }

        return Check(key, date) is { IsValid: false } bad ? Checked.Refused<DateOnly?>(bad.Error!) : Checked.Valid<DateOnly?>(date);
    }
}

/// <summary>
/// Every limit on a value that enters from outside, in one table: the JSON API, the page forms and the CLI options all
/// check with these, so no shell accepts what another refuses. Ranges sit above real extremes (a 250 kg runner, a
/// 10,000 km shoe) and below what breaks arithmetic or display.
/// </summary>
public static class InputRules
{
    /// <summary>Any day a runner may name (training, a check-in, a date of birth, "as of").</summary>
    public static readonly DateRule Day = new("The date", new DateOnly(1900, 1, 1), new DateOnly(2199, 12, 31));

    public static readonly TextRule ShoeName = new("The shoe's name", 100, Required: true);
    public static readonly NumberRule ShoeStartKm = new("The distance already run in the shoe", " km", 0, 10_000);

    /// <summary>Free notes kept with a check-in or a clinician's visit.</summary>
    public static readonly TextRule Note = new("The note", 2_000, Multiline: true);

    /// <summary>One of <see cref="Plans.ExerciseNames.Loggable"/>, with a suggestion for a near miss.</summary>
    public static readonly ExerciseNameRule ExerciseName = new("The exercise");
    public static readonly WholeNumberRule Sets = new("The number of sets", 1, 100);
    public static readonly WholeNumberRule Reps = new("The number of repetitions", 0, 1_000);
    public static readonly NumberRule LoadKg = new("The added weight", " kg", 0, 300);
    public static readonly WholeNumberRule Pain = new("The pain score", 0, 10);

    /// <summary>A task of the plan ticked as done; also checked against the day's tasks (<see cref="Plans.TaskCheckOff.Check"/>).</summary>
    public static readonly TextRule TaskId = new("The task", 64, Required: true);

    /// <summary>The id a client makes for a check-in, so that sending it twice stores it once.</summary>
    public static readonly ClientIdRule ClientId = new("The check-in's client id", 64);

    public static readonly TextRule TimeZone = new("The time zone", 64);

    /// <summary>An account's e-mail address (its sign-in name).</summary>
    public static readonly EmailRule Email = new("The e-mail address", 254);

    /// <summary>A new password (signing in checks only the stored hash).</summary>
    public static readonly PasswordRule Password = new("The password", 12, 256);

    /// <summary>The name given to an API token, to tell tokens apart ("laptop import script").</summary>
    public static readonly TextRule TokenName = new("The token's name", 100, Required: true);

    /// <summary>A two-letter country code (ISO 3166-1), for the emergency numbers.</summary>
    public static readonly TextRule Country = new("The country code", 2);
    public static readonly NumberRule HeightCm = new("The height", " cm", 100, 250);
    public static readonly NumberRule LegCm = new("The leg length", " cm", 50, 140);
    public static readonly NumberRule MassKg = new("The body mass", " kg", 25, 250);
    public static readonly NumberRule MaxHr = new("The maximum heart rate", " beats a minute", 120, 230);
    public static readonly NumberRule RestingHr = new("The resting heart rate", " beats a minute", 25, 110);
    public static readonly NumberRule ShoeReviewKm = new("The distance to review shoes at", " km", 1, 10_000);
    public static readonly NumberRule ShoeReplaceKm = new("The distance to replace shoes by", " km", 1, 10_000);
}
