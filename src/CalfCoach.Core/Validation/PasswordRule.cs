namespace CalfCoach.Core.Validation;

/// <summary>
/// A new password: at least <see cref="MinLength"/> characters (NIST SP 800-63B asks for length, not character classes)
/// and at most <see cref="MaxLength"/>, so hashing stays cheap. Never trimmed, never echoed in a message.
/// </summary>
public sealed record PasswordRule(string What, int MinLength, int MaxLength)
{
    public Checked<string?> Check(string key, string? password)
    {
        var length = password?.Length ?? 0;
        if (length < MinLength)
        {
            return Checked.Refused<string?>(new InputError(key, $"{What} must have at least {MinLength} characters; a few words make a good one."));
        }

        return length > MaxLength
            ? Checked.Refused<string?>(new InputError(key, $"{What} has {length} characters; keep it to {MaxLength}."))
            : Checked.Valid<string?>(password);
    }
}
