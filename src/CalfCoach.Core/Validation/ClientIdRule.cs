namespace CalfCoach.Core.Validation;

/// <summary>
/// The id a client makes for a check-in it may send more than once (a phone's offline queue replaying after a lost
/// answer): at most <see cref="MaxLength"/> letters, digits, '-' and '_', so it is safe in a URL, a log line and an index.
/// A UUID (36 characters) fits. Blank means "no id": the check-in is stored as sent.
/// </summary>
public sealed record ClientIdRule(string What, int MaxLength)
{
    public Checked<string?> Check(string key, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return Checked.Valid<string?>(null);
        }

        if (id.Length > MaxLength)
        {
            return Checked.Refused<string?>(new InputError(key, $"{What} is {id.Length} characters long; keep it to {MaxLength}."));
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return Checked.Refused<string?>(new InputError(key, $"{What} may hold only letters, digits, '-' and '_' (a UUID will do)."));
            }
        }

        return Checked.Valid<string?>(id);
    }
}
